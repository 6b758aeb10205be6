# Shared set-up for scripts/run and scripts/test: installs, once, what building and testing need on
# a fresh Debian 12 machine (run as root). Each step is skipped when already done.

APP_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libsqlite3-dev libdbus-1-dev libayatana-appindicator3-dev
  librsvg2-dev libsoup-3.0-dev)
TEST_PACKAGES=(xvfb webkit2gtk-driver chromium fonts-noto-cjk dbus dunst libnotify-bin iproute2 util-linux)

say() { printf '\n== %s\n' "$*"; }

# Where cargo puts what it builds: CARGO_TARGET_DIR (CI may keep it outside the clone) or ./target.
target_dir() {
  realpath -m "${CARGO_TARGET_DIR:-target}"
}

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

node_check() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  apt_install nodejs npm
}

ui_build() {
  node_check
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    say "Installing the UI's npm packages"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
  say "Building the UI"
  (cd ui && npm run --silent build)
}

tauri_driver() {
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver"
    cargo install tauri-driver --locked --quiet
  fi
}
