#!/usr/bin/env bash
# Search benchmark: for the bundled site and generated corpora (default 10,000 pages), report
# - index build time (guidepost's, from GUIDEPOST_SEARCH_TIMING; Pagefind's whole run),
# - index size, raw and gzip (each file gzipped -9, summed: what a server would send),
# - bytes fetched by a first query and its latency in headless Chromium, for guidepost's
#   search box and for Pagefind's JS API on the same output, and whether each finds the
#   expected page in its top 3 for the same Chinese queries (bench/search/queries.py).
# Medians throughout. Usage: bench/search.sh [PAGES ...]   (default: 10000)
# Env: RUNS (build repetitions, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
use_project_node
pages=("$@")
((${#pages[@]})) || pages=(10000)
runs=${RUNS:-3}
work=$(mktemp -d /tmp/guidepost-search-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

[[ -d bench/search/node_modules/pagefind ]] || npm ci --prefix bench/search --no-audit --no-fund >/dev/null
[[ -d tests/browser/node_modules/playwright-core ]] || npm ci --prefix tests/browser >/dev/null
bin=$(release_bin)
pagefind=$PWD/bench/search/node_modules/.bin/pagefind

now() { date +%s.%N; }
since() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.3f}")' "$1" "$(now)"; }
median() { python3 -c 'import sys,statistics; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.3f}")' "$@"; }

# Raw and gzip bytes of every file under a folder: "RAW GZIP FILES".
sizes() {
  python3 - "$1" <<'EOF'
import gzip, os, sys
raw = gz = n = 0
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        b = open(os.path.join(d, f), "rb").read()
        raw += len(b); gz += len(gzip.compress(b, 9, mtime=0)); n += 1
print(raw, gz, n)
EOF
}

# bench NAME ROOT QUERIES.json
bench() {
  local name=$1 root=$2 queries=$3 out=$work/out-$1
  echo "== $name"
  local idx=() total=() pf=()
  for ((i = 0; i < runs; i++)); do
    rm -rf "$out"
    local t0
    t0=$(now)
    local line
    line=$(GUIDEPOST_SEARCH_TIMING=1 "$bin" build --root "$root" --output "$out" 2>&1 | grep '^search index:')
    total+=("$(since "$t0")")
    idx+=("$(echo "$line" | grep -o '[0-9.]* s$' | cut -d' ' -f1)")
  done
  read -r raw gz n < <(sizes "$out/search")
  echo "  guidepost build (whole site) median $(median "${total[@]}") s; search index part median $(median "${idx[@]}") s"
  echo "  guidepost index: $n files, raw $raw B, gzip $gz B"
  for ((i = 0; i < runs; i++)); do
    rm -rf "$out/pagefind"
    local t0
    t0=$(now)
    "$pagefind" --site "$out" >/dev/null 2>&1
    pf+=("$(since "$t0")")
  done
  read -r raw gz n < <(sizes "$out/pagefind")
  echo "  pagefind index run median $(median "${pf[@]}") s; index: $n files, raw $raw B, gzip $gz B"
  node bench/search/query.mjs "$out" "$queries" >"$work/$name.json"
  python3 - "$work/$name.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
g, p = r["guidepost"], r["pagefind"]
print(f"  first query, guidepost: index {g['first_query_index_bytes_median']:.0f} B raw / {g['first_query_index_gzip_median']:.0f} B gzip"
      f" in {g['first_query_index_files_median']:.0f} files; with search.js {g['first_query_bytes_with_js_median']:.0f} B / {g['first_query_gzip_with_js_median']:.0f} B gzip")
print(f"  first query, pagefind:  index {p['first_query_index_bytes_median']:.0f} B raw / {p['first_query_index_gzip_median']:.0f} B gzip;"
      f" with pagefind.js + wasm {p['first_query_bytes_median']:.0f} B / {p['first_query_gzip_median']:.0f} B gzip in {p['first_query_files_median']:.0f} files")
print(f"  latency (cold first query, browser) guidepost {g['latency_ms_median']:.0f} ms (warm {g['warm_latency_ms_median']:.0f} ms), pagefind {p['latency_ms_median']:.0f} ms")
print(f"  expected page in top 3: guidepost {g['found']}, pagefind {p['found']}")
for who, x in (("guidepost", g), ("pagefind", p)):
    for m in x["misses"]:
        print(f"    {who} missed {m['q']!r}: top 3 {m['top']}")
EOF
}

python3 bench/search/queries.py bundled >"$work/q-bundled.json"
bench bundled . "$work/q-bundled.json"

for n in "${pages[@]}"; do
  site=$work/site-$n
  gen_site plain "$n" "$site" 2>/dev/null
  python3 bench/search/queries.py corpus "$site/content" >"$work/q-$n.json"
  bench "$n" "$site" "$work/q-$n.json"
done
