#!/usr/bin/env bash
# A local 3-node ensemble on 127.0.0.1 from hocon/ensemble-3 (client ports 2181-2183, quorum 2888-2890,
# election 3888-3890), data and logs under ./data/node1..3 of the current directory.
#
#   deploy/ensemble.sh up       start the three nodes in the background; wait until each serves; print modes
#   deploy/ensemble.sh down     stop them
#   deploy/ensemble.sh status   print each node's mode
#
#   --apache    run Apache ZooKeeper 3.8.0 (Debian's zookeeper package) on the same ports and configs instead
#               (hocon/ensemble-3/zooN.cfg, with myid written into each dataDir), for side-by-side comparisons.
#
# Environment: AKKAZK_ENSEMBLE_TIMEOUT  seconds `up` waits for every node to serve (default 60).
set -uo pipefail

SCRIPT_DIR=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
AKKAZK_HOME=$(cd "$SCRIPT_DIR/.." && pwd)
CONF_DIR=$AKKAZK_HOME/hocon/ensemble-3
TIMEOUT=${AKKAZK_ENSEMBLE_TIMEOUT:-60}
NODES=(1 2 3)
ZK_CLASSPATH=/usr/share/java/zookeeper.jar:/usr/share/java/zookeeper-jute.jar:/usr/share/java/slf4j-api.jar:/usr/share/java/slf4j-nop.jar

usage() {
  echo "Usage: $0 {up|down|status} [--apache]" >&2
  exit 1
}

[ $# -ge 1 ] || usage
COMMAND=$1
shift
APACHE=0
for arg in "$@"; do
  case "$arg" in
    --apache) APACHE=1 ;;
    *) usage ;;
  esac
done

config() {  # the config file of node $1
  if [ "$APACHE" = 1 ]; then echo "$CONF_DIR/zoo$1.cfg"; else echo "$CONF_DIR/node$1.conf"; fi
}

server() {  # deploy/zkServer.sh for node $1 with the chosen server kind
  local node=$1
  shift
  if [ "$APACHE" = 1 ]; then
    AKKAZK_SERVER_CMD="java -Xmx512m -cp $ZK_CLASSPATH org.apache.zookeeper.server.quorum.QuorumPeerMain" \
      "$SCRIPT_DIR/zkServer.sh" "$@" "$(config "$node")"
  else
    "$SCRIPT_DIR/zkServer.sh" "$@" "$(config "$node")"
  fi
}

mode() {  # the Mode line of node $1, or nothing
  server "$1" status 2>/dev/null | sed -n 's/^Mode: //p'
}

case "$COMMAND" in
  up)
    for n in "${NODES[@]}"; do
      mkdir -p "data/node$n"
      [ "$APACHE" = 1 ] && echo "$n" >"data/node$n/myid"
      echo -n "node $n: "
      AKKAZK_NO_WAIT=1 server "$n" start 2>/dev/null || exit 1
    done
    deadline=$((SECONDS + TIMEOUT))
    for n in "${NODES[@]}"; do
      until m=$(mode "$n") && [ -n "$m" ]; do
        if [ "$SECONDS" -ge "$deadline" ]; then
          echo "node $n is not serving after ${TIMEOUT}s (its log: data/node$n/akkazk-*-server-*.out)" >&2
          exit 1
        fi
        sleep 0.2
      done
    done
    "$0" status "$@"
    ;;
  down)
    for n in "${NODES[@]}"; do
      echo -n "node $n: "
      server "$n" stop 2>/dev/null
    done
    ;;
  status)
    status=0
    for n in "${NODES[@]}"; do
      m=$(mode "$n")
      echo "node $n ($(config "$n" | sed "s|$AKKAZK_HOME/||")): ${m:-not serving}"
      [ -n "$m" ] || status=1
    done
    exit "$status"
    ;;
  *) usage ;;
esac
