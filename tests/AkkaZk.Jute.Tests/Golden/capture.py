#!/usr/bin/python3
"""Capture golden client-protocol frames from a real Apache ZooKeeper 3.8.

Not run by the test suite. Re-run it by hand to refresh the *.hex files next to it:

    /usr/bin/python3 tests/AkkaZk.Jute.Tests/Golden/capture.py [output-dir]

Needs the Debian packages `zookeeper` (3.8.0) and `python3-kazoo` (apt-get install -y zookeeper python3-kazoo).

What it does:
  1. starts a standalone ZooKeeper (QuorumPeerMain) on a free loopback port with a temp dataDir,
     tickTime=2000, 4lw.commands.whitelist=*, extended types (TTL) enabled;
  2. puts a recording TCP proxy in front of it that splits both directions into length-prefixed frames;
  3. drives it with kazoo (kazoo-session.hex) and with a raw jute client for the ops kazoo 2.8 lacks
     (raw-session.hex: 44-byte connect, ping, whoAmI, multiRead, addWatch, setWatches2, TTL, ...);
  4. writes every frame (length prefix included) as one hex line, preceded by a comment
     `# frame <direction>.<step> ...` that the C# tests use as the frame's key;
  5. stops ZooKeeper and removes the temp directory.

Frame keys: `c2s.<step>` is what the client sent during that step, `s2c.<step>` what the server sent back;
watch notifications are `s2c.<step>.notification`. A second frame in the same direction and step gets `#2`.
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

OP_NAMES = {
    1: "create", 2: "delete", 3: "exists", 4: "getData", 5: "setData", 6: "getACL", 7: "setACL",
    8: "getChildren", 9: "sync", 11: "ping", 12: "getChildren2", 13: "check", 14: "multi",
    15: "create2", 16: "reconfig", 17: "checkWatches", 18: "removeWatches", 19: "createContainer",
    21: "createTTL", 22: "multiRead", 100: "auth", 101: "setWatches", 102: "sasl",
    103: "getEphemerals", 104: "getAllChildrenNumber", 105: "setWatches2", 106: "addWatch",
    107: "whoAmI", -11: "closeSession",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def four_letter(port, word):
    with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
        s.sendall(word)
        chunks = []
        while True:
            chunk = s.recv(4096)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def start_zookeeper(tmp):
    port = free_port()
    data_dir = os.path.join(tmp, "data")
    os.makedirs(data_dir)
    cfg = os.path.join(tmp, "zoo.cfg")
    with open(cfg, "w") as f:
        f.write(f"tickTime=2000\ndataDir={data_dir}\nclientPort={port}\nclientPortAddress=127.0.0.1\n"
                "4lw.commands.whitelist=*\nadmin.enableServer=false\n")
    proc = subprocess.Popen(
        ["java", "-Dzookeeper.extendedTypesEnabled=true", "-cp", ZK_CLASSPATH,
         "org.apache.zookeeper.server.quorum.QuorumPeerMain", cfg],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            # ruok answers imok before sessions are accepted; srvr reports a Mode only once serving.
            if b"Mode:" in four_letter(port, b"srvr"):
                return proc, port
        except OSError:
            pass
        time.sleep(0.2)  # a capture script polling a child process, not a test
    proc.kill()
    raise RuntimeError("ZooKeeper did not start")


class Recorder:
    """Frames of one proxied connection, labelled with the driver's current step."""

    def __init__(self):
        self.step = "connect"
        self.frames = []  # (key, description, bytes)
        self._lock = threading.Lock()
        self._seen = set()

    def record(self, direction, frame, first):
        payload = frame[4:]
        with self._lock:
            if first:
                what = "ConnectRequest" if direction == "c2s" else "ConnectResponse"
            elif direction == "c2s":
                xid, op = struct.unpack_from("!ii", payload)
                what = f"xid={xid} type={op} ({OP_NAMES.get(op, 'unknown')})"
            else:
                xid, zxid, err = struct.unpack_from("!iqi", payload)
                what = f"xid={xid} zxid={zxid} err={err}"
            key = f"{direction}.{self.step}"
            if not first and direction == "s2c" and struct.unpack_from("!i", payload)[0] == -1:
                key += ".notification"
            n = 2
            base = key
            while key in self._seen:
                key = f"{base}#{n}"
                n += 1
            self._seen.add(key)
            self.frames.append((key, f"{what}, payload {len(payload)} bytes", frame))


