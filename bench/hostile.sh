#!/usr/bin/env bash
# Hostile-size pages: build time of one page with N identical headings (each linked from the
# page), and of one 10 MB page of repeated sections, each on the fixture site, timed by
# hyperfine (full clean builds, output removed before every run). Prints medians.
# Usage: bench/hostile.sh [BIN]   (default: target/release/guidepost, built first)
#        HEADINGS="4000 8000" MB=10 RUNS=3 bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
headings=(${HEADINGS:-4000 8000})
mb=${MB:-10}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/guidepost-hostile.XXXXXX)
trap 'rm -rf "$work"' EXIT

if ! command -v hyperfine >/dev/null; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hyperfine >/dev/null
fi
if [[ $# -ge 1 ]]; then
  bin=$(realpath "$1")
else
  cargo build --release --locked -q
  bin=$PWD/target/release/guidepost
fi

# A copy of the fixture site with one extra page, written by the python snippet given.
site() {
  local dir=$work/$1
  cp -r tests/fixtures/minimal "$dir"
  python3 -c "$2" >"$dir/content/guide/big.md"
  echo "$dir"
}

run() {
  local name=$1 dir=$2
  hyperfine -N --warmup 0 --runs "$runs" --prepare "rm -rf $dir/public" \
    --export-json "$work/$name.json" "$bin build --root $dir" >/dev/null
  printf '%-28s ' "$name"
  python3 bench/median.py "$work/$name.json"
}

for n in "${headings[@]}"; do
  dir=$(site "headings-$n" "
print('---\ntitle: 重复标题\n---')
for i in range($n):
    print('## 办理步骤\n\n见 [上一节](#ban-li-bu-zou) 和 [官网](https://example.cn/)。\n')
")
  run "$n identical headings" "$dir"
done

dir=$(site "page-${mb}mb" "
import sys
section = '''## 资质要求 {#zi-zhi}

商家需要提交**营业执照**、[授权书](https://example.cn/a) 与 [上一节](#zi-zhi)。

- 材料一：加盖公章
- 材料二：彩色扫描件

| 材料 | 格式 |
| --- | --- |
| 营业执照 | pdf |

'''
print('---\ntitle: 大页面\n---')
n = $mb * 1024 * 1024 // len(section.encode())
sys.stdout.write(section * n)
")
ls -l "$dir/content/guide/big.md" | awk '{printf "page size: %.1f MB\n", $5/1048576}'
run "${mb} MB page" "$dir"
