"""Four-letter words: output formats checked structurally (PROTOCOL.md 13)."""
import os
import re

import pytest

from conftest import TICK_MS

SRVR_LINES = [
    r"Zookeeper version: 3\.8\.\d+.*",  # "3.8.0-<git>, built on <date>"; AkkaZk: "3.8.0-akkazk-<v>"
    r"Latency min/avg/max: \d+/\d+(\.\d+)?/\d+",
    r"Received: \d+",
    r"Sent: \d+",
    r"Connections: \d+",
    r"Outstanding: \d+",
    r"Zxid: 0x[0-9a-f]+",
    r"Mode: standalone",
    r"Node count: \d+",
]
ENVI_KEYS = [
    "zookeeper.version", "host.name",
    "java.version", "java.vendor", "java.home", "java.class.path", "java.library.path",
    "java.io.tmpdir", "java.compiler",
    "os.name", "os.arch", "os.version",
    "user.name", "user.home", "user.dir",
    "os.memory.free", "os.memory.max", "os.memory.total",
]
CONF_KEYS = [
    "clientPort", "secureClientPort", "dataDir", "dataDirSize", "dataLogDir", "dataLogSize",
    "tickTime", "maxClientCnxns", "minSessionTimeout", "maxSessionTimeout",
    "clientPortListenBacklog", "serverId",
]
MNTR_REQUIRED = [
    "zk_version", "zk_server_state", "zk_avg_latency", "zk_min_latency", "zk_max_latency",
    "zk_packets_received", "zk_packets_sent", "zk_num_alive_connections", "zk_outstanding_requests",
    "zk_znode_count", "zk_watch_count", "zk_ephemerals_count", "zk_approximate_data_size",
    "zk_open_file_descriptor_count", "zk_max_file_descriptor_count", "zk_uptime",
]
CLIENT_LINE = re.compile(r" /127\.0\.0\.1:\d+\[[0-9a-f]+\]\(queued=\d+,recved=\d+,sent=\d+.*\)")


def srvr_fields(text):
    assert text.endswith("\n")
    lines = text.split("\n")[:-1]
    assert len(lines) == len(SRVR_LINES), lines
    for line, pattern in zip(lines, SRVR_LINES):
        assert re.fullmatch(pattern, line), f"{line!r} !~ {pattern!r}"
    return dict(line.split(": ", 1) for line in lines)


def mntr_fields(text):
    assert text.endswith("\n")
    lines = text.split("\n")[:-1]
    for line in lines:
        assert re.fullmatch(r"zk_[A-Za-z0-9_]+\t\S.*", line), repr(line)
    keys = [line.split("\t", 1)[0] for line in lines]
    assert len(keys) == len(set(keys)), "duplicate mntr keys"
    return dict(line.split("\t", 1) for line in lines)


def test_ruok(server):
    assert server.four_letter("ruok") == "imok"


def test_isro(server):
    assert server.four_letter("isro") == "rw"


def test_srvr(server):
    f = srvr_fields(server.four_letter("srvr"))
    assert f["Mode"] == "standalone"
    assert int(f["Node count"]) >= 5


def test_stat_has_clients_section(server, zk):
    text = server.four_letter("stat")
    lines = text.split("\n")
    assert re.fullmatch(SRVR_LINES[0], lines[0])
    assert lines[1] == "Clients:"
    end = lines.index("", 2)  # the client list ends with an empty line
    clients = lines[2:end]
    assert clients and all(CLIENT_LINE.fullmatch(c) for c in clients), clients
    rest = "\n".join([lines[0]] + lines[end + 1:])
    f = srvr_fields(rest)
    # every connection, the kazoo client and this 4lw connection, is listed
    assert int(f["Connections"]) == len(clients) >= 2