class Proxy:
    """Accepts connections on a free port and relays them to ZooKeeper, recording frames."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.recorder = None
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            recorder = self.recorder
            for src, dst, direction in ((client, server, "c2s"), (server, client, "s2c")):
                threading.Thread(target=self._pump, args=(src, dst, direction, recorder), daemon=True).start()

    @staticmethod
    def _pump(src, dst, direction, recorder):
        buffer = b""
        first = True
        while True:
            try:
                chunk = src.recv(65536)
            except OSError:
                chunk = b""
            if not chunk:
                for s in (src, dst):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                return
            buffer += chunk
            while len(buffer) >= 4:
                length = struct.unpack_from("!i", buffer)[0]
                if len(buffer) < 4 + length:
                    break
                recorder.record(direction, buffer[:4 + length], first)
                first = False
                buffer = buffer[4 + length:]
            dst.sendall(chunk)


# --- raw jute helpers for the ops kazoo 2.8 does not speak ---

def j_int(v): return struct.pack("!i", v)
def j_long(v): return struct.pack("!q", v)
def j_bool(v): return struct.pack("B", 1 if v else 0)
def j_buf(b): return j_int(-1) if b is None else j_int(len(b)) + b
def j_str(s): return j_int(-1) if s is None else j_buf(s.encode("utf-8"))
def j_strs(xs): return j_int(len(xs)) + b"".join(j_str(x) for x in xs)
def j_acl_open(): return j_int(1) + j_int(31) + j_str("world") + j_str("anyone")
def j_multi_header(op, done, err): return j_int(op) + j_bool(done) + j_int(err)


class RawClient:
    def __init__(self, port, recorder):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.recorder = recorder
        self.xid = 0

    def frame(self, payload):
        self.sock.sendall(j_int(len(payload)) + payload)

    def read_frame(self):
        head = self._read_exact(4)
        return self._read_exact(struct.unpack("!i", head)[0])

    def _read_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise EOFError("server closed the connection")
            data += chunk
        return data

    def call(self, step, op, body, xid=None):
        """Sends one request and reads frames until the reply with its xid (notifications come first)."""
        self.recorder.step = step
        if xid is None:
            self.xid += 1
            xid = self.xid
        self.frame(j_int(xid) + j_int(op) + body)
        while True:
            reply = self.read_frame()
            if struct.unpack_from("!i", reply)[0] == xid:
                return reply


def drive_raw(port, recorder):
    c = RawClient(port, recorder)
    recorder.step = "connect44"
    # An old-style ConnectRequest without the trailing readOnly byte: 44 bytes, so the reply has 36.
    c.frame(j_int(0) + j_long(0) + j_int(30000) + j_long(0) + j_buf(bytes(16)))
    c.read_frame()
    c.call("ping", 11, b"", xid=-2)
    c.call("create", 1, j_str("/raw") + j_buf(b"raw") + j_acl_open() + j_int(0))
    c.call("createEphemeral", 1, j_str("/raw/e") + j_buf(b"") + j_acl_open() + j_int(1))
    c.call("createContainer", 19, j_str("/raw/c") + j_buf(b"c") + j_acl_open() + j_int(4))
    c.call("createTTL", 21, j_str("/raw/t") + j_buf(b"t") + j_acl_open() + j_int(5) + j_long(60000))
    c.call("whoAmI", 107, b"")
    c.call("getAllChildrenNumber", 104, j_str("/raw"))
    c.call("getEphemerals", 103, j_str("/"))
    c.call("addWatch", 106, j_str("/raw") + j_int(1))
    c.call("setACL", 7, j_str("/raw/c") + j_acl_open() + j_int(0))
    c.call("multiRead", 22,
           j_multi_header(4, False, -1) + j_str("/raw") + j_bool(False)
           + j_multi_header(4, False, -1) + j_str("/missing") + j_bool(False)
           + j_multi_header(8, False, -1) + j_str("/raw") + j_bool(False)
           + j_multi_header(-1, True, -1))
    c.call("multiCreates", 14,
           j_multi_header(15, False, -1) + j_str("/raw/m2") + j_buf(b"") + j_acl_open() + j_int(0)
           + j_multi_header(21, False, -1) + j_str("/raw/mt") + j_buf(None) + j_acl_open() + j_int(5) + j_long(1000)
           + j_multi_header(-1, True, -1))
    c.call("multiEmpty", 14, j_multi_header(-1, True, -1))
    # relativeZxid 0 with an existing node: the server answers with NodeDataChanged before the reply.
    c.call("setWatches2", 105, j_long(0) + j_strs(["/raw"]) + j_strs(["/nothere"]) + j_strs([])
           + j_strs([]) + j_strs([]), xid=-8)
    c.call("removeWatches", 18, j_str("/nothere") + j_int(2))
    c.call("checkWatches", 17, j_str("/nothere") + j_int(2))
    c.call("reconfig", 16, j_str(None) + j_str(None) + j_str("server.1=127.0.0.1:2888:3888") + j_long(-1))
    c.call("sync", 9, j_str("/raw"))
    c.call("getData", 4, j_str("/raw") + j_bool(True))
    c.call("setData", 5, j_str("/raw") + j_buf(b"raw2") + j_int(-1))
    # check (13) at top level: ZooKeeper 3.8.0 runs it as a write (it consumes a zxid). A failing check
    # gets its error; a passing one gets no reply at all, so it is only sent, never awaited.
    c.call("checkTopLevel", 13, j_str("/raw") + j_int(0))
    recorder.step = "checkTopLevelOk"
    c.xid += 1
    c.frame(j_int(c.xid) + j_int(13) + j_str("/raw") + j_int(1))
    # An unknown opcode gets (xid, -1, -6 Unimplemented) and the server closes the connection.
    recorder.step = "unknownOpcode"
    c.xid += 1
    c.frame(j_int(c.xid) + j_int(999))
    try:
        while True:
            c.read_frame()
    except (EOFError, OSError):
        pass
    c.sock.close()


def drive_kazoo(port, recorder):
    fired = threading.Event()
    zk = KazooClient(hosts=f"127.0.0.1:{port}", timeout=30.0)
    recorder.step = "connect"
    zk.start(timeout=10)
    recorder.step = "auth"
    zk.add_auth("digest", "golden:secret")
    recorder.step = "create"
    zk.create("/golden", b"hello")
    recorder.step = "create2"
    child, _ = zk.create("/golden/child", b"x", ephemeral=True, sequence=True, include_data=True)
    recorder.step = "getData"
    zk.get("/golden", watch=lambda event: fired.set())
    recorder.step = "setData"
    zk.set("/golden", b"world")
    fired.wait(10)
    recorder.step = "exists"
    zk.exists("/golden")
    recorder.step = "existsMissing"
    zk.exists("/missing")
    recorder.step = "getChildren"
    zk.get_children("/golden")
    recorder.step = "getChildren2"
    zk.get_children("/golden", include_data=True)
    recorder.step = "getACL"
    zk.get_acls("/golden")
    recorder.step = "multiOk"
    t = zk.transaction()
    t.create("/golden/m", b"m")
    t.set_data("/golden/m", b"n")
    t.check("/golden", 1)
    t.delete("/golden/m")
    t.commit()
    recorder.step = "multiFail"
    t = zk.transaction()
    t.create("/golden/f", b"f")
    t.check("/golden", 99)
    t.set_data("/golden", b"z")
    t.commit()
    recorder.step = "delete"
    zk.delete(child)
    recorder.step = "close"
    zk.stop()
    zk.close()


def write_hex(path, title, frames):
    with open(path, "w") as f:
        f.write(f"# {title}\n")
        f.write("# Captured from Apache ZooKeeper 3.8.0 (Debian) by capture.py; full frames incl. the length prefix.\n")
        for key, description, frame in frames:
            f.write(f"# frame {key} {description}\n{frame.hex()}\n")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    tmp = tempfile.mkdtemp(prefix="zk-golden-")
    proc = None
    try:
        proc, zk_port = start_zookeeper(tmp)
        proxy = Proxy(zk_port)
        for name, title, driver in (
                ("kazoo-session.hex", "kazoo 2.8 session", drive_kazoo),
                ("raw-session.hex", "raw jute client session", drive_raw)):
            recorder = Recorder()
            proxy.recorder = recorder
            driver(proxy.port, recorder)
            time.sleep(0.5)  # let the relay threads flush the last frames of a finished connection
            write_hex(os.path.join(out_dir, name), title, recorder.frames)
            print(f"{name}: {len(recorder.frames)} frames")
        proxy.listener.close()
    finally:
        if proc is not None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
