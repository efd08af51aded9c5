"""The ZooKeeper C client's shell, cli_mt (Debian zookeeper-bin), driven through stdin.

cli_mt runs most commands asynchronously and prints their completions from another thread,
so the driver sends one command at a time and waits (bounded) for the line that shows its
result. Its create always writes the data "new" (the rest of the line is the path).
"""
import os
import re
import shutil

import pytest

from lineproc import LineProcess

CLI_MT = next((p for p in ("/usr/lib/zookeeper/bin/cli_mt", "/usr/bin/cli_mt") if os.path.exists(p)), None)
pytestmark = pytest.mark.skipif(CLI_MT is None, reason="cli_mt (Debian zookeeper-bin) is not installed")

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+:\d+\(0x[0-9a-f]+\):ZOO_")


class CliMt(LineProcess):
    def __init__(self, hosts):
        cmd = [CLI_MT, hosts]
        if shutil.which("stdbuf"):
            cmd = ["stdbuf", "-oL", "-eL", *cmd]  # its stdout is a pipe: keep it line buffered
        super().__init__(cmd, skip=LOG_LINE)

    def block(self, index, until=r"^\tephemeralOwner = "):
        """The indented lines after line index up to (and including) the first line matching until:
        a completion's output (a stat dump ends with ephemeralOwner, a child list with "time =")."""
        j = self.wait_for(until, index + 1)
        return [x.strip() for x in self.output(index + 1, j + 1) if x.startswith(("\t", " "))]

    def close(self):
        return super().close(quit_line="quit")


@pytest.fixture
def cli(server):
    c = CliMt(server.hosts)
    try:
        c.wait_for(r"^Watcher SESSION_EVENT state = CONNECTED_STATE")
        yield c
    finally:
        c.close()


def barrier(cli):
    """exists and wexists run synchronously and print nothing on success: myid, printed by the
    same thread afterwards, shows they have completed. Returns the lines they printed."""
    start = cli.mark()
    i = cli.send("myid", expect=r"^session Id = [0-9a-f]+$")
    return [x for x in cli.output(start, i) if not x.startswith(("Watcher ", "time = "))]


def session_id(cli):
    i = cli.send("myid", expect=r"^session Id = [0-9a-f]+$")
    return int(cli.lines[i].split("=")[1].strip(), 16)


def test_crud(cli, zk, base):
    x = base + "/x"
    i = cli.send(f"create {x}", expect=rf"^\[{x}\]: rc = -?\d+$")
    assert cli.lines[i] == f"[{x}]: rc = 0" and cli.block(i, until=r"^\tname = ") == [f"name = {x}"]
    assert zk.get(x)[0] == b"new"

    i = cli.send(f"get {x}", expect=rf"^{x}: rc = ")
    assert cli.lines[i] == f"{x}: rc = 0"
    assert cli.block(i, until="^new$") == ["value_len = 3"] and cli.lines[i + 2] == "new"
    kstat = zk.exists(x)
    stat = cli.block(cli.wait_for(r"^Stat:$", i))
    assert f"czxid={kstat.czxid:x}" in stat and f"mzxid={kstat.mzxid:x}" in stat
    assert "version=0\taversion=0" in stat and "ephemeralOwner = 0" in stat

    # the get left a data watch: the set fires it
    i = cli.send(f"set {x} d2 and more", expect=rf"^{x}: rc = -?\d+ Stat:$")
    assert cli.lines[i] == f"{x}: rc = 0 Stat:"
    cli.wait_for(rf"^Watcher CHANGED_EVENT state = CONNECTED_STATE for path {x}$", i - 1)
    assert zk.get(x)[0] == b"d2 and more"
    assert "version=1\taversion=0" in cli.block(i)

    i = cli.send(f"get {x}", expect=rf"^{x}: rc = ")
    assert cli.lines[i] == f"{x}: rc = 0"
    assert cli.block(i, until="^d2 and more$") == ["value_len = 11"] and cli.lines[i + 2] == "d2 and more"
    # The completion thread prints the get's stat dump after its value: let it finish before the barrier marks.
    assert "version=1\taversion=0" in cli.block(cli.wait_for(r"^Stat:$", i))

    cli.send(f"exists {x}")
    assert barrier(cli) == []
    cli.send(f"exists {base}/nope")
    assert barrier(cli) == [f"Error -101 for {base}/nope"]

    zk.create(base + "/y")
    i = cli.send(f"ls {base}", expect=rf"^{base}: rc = ")
    assert cli.lines[i] == f"{base}: rc = 0"
    assert sorted(cli.block(i, until=r"^time = ")) == ["x", "y"]

    i = cli.send(f"ls2 {base}", expect=rf"^{base}: rc = ")
    assert cli.lines[i] == f"{base}: rc = 0"
    # ls2 prints the children, then the parent's stat
    block = cli.block(i)
    assert block[:2] in (["x", "y"], ["y", "x"])
    assert f"czxid={zk.exists(base).czxid:x}" in block

    i = cli.send(f"create {x}", expect=rf"^\[{x}\]: rc = ")
    assert cli.lines[i] == f"[{x}]: rc = -110"  # ZNODEEXISTS

    zk.create(x + "/kid")
    i = cli.send(f"delete {x}", expect=rf"^{x}: rc = ")
    assert cli.lines[i] == f"{x}: rc = -111"  # ZNOTEMPTY
    i = cli.send(f"delete {x}/kid", expect=rf"^{x}/kid: rc = ")
    assert cli.lines[i] == f"{x}/kid: rc = 0"
    i = cli.send(f"delete {x}", expect=rf"^{x}: rc = ")
    assert cli.lines[i] == f"{x}: rc = 0"
    assert zk.exists(x) is None

    i = cli.send(f"get {x}", expect=rf"^{x}: rc = ")
    assert cli.lines[i] == f"{x}: rc = -101"  # ZNONODE

    i = cli.send(f"sync {base}", expect=rf"^\[{base}\]: rc = ")
    assert cli.lines[i] == f"[{base}]: rc = 0"


