#!/usr/bin/env bash
# AkkaZk's counterpart of ZooKeeper's bin/zkServer.sh.
#
#   zkServer.sh {start|start-foreground|stop|restart|status|version|print-cmd} [config]
#
# config is a native HOCON file (*.conf) or a ZooKeeper zoo.cfg (any other name); the default
# is $ZOOCFG, else hocon/standalone.conf. Relative paths in the config (dataDir) are relative
# to the current directory, as with ZooKeeper.
#
# Environment:
#   AKKAZK_SERVER_DLL   the server to run (default: src/AkkaZk.Server's Release build, which is
#                       rebuilt first when missing or older than a source file)
#   AKKAZK_NO_BUILD=1   never build; fail if the dll is missing (installed trees, systemd)
#   AKKAZK_SERVER_CMD   run this command (plus the config) instead of `dotnet <dll>`, e.g. Apache
#                       ZooKeeper's QuorumPeerMain for a side-by-side comparison; no build
#   ZOO_LOG_DIR         where `start` writes its log (default: the data dir)
#   AKKAZK_START_TIMEOUT / AKKAZK_STOP_TIMEOUT   seconds to wait for start / stop (30 / 60)
#   AKKAZK_NO_WAIT=1    `start` returns once the process runs, without waiting for it to serve (an
#                       ensemble member serves only once a quorum is up: deploy/ensemble.sh uses this)
set -uo pipefail

SCRIPT_DIR=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
AKKAZK_HOME=$(cd "$SCRIPT_DIR/.." && pwd)
DLL=${AKKAZK_SERVER_DLL:-$AKKAZK_HOME/src/AkkaZk.Server/bin/Release/net10.0/AkkaZk.Server.dll}
START_TIMEOUT=${AKKAZK_START_TIMEOUT:-30}
STOP_TIMEOUT=${AKKAZK_STOP_TIMEOUT:-60}

usage() {
  echo "Usage: $0 {start|start-foreground|stop|restart|status|version|print-cmd} [config.conf|zoo.cfg]" >&2
  exit 1
}

[ $# -ge 1 ] || usage
COMMAND=$1
CONF=${2:-${ZOOCFG:-$AKKAZK_HOME/hocon/standalone.conf}}

# ---- configuration (only what the script needs: dataDir, client address and port) ----

cfg_value() {  # zoo.cfg: the last "key=value" for key
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$CONF" | tail -n 1 | sed 's/[[:space:]]*$//'
}

hocon_value() {  # HOCON: the first `key = value` / `key: value` (or akkazk.key) for key, unquoted
  # Not a HOCON parser: enough for the flat files in hocon/ (the first match, so a
  # client-port inside a later `servers = [...]` entry does not win).
  sed -n -E "s/^[[:space:]]*\"?(akkazk\.)?$1\"?[[:space:]]*[=:][[:space:]]*//p" "$CONF" | head -n 1 |
    sed -E 's/[[:space:]]*(#|\/\/).*$//; s/[[:space:]]*,?[[:space:]]*$//; s/^"(.*)"$/\1/'
}

read_config() {
  if [ ! -f "$CONF" ]; then
    echo "Config file $CONF not found" >&2
    exit 1
  fi
  case "$CONF" in
    *.conf)
      DATA_DIR=$(hocon_value data-dir)
      CLIENT_PORT=$(hocon_value client-port)
      CLIENT_ADDR=$(hocon_value client-port-address)
      ;;
    *)
      DATA_DIR=$(cfg_value dataDir)
      CLIENT_PORT=$(cfg_value clientPort)
      CLIENT_ADDR=$(cfg_value clientPortAddress)
      ;;
  esac
  DATA_DIR=${DATA_DIR:-./data}
  CLIENT_PORT=${CLIENT_PORT:-2181}
  case "${CLIENT_ADDR:-}" in
    ""|0.0.0.0|"::"|"[::]") CLIENT_ADDR=127.0.0.1 ;;
  esac
  PID_FILE=$DATA_DIR/akkazk_server.pid
  LOG_FILE=${ZOO_LOG_DIR:-$DATA_DIR}/akkazk-${USER:-$(id -un)}-server-$(hostname).out
}

if [ -n "${AKKAZK_SERVER_CMD:-}" ]; then
  read -r -a SERVER_CMD <<<"$AKKAZK_SERVER_CMD"
else
  SERVER_CMD=(dotnet "$DLL")
fi

# ---- build ----