def test_counts_and_zxid_on_a_fresh_server(fresh_server, zk_factory):
    # ZooKeeper quirk: a fresh tree reports 5 nodes ("" and "/" are counted apart).
    f = srvr_fields(fresh_server.four_letter("srvr"))
    assert f["Node count"] == "5"
    assert f["Zxid"] == "0x0"
    m = mntr_fields(fresh_server.four_letter("mntr"))
    assert m["zk_znode_count"] == "5"
    assert m["zk_ephemerals_count"] == "0"
    assert m["zk_watch_count"] == "0"

    zk = zk_factory(fresh_server)
    zk.create("/a")
    zk.create("/a/b", b"data")
    last = zk.exists(zk.create("/e", ephemeral=True))
    zk.get("/a", watch=lambda e: None)
    zk.get_children("/a", watch=lambda e: None)
    zk.exists("/missing", watch=lambda e: None)

    f = srvr_fields(fresh_server.four_letter("srvr"))
    assert f["Node count"] == "8"
    assert int(f["Zxid"], 16) == last.czxid  # the last write
    m = mntr_fields(fresh_server.four_letter("mntr"))
    assert m["zk_znode_count"] == "8"
    assert m["zk_ephemerals_count"] == "1"
    assert m["zk_watch_count"] == "3"  # data watches on /a and /missing, child watch on /a
    assert m["zk_num_alive_connections"] == "2"

    # ZooKeeper quirk: wchs counts the data-watch table only
    assert fresh_server.four_letter("wchs") == "1 connections watching 2 paths\nTotal watches:2\n"


def test_mntr(server):
    text = server.four_letter("mntr")
    lines = text.split("\n")
    assert lines[0].startswith("zk_version\t3.8.")
    assert lines[1] == "zk_server_state\tstandalone"
    m = mntr_fields(text)
    missing = [k for k in MNTR_REQUIRED if k not in m]
    assert not missing, f"mntr lacks {missing}"
    for k in MNTR_REQUIRED[2:]:
        float(m[k])  # numeric
    assert int(m["zk_znode_count"]) == int(srvr_fields(server.four_letter("srvr"))["Node count"])


def test_envi(server):
    text = server.four_letter("envi")
    lines = text.split("\n")
    assert lines[0] == "Environment:"
    assert lines[-1] == ""
    pairs = [line.split("=", 1) for line in lines[1:-1]]
    assert [k for k, _ in pairs] == ENVI_KEYS
    env = dict(pairs)
    assert env["zookeeper.version"].startswith("3.8.")
    for k in ("os.memory.free", "os.memory.max", "os.memory.total"):
        assert re.fullmatch(r"\d+MB", env[k]), env[k]


def test_conf(server):
    text = server.four_letter("conf")
    assert text.endswith("\n")
    pairs = [line.split("=", 1) for line in text.split("\n")[:-1]]
    assert [k for k, _ in pairs] == CONF_KEYS
    conf = dict(pairs)
    assert conf["clientPort"] == str(server.port)
    assert conf["secureClientPort"] == "-1"
    assert conf["dataDir"] == os.path.join(server.data_dir, "version-2")
    assert conf["dataLogDir"] == os.path.join(server.data_dir, "version-2")
    assert int(conf["dataDirSize"]) >= 0 and int(conf["dataLogSize"]) >= 0
    assert conf["tickTime"] == str(TICK_MS)
    assert conf["maxClientCnxns"] == "0"
    assert conf["minSessionTimeout"] == str(2 * TICK_MS)
    assert conf["maxSessionTimeout"] == str(20 * TICK_MS)
    assert conf["clientPortListenBacklog"] == "-1"
    assert conf["serverId"] == "0"


def test_dirs(server):
    text = server.four_letter("dirs")
    assert re.fullmatch(r"datadir_size: \d+\nlogdir_size: \d+\n", text), text


def test_whitelist_srvr_only(server_factory):
    srv = server_factory(whitelist="srvr")
    for cmd in ("ruok", "stat", "mntr", "conf", "envi", "isro", "dump", "wchs"):
        assert srv.four_letter(cmd) == f"{cmd} is not executed because it is not in the whitelist.\n"
    assert srvr_fields(srv.four_letter("srvr"))["Mode"] == "standalone"


def test_srvr_is_always_whitelisted(server_factory):
    # ZooKeeper adds srvr to any whitelist (PROTOCOL.md 13.1).
    srv = server_factory(whitelist="ruok")
    assert srv.four_letter("ruok") == "imok"
    assert srvr_fields(srv.four_letter("srvr"))["Mode"] == "standalone"
    assert srv.four_letter("mntr") == "mntr is not executed because it is not in the whitelist.\n"


@pytest.mark.parametrize("junk", [b"xyzw", b"\x00\x00\x00"])
def test_unknown_word_or_short_packet(server, junk):
    # Not a known command: the bytes are a frame length (or incomplete); the server
    # closes the connection (a huge length) or waits (short), never answering text.
    import socket
    with socket.create_connection((server.host, server.port), timeout=3) as s:
        s.sendall(junk)
        if junk == b"xyzw":
            assert s.recv(100) == b""
    assert server.four_letter("ruok") == "imok"
