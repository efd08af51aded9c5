"""Throughput and latency of 3-node ensembles, AkkaZk×3 beside Apache ZooKeeper 3.8.0×3, in one run.

    bench/ensemble-side-by-side.sh [--rounds N] [--duration 5s] [--warmup 2s] [--ops "get set create mixed-90"]
                                   [--sessions 9] [--outstanding 64] [--tick-ms 2000]

Starts both ensembles as processes on free loopback ports (tests/interop/ensemble.py; fsync on, tickTime 2000,
initLimit 10, syncLimit 5, data dirs under one temp dir), warms both up, then runs AkkaZk.Bench `run` for each op,
alternating ZooKeeper, AkkaZk, ZooKeeper, AkkaZk…, with the sessions spread round-robin over the three servers
(so two thirds of the writes are forwarded by a follower). Server CPU and RSS are the leader's. JSON reports and
the summary table (bench/summarize.py) go to bench/results/ensemble-<UTC time>/. Both ensembles are stopped and
their temp dirs removed at the end, also on error or Ctrl-C.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(REPO, "tests", "interop"))

from ensemble import Ensemble  # noqa: E402

BENCH_DLL = os.path.join(REPO, "src", "AkkaZk.Bench", "bin", "Release", "net10.0", "AkkaZk.Bench.dll")
KINDS = [("zookeeper", ("apache",) * 3), ("akkazk", ("akkazk",) * 3)]
BOUND_S = 600


def op_args(op, znodes):
    if op.startswith("mixed-"):
        return ["--op", "mixed", "--read-pct", op[len("mixed-"):], "--znodes", str(znodes)]
    return ["--op", op, "--znodes", str(znodes)]


def bench(out_dir, name, ens, workload, round_no, args, log):
    leader = ens.leader()
    target = ",".join(f"127.0.0.1:{s.port}" for s in ens.servers.values())
    out = os.path.join(out_dir, f"{workload}__{name}__r{round_no}.json")
    print(f"[{time.strftime('%H:%M:%S')}] {workload} round {round_no}: {name} (leader {leader})", flush=True)
    cmd = ["dotnet", BENCH_DLL, *args, "--target", target, "--server-pid", str(ens.servers[leader].proc.pid),
           "--label", name, "--json", out]
    result = subprocess.run(cmd, stdout=log, stderr=log, timeout=BOUND_S, check=False)
    if result.returncode != 0:
        print(f"  {workload} on {name} failed (exit {result.returncode}, see {log.name})", flush=True)
        if os.path.exists(out):
            os.remove(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", default="5s")
    parser.add_argument("--warmup", default="2s")
    parser.add_argument("--ops", default="get set create mixed-90")
    parser.add_argument("--sessions", type=int, default=9)
    parser.add_argument("--outstanding", type=int, default=64)
    parser.add_argument("--value-size", type=int, default=100)
    parser.add_argument("--znodes", type=int, default=10000)
    parser.add_argument("--tick-ms", type=int, default=2000)
    opts = parser.parse_args()
    if not os.path.exists(BENCH_DLL):
        sys.exit(f"{BENCH_DLL} missing: dotnet build src/AkkaZk.Bench -c Release")
    out_dir = os.path.join(HERE, "results", "ensemble-" + time.strftime("%Y%m%d-%H%M%S", time.gmtime()))
    os.makedirs(out_dir)
    ensembles = {}
    with open(os.path.join(out_dir, "bench.log"), "w") as log:
        try:
            for name, kinds in KINDS:
                ens = Ensemble(list(kinds), tick_ms=opts.tick_ms)
                ensembles[name] = ens
                ens.start()
                print(f"[{time.strftime('%H:%M:%S')}] {name} ensemble serving, leader {ens.leader()}", flush=True)
            common = ["--sessions", str(opts.sessions), "--outstanding", str(opts.outstanding),
                      "--value-size", str(opts.value_size)]
            for name, ens in ensembles.items():
                bench(out_dir, name, ens, "warmup", 0, ["run", *op_args("mixed-50", opts.znodes), *common,
                                                          "--duration", "4s", "--warmup", "1s"], log)
            for op in opts.ops.split():
                for round_no in range(1, opts.rounds + 1):
                    for name, ens in ensembles.items():
                        bench(out_dir, name, ens, op, round_no, ["run", *op_args(op, opts.znodes), *common,
                                                                   "--duration", opts.duration, "--warmup", opts.warmup], log)
        finally:
            for ens in ensembles.values():
                ens.cleanup()
    for name in os.listdir(out_dir):
        if name.startswith("warmup__"):
            os.remove(os.path.join(out_dir, name))
    subprocess.run([sys.executable, os.path.join(HERE, "summarize.py"), out_dir], check=False)


if __name__ == "__main__":
    main()
