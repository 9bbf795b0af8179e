#!/usr/bin/env bash
# Save-to-reload latency of `guidepost serve`: from writing a source file to the live-reload
# event arriving at a client that shows a page, and to that page fetched again
# (bench/serve_latency.mjs), on the bundled site and on generated corpora (bench/gen_corpus.py).
# For each: a content page's body edited, the page template overridden (every page affected:
# the shown page is rendered before the reload, the rest on request or in the background),
# site.yaml's title changed (every page affected, as for the template), and a platform's name
# changed in guides/ (the guide sources read again; every page's navigation shows it).
# Generated sites get the bundled guides/ beside their pages. Prints medians.
# Usage: bench/serve.sh [PAGES ...]   (default: 10000)
# Env: RUNS (default 20), FULL_RUNS (5), BENCH_TMP (where the corpora go, default /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
use_project_node
pages=("$@")
((${#pages[@]})) || pages=(10000)
runs=${RUNS:-20}
full_runs=${FULL_RUNS:-5}
mkdir -p "${BENCH_TMP:-/tmp}"
work=$(mktemp -d "${BENCH_TMP:-/tmp}/guidepost-serve-bench.XXXXXX")
pid=""
cleanup() {
  [[ -n $pid ]] && kill -INT "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

bin=$(release_bin)

# Start the server on a free port for site $1; sets $pid and $url.
start() {
  # English log lines, for the first build's time below.
  LANG=en_US.UTF-8 LC_ALL= LC_MESSAGES= "$bin" serve --root "$1" --port 0 >"$work/out" 2>"$work/err" &
  pid=$!
  url=""
  for _ in $(seq 1 1200); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/out" 2>/dev/null | head -1 || true)
    [[ -n $url ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/err"; exit 1; }
    sleep 0.1
  done
  [[ -n $url ]] || { echo "serve did not start"; cat "$work/err"; exit 1; }
}
stop() { kill -INT "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# A content page (not a section's _index.md) of site $1, without a slug.
some_page() {
  local f
  for f in $(find "$1/content" -name '*.md' ! -name '_index.md' | sort); do
    grep -q '^slug:' "$f" || { echo "$f"; return; }
  done
}
# The URL path of content file $2 of site $1.
page_url() { local rel=${2#"$1/content/"}; echo "/${rel%.md}/"; }

# All four edits on site $1, shown page its first content page.
measure() {
  local file path platform
  file=$(some_page "$1")
  path=$(page_url "$1" "$file")
  platform=$(find "$1/guides" -name platform.yaml | sort | head -1)
  node bench/serve_latency.mjs "$url" "$1" "$path" "$runs" edit "$file"
  sleep 2
  node bench/serve_latency.mjs "$url" "$1" "$path" "$runs" template
  sleep 2
  node bench/serve_latency.mjs "$url" "$1" "$path" "$full_runs" site
  sleep 2
  node bench/serve_latency.mjs "$url" "$1" "$path" "$full_runs" guide "$platform"
}

echo "== bundled site"
site=$work/bundled
mkdir -p "$site"
cp -r site.yaml guides content "$site/"
for d in themes templates static; do [[ -d $d ]] && cp -r "$d" "$site/"; done
start "$site"
measure "$site"
stop

for n in "${pages[@]}"; do
  site=$work/site-$n
  gen_site plain "$n" "$site" 2>/dev/null
  # The bundled guides beside the generated pages: a guide edit to measure.
  cp -r guides "$site/"
  echo "== $n pages"
  start "$site"
  measure "$site"
  { grep -E '^built the site' "$work/err" || true; } | head -1 | sed 's/^/  first build: /'
  awk '/VmHWM/ {print "  server peak RSS " $2 " KB"}' "/proc/$pid/status" 2>/dev/null || true
  stop
  rm -rf "$site" # one corpus on disk at a time
done
