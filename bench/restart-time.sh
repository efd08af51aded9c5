#!/usr/bin/env bash
# Restart-to-serving time after kill -9, AkkaZk vs Apache ZooKeeper 3.8.0, same machine, same run.
# For each server: start it on a free loopback port with a fresh data dir, load N znodes with the bench's `tree`
# workload (32-byte data, 15-character names), kill -9, then start it again and time from the exec to the first
# `srvr` that reports a Mode (polled every 10 ms). Repeats the kill/restart ROUNDS times and prints the median.
#
# After loading, it also prints each server's resident memory and, for ZooKeeper, its live heap (jmap -histo:live).
# ZooKeeper runs with -Xmx$ZK_HEAP (default 2g: 1M znodes do not fit the JVM's default heap on small machines).
#
# usage: bench/restart-time.sh [--znodes 100000] [--rounds 3] [--only zookeeper|akkazk] [--zk-heap 2g]
set -euo pipefail
ZNODES=100000
ROUNDS=3
ONLY=""
ZK_HEAP=2g
while [[ $# -gt 0 ]]; do
  case "$1" in
    --znodes) ZNODES=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --zk-heap) ZK_HEAP=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DLL=$REPO/src/AkkaZk.Bench/bin/Release/net10.0/AkkaZk.Bench.dll
SERVER_DLL=$REPO/src/AkkaZk.Server/bin/Release/net10.0/AkkaZk.Server.dll
JARS=/usr/share/java
ZK_CP=$JARS/zookeeper.jar:$JARS/zookeeper-jute.jar:$JARS/slf4j-api.jar:$JARS/slf4j-nop.jar
WORK=$(mktemp -d "${BENCH_TMP:-/tmp}/akkazk-restart.XXXXXX")
PID=""
# KEEP_WORK=1 keeps the data dirs and server logs (their path is printed) to see where start-up time goes.
cleanup() { [[ -n "$PID" ]] && kill -KILL "$PID" 2>/dev/null; if [[ -n "${KEEP_WORK:-}" ]]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

[[ -f "$BENCH_DLL" && -f "$SERVER_DLL" ]] || dotnet build -c Release "$REPO/AkkaZk.sln" -v q >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# ZooKeeper answers ruok before it serves, so "serving" is srvr reporting a Mode.
serving() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf srvr >&3 && cat <&3" 2>/dev/null | grep -q '^Mode: '; }
now_ms() { date +%s%3N; }

start() { # name dir port
  case $1 in
    zookeeper) java "-Xmx$ZK_HEAP" -cp "$ZK_CP" org.apache.zookeeper.server.quorum.QuorumPeerMain "$2/zoo.cfg" >>"$2/server.log" 2>&1 & ;;
    akkazk) dotnet "$SERVER_DLL" "$2/zoo.cfg" >>"$2/server.log" 2>&1 & ;;
  esac
  PID=$!
}

wait_serving() { # port -> prints ms waited, from the caller's start stamp
  local port=$1 started=$2
  for _ in $(seq 1 6000); do
    serving "$port" && { echo $(( $(now_ms) - started )); return 0; }
    sleep 0.01
  done
  echo "timeout"; return 1
}

for name in zookeeper akkazk; do
  [[ -n "$ONLY" && "$ONLY" != "$name" ]] && continue
  dir=$WORK/$name; mkdir -p "$dir/data"; port=$(free_port)
  printf 'tickTime=2000\ndataDir=%s/data\nclientPort=%s\nclientPortAddress=127.0.0.1\nmaxClientCnxns=0\n4lw.commands.whitelist=*\nadmin.enableServer=false\n' "$dir" "$port" >"$dir/zoo.cfg"
  start "$name" "$dir"; wait_serving "$port" "$(now_ms)" >/dev/null
  dotnet "$BENCH_DLL" tree --target "127.0.0.1:$port" --znodes "$ZNODES" --keep --settle 0s >"$dir/load.txt" 2>&1 || { cat "$dir/load.txt" >&2; exit 1; }
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")
  live=""
  if [[ $name == zookeeper ]] && command -v jmap >/dev/null; then
    live=$(jmap -histo:live "$PID" 2>/dev/null | awk '$1 == "Total" {print $3}')
    [[ -n "$live" ]] && live=", live heap $live bytes ($(( live / ZNODES )) B/znode, jmap -histo:live)"
  fi
  printf '%-10s znodes=%s loaded: RSS %s MB%s\n' "$name" "$ZNODES" "$(( rss_kb / 1024 ))" "$live"
  times=()
  for _ in $(seq 1 "$ROUNDS"); do
    kill -KILL "$PID"; wait "$PID" 2>/dev/null || true
    t0=$(now_ms); start "$name" "$dir"
    times+=("$(wait_serving "$port" "$t0")")
  done
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  size=$(du -sb "$dir/data" | cut -f1)
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
  printf '%-10s znodes=%s restart-to-serving ms: %s (median %s), data dir %s bytes\n' "$name" "$ZNODES" "${times[*]}" "$median" "$size"
done
