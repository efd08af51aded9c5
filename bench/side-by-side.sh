#!/usr/bin/env bash
# AkkaZk vs Apache ZooKeeper 3.8.0 on this machine, in one run, with the same settings and the same load generator.
#
# Starts both servers (standalone, each on a free loopback port with a fresh data dir under one temp dir, so on the
# same filesystem; tickTime=2000, fsync on as ZooKeeper's default forceSync=yes), waits for ruok, warms both up,
# then alternates runs ZooKeeper, AkkaZk, ZooKeeper, AkkaZk… for each workload and prints medians and ratios.
# Raw JSON goes to bench/results/<timestamp>/. Both servers are stopped and the temp dir removed on exit.
#
# usage: bench/side-by-side.sh [--rounds N] [--duration 5s] [--warmup 2s] [--ops "get set create"]
#            [--sessions 8] [--outstanding 64] [--value-size 100] [--znodes 10000]
#            [--latency-rate 200] [--latency-duration 5s] [--no-latency]
#            [--java] [--java-rounds 1] [--only zookeeper|akkazk] [--no-build] [--paper]
# ops:   get set create exists children delete multi, mixed-NN (NN % getData, the rest setData), children-N
#        (getChildren of one parent holding N children)
# --paper: the ZooKeeper paper's workloads instead: throughput over read ratio 0..100 % (mixed-0 … mixed-100),
#        getChildren of 10k and 100k children, create-then-delete latency with 1, 10 and 20 workers (`latency`),
#        connect churn and ephemeral cleanup (`churn`). About 12 minutes with the defaults (2 rounds).
# env:   ZK_JAVA_OPTS   extra JVM options for ZooKeeper (default none: the JVM's default heap, 1/4 of RAM)
#        BENCH_TMP      parent of the servers' temp dir (default /tmp; keep it on a real disk, not tmpfs)
# Default full run (3 rounds, 5 s windows): about 4 minutes; about 5 with --java.
set -euo pipefail

ROUNDS=3
DURATION=5s
WARMUP=2s
OPS="get set create"
SESSIONS=8
OUTSTANDING=64
VALUE_SIZE=100
ZNODES=10000
LATENCY_RATE=200
LATENCY_DURATION=5s
LATENCY=1
JAVA=0
JAVA_ROUNDS=1
ONLY=""
BUILD=1
PAPER=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --ops) OPS=$2; shift 2 ;;
    --sessions) SESSIONS=$2; shift 2 ;;
    --outstanding) OUTSTANDING=$2; shift 2 ;;
    --value-size) VALUE_SIZE=$2; shift 2 ;;
    --znodes) ZNODES=$2; shift 2 ;;
    --latency-rate) LATENCY_RATE=$2; shift 2 ;;
    --latency-duration) LATENCY_DURATION=$2; shift 2 ;;
    --no-latency) LATENCY=0; shift ;;
    --java) JAVA=1; shift ;;
    --java-rounds) JAVA_ROUNDS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --paper) PAPER=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DLL=$REPO/src/AkkaZk.Bench/bin/Release/net10.0/AkkaZk.Bench.dll
SERVER_DLL=$REPO/src/AkkaZk.Server/bin/Release/net10.0/AkkaZk.Server.dll
JARS=/usr/share/java
ZK_CP=$JARS/zookeeper.jar:$JARS/zookeeper-jute.jar:$JARS/slf4j-api.jar:$JARS/slf4j-nop.jar
RESULTS=$REPO/bench/results/$(date -u +%Y%m%d-%H%M%S)
WORK=$(mktemp -d "${BENCH_TMP:-/tmp}/akkazk-side-by-side.XXXXXX")
LOG=$RESULTS/bench.log
mkdir -p "$RESULTS"

declare -A PID=() PORT=() UP=()
CHILD=""
SERVERS=()
[[ "$ONLY" != "akkazk" ]] && SERVERS+=(zookeeper)
[[ "$ONLY" != "zookeeper" ]] && SERVERS+=(akkazk)

say() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }

stop_server() {
  local name=$1 pid=${PID[$1]:-}
  [[ -z "$pid" ]] && return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  PID[$name]=""
}

on_exit() {
  local code=$?
  [[ -n "$CHILD" ]] && kill -TERM "$CHILD" 2>/dev/null || true
  for name in "${SERVERS[@]}"; do
    stop_server "$name"
    [[ -f "$WORK/$name/server.log" ]] && tail -n 200 "$WORK/$name/server.log" > "$RESULTS/$name-server.log" 2>/dev/null || true
  done
  rm -rf "$WORK"
  exit "$code"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

ruok() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf ruok >&3 && cat <&3" 2>/dev/null || true
}

write_config() {
  local dir=$1 port=$2
  mkdir -p "$dir/data"
  cat > "$dir/zoo.cfg" <<EOF
tickTime=2000
dataDir=$dir/data
clientPort=$port
clientPortAddress=127.0.0.1
maxClientCnxns=0
4lw.commands.whitelist=*
admin.enableServer=false
EOF
}

