"""Time from SIGKILL of an ensemble's leader to the first write accepted by a survivor.

    bench/failover-time.sh [--kind akkazk|zookeeper|both] [--rounds N] [--tick-ms MS]

Starts a 3-node ensemble of processes on free loopback ports (tests/interop/ensemble.py), then per round: finds the
leader, SIGKILLs it, and tries a create on the survivors (fresh connection each try, 200 ms to connect) until one is acknowledged;
then restarts the killed node and waits until all three serve. Prints each round and the median.
"""
import argparse
import logging
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "interop"))

from kazoo.client import KazooClient  # noqa: E402

from conftest import stop_client, wait_until  # noqa: E402
from ensemble import Ensemble  # noqa: E402

KINDS = {"akkazk": ("akkazk",) * 3, "zookeeper": ("apache",) * 3}


def first_write(ens, survivors, round_no):
    """Seconds until a create succeeds on a survivor."""
    attempt = 0
    while True:
        for i in survivors:
            attempt += 1
            c = KazooClient(hosts=ens.servers[i].hosts, timeout=4.0, connection_retry=dict(max_tries=0))
            try:
                c.start(timeout=0.2)
                c.create(f"/failover-{round_no}-{attempt}", b"x")
                return
            except Exception:
                pass
            finally:
                stop_client(c)


def measure(kind, rounds, tick_ms):
    ens = Ensemble(KINDS[kind], tick_ms=tick_ms)
    times = []
    try:
        ens.start()
        for r in range(rounds):
            leader = ens.leader()
            survivors = [i for i in ens.servers if i != leader]
            started = time.monotonic()
            ens.servers[leader].kill9()
            first_write(ens, survivors, r)
            elapsed = time.monotonic() - started
            times.append(elapsed)
            print(f"{kind} round {r + 1}: leader {leader} killed, write accepted after {elapsed * 1000:.0f} ms", flush=True)
            ens.servers[leader].launch()
            ens.servers[leader].wait_ready(timeout=90)
            wait_until(lambda: all(ens.mode(i) for i in ens.servers), 90, message="all three serve")
    finally:
        ens.cleanup()
    return times


def main():
    logging.disable(logging.CRITICAL)  # kazoo logs every failed try
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind", choices=["akkazk", "zookeeper", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tick-ms", type=int, default=2000, help="tickTime (ZooKeeper's default 2000)")
    args = parser.parse_args()
    kinds = ["akkazk", "zookeeper"] if args.kind == "both" else [args.kind]
    medians = {}
    for kind in kinds:
        medians[kind] = statistics.median(measure(kind, args.rounds, args.tick_ms))
    print(f"\nleader SIGKILL -> first accepted write, tickTime {args.tick_ms} ms, initLimit 10, syncLimit 5, "
          f"{args.rounds} rounds:")
    for kind, median in medians.items():
        print(f"  {kind:10s} median {median * 1000:.0f} ms")
    if len(medians) == 2:
        print(f"  ratio akkazk/zookeeper {medians['akkazk'] / medians['zookeeper']:.2f}")


if __name__ == "__main__":
    main()
