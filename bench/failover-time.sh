#!/usr/bin/env bash
# Leader failover, AkkaZk beside Apache ZooKeeper 3.8.0: time from SIGKILL of the leader of a local 3-node
# ensemble to the first write a survivor acknowledges. Needs a Release build and python3-kazoo.
#   bench/failover-time.sh [--kind akkazk|zookeeper|both] [--rounds N] [--tick-ms MS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec /usr/bin/python3 bench/failover_time.py "$@"
