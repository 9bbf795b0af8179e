#!/usr/bin/env bash
# Build-time benchmark: the bundled site, and generated corpora of 1,000 and 10,000 pages
# (bench/gen_corpus.py), each a full clean build (output folder
# removed before every run), timed by hyperfine; Hugo builds the same pages in the same run
# for a fair ratio. Prints medians. Usage: bench/build.sh [PAGES ...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
pages=("$@")
((${#pages[@]})) || pages=(1000 10000)
work=$(mktemp -d /tmp/guidepost-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

need_debian hyperfine:hyperfine hugo:hugo time:/usr/bin/time
bin=$(release_bin)
runs=${RUNS:-5}

median() { python3 bench/median.py "$1"; }

echo "== bundled site"
hyperfine -N --warmup 1 --runs "$runs" --prepare "rm -rf $work/bundled" \
  --export-json "$work/bundled.json" "$bin build --root . --output $work/bundled" >/dev/null
median "$work/bundled.json"

for n in "${pages[@]}"; do
  site=$work/site-$n
  gen_site plain "$n" "$site" 2>/dev/null
  gen_site hugo "$n" "$work/hugo-$n" 2>/dev/null
  echo "== $n pages (guidepost vs Hugo $(hugo version | grep -o 'v[0-9.]*' | head -1))"
  hyperfine -N --warmup 1 --runs "$runs" \
    --prepare "rm -rf $work/out-$n $work/hugo-$n/public" \
    --export-json "$work/$n.json" \
    -n guidepost "$bin build --root $site --output $work/out-$n" \
    -n hugo "hugo --quiet --source $work/hugo-$n" >/dev/null
  median "$work/$n.json"
  /usr/bin/time -f "  guidepost peak RSS %M KB" "$bin" build --root "$site" --output "$work/out-$n" 2>&1 | grep RSS
  du -sh "$work/out-$n" | awk '{print "  guidepost output " $1}'
done
