#!/usr/bin/env bash
# End-to-end tests: the packaged .vsix in a real VS Code (code-server 4.100.3 = VS Code 1.100.3),
# driven through Debian's Chromium by playwright-core. Offline apart from the npm registry and Debian.
#
#   bash test/e2e/run.sh
#
# Environment:
#   SIP_E2E_CACHE          where code-server is installed and kept between runs
#                          (default: $HOME/.cache/sip-trace-inspector-e2e)
#   SIP_E2E_ARTIFACTS      screenshots, logs, timings (default: test-artifacts/e2e in the repository)
#   SIP_E2E_UPDATE_IMAGES  1: also refresh the screenshots in docs/images/
#   SIP_E2E_VSIX           test this .vsix instead of building and packaging the repository
#   SIP_E2E_KEEP           1: keep the throwaway directory (settings, workspace, code-server log)
#   SIP_E2E_LARGE_MB       size of the generated large trace in MB (default: 4)
#   SIP_E2E_TIMEOUT        seconds allowed for the scenarios (default: 420)
#   SIP_E2E_ONLY           run only the scenarios whose name matches this pattern (node --test-name-pattern)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE_VERSION=1.15.11   # @vscode/ripgrep's cache dir name, as used by code-server 4.100.3
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE="${SIP_E2E_CACHE:-$HOME/.cache/sip-trace-inspector-e2e}"
ARTIFACTS="${SIP_E2E_ARTIFACTS:-$REPO/test-artifacts/e2e}"
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER="$CS_PREFIX/node_modules/.bin/code-server"

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

