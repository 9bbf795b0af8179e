"""Print the median, min and max of each command in a hyperfine --export-json file."""
import json
import sys

for r in json.load(open(sys.argv[1]))["results"]:
    name = r.get("command", "")[:60]
    print(f"  {name:60}  median {r['median']:.3f} s  (min {r['min']:.3f}, max {r['max']:.3f})")
