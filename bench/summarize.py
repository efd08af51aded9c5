#!/usr/bin/env python3
"""Summarise a bench/side-by-side.sh results directory: medians per workload and server, and AkkaZk/ZooKeeper ratios.

Files are named <workload>__<server>__r<round>.json (AkkaZk.Bench `run` reports, or ZkAsyncBench reports for
java-* workloads). Prints a table and writes summary.txt and summary.json into the directory.
usage: summarize.py RESULTS_DIR
"""
import json
import os
import statistics
import sys

SERVERS = [("zookeeper", "ZooKeeper"), ("akkazk", "AkkaZk")]
# (key, label, extractor); None when the figure is missing from a report.
RUN_METRICS = [
    ("opsPerSec", "ops/s", lambda r: r["result"]["opsPerSec"]),
    ("p50Us", "p50 µs", lambda r: r["result"]["latency"]["p50Us"]),
    ("p99Us", "p99 µs", lambda r: r["result"]["latency"]["p99Us"]),
    ("p999Us", "p99.9 µs", lambda r: r["result"]["latency"]["p999Us"]),
    ("cpuUsPerOp", "server CPU µs/op", lambda r: (r["result"].get("server") or {}).get("cpuUsPerOp")),
    ("rssMb", "server RSS MB", lambda r: round((r["result"].get("server") or {}).get("rssKb", 0) / 1024, 1) or None),
    ("errors", "errors", lambda r: r["result"]["errorCount"]),
]
CHURN_METRICS = [
    ("sessionsPerSec", "sessions/s", lambda r: r["connect"]["sessionsPerSec"]),
    ("connectP50Us", "connect p50 µs", lambda r: r["connect"]["connect"]["p50Us"]),
    ("closeP50Us", "close p50 µs", lambda r: r["connect"]["close"]["p50Us"]),
    ("cpuUsPerSession", "server CPU µs/session", lambda r: (r["connect"].get("server") or {}).get("cpuUsPerOp")),
    ("cleanupMs", "1000 ephemerals gone, ms", lambda r: round(r["ephemerals"]["goneAfterSeconds"] * 1000, 1)),
    ("errors", "errors", lambda r: r["connect"]["errors"]),
]
JAVA_METRICS = [
    ("opsPerSec", "ops/s", lambda r: r["opsPerSec"]),
    ("p50Us", "p50 µs", lambda r: r["p50Us"]),
    ("p99Us", "p99 µs", lambda r: r["p99Us"]),
    ("errors", "errors", lambda r: r["errorCount"]),
]


def load(directory):
    """Reports by (workload, server), in the order the workloads were first run (file times)."""
    runs = {}
    names = [n for n in os.listdir(directory) if n.endswith(".json")]
    for name in sorted(names, key=lambda n: os.path.getmtime(os.path.join(directory, n))):
        if not name.endswith(".json") or "__" not in name:
            continue
        parts = name[:-5].split("__")
        if len(parts) != 3:
            continue
        workload, server, _ = parts
        with open(os.path.join(directory, name)) as f:
            report = json.load(f)
        if report.get("command") == "latency":
            # One row group per worker count; the paper's throughput is creates/s.
            for level in report["levels"]:
                result = dict(level["result"], opsPerSec=level["createsPerSec"])
                runs.setdefault((f"{workload}-w{level['workers']}", server), []).append({"result": result})
            continue
        runs.setdefault((workload, server), []).append(report)
    return runs


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value):
    if value is None:
        return "-"
    if isinstance(value, float) and abs(value) < 100:
        return f"{value:,.2f}"
    return f"{value:,.0f}"


def main():
    directory = sys.argv[1]
    runs = load(directory)
    order = []
    for workload, _ in runs:
        if workload not in order:
            order.append(workload)
    rows = [("workload", "metric", "ZooKeeper", "AkkaZk", "AkkaZk/ZK")]
    summary = {}
    for workload in order:
        metrics = JAVA_METRICS if workload.startswith("java-") else CHURN_METRICS if workload == "churn" else RUN_METRICS
        first = True
        counts = {s: len(runs.get((workload, s), [])) for s, _ in SERVERS}
        for key, label, extract in metrics:
            medians = {}
            for server, _ in SERVERS:
                values = []
                for report in runs.get((workload, server), []):
                    try:
                        values.append(extract(report))
                    except (KeyError, TypeError):
                        values.append(None)
                medians[server] = median(values)
            zk, akka = medians["zookeeper"], medians["akkazk"]
            ratio = f"{akka / zk:.2f}" if zk and akka is not None else "-"
            if key == "errors":
                ratio = ""
            rows.append((f"{workload} (runs {counts['zookeeper']}/{counts['akkazk']})" if first else "", label, fmt(zk), fmt(akka), ratio))
            summary.setdefault(workload, {})[key] = {"zookeeper": zk, "akkazk": akka}
            first = False
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    text = "\n".join(lines) + "\n(medians over rounds; ratio > 1 means AkkaZk higher: better for ops/s, worse for latency, CPU and RSS)\n"
    print(text, end="")
    with open(os.path.join(directory, "summary.txt"), "w") as f:
        f.write(text)
    with open(os.path.join(directory, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
