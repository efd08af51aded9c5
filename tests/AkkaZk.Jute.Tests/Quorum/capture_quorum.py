#!/usr/bin/python3
"""Capture golden peer-protocol bytes (election port and quorum port) from a real Apache ZooKeeper 3.8 ensemble.

Not run by the test suite. Re-run it by hand to refresh QuorumCapture.cs next to it:

    /usr/bin/python3 tests/AkkaZk.Jute.Tests/Quorum/capture_quorum.py [output.cs]

Needs the Debian packages `zookeeper` (3.8.0) and `python3-kazoo`.

How the bytes are caught without tcpdump:
  * three nodes on loopback ports with temp dataDirs. Node 3's zoo.cfg names nodes 1 and 2 by the ports of
    recording TCP proxies in front of their election and quorum ports; nodes 1 and 2 use the real ports.
  * an election connection survives only when the larger sid dialled it, so every election connection node 3 keeps
    is one it dialled through a proxy; a learner dials its leader's quorum port from its own config, so node 3's
    learner connection goes through a proxy too.
Scenario: nodes 1 and 2 start and elect node 2; a client writes through node 1; node 3 starts (LOOKING; the others
answer FOLLOWING/LEADING), syncs from leader 2 (FOLLOWERINFO, LEADERINFO, ACKEPOCH, SNAP + stream, NEWLEADER, ACK,
UPTODATE), serves a client (REQUEST, PROPOSAL, ACK, COMMIT, an ErrorTxn) and sees PINGs; node 3 is killed, misses one
write and rejoins (DIFF + PROPOSAL/COMMIT); then leader 2 is killed and nodes 1 and 3 re-elect with LOOKING rounds. Every process is stopped and the temp directory removed at the end.

Output: a C# file holding lines `# <kind> <from>-><to> <description>` each followed by one hex line.
kind = initial (election initial message), notification (a whole election frame, length prefix included),
packet (one QuorumPacket), snapstream (the raw snapshot stream after SNAP, if one was sent).
"""

import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

from kazoo.client import KazooClient

ZK_CLASSPATH = ":".join(
    "/usr/share/java/" + jar
    for jar in ("zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "slf4j-nop.jar"))

PACKET_NAMES = {
    1: "REQUEST", 2: "PROPOSAL", 3: "ACK", 4: "COMMIT", 5: "PING", 6: "REVALIDATE", 7: "SYNC", 8: "INFORM",
    9: "COMMITANDACTIVATE", 10: "NEWLEADER", 11: "FOLLOWERINFO", 12: "UPTODATE", 13: "DIFF", 14: "TRUNC",
    15: "SNAP", 16: "OBSERVERINFO", 17: "LEADERINFO", 18: "ACKEPOCH", 19: "INFORMANDACTIVATE",
}
STATES = {0: "LOOKING", 1: "FOLLOWING", 2: "LEADING", 3: "OBSERVING"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proxy:
    """Accepts on its own port, dials the target, and records both directions of every connection."""

    def __init__(self, name, target_port):
        self.name = name
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.connections = []  # each: {"c2s": bytearray, "s2c": bytearray}
        self.lock = threading.Lock()
        self.sockets = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            record = {"c2s": bytearray(), "s2c": bytearray()}
            with self.lock:
                self.connections.append(record)
                self.sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, record["c2s"]), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, record["s2c"]), daemon=True).start()

    def _pump(self, source, sink, buffer):
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                with self.lock:
                    buffer.extend(chunk)
                sink.sendall(chunk)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                try:
                    s.close()
                except OSError:
                    pass


def four_letter(port, word):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(word)
            chunks = []
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    return b"".join(chunks).decode()
                chunks.append(chunk)
    except OSError:
        return ""


