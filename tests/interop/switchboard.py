"""Loopback TCP links that can be cut: one listening port per directed peer link, all pumped by one selector thread.

A link forwards every connection it accepts to its target. close_link() closes the link's connections in both
directions and makes it refuse new ones (accepted, then closed at once); silence_link() keeps every connection open
but drops whatever either side sends, and holds new ones without connecting them (a partition that only timeouts
reveal); open_link() closes what a silence broke and lets new connections through again. All three return once the
selector thread has done it, so a test's next step sees the new state.
"""
import errno
import selectors
import socket
import threading
import time

from conftest import HOST

CHUNK = 65536
OPEN, CLOSED, SILENT = "open", "closed", "silent"
# How long a link retries a target that refuses (a member restarting, a leader not listening yet), and how often.
DIAL_FOR = 5.0
REDIAL_AFTER = 0.1


class _Link:
    def __init__(self, name, target):
        self.name = name
        self.target = target
        self.state = OPEN
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((HOST, 0))
        self.listener.listen(64)
        self.listener.setblocking(False)
        self.port = self.listener.getsockname()[1]
        self.ends = set()


class _End:
    """One socket of a proxied connection; `pending` holds bytes read from its peer that it could not take yet."""

    def __init__(self, sock, link):
        self.sock = sock
        self.link = link
        self.peer = None
        self.pending = bytearray()
        self.connecting = False
        self.dial_until = 0.0


