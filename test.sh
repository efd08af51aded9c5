#!/usr/bin/env bash
# Runs every AkkaZk test on a Debian 12 machine with the .NET 10 SDK:
#   1. installs the Debian packages the interop suite needs, when missing;
#   2. dotnet build AkkaZk.sln -c Release;
#   3. dotnet test (every C# test project);
#   4. the interop suite (tests/interop: kazoo, zkCli.sh, raw sockets) against a real AkkaZk process.
# Prints "N passed, M failed" over both runners at the end; exits non-zero on any failure.
#
#   ./test.sh                   everything, against AkkaZk
#   ./test.sh --apache          only the interop suite, against Apache ZooKeeper 3.8.0 (Debian
#                               package): the differential check of the suite's expectations
#   ./test.sh [--apache] -- ARGS  extra pytest arguments, e.g. -- -k raw -x
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

MODE=akkazk
PYTEST_EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --apache) MODE=apache ;;
    --) shift; PYTEST_EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# The Debian python: kazoo and pytest come from Debian packages, and a python3 earlier on
# PATH (pyenv, a venv) would not see them.
PYTHON=${PYTHON:-/usr/bin/python3}
# zookeeper-bin: the C client's cli_mt; libcurator-*-java (+ guava) and a JDK (javac): the Curator tests.
DEB_PACKAGES=(python3-kazoo python3-pytest zookeeper zookeeper-bin libzookeeper-java
  libcurator-client-java libcurator-framework-java libcurator-recipes-java libguava-java
  openjdk-17-jdk-headless)
LOG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/akkazk-test.XXXXXX")
trap 'rm -rf "$LOG_DIR"' EXIT

PASSED=0
FAILED=0
STATUS=0

section() { printf '\n==== %s\n' "$*"; }

install_packages() {
  local missing=() p
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  section "installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -q &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# Adds the counts from a dotnet test log ("Passed!  - Failed: 0, Passed: 12, ..." per assembly;
# or the terminal logger's "total: N, failed: F, succeeded: S").
count_dotnet() {
  local log=$1 rc=$2 counts p f
  counts=$(grep -aoE '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$log" |
    awk -F'[:,]' '{f += $2; p += $4} END {print p+0, f+0, NR}')
  read -r p f n <<<"$counts"
  if [ "$n" -eq 0 ]; then
    counts=$(grep -aoiE 'failed: *[0-9]+, *succeeded: *[0-9]+' "$log" |
      awk -F'[:,]' '{f += $2; p += $4} END {print p+0, f+0, NR}')
    read -r p f n <<<"$counts"
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1  # the runner failed without reporting a failed test (crash, build error, hang)
    echo "dotnet test exited with code $rc without a failed-test count" >&2
  fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
}

# Adds the counts from pytest's final line ("3 failed, 85 passed, 1 error in 70.1s").
count_pytest() {
  local log=$1 rc=$2 line p f e
  line=$(grep -aE '[0-9]+ (passed|failed|errors?)' "$log" | grep -aE ' in [0-9.]+s' | tail -n 1)
  p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || true)
  f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || true)
  e=$(grep -oE '[0-9]+ errors?' <<<"$line" | grep -oE '[0-9]+' || true)
  p=${p:-0}; f=$(( ${f:-0} + ${e:-0} ))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    echo "pytest exited with code $rc without a failed-test count" >&2
  fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
}

run_interop() {
  local target=$1 log="$LOG_DIR/pytest.log" rc
  section "interop suite against $target: $PYTHON -m pytest -q tests/interop ${PYTEST_EXTRA[*]}"
  AKKAZK_TARGET=$target timeout -k 30 1200 "$PYTHON" -m pytest -q tests/interop "${PYTEST_EXTRA[@]}" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -ne 0 ] && STATUS=1
  count_pytest "$log" "$rc"
}

finish() {
  section "summary"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -ne 0 ] && STATUS=1
  exit "$STATUS"
}

if ! install_packages; then
  echo "test.sh: could not install ${DEB_PACKAGES[*]}" >&2
  exit 1
fi

if [ "$MODE" = apache ]; then
  run_interop apache
  finish
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: dotnet not found; install the .NET 10 SDK" >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

section "dotnet build AkkaZk.sln -c Release"
if ! dotnet build AkkaZk.sln -c Release -nologo; then
  echo "test.sh: build failed; no tests run" >&2
  FAILED=$((FAILED + 1)); STATUS=1
  finish
fi

section "dotnet test AkkaZk.sln -c Release --no-build"
DOTNET_LOG="$LOG_DIR/dotnet-test.log"
timeout -k 30 2400 dotnet test AkkaZk.sln -c Release --no-build -nologo 2>&1 | tee "$DOTNET_LOG"
rc=${PIPESTATUS[0]}
[ "$rc" -ne 0 ] && STATUS=1
count_dotnet "$DOTNET_LOG" "$rc"

run_interop akkazk
finish
