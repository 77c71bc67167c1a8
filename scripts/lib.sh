# Shared by scripts/build, scripts/test and scripts/run. Source it; do not run it.
set -euo pipefail
KEFU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # emcc's JS optimizer needs Debian's acorn
JOBS="$(nproc 2>/dev/null || echo 2)"

# Installs the Debian packages that are missing; silent when all are present.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs the npm packages of package.json when node_modules is missing or stale.
ensure_node_modules() {
  cd "$KEFU_ROOT"
  if [ ! -d node_modules ] || [ package.json -nt node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    touch node_modules
  fi
}