start_server() {
  local name=$1 dir=$WORK/$1
  PORT[$name]=$(free_port)
  write_config "$dir" "${PORT[$name]}"
  cp "$dir/zoo.cfg" "$RESULTS/$name-zoo.cfg"
  case "$name" in
    zookeeper)
      # shellcheck disable=SC2086 # ZK_JAVA_OPTS is a list of options
      java ${ZK_JAVA_OPTS:-} -cp "$ZK_CP" org.apache.zookeeper.server.quorum.QuorumPeerMain "$dir/zoo.cfg" > "$dir/server.log" 2>&1 &
      ;;
    akkazk)
      if [[ ! -f "$SERVER_DLL" ]]; then
        say "AkkaZk: $SERVER_DLL not found: skipping AkkaZk"
        UP[$name]=0
        return 0
      fi
      (cd "$dir" && exec dotnet "$SERVER_DLL" "$dir/zoo.cfg") > "$dir/server.log" 2>&1 &
      ;;
  esac
  PID[$name]=$!
  for _ in $(seq 1 150); do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      say "$name exited during start-up; last log lines:"; tail -n 20 "$dir/server.log" >&2 || true
      PID[$name]=""; UP[$name]=0; return 0
    fi
    if [[ "$(ruok "${PORT[$name]}")" == "imok" ]]; then
      say "$name up: pid ${PID[$name]}, port ${PORT[$name]}, data $dir/data"
      UP[$name]=1; return 0
    fi
    sleep 0.2
  done
  say "$name did not answer ruok within 30 s: skipping it"
  stop_server "$name"; UP[$name]=0
}

# A run's time bound: its windows plus setup/cleanup slack.
seconds() { python3 -c "import sys; t=sys.argv[1]; print(int(float(t[:-2])/1000 if t.endswith('ms') else float(t[:-1])*60 if t.endswith('m') else float(t.rstrip('s'))))" "$1"; }
BOUND=$(( $(seconds "$DURATION") + $(seconds "$WARMUP") + 120 ))

# Waits for the driver just started in the background: a signal interrupts `wait` (not a foreground command),
# so Ctrl-C or TERM stops the servers at once.
run_child() {
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

# bench NAME WORKLOAD ROUND ARGS...: one AkkaZk.Bench run against one server, JSON into the results dir.
bench() {
  local name=$1 workload=$2 round=$3; shift 3
  [[ "${UP[$name]:-0}" == 1 ]] || return 0
  if ! kill -0 "${PID[$name]}" 2>/dev/null; then
    say "$name is no longer running: skipping its remaining runs"; UP[$name]=0; return 0
  fi
  local out=$RESULTS/${workload}__${name}__r${round}.json
  say "$workload round $round: $name"
  timeout "$BOUND" dotnet "$BENCH_DLL" "$@" --target "127.0.0.1:${PORT[$name]}" --server-pid "${PID[$name]}" \
    --label "$name" --json "$out" >> "$LOG" 2>&1 &
  run_child || { say "  $workload on $name failed (see $LOG)"; rm -f "$out"; }
}

# java_bench NAME OP ROUND: the reference Java client driver against one server.
java_bench() {
  local name=$1 op=$2 round=$3
  [[ "${UP[$name]:-0}" == 1 ]] && kill -0 "${PID[$name]}" 2>/dev/null || return 0
  local out=$RESULTS/java-${op}__${name}__r${round}.json
  say "java-$op round $round: $name"
  timeout "$BOUND" java -cp "$ZK_CP:$WORK/java" ZkAsyncBench --connect "127.0.0.1:${PORT[$name]}" --op "$op" \
    --sessions "$SESSIONS" --outstanding "$OUTSTANDING" --value-size "$VALUE_SIZE" --znodes "$ZNODES" \
    --duration "$(seconds "$DURATION")" --warmup "$(seconds "$WARMUP")" --label "$name" --json "$out" >> "$LOG" 2>&1 &
  run_child || { say "  java-$op on $name failed (see $LOG)"; rm -f "$out"; }
}

cd "$REPO"
if [[ $BUILD == 1 ]]; then
  say "building AkkaZk.Bench (Release)"
  dotnet build src/AkkaZk.Bench -c Release -v q -nologo >> "$LOG" 2>&1 || { say "AkkaZk.Bench build failed (see $LOG)"; exit 1; }
  if [[ " ${SERVERS[*]} " == *" akkazk "* ]]; then
    say "building AkkaZk.Server (Release)"
    dotnet build src/AkkaZk.Server -c Release -v q -nologo >> "$LOG" 2>&1 || say "AkkaZk.Server build failed: AkkaZk will be skipped if no earlier build exists"
  fi
fi
[[ -f "$BENCH_DLL" ]] || { say "$BENCH_DLL missing: build it or drop --no-build"; exit 1; }
if [[ $JAVA == 1 ]]; then
  mkdir -p "$WORK/java"
  javac -nowarn -d "$WORK/java" -cp "$ZK_CP" "$REPO/bench/java/ZkAsyncBench.java" >> "$LOG" 2>&1 || { say "javac failed (see $LOG)"; exit 1; }
fi

say "results in $RESULTS; ZooKeeper JVM options: '${ZK_JAVA_OPTS:-}' (empty = JVM default heap)"
{
  echo "date: $(date -u +%FT%TZ)"; echo "host: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"; uname -r
  echo "rounds=$ROUNDS duration=$DURATION warmup=$WARMUP ops=$OPS sessions=$SESSIONS outstanding=$OUTSTANDING value=$VALUE_SIZE znodes=$ZNODES"
  echo "latency: 1 session x 1 outstanding, fixed rate $LATENCY_RATE/s, $LATENCY_DURATION"
  echo "ZK_JAVA_OPTS='${ZK_JAVA_OPTS:-}'"; java -version 2>&1 | head -1; dotnet --version
  git -C "$REPO" rev-parse --short HEAD 2>/dev/null || true
} > "$RESULTS/environment.txt"

for name in "${SERVERS[@]}"; do start_server "$name"; done

# Warm-up: JIT both runtimes on every path measured below (reads, writes, creates and deletes in setup/cleanup).
for name in "${SERVERS[@]}"; do
  bench "$name" warmup 0 run --op mixed --read-pct 50 --sessions "$SESSIONS" --outstanding "$OUTSTANDING" \
    --value-size "$VALUE_SIZE" --znodes "$ZNODES" --duration 4s --warmup 1s
  rm -f "$RESULTS"/warmup__*
done

# op_args OP: the `run` arguments of one op token (mixed-NN, children-N, or a plain op).
op_args() {
  case "$1" in
    mixed-*) echo "--op mixed --read-pct ${1#mixed-} --znodes $ZNODES" ;;
    children-*) echo "--op children --znodes ${1#children-} --leaves-per-parent ${1#children-} --cleanup-timeout 5m" ;;
    *) echo "--op $1 --znodes $ZNODES" ;;
  esac
}

