#!/usr/bin/env bash
# Build-time benchmark: the bundled site, and generated corpora of 1,000 and 10,000 pages
# (bench/gen_corpus.py), each a full clean build timed by hyperfine; Hugo builds the same
# pages in the same run for a fair ratio. Prints medians.
# Before every run the last output is moved aside, not deleted: on some disks (ext4 without a
# journal) the kernel walks the inodes of files deleted in the last minutes one by one when
# it makes a new file, so a build right after `rm -rf` of its output measures that walk (see
# bench/scale.sh). The moved outputs are removed when the script ends.
# Usage: bench/build.sh [PAGES ...]   (default: 1000 10000)
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

# aside DIR...: a hyperfine --prepare command that moves each DIR that exists into $work/old/.
mkdir -p "$work/old"
aside() { echo "bash -c 'for d in $*; do [ ! -e \$d ] || mv \$d $work/old/\$(date +%s%N); done'"; }

echo "== bundled site"
hyperfine -N --warmup 1 --runs "$runs" --prepare "$(aside "$work/bundled")" \
  --export-json "$work/bundled.json" "$bin build --root . --output $work/bundled" >/dev/null
median "$work/bundled.json"

for n in "${pages[@]}"; do
  site=$work/site-$n
  gen_site plain "$n" "$site" 2>/dev/null
  gen_site hugo "$n" "$work/hugo-$n" 2>/dev/null
  echo "== $n pages (guidepost vs Hugo $(hugo version | grep -o 'v[0-9.]*' | head -1))"
  hyperfine -N --warmup 1 --runs "$runs" \
    --prepare "$(aside "$work/out-$n" "$work/hugo-$n/public")" \
    --export-json "$work/$n.json" \
    -n guidepost "$bin build --root $site --output $work/out-$n" \
    -n hugo "hugo --quiet --source $work/hugo-$n" >/dev/null
  median "$work/$n.json"
  eval "$(aside "$work/out-$n")"
  /usr/bin/time -f "  guidepost peak RSS %M KB" "$bin" build --root "$site" --output "$work/out-$n" 2>&1 | grep RSS
  du -sh "$work/out-$n" | awk '{print "  guidepost output " $1}'
done
