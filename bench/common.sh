# Helpers sourced by the bench/*.sh scripts (run from the repository root).

# Installs the Debian packages named (package:command pairs) whose command is missing.
# Runs no apt-get at all when every command is present.
need_debian() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair#*:}" >/dev/null || missing+=("${pair%%:*}")
  done
  ((${#missing[@]})) || return 0
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "bench: installing ${missing[*]} from Debian" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Node from scripts/setup's own install, when it made one (the machine's node was missing or old).
use_project_node() {
  [[ -x .tools/node/bin/node ]] && export PATH="$PWD/.tools/node/bin:$PATH"
  return 0
}

# gen_site FLAVOR PAGES DIR: a generated corpus (bench/gen_corpus.py); DIR/site.yaml and
# DIR/content/ for plain, a Hugo site for hugo.
gen_site() {
  python3 bench/gen_corpus.py --flavor "$1" --pages "$2" --out "$3"
}

# The release binary, built from this checkout.
release_bin() {
  cargo build --release --locked -q
  echo "$PWD/target/release/guidepost"
}
