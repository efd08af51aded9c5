"""A tiny raw ZooKeeper wire client for the interop tests (PROTOCOL.md sections 1-4).

Only what the raw-socket tests need: framing, the connect handshake, requests with
a RequestHeader, and reading replies or the peer's close. Every read is bounded by
the socket timeout, so a silent server fails a test instead of hanging it.
"""
import socket
import struct
from collections import namedtuple

# Opcodes (PROTOCOL.md 4)
OP_CREATE = 1
OP_DELETE = 2
OP_EXISTS = 3
OP_GET_DATA = 4
OP_SET_DATA = 5
OP_GET_CHILDREN = 8
OP_PING = 11
OP_CHECK = 13
OP_SET_WATCHES = 101
OP_AUTH = 100
OP_CLOSE_SESSION = -11

NOTIFICATION_XID = -1
PING_XID = -2
AUTH_XID = -4
SET_WATCHES_XID = -8

# WatcherEvent types and the SyncConnected state (PROTOCOL.md 11.4)
EVENT_NODE_CREATED = 1
EVENT_NODE_DELETED = 2
EVENT_NODE_DATA_CHANGED = 3
EVENT_NODE_CHILDREN_CHANGED = 4
STATE_SYNC_CONNECTED = 3

# Error codes
OK = 0
SYSTEM_ERROR = -1
RUNTIME_INCONSISTENCY = -2
MARSHALLING_ERROR = -5
UNIMPLEMENTED = -6
BAD_ARGUMENTS = -8
NO_NODE = -101
NO_AUTH = -102
BAD_VERSION = -103
NODE_EXISTS = -110
NOT_EMPTY = -111
SESSION_EXPIRED = -112
AUTH_FAILED = -115

OPEN_ACL_UNSAFE = [(0x1F, "world", "anyone")]

ConnectResponse = namedtuple("ConnectResponse", "protocol_version timeout session_id passwd read_only")
ReplyHeader = namedtuple("ReplyHeader", "xid zxid err")
WatcherEvent = namedtuple("WatcherEvent", "type state path")
Stat = namedtuple(
    "Stat",
    "czxid mzxid ctime mtime version cversion aversion ephemeral_owner data_length num_children pzxid",
)
_STAT = struct.Struct(">qqqqiiiqiiq")


# ---- jute primitives (big-endian; null buffer/string/vector = -1) ----

def int32(v):
    return struct.pack(">i", v)


def int64(v):
    return struct.pack(">q", v)


def boolean(v):
    return b"\x01" if v else b"\x00"


def buffer(b):
    if b is None:
        return int32(-1)
    return int32(len(b)) + b


def ustring(s):
    if s is None:
        return int32(-1)
    return buffer(s.encode("utf-8"))


def acl_vector(acls):
    out = int32(len(acls))
    for perms, scheme, ident in acls:
        out += int32(perms) + ustring(scheme) + ustring(ident)
    return out


def create_request(path, data=b"", acls=OPEN_ACL_UNSAFE, flags=0):
    return ustring(path) + buffer(data) + acl_vector(acls) + int32(flags)


def path_watch(path, watch=False):
    """ExistsRequest / GetDataRequest / GetChildrenRequest: path + watch flag."""
    return ustring(path) + boolean(watch)


def set_data_request(path, data, version=-1):
    return ustring(path) + buffer(data) + int32(version)


def string_vector(items):
    return int32(len(items)) + b"".join(ustring(i) for i in items)


def set_watches_request(relative_zxid, data=(), exist=(), child=()):
    return int64(relative_zxid) + string_vector(data) + string_vector(exist) + string_vector(child)


def auth_packet(scheme, auth):
    return int32(0) + ustring(scheme) + buffer(auth)


def connect_request(last_zxid=0, timeout_ms=30000, session_id=0, passwd=b"\0" * 16, read_only=False):
    """ConnectRequest (2.1). read_only=None omits the optional trailing byte (an 'old client')."""
    body = int32(0) + int64(last_zxid) + int32(timeout_ms) + int64(session_id) + buffer(passwd)
    if read_only is not None:
        body += boolean(read_only)
    return body


