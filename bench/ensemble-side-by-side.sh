#!/usr/bin/env bash
# 3-node ensembles, AkkaZk×3 beside Apache ZooKeeper 3.8.0×3: throughput and latency with sessions spread over the
# three servers. Needs Release builds of AkkaZk.Server and AkkaZk.Bench, and python3-kazoo.
#   bench/ensemble-side-by-side.sh [--rounds N] [--duration 5s] [--warmup 2s] [--ops "get set create mixed-90"]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec /usr/bin/python3 bench/ensemble_bench.py "$@"
