#!/usr/bin/env bash
# Scale benchmark: full clean builds of generated corpora (bench/gen_corpus.py) at several
# sizes, guidepost and Hugo on the same pages in the same run, each run under /usr/bin/time:
# wall, CPU (user + sys, and user alone) and peak RSS, medians over RUNS runs, and wall and
# user time per 1,000 pages (user CPU is the steadier measure on a shared machine).
# The floor beside them: `cp -r` of guidepost's own output (same disk, same run).
# The runs of the tools alternate. Every run writes into a folder of its own that nothing was
# deleted from: on some disks (ext4 without a journal, as on the machine these figures come
# from) the kernel skips the inodes of files deleted in the last minute or so one by one when
# it makes a new file, so a build right after `rm -rf` of a large output spends most of its
# time there, and more the more files it writes. The outputs of a size are removed after its
# runs, then the script waits PAUSE seconds before the next size's runs.
# Disk: RUNS × (guidepost's output, Hugo's and a copy) per size; about 17 GB at 100,000 pages.
#
# Usage: bench/scale.sh [PAGES ...]        (default: 1000 10000 50000 100000)
# Env:   RUNS      runs per tool and size (default 3)
#        HUGO=0    leave Hugo out (it needs ~7 GB of memory at 50,000 pages)
#        HUGO_MAX=N  run Hugo only at sizes up to N pages (default: every size)
#        WARM=0    skip the untimed warm-up build (the generator just wrote the sources, so
#                  they are in the page cache; saves a build at 100,000 pages)
#        KEEP=DIR  generate the corpora in DIR and keep them (default: a temp folder)
#        OUT=DIR   write the outputs in DIR instead (a tmpfs such as /dev/shm measures the
#                  tools' own work without the disk)
#        PAUSE=S   seconds between a size's removed outputs and the next size's runs (default 65)
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
fi
need_debian time:/usr/bin/time
((hugo)) && need_debian hugo:hugo
bin=$(release_bin)
mkdir -p "${OUT:-$work}"
outs=$(mktemp -d "$(cd "${OUT:-$work}" && pwd)/scale-outputs.XXXXXX")
trap 'rm -rf "$outs"; [[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
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
removed=0
for n in "${pages[@]}"; do
  site=$work/site-$n hsite=$work/hugo-$n
  hugo=${HUGO:-1}
  ((n <= ${HUGO_MAX:-n})) || hugo=0
  echo "== $n pages: generating" >&2
  gen_site plain "$n" "$site" 2>/dev/null
  ((hugo)) && gen_site hugo "$n" "$hsite" 2>/dev/null
  # One untimed build warms the page cache with the sources, for every tool alike.
  ((${WARM:-1})) && "$bin" build --root "$site" --output "$outs/warm-$n" >/dev/null 2>&1
  wait_s=$((removed + ${PAUSE:-65} - SECONDS))
  ((removed && wait_s > 0)) && { echo "   waiting ${wait_s} s after the last removal" >&2; sleep "$wait_s"; }
  for ((r = 1; r <= runs; r++)); do
    echo "   run $r/$runs" >&2
    out=$outs/guidepost-$n-$r
    measure "$n" guidepost "$r" "$bin" build --root "$site" --output "$out"
    ((hugo)) && measure "$n" hugo "$r" hugo --quiet --source "$hsite" --destination "$outs/hugo-$n-$r"
    measure "$n" "cp -r output" "$r" cp -r "$out" "$outs/copy-$n-$r"
  done
  read -r files bytes < <(find "$out" -type f -printf '%s\n' | awk '{n++; s+=$1} END {print n, s}')
  printf '%s\toutput\t0\t%s\t%s\t0\t0\n' "$n" "$files" "$bytes" >>"$results"
  rm -rf "${outs:?}"/*
  sync
  removed=$SECONDS
  [[ -n ${KEEP:-} ]] || rm -rf "$site" "$hsite"
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