def test_create_modes_and_ephemeral_owner(server, cli, zk, base):
    sid = session_id(cli)
    names = {}
    for flag, name in (("+e", "e"), ("+s", "s-"), ("+es", "es-"), ("+c", "c")):
        i = cli.send(f"create {flag} {base}/{name}", expect=rf"^\[{base}/{name}\]: rc = ")
        assert cli.lines[i] == f"[{base}/{name}]: rc = 0"
        names[name] = cli.block(i, until=r"^\tname = ")[0].split("name = ", 1)[1]
    assert names == {"e": f"{base}/e", "s-": f"{base}/s-0000000001",
                     "es-": f"{base}/es-0000000002", "c": f"{base}/c"}
    assert zk.exists(f"{base}/e").ephemeralOwner == sid
    assert zk.exists(f"{base}/es-0000000002").ephemeralOwner == sid
    assert zk.exists(f"{base}/s-0000000001").ephemeralOwner == 0
    assert zk.exists(f"{base}/c").ephemeralOwner == 0  # a container shows no owner

    # TTL nodes are off unless extendedTypesEnabled: ZUNIMPLEMENTED
    i = cli.send(f"create +t=5000 {base}/t", expect=rf"^\[{base}/t\]: rc = ")
    assert cli.lines[i] == f"[{base}/t]: rc = -6"

    i = cli.send(f"create2 {base}/two", expect=rf"^\[{base}/two\]: rc = ")
    assert cli.lines[i] == f"[{base}/two]: rc = 0"
    assert f"czxid={zk.exists(base + '/two').czxid:x}" in cli.block(i)

    i = cli.send(f"create {base}/e/kid", expect=rf"^\[{base}/e/kid\]: rc = ")
    assert cli.lines[i] == f"[{base}/e/kid]: rc = -108"  # ZNOCHILDRENFOREPHEMERALS

    cli.close()  # quit closes the session: its ephemerals go at once
    assert cli.proc.returncode == 0
    assert sorted(zk.get_children(base)) == ["c", "s-0000000001", "two"]


def test_watches_fire_for_changes_by_others(cli, zk, base):
    x = base + "/w"
    zk.create(x, b"a")
    cli.send(f"wexists {x}")
    assert barrier(cli) == []
    cli.send(f"ls {base}", expect=rf"^{base}: rc = 0$")
    start = cli.mark()
    zk.set(x, b"b")
    cli.wait_for(rf"^Watcher CHANGED_EVENT state = CONNECTED_STATE for path {x}$", start)
    zk.create(base + "/other")
    cli.wait_for(rf"^Watcher CHILD_EVENT state = CONNECTED_STATE for path {base}$", start)
    # wexists on a missing node: its creation fires CREATED_EVENT
    cli.send(f"wexists {base}/later")
    assert barrier(cli) == [f"Error -101 for {base}/later"]
    start = cli.mark()
    zk.create(base + "/later")
    cli.wait_for(rf"^Watcher CREATED_EVENT state = CONNECTED_STATE for path {base}/later$", start)
    cli.send(f"wexists {base}/later")
    assert barrier(cli) == []
    start = cli.mark()
    zk.delete(base + "/later")
    cli.wait_for(rf"^Watcher DELETED_EVENT state = CONNECTED_STATE for path {base}/later$", start)


def test_addauth_digest(cli, zk, base):
    x = base + "/secret"
    # digest for alice:pw
    from kazoo.security import make_digest_acl
    zk.create(x, b"s", acl=[make_digest_acl("alice", "pw", all=True)])
    i = cli.send(f"get {x}", expect=rf"^{x}: rc = ")
    assert cli.lines[i] == f"{x}: rc = -102"  # ZNOAUTH
    cli.send("addauth digest alice:pw")
    # addauth is asynchronous and prints nothing; a later read runs after it on the same connection
    i = cli.send(f"get {x}", expect=rf"^{x}: rc = ")
    assert cli.lines[i] == f"{x}: rc = 0"
    assert cli.block(i, until="^s$") == ["value_len = 1"] and cli.lines[i + 2] == "s"
