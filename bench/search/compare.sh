#!/usr/bin/env bash
# Same-run comparison of two guidepost binaries' search index on one generated corpus:
# index build time (GUIDEPOST_SEARCH_TIMING, medians of RUNS alternating builds), index size
# raw and gzip, and the bytes and files a first query fetches in headless Chromium
# (bench/search/query.mjs, guidepost only). For a change to search: is it at or below before?
# Usage: bench/search/compare.sh OLD_BIN NEW_BIN [PAGES]   (default 10000; env RUNS, default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/common.sh
use_project_node
old=$(realpath "$1") new=$(realpath "$2") pages=${3:-10000} runs=${RUNS:-5}
work=$(mktemp -d /tmp/guidepost-search-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
[[ -d tests/browser/node_modules/playwright-core ]] || npm ci --prefix tests/browser >/dev/null
gen_site plain "$pages" "$work/site" 2>/dev/null
python3 bench/search/queries.py corpus "$work/site/content" >"$work/q.json"
declare -A times cpu
for ((i = 0; i < runs; i++)); do
  for tag in old new; do
    bin=$old
    [[ $tag == new ]] && bin=$new
    rm -rf "$work/out-$tag"
    line=$(GUIDEPOST_SEARCH_TIMING=1 "$bin" build --root "$work/site" --output "$work/out-$tag" 2>&1 | grep '^search index:')
    times[$tag]+=" $(echo "$line" | grep -o '[0-9.]* s$' | cut -d' ' -f1)"
    # The index's CPU time (all threads), when the binary reports it: steadier than wall time
    # on a shared machine.
    cpu[$tag]+=" $(echo "$line" | { grep -o 'CPU [0-9.]* s' || true; } | cut -d' ' -f2)"
  done
done
for tag in old new; do
  python3 - "$work/out-$tag/search" "$tag" "${cpu[$tag]}" ${times[$tag]} <<'PY'
import gzip, os, statistics, sys
raw = gz = n = 0
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        b = open(os.path.join(d, f), "rb").read()
        raw += len(b); gz += len(gzip.compress(b, 9, mtime=0)); n += 1
t = [float(x) for x in sys.argv[4:]]
cpu = [float(x) for x in sys.argv[3].split()]
cpu = f", CPU median {statistics.median(cpu):.3f} s (runs {sys.argv[3].strip()})" if cpu else ""
print(f"{sys.argv[2]}: index build median {statistics.median(t):.3f} s (runs {' '.join(sys.argv[4:])}){cpu}; {n} files, raw {raw} B, gzip {gz} B")
PY
  node bench/search/query.mjs "$work/out-$tag" "$work/q.json" --guidepost-only >"$work/$tag.json"
  python3 - "$work/$tag.json" "$tag" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["guidepost"]
print(f"{sys.argv[2]}: first query {g['first_query_index_bytes_median']:.0f} B raw / {g['first_query_index_gzip_median']:.0f} B gzip in {g['first_query_index_files_median']:.0f} files (median); with search.js {g['first_query_bytes_with_js_median']:.0f} B / {g['first_query_gzip_with_js_median']:.0f} B gzip; top 3 found {g['found']}")
PY
done