class Switchboard:
    def __init__(self):
        self._sel = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._sel.register(self._wake_r, selectors.EVENT_READ, None)
        self._calls = []
        self._lock = threading.Lock()
        self._links = []
        self._redials = []  # (when, inbound end) waiting to dial its target again
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="switchboard", daemon=True)
        self._thread.start()

    def add_link(self, name, target):
        """A new link to target (host, port); returns its listening port."""
        link = _Link(name, target)
        self._call(lambda: self._watch_listener(link))
        return link

    def close_link(self, link):
        self._call(lambda: self._set_state(link, CLOSED))

    def silence_link(self, link):
        self._call(lambda: self._set_state(link, SILENT))

    def open_link(self, link):
        self._call(lambda: self._set_state(link, OPEN))

    def close(self):
        """Close every link and connection and stop the thread."""
        if self._stopping:
            return
        self._call(self._shutdown)
        self._thread.join(10)
        assert not self._thread.is_alive(), "switchboard thread did not stop"
        self._sel.close()
        self._wake_r.close()
        self._wake_w.close()

    # ---- calls onto the selector thread ----
    def _call(self, fn, timeout=10):
        done = threading.Event()
        with self._lock:
            self._calls.append((fn, done))
        self._wake_w.send(b"x")
        assert done.wait(timeout), "switchboard did not answer"

    def _run_calls(self):
        try:
            self._wake_r.recv(4096)
        except BlockingIOError:
            pass
        with self._lock:
            calls, self._calls = self._calls, []
        for fn, done in calls:
            try:
                fn()
            finally:
                done.set()

    def _run(self):
        while not self._stopping:
            timeout = max(0.0, min(at for at, _ in self._redials) - time.monotonic()) if self._redials else None
            for key, mask in self._sel.select(timeout):
                if key.data is None:
                    self._run_calls()
                elif isinstance(key.data, _Link):
                    self._accept(key.data)
                else:
                    self._serve(key.data, mask)
            self._run_redials()

    # ---- link and connection state ----
    def _watch_listener(self, link):
        self._links.append(link)
        self._sel.register(link.listener, selectors.EVENT_READ, link)

    def _set_state(self, link, state):
        was, link.state = link.state, state
        if state == CLOSED or (state == OPEN and was == SILENT):
            for end in list(link.ends):
                self._drop(end)
        elif state == SILENT:
            for end in link.ends:
                end.pending.clear()

    def _shutdown(self):
        self._stopping = True
        for link in self._links:
            self._set_state(link, CLOSED)
            self._sel.unregister(link.listener)
            link.listener.close()

    def _accept(self, link):
        try:
            sock, _ = link.listener.accept()
        except OSError:
            return
        if link.state == CLOSED:
            sock.close()
            return
        sock.setblocking(False)
        inbound = _End(sock, link)
        if link.state == SILENT:
            link.ends.add(inbound)
            self._sel.register(sock, selectors.EVENT_READ, inbound)
            return
        inbound.dial_until = time.monotonic() + DIAL_FOR
        link.ends.add(inbound)
        self._dial(inbound)

    def _dial(self, inbound):
        """Connect inbound's upstream. A direct connection to a port nobody listens on yet would be refused and
        the dialler would try again; through the link it is already accepted, so the link tries again for it."""
        upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        upstream.setblocking(False)
        outbound = _End(upstream, inbound.link)
        inbound.peer, outbound.peer = outbound, inbound
        inbound.link.ends.add(outbound)
        outbound.connecting = True
        if upstream.connect_ex(inbound.link.target) not in (0, errno.EINPROGRESS):
            self._redial(outbound)
            return
        self._update(inbound)
        self._update(outbound)

    def _redial(self, outbound):
        """The upstream refused: retry a little later, or give up on the connection."""
        inbound = outbound.peer
        self._close_end(outbound)
        if time.monotonic() >= inbound.dial_until:
            self._drop(inbound)
            return
        if self._registered(inbound):
            self._sel.unregister(inbound.sock)
        self._redials.append((time.monotonic() + REDIAL_AFTER, inbound))

    def _run_redials(self):
        now = time.monotonic()
        due = [inbound for at, inbound in self._redials if at <= now]
        self._redials = [(at, inbound) for at, inbound in self._redials if at > now]
        for inbound in due:
            if inbound not in inbound.link.ends:  # dropped meanwhile
                continue
            if inbound.link.state == SILENT:
                self._redials.append((now + REDIAL_AFTER, inbound))
            else:
                self._dial(inbound)

    def _serve(self, end, mask):
        if end.sock.fileno() < 0:  # closed by an earlier event of the same round
            return
        if end.connecting:
            if end.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                self._redial(end)
                return
            end.connecting = False
        elif mask & selectors.EVENT_READ and not self._pump(end):
            return
        if mask & selectors.EVENT_WRITE and end.pending and not self._flush(end):
            return
        self._update(end)
        if end.peer is not None:
            self._update(end.peer)

    def _pump(self, end):
        """Read what end has and pass it to its peer; False when the connection is gone."""
        try:
            data = end.sock.recv(CHUNK)
        except BlockingIOError:
            return True
        except OSError:
            data = b""
        if not data:
            self._drop(end)
            return False
        if end.link.state == SILENT:
            return True
        end.peer.pending += data
        return self._flush(end.peer)

    def _flush(self, end):
        if end.connecting:
            return True
        try:
            sent = end.sock.send(end.pending)
        except BlockingIOError:
            return True
        except OSError:
            self._drop(end)
            return False
        del end.pending[:sent]
        return True

    def _update(self, end):
        """Read from an end only while its peer has taken everything; write to it while it has bytes waiting."""
        if end.sock.fileno() < 0:
            return
        if end.connecting:
            events = selectors.EVENT_WRITE
        elif end.peer is None:  # held by a silent link: read and drop
            events = selectors.EVENT_READ
        else:
            events = (0 if end.peer.pending or end.peer.connecting else selectors.EVENT_READ) \
                | (selectors.EVENT_WRITE if end.pending else 0)
        registered = self._registered(end)
        if events and registered:
            self._sel.modify(end.sock, events, end)
        elif events:
            self._sel.register(end.sock, events, end)
        elif registered:
            self._sel.unregister(end.sock)

    def _registered(self, end):
        try:
            self._sel.get_key(end.sock)
            return True
        except KeyError:
            return False

    def _drop(self, end):
        """Close both ends of end's connection."""
        self._close_end(end)
        if end.peer is not None:
            self._close_end(end.peer)

    def _close_end(self, end):
        if end.sock.fileno() >= 0:
            if self._registered(end):
                self._sel.unregister(end.sock)
            end.sock.close()
        end.link.ends.discard(end)
