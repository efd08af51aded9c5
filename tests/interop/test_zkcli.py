"""The stock ZooKeeper 3.8 command-line client (zkCli.sh) against the target server."""
import os
import re
import subprocess

import pytest

from conftest import ZK_CLIENT_CLASSPATH

ZKCLI = "/usr/share/zookeeper/bin/zkCli.sh"
STAT_KEYS = ["cZxid", "ctime", "mZxid", "mtime", "pZxid", "cversion", "dataVersion",
             "aclVersion", "ephemeralOwner", "dataLength", "numChildren"]


def zkcli(server, *args, expect_rc=0):
    """Run one zkCli command; return its stdout+stderr lines without the connection chatter."""
    if os.path.exists(ZKCLI):
        cmd = [ZKCLI, "-server", server.hosts, *args]
    else:
        cmd = ["java", "-cp", ZK_CLIENT_CLASSPATH, "org.apache.zookeeper.ZooKeeperMain",
               "-server", server.hosts, *args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    out = p.stdout + p.stderr
    assert p.returncode == expect_rc, f"zkCli {args} exited {p.returncode}:\n{out}"
    noise = ("Connecting to ", "WATCHER::", "WatchedEvent state:SyncConnected", "SLF4J:")
    return [line for line in out.splitlines() if line and not line.startswith(noise)]


def parse_stat(lines):
    pairs = [line.split(" = ", 1) for line in lines if " = " in line]
    assert [k for k, _ in pairs] == STAT_KEYS, pairs
    return dict(pairs)


@pytest.fixture
def cli_base(zk, base):
    return base


def test_zkcli_session(server, zk, cli_base):
    x = cli_base + "/x"
    assert zkcli(server, "create", x, "data") == [f"Created {x}"]
    assert zkcli(server, "get", x) == ["data"]
    assert zkcli(server, "set", x, "d2") == []
    assert zkcli(server, "get", x) == ["d2"]

    ls = zkcli(server, "ls", cli_base)
    assert ls == ["[x]"]
    root = zkcli(server, "ls", "/")
    assert len(root) == 1 and re.fullmatch(r"\[.*\]", root[0])
    assert {n.strip() for n in root[0][1:-1].split(",")} >= {"zookeeper", cli_base[1:]}

    stat = parse_stat(zkcli(server, "stat", x))
    kstat = zk.exists(x)
    assert stat["cZxid"] == hex(kstat.czxid) and stat["mZxid"] == hex(kstat.mzxid)
    assert stat["pZxid"] == hex(kstat.pzxid)
    assert stat["dataVersion"] == "1" and stat["cversion"] == "0" and stat["aclVersion"] == "0"
    assert stat["ephemeralOwner"] == "0x0"
    assert stat["dataLength"] == "2" and stat["numChildren"] == "0"

    assert zkcli(server, "delete", x) == []
    assert zk.exists(x) is None
    assert zkcli(server, "ls", cli_base) == ["[]"]


def test_zkcli_errors(server, cli_base):
    x = cli_base + "/dup"
    zkcli(server, "create", x, "one")
    assert zkcli(server, "create", x, "two", expect_rc=1) == [f"Node already exists: {x}"]
    assert zkcli(server, "get", cli_base + "/nope", expect_rc=1) == [f"Node does not exist: {cli_base}/nope"]
    zkcli(server, "create", x + "/kid", "k")
    assert zkcli(server, "delete", x, expect_rc=1) == [f"Node not empty: {x}"]
    zkcli(server, "deleteall", x)
    assert zkcli(server, "ls", cli_base) == ["[]"]


def test_zkcli_sequential_and_get_s(server, zk, cli_base):
    assert zkcli(server, "create", "-s", cli_base + "/q-", "v") == [f"Created {cli_base}/q-0000000000"]
    lines = zkcli(server, "get", "-s", cli_base + "/q-0000000000")
    assert lines[0] == "v"
    stat = parse_stat(lines[1:])
    assert stat["dataLength"] == "1" and stat["dataVersion"] == "0"
    parent = parse_stat(zkcli(server, "stat", cli_base))
    assert parent["numChildren"] == "1" and parent["cversion"] == "1"
