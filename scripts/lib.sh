# Shared by scripts/setup, run, test, bench: paths and the tool versions.
# Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the library in Cargo.lock to the patch.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
# Trunk must find these exact versions on PATH, or it would try to download.
export TRUNK_TOOLS_WASM_BINDGEN="$WASM_BINDGEN_VERSION"
export TRUNK_OFFLINE=true
# The profile for native tools and the server in run/test: optimised
# dependencies, fast to compile (see Cargo.toml).
NATIVE_PROFILE="tool"
# One build cache per machine, shared by every checkout: a fresh clone (CI)
# reuses the compiled dependencies of the previous run instead of building
# them again. Set CARGO_TARGET_DIR to choose another place.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/declic/target}"
SERVER_BIN="$CARGO_TARGET_DIR/$NATIVE_PROFILE/declic-server"
# The e2e tests and benches start this server.
export DECLIC_SERVER_BIN="$SERVER_BIN"

# Each step says when it starts (seconds since the command began), so a
# slow run's log shows where the time went.
step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$*" "$SECONDS"; }