T_START=$(now)
mkdir -p "$ARTIFACTS"
rm -rf "$ARTIFACTS"/*.png "$ARTIFACTS"/*.log "$ARTIFACTS"/timings.json "$ARTIFACTS"/vscode-logs

# ---------------------------------------------------------------------------------------------
# 1. System packages, only those missing.
# ---------------------------------------------------------------------------------------------
T0=$(now)
APT_PACKAGES=(chromium ripgrep libkrb5-dev build-essential python3 curl)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = 'install ok installed' ] || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then SUDO=(sudo -n); fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q </dev/null
  "${SUDO[@]}" apt-get install -y -q "${missing[@]}" </dev/null
fi
T_APT=$(elapsed "$T0")

# ---------------------------------------------------------------------------------------------
# 2. code-server into a cache outside node_modules (its postinstall is heavy). Its ripgrep
#    postinstall downloads from GitHub; seed that download cache with Debian's rg instead.
# ---------------------------------------------------------------------------------------------
T0=$(now)
if [ ! -f "$CS_PREFIX/.complete" ] || [ ! -x "$CODE_SERVER" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_PREFIX"
  mkdir -p "$CACHE"
  STAGE="$(mktemp -d "$CACHE/install.XXXXXX")"
  mkdir -p "$STAGE/tmp/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION" "$STAGE/rg"
  cp "$(command -v rg)" "$STAGE/rg/rg"
  tar czf "$STAGE/tmp/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION/$RIPGREP_ASSET" -C "$STAGE/rg" rg
  TMPDIR="$STAGE/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --prefix "$STAGE/prefix" --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" </dev/null
  touch "$STAGE/prefix/.complete"
  rm -rf "$CS_PREFIX"
  mv "$STAGE/prefix" "$CS_PREFIX"
  rm -rf "$STAGE"
fi
T_CODE_SERVER=$(elapsed "$T0")

# ---------------------------------------------------------------------------------------------
# 3. Build and package the extension; compile the specs.
# ---------------------------------------------------------------------------------------------
T0=$(now)
cd "$REPO"
[ -x node_modules/.bin/tsc ] || npm ci --no-audit --no-fund </dev/null
if [ -n "${SIP_E2E_VSIX:-}" ]; then
  VSIX="$(cd "$(dirname "$SIP_E2E_VSIX")" && pwd)/$(basename "$SIP_E2E_VSIX")"
  log "testing $VSIX (not building the repository)"
else
  log "npm run build && npm run package"
  npm run build </dev/null
  npm run package </dev/null
  VSIX="$REPO/sip-trace-inspector.vsix"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sip-trace-e2e.XXXXXX")"
CS_PGID=""
cleanup() {
  local rc=$?
  set +e
  if [ -n "$CS_PGID" ]; then
    kill -TERM -- "-$CS_PGID" 2>/dev/null
    for _ in $(seq 50); do kill -0 -- "-$CS_PGID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PGID" 2>/dev/null
  fi
  # A browser left behind by a crashed test runner: only processes whose command line names this
  # run's own throwaway directory.
  for d in /proc/[0-9]*; do
    [ "${d#/proc/}" = "$$" ] && continue
    if tr '\0' ' ' <"$d/cmdline" 2>/dev/null | grep -qF -- "$WORK/"; then kill -KILL "${d#/proc/}" 2>/dev/null; fi
  done
  [ -f "$WORK/code-server.log" ] && cp "$WORK/code-server.log" "$ARTIFACTS/code-server.log"
  [ -d "$WORK/user-data/logs" ] && cp -r "$WORK/user-data/logs" "$ARTIFACTS/vscode-logs"
  if [ "${SIP_E2E_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "compiling the specs"
"$REPO/node_modules/.bin/tsc" -p "$REPO/test/e2e/tsconfig.json" --outDir "$WORK/out"
SPECS="$WORK/out/test/e2e"
T_BUILD=$(elapsed "$T0")

# ---------------------------------------------------------------------------------------------
# 4. A fresh VS Code profile, extensions dir and workspace.
# ---------------------------------------------------------------------------------------------
T0=$(now)
UD="$WORK/user-data"; EXT="$WORK/extensions"; WS="$WORK/workspace"
mkdir -p "$UD/User" "$EXT" "$WS" "$WORK/xdg/config" "$WORK/xdg/data" "$WORK/xdg/cache" "$WORK/tmp"
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" XDG_CACHE_HOME="$WORK/xdg/cache"
cp "$REPO/test/e2e/settings.json" "$UD/User/settings.json"

cp examples/redirect-and-overload.sip "$WS/redirect-and-overload.sip"
cp examples/redirect-and-overload.sip "$WS/quick-fix.sip"
cp test/fixtures/behaviour/redirect-followed.sip test/fixtures/flow/hostile.sip "$WS/"
cp test/fixtures/captures/udp-lo.pcapng "$WS/udp-lo.pcapng"
node "$SPECS/makeLargeCapture.js" "$WS/large-capture.pcap" "${SIP_E2E_CAPTURE_MB:-100}"
node "$SPECS/makeLargeTrace.js" "$WS/large-trace.sip" "${SIP_E2E_LARGE_MB:-4}"

log "installing $(basename "$VSIX") into a fresh extensions dir"
"$CODE_SERVER" --user-data-dir "$UD" --extensions-dir "$EXT" --install-extension "$VSIX" </dev/null \
  >"$WORK/install-extension.log" 2>&1 || { cat "$WORK/install-extension.log"; exit 1; }
INSTALLED="$(compgen -G "$EXT/sip-trace-inspector.sip-trace-inspector-*" | head -n 1 || true)"
[ -n "$INSTALLED" ] && [ -f "$INSTALLED/dist/cli.js" ] \
  || { cat "$WORK/install-extension.log"; echo "extension not installed" >&2; exit 1; }

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
log "starting code-server on 127.0.0.1:$PORT"
# setsid: code-server, its extension host and the language server share one process group, ended
# as a whole in cleanup (ending only the main process leaves the extension host running).
TMPDIR="$WORK/tmp" setsid "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$UD" --extensions-dir "$EXT" "$WS" </dev/null >"$WORK/code-server.log" 2>&1 &
CS_PID=$!
CS_PGID="$CS_PID"
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$WORK/code-server.log"; echo "code-server exited" >&2; exit 1; }
  sleep 0.1
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/code-server.log"; echo "code-server not healthy after 60 s" >&2; exit 1; }
T_START_SERVER=$(elapsed "$T0")

# ---------------------------------------------------------------------------------------------
# 5. The scenarios.
# ---------------------------------------------------------------------------------------------
T0=$(now)
log "running the scenarios"
set +e
# TMPDIR inside the throwaway dir: Chromium's profile lands there, so cleanup finds a leftover browser.
TMPDIR="$WORK/tmp" SIP_E2E_URL="http://127.0.0.1:$PORT/?folder=$(node -p 'encodeURIComponent(process.argv[1])' "$WS")" \
SIP_E2E_WORKSPACE="$WS" SIP_E2E_REPO="$REPO" SIP_E2E_ARTIFACTS="$ARTIFACTS" SIP_E2E_CLI="$INSTALLED/dist/cli.js" \
NODE_PATH="$REPO/node_modules" \
  timeout --foreground --kill-after=10 "${SIP_E2E_TIMEOUT:-420}" \
  node --test --test-reporter=spec --test-concurrency=1 ${SIP_E2E_ONLY:+--test-name-pattern="$SIP_E2E_ONLY"} "$SPECS/scenarios.e2e.js" </dev/null
RC=$?
set -e
T_SCENARIOS=$(elapsed "$T0")

log "durations (s): apt $T_APT, code-server install $T_CODE_SERVER, build+package $T_BUILD, setup+start $T_START_SERVER, scenarios $T_SCENARIOS, total $(elapsed "$T_START")"
if [ -f "$ARTIFACTS/timings.json" ]; then log "timings: $(cat "$ARTIFACTS/timings.json")"; fi
if [ "$RC" != 0 ]; then log "FAILED (exit $RC); screenshots and logs in $ARTIFACTS"; else log "passed; screenshots in $ARTIFACTS"; fi
exit "$RC"