ensure_built() {
  [ -n "${AKKAZK_SERVER_CMD:-}" ] && return 0
  if [ -n "${AKKAZK_SERVER_DLL:-}" ] || [ "${AKKAZK_NO_BUILD:-0}" = 1 ]; then
    if [ ! -f "$DLL" ]; then
      echo "AkkaZk server not found: $DLL" >&2
      exit 1
    fi
    return 0
  fi
  if [ -f "$DLL" ] && [ -z "$(find "$AKKAZK_HOME/src" "$AKKAZK_HOME"/Directory.*.props "$AKKAZK_HOME/global.json" \
        -newer "$DLL" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.conf' -o -name '*.json' \) \
        -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "dotnet not found; install the .NET 10 SDK" >&2
    exit 1
  fi
  echo "Building AkkaZk.Server (Release) ..." >&2
  local log
  log=$(mktemp)
  if ! DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
      dotnet build "$AKKAZK_HOME/src/AkkaZk.Server/AkkaZk.Server.csproj" -c Release -nologo -v q >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "Build FAILED" >&2
    exit 1
  fi
  rm -f "$log"
  touch "$DLL"  # an incremental build that changed nothing leaves the old timestamp
}

# ---- four-letter words over bash's /dev/tcp ----

four_letter() {  # four_letter CMD -> the server's answer on stdout; non-zero if unreachable
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "%s" "$3" >&3
    cat <&3
  ' _ "$CLIENT_ADDR" "$CLIENT_PORT" "$1" 2>/dev/null
}

server_pid() {  # the pid in the pid file, if that process is alive
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# ---- commands ----

case "$COMMAND" in
  start-foreground)
    read_config
    ensure_built
    echo "Using config: $CONF" >&2
    exec "${SERVER_CMD[@]}" "$CONF"
    ;;

  start)
    read_config
    ensure_built
    echo "Using config: $CONF" >&2
    echo -n "Starting AkkaZk ... "
    if pid=$(server_pid); then
      echo "already running as process $pid."
      exit 1
    fi
    mkdir -p "$DATA_DIR" "$(dirname "$LOG_FILE")" || exit 1
    nohup "${SERVER_CMD[@]}" "$CONF" >"$LOG_FILE" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PID_FILE"
    if [ "${AKKAZK_NO_WAIT:-0}" = 1 ]; then
      echo "STARTED (process $pid; not waiting for it to serve)"
      exit 0
    fi
    deadline=$((SECONDS + START_TIMEOUT))
    while :; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "FAILED TO START"
        tail -n 30 "$LOG_FILE" >&2
        rm -f "$PID_FILE"
        exit 1
      fi
      if four_letter srvr | grep -q '^Mode: '; then
        echo "STARTED"
        exit 0
      fi
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "FAILED TO START (not serving on $CLIENT_ADDR:$CLIENT_PORT after ${START_TIMEOUT}s; process $pid left running, log: $LOG_FILE)"
        exit 1
      fi
      sleep 0.2
    done
    ;;

  stop)
    read_config
    echo -n "Stopping AkkaZk ... "
    if [ ! -f "$PID_FILE" ]; then
      echo "no AkkaZk to stop (could not find file $PID_FILE)"
      exit 0
    fi
    if ! pid=$(server_pid); then
      echo "STOPPED (process $(cat "$PID_FILE" 2>/dev/null) was not running)"
      rm -f "$PID_FILE"
      exit 0
    fi
    kill -TERM "$pid"
    deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "FAILED: process $pid still running ${STOP_TIMEOUT}s after SIGTERM"
        exit 1
      fi
      sleep 0.2
    done
    rm -f "$PID_FILE"
    echo "STOPPED"
    ;;

  restart)
    "$0" stop "$CONF" || exit 1
    "$0" start "$CONF"
    ;;

  status)
    read_config
    echo "Client port found: $CLIENT_PORT. Client address: $CLIENT_ADDR. Client SSL: false."
    if ! out=$(four_letter srvr) || ! grep -q '^Mode: ' <<<"$out"; then
      echo "Error contacting service. It is probably not running."
      exit 1
    fi
    grep '^Mode: ' <<<"$out"
    ;;

  version)
    ensure_built
    version=$(sed -n -E 's:.*<(Informational)?Version>([^<]+)</(Informational)?Version>.*:\2:p' \
      "$AKKAZK_HOME/Directory.Build.props" "$AKKAZK_HOME/src/AkkaZk.Server/AkkaZk.Server.csproj" 2>/dev/null | head -n 1)
    built=""
    [ -f "$DLL" ] && built=", built $(date -u -r "$DLL" '+%Y-%m-%d %H:%M UTC')"
    echo "AkkaZk, version ${version:-1.0.0}, ZooKeeper 3.8 client protocol${built}"
    ;;

  print-cmd)
    read_config
    echo "${SERVER_CMD[*]} \"$CONF\" > \"$LOG_FILE\" 2>&1 < /dev/null"
    ;;

  *)
    usage
    ;;
esac