class Reader:
    def __init__(self, data, offset=0):
        self.data = data
        self.offset = offset

    def int32(self):
        (v,) = struct.unpack_from(">i", self.data, self.offset)
        self.offset += 4
        return v

    def int64(self):
        (v,) = struct.unpack_from(">q", self.data, self.offset)
        self.offset += 8
        return v

    def boolean(self):
        v = self.data[self.offset] != 0
        self.offset += 1
        return v

    def buffer(self):
        n = self.int32()
        if n < 0:
            return None
        v = self.data[self.offset:self.offset + n]
        if len(v) != n:
            raise ValueError("truncated buffer")
        self.offset += n
        return bytes(v)

    def ustring(self):
        b = self.buffer()
        return None if b is None else b.decode("utf-8")

    def watcher_event(self):
        return WatcherEvent(self.int32(), self.int32(), self.ustring())

    def stat(self):
        v = Stat._make(_STAT.unpack_from(self.data, self.offset))
        self.offset += _STAT.size
        return v

    def remaining(self):
        return len(self.data) - self.offset


# ---- connection ----

class Closed(Exception):
    """The server closed the connection (EOF or reset)."""


class RawConnection:
    def __init__(self, host, port, timeout=10.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.settimeout(timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.xid = 0
        self.events = []  # (ReplyHeader, WatcherEvent) seen while waiting for replies

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # framing
    def send_raw(self, data):
        self.sock.sendall(data)

    def send_frame(self, payload):
        self.sock.sendall(int32(len(payload)) + payload)

    def recv_exact(self, n):
        chunks = []
        while n > 0:
            try:
                chunk = self.sock.recv(n)
            except ConnectionResetError as e:
                raise Closed(str(e)) from e
            if not chunk:
                raise Closed("EOF")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def recv_frame(self):
        (n,) = struct.unpack(">i", self.recv_exact(4))
        return self.recv_exact(n)

    def read_until_close(self):
        """All bytes the server sends until it closes the connection (socket timeout bounds the wait)."""
        out = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                return out
            if not chunk:
                return out
            out += chunk

    # handshake
    def connect(self, **kw):
        """Send a ConnectRequest; return (ConnectResponse, reply frame length)."""
        self.send_frame(connect_request(**kw))
        frame = self.recv_frame()
        r = Reader(frame)
        proto, timeout, sid, passwd = r.int32(), r.int32(), r.int64(), r.buffer()
        ro = r.boolean() if r.remaining() > 0 else None
        return ConnectResponse(proto, timeout, sid, passwd, ro), len(frame)

    # requests
    def next_xid(self):
        self.xid += 1
        return self.xid

    def send_request(self, op, body=b"", xid=None):
        xid = self.next_xid() if xid is None else xid
        self.send_frame(int32(xid) + int32(op) + body)
        return xid

    def recv_reply(self):
        frame = self.recv_frame()
        r = Reader(frame)
        header = ReplyHeader(r.int32(), r.int64(), r.int32())
        return header, r

    def request(self, op, body=b"", xid=None):
        """Send one request and return (ReplyHeader, Reader over the body).

        Watch notifications that arrive first are kept in self.events (in order).
        """
        xid = self.send_request(op, body, xid)
        while True:
            header, r = self.recv_reply()
            if header.xid == NOTIFICATION_XID:
                self.events.append((header, r.watcher_event()))
                continue
            assert header.xid == xid, f"reply xid {header.xid} != request xid {xid}"
            return header, r

    def ping(self):
        return self.request(OP_PING, xid=PING_XID)

    def create(self, path, data=b"", flags=0, acls=OPEN_ACL_UNSAFE):
        header, r = self.request(OP_CREATE, create_request(path, data, acls, flags))
        return header, (r.ustring() if header.err == 0 else None)

    def exists(self, path, watch=False):
        header, r = self.request(OP_EXISTS, path_watch(path, watch))
        return header, (r.stat() if header.err == 0 else None)

    def get_data(self, path, watch=False):
        header, r = self.request(OP_GET_DATA, path_watch(path, watch))
        return header, ((r.buffer(), r.stat()) if header.err == 0 else None)

    def set_data(self, path, data, version=-1):
        header, r = self.request(OP_SET_DATA, set_data_request(path, data, version))
        return header, (r.stat() if header.err == 0 else None)

    def delete(self, path, version=-1):
        header, _ = self.request(OP_DELETE, ustring(path) + int32(version))
        return header

    def close_session(self):
        return self.request(OP_CLOSE_SESSION)


def four_letter(host, port, cmd, timeout=10.0):
    """Send a four-letter word; return the server's whole answer (it closes the socket after)."""
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.settimeout(timeout)
        s.sendall(cmd.encode("ascii"))
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            out += chunk
    return out.decode("utf-8", "replace")
