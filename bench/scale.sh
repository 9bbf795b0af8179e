#!/usr/bin/env bash
# Scale benchmark: full clean builds of generated corpora (bench/gen_corpus.py) at several
# sizes, guidepost and Hugo on the same pages in the same run, each run under /usr/bin/time:
# wall, CPU (user + sys, and user alone) and peak RSS, medians over RUNS runs, and wall and
# user time per 1,000 pages (user CPU is the steadier measure on a shared machine).
# The floor beside them: `cp -r` of guidepost's own output (same disk, same run).
# Every run starts with its output folder removed (not timed); the runs of the tools alternate.
#
# Usage: bench/scale.sh [PAGES ...]        (default: 1000 10000 50000 100000)
# Env:   RUNS      runs per tool and size (default 3)
#        HUGO=0    leave Hugo out (it needs ~7 GB of memory at 50,000 pages)
#        HUGO_MAX=N  run Hugo only at sizes up to N pages (default: every size)
#        WARM=0    skip the untimed warm-up build (the generator just wrote the sources, so
#                  they are in the page cache; saves a build at 100,000 pages)
#        KEEP=DIR  generate corpora and outputs in DIR and keep them (default: a temp folder)
#        RESULTS=FILE  also write every single run as TSV (pages tool run wall user sys rss_kb)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
pages=("$@")
((${#pages[@]})) || pages=(1000 10000 50000 100000)
runs=${RUNS:-3}
hugo=${HUGO:-1}

if [[ -n ${KEEP:-} ]]; then
  work=$KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/guidepost-scale.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
need_debian time:/usr/bin/time
((hugo)) && need_debian hugo:hugo
bin=$(release_bin)
results=$work/runs.tsv
: >"$results"

# measure PAGES TOOL RUN CMD...: one timed run, appended to $results.
measure() {
  local n=$1 tool=$2 run=$3
  shift 3
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/cmd.log" 2>&1 || {
    echo "$tool failed on $n pages:" >&2
    tail -20 "$work/cmd.log" >&2
    exit 1
  }
  printf '%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$(tr ' ' '\t' <"$work/time")" >>"$results"
}

echo "guidepost $(git describe --always --dirty 2>/dev/null || echo '?')$( ((hugo)) && echo ", $(hugo version | grep -o 'v[0-9.]*' | head -1)"), $(nproc) CPUs, $runs runs each" >&2
for n in "${pages[@]}"; do
  site=$work/site-$n hsite=$work/hugo-$n out=$work/out-$n
  hugo=${HUGO:-1}
  ((n <= ${HUGO_MAX:-n})) || hugo=0
  echo "== $n pages: generating" >&2
  gen_site plain "$n" "$site" 2>/dev/null
  ((hugo)) && gen_site hugo "$n" "$hsite" 2>/dev/null
  # One untimed build warms the page cache with the sources, for every tool alike.
  ((${WARM:-1})) && "$bin" build --root "$site" --output "$out" >/dev/null 2>&1
  for ((r = 1; r <= runs; r++)); do
    echo "   run $r/$runs" >&2
    rm -rf "$out"
    measure "$n" guidepost "$r" "$bin" build --root "$site" --output "$out"
    if ((hugo)); then
      rm -rf "$hsite/public"
      measure "$n" hugo "$r" hugo --quiet --source "$hsite"
    fi
    rm -rf "$work/copy"
    measure "$n" "cp -r output" "$r" cp -r "$out" "$work/copy"
  done
  read -r files bytes < <(find "$out" -type f -printf '%s\n' | awk '{n++; s+=$1} END {print n, s}')
  printf '%s\toutput\t0\t%s\t%s\t0\t0\n' "$n" "$files" "$bytes" >>"$results"
  rm -rf "$work/copy" "$hsite/public"
  [[ -n ${KEEP:-} ]] || rm -rf "$site" "$hsite" "$out"
done
[[ -n ${RESULTS:-} ]] && cp "$results" "$RESULTS"

python3 - "$results" <<'EOF'
import collections, statistics, sys
rows = collections.defaultdict(list)
out = {}
for line in open(sys.argv[1]):
    n, tool, run, wall, user, sys_, rss = line.rstrip("\n").split("\t")
    if tool == "output":
        out[int(n)] = (int(wall), int(user))
    else:
        rows[(int(n), tool)].append((float(wall), float(user) + float(sys_), float(user), int(rss)))
med = lambda xs: statistics.median(xs)
# User CPU per page is the steadiest measure of growth: wall and system time also carry the
# disk, which other work on a shared machine slows down unevenly.
print("| pages | tool | wall s | CPU s user+sys | user s | peak RSS MiB | wall ms / 1,000 pages | user ms / 1,000 pages | user per page vs. smallest size |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
first = {}
for (n, tool) in sorted(rows, key=lambda k: (k[0], ["guidepost", "hugo", "cp -r output"].index(k[1]))):
    rs = rows[(n, tool)]
    wall, cpu, user = (med([r[i] for r in rs]) for i in range(3))
    rss = max(r[3] for r in rs)
    per, user_per = wall / n * 1e6, user / n * 1e6
    base = first.setdefault(tool, user_per)
    growth = f"{user_per / base:.2f}×" if base else "–"
    print(f"| {n:,} | {tool} | {wall:.2f} | {cpu:.2f} | {user:.2f} | {rss / 1024:.0f} | {per:.0f} | {user_per:.0f} | {growth} |")
for n in sorted(out):
    g = med([r[0] for r in rows[(n, "guidepost")]])
    line = f"{n:,} pages: output {out[n][0]:,} files, {out[n][1] / 2**20:.0f} MiB; guidepost = {g / med([r[0] for r in rows[(n, 'cp -r output')]]):.1f}× cp -r"
    if (n, "hugo") in rows:
        line += f", {g / med([r[0] for r in rows[(n, 'hugo')]]):.2f}× Hugo"
    print(line)
EOF