if [[ $PAPER == 1 ]]; then
  OPS="mixed-0 mixed-10 mixed-20 mixed-30 mixed-40 mixed-50 mixed-60 mixed-70 mixed-80 mixed-90 mixed-100 children-10000 children-100000"
  LATENCY=0
fi

for op in $OPS; do
  for round in $(seq 1 "$ROUNDS"); do
    for name in "${SERVERS[@]}"; do
      # shellcheck disable=SC2046
      bench "$name" "$op" "$round" run $(op_args "$op") --sessions "$SESSIONS" --outstanding "$OUTSTANDING" \
        --value-size "$VALUE_SIZE" --duration "$DURATION" --warmup "$WARMUP"
    done
  done
done

if [[ $PAPER == 1 ]]; then
  for round in $(seq 1 "$ROUNDS"); do
    for name in "${SERVERS[@]}"; do
      bench "$name" create-delete "$round" latency --workers 1,10,20 --value-size "$VALUE_SIZE" \
        --duration "$DURATION" --warmup "$WARMUP"
    done
  done
  for round in $(seq 1 "$ROUNDS"); do
    for name in "${SERVERS[@]}"; do
      bench "$name" churn "$round" churn --concurrency 4 --duration "$DURATION" --ephemerals 1000
    done
  done
fi

if [[ $LATENCY == 1 ]]; then
  for round in $(seq 1 "$ROUNDS"); do
    for name in "${SERVERS[@]}"; do
      bench "$name" "create-sync-${LATENCY_RATE}hz" "$round" run --op create --sessions 1 --outstanding 1 \
        --rate "$LATENCY_RATE" --value-size "$VALUE_SIZE" --duration "$LATENCY_DURATION" --warmup 1s
    done
  done
fi

if [[ $JAVA == 1 ]]; then
  for op in $OPS; do
    [[ "$op" =~ ^(get|set|create)$ ]] || continue
    for round in $(seq 1 "$JAVA_ROUNDS"); do
      for name in "${SERVERS[@]}"; do java_bench "$name" "$op" "$round"; done
    done
  done
fi

for name in "${SERVERS[@]}"; do
  if [[ "${UP[$name]:-0}" == 1 && -n "${PID[$name]:-}" ]]; then
    grep -E '^(VmRSS|VmHWM)' "/proc/${PID[$name]}/status" 2>/dev/null | sed "s/^/$name /" >> "$RESULTS/environment.txt" || true
  fi
done

echo
python3 "$REPO/bench/summarize.py" "$RESULTS"
echo "raw JSON, logs and summary: $RESULTS"