def wait_mode(port, modes, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = four_letter(port, b"srvr")
        for line in text.splitlines():
            if line.startswith("Mode: ") and line[6:].strip() in modes:
                return line[6:].strip()
        time.sleep(0.2)
    raise RuntimeError(f"port {port} never reached {modes}")


def start_node(tmp, sid, servers, client_port):
    data_dir = os.path.join(tmp, f"data{sid}")
    os.makedirs(data_dir, exist_ok=True)
    with open(os.path.join(data_dir, "myid"), "w") as f:
        f.write(str(sid))
    cfg = os.path.join(tmp, f"zoo{sid}.cfg")
    with open(cfg, "w") as f:
        f.write(f"tickTime=1000\ninitLimit=10\nsyncLimit=5\ndataDir={data_dir}\nclientPort={client_port}\n"
                "clientPortAddress=127.0.0.1\n4lw.commands.whitelist=*\nadmin.enableServer=false\n")
        for other, (q, e) in sorted(servers.items()):
            f.write(f"server.{other}=127.0.0.1:{q}:{e}:participant\n")
    return subprocess.Popen(
        ["java", "-cp", ZK_CLASSPATH, "org.apache.zookeeper.server.quorum.QuorumPeerMain", cfg],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ---------------------------------------------------------------- stream parsing

class Stream:
    def __init__(self, data):
        self.data = bytes(data)
        self.pos = 0

    def left(self):
        return len(self.data) - self.pos

    def take(self, n):
        if n > self.left():
            raise EOFError
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def int(self):
        return struct.unpack(">i", self.take(4))[0]

    def long(self):
        return struct.unpack(">q", self.take(8))[0]

    def buffer(self):
        n = self.int()
        return None if n < 0 else self.take(n)


def parse_election(conn, src, dst):
    out = []
    s = Stream(conn["c2s"])
    start = s.pos
    proto = s.long()
    if proto < 0:
        sid = s.long()
        addr = s.take(s.int()).decode()
        out.append(("initial", f"{src}->{dst}", f"protocol={proto} sid={sid} addr={addr}", s.data[start:s.pos]))
    for direction, stream in ((f"{src}->{dst}", s), (f"{dst}->{src}", Stream(conn["s2c"]))):
        while stream.left() >= 4:
            start = stream.pos
            try:
                payload = stream.take(stream.int())
            except EOFError:
                break
            state, leader, zxid, epoch = struct.unpack(">iqqq", payload[:28])
            peer_epoch = struct.unpack(">q", payload[28:36])[0] if len(payload) >= 36 else None
            desc = (f"{STATES.get(state, state)} leader={leader} zxid=0x{zxid:x} electionEpoch={epoch} "
                    f"peerEpoch={peer_epoch} len={len(payload)}")
            out.append(("notification", direction, desc, stream.data[start:stream.pos]))
    return out


def skip_snapshot(s):
    """The SNAP stream: sessions, ACL cache, nodes until "/", then "BenWasHere" (QUORUM 11.1)."""
    for _ in range(s.int()):
        s.take(12)
    for _ in range(s.int()):
        s.long()
        for _ in range(s.int()):
            s.int()
            s.buffer()
            s.buffer()
    while True:
        path = s.buffer()
        if path == b"/":
            break
        s.buffer()
        s.long()
        s.take(8 * 4 + 4 * 3 + 8 + 8)
    if s.buffer() != b"BenWasHere":
        raise ValueError("missing signature")


def parse_quorum(conn, learner, leader):
    out = []
    for direction, data in ((f"{learner}->{leader}", conn["c2s"]), (f"{leader}->{learner}", conn["s2c"])):
        s = Stream(data)
        while s.left() > 0:
            start = s.pos
            try:
                ptype = s.int()
                zxid = s.long()
                data_ = s.buffer()
                count = s.int()
                for _ in range(max(count, 0) * 2):
                    s.buffer()
            except EOFError:
                break
            name = PACKET_NAMES.get(ptype, str(ptype))
            desc = f"{name} zxid=0x{zxid & 0xFFFFFFFFFFFFFFFF:x} data={'null' if data_ is None else len(data_)} auth={count}"
            out.append(("packet", direction, desc, s.data[start:s.pos]))
            if ptype == 15:
                start = s.pos
                skip_snapshot(s)
                out.append(("snapstream", direction, "snapshot stream + BenWasHere", s.data[start:s.pos]))
    return out


def write_output(path, records):
    lines = [
        "// Generated by capture_quorum.py from a real Apache ZooKeeper 3.8.0 ensemble (Debian package); do not edit.",
        "namespace AkkaZk.Jute.Tests.Quorum;",
        "",
        "internal static class QuorumCapture",
        "{",
        '    public const string Text = """',
    ]
    for kind, direction, desc, raw in records:
        lines.append(f"# {kind} {direction} {desc}")
        lines.append(raw.hex())
    lines += ['""";', "}", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "QuorumCapture.cs")
    tmp = tempfile.mkdtemp(prefix="zk-quorum-capture-")
    procs = {}
    proxies = {}
    try:
        real = {sid: (free_port(), free_port()) for sid in (1, 2, 3)}
        client = {sid: free_port() for sid in (1, 2, 3)}
        for sid in (1, 2):
            proxies[("election", sid)] = Proxy(f"election{sid}", real[sid][1])
            proxies[("quorum", sid)] = Proxy(f"quorum{sid}", real[sid][0])
        node3_view = {1: (proxies[("quorum", 1)].port, proxies[("election", 1)].port),
                      2: (proxies[("quorum", 2)].port, proxies[("election", 2)].port),
                      3: real[3]}
        procs[1] = start_node(tmp, 1, real, client[1])
        procs[2] = start_node(tmp, 2, real, client[2])
        wait_mode(client[2], ("leader",))
        wait_mode(client[1], ("follower",))

        zk = KazooClient(hosts=f"127.0.0.1:{client[1]}")
        zk.start(timeout=20)
        zk.create("/golden", b"a")
        zk.set("/golden", b"bb")
        zk.stop()
        zk.close()

        procs[3] = start_node(tmp, 3, node3_view, client[3])
        wait_mode(client[3], ("follower",))
        zk = KazooClient(hosts=f"127.0.0.1:{client[3]}")
        zk.start(timeout=20)
        zk.create("/golden/child", b"x")
        zk.set("/golden/child", b"yy")
        zk.delete("/golden/child")
        try:
            zk.create("/golden", b"exists")
        except Exception:
            pass  # NodeExists: an ErrorTxn proposal (no digest)
        time.sleep(2.5)  # PINGs every tickTime/2
        zk.stop()
        zk.close()
        time.sleep(0.5)

        # node 3 falls one txn behind and comes back: DIFF + PROPOSAL/COMMIT instead of SNAP
        procs[3].kill()
        procs[3].wait()
        zk = KazooClient(hosts=f"127.0.0.1:{client[1]}")
        zk.start(timeout=20)
        zk.set("/golden", b"ccc")
        zk.stop()
        zk.close()
        procs[3] = start_node(tmp, 3, node3_view, client[3])
        wait_mode(client[3], ("follower",))
        time.sleep(1.5)

        procs[2].kill()
        procs[2].wait()
        wait_mode(client[3], ("leader",))
        time.sleep(1)

        records = []
        for conn in proxies[("election", 1)].connections + proxies[("election", 2)].connections:
            dst = 1 if conn in proxies[("election", 1)].connections else 2
            records += parse_election(conn, 3, dst)
        for sid in (1, 2):
            for conn in proxies[("quorum", sid)].connections:
                records += parse_quorum(conn, 3, sid)
        write_output(out_path, records)
        kinds = {}
        for kind, _, desc, _ in records:
            key = kind if kind != "packet" else desc.split()[0]
            kinds[key] = kinds.get(key, 0) + 1
        print(f"wrote {len(records)} records to {out_path}: {kinds}")
    finally:
        for p in procs.values():
            if p.poll() is None:
                p.kill()
                p.wait()
        for proxy in proxies.values():
            proxy.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
