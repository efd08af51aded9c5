"""A background write load: one kazoo session making sequential creates under a path, one at a time, recording
every path the ensemble acknowledged. A failed or timed-out create is not recorded (it may or may not exist)."""
import threading

from kazoo.client import KazooClient

from conftest import stop_client, wait_until

REQUEST_TIMEOUT = 10.0


class AckedWriter:
    def __init__(self, hosts, path, session_timeout=10.0, randomize_hosts=True):
        self.path = path
        self.client = KazooClient(hosts=hosts, timeout=session_timeout, randomize_hosts=randomize_hosts,
                                  connection_retry=dict(max_tries=-1, delay=0.1, backoff=1.5, max_delay=1.0))
        self.acked = []
        self.failures = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"writer {path}", daemon=True)

    def start(self):
        self.client.start(timeout=30)
        self.client.ensure_path(self.path)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.is_set():
            try:
                created = self.client.create_async(f"{self.path}/n-", b"w" * 32, sequence=True) \
                    .get(timeout=REQUEST_TIMEOUT)
                self.acked.append(created)
            except Exception:
                self.failures += 1
                # Back off a little while the ensemble elects or the session reconnects.
                self._stop.wait(0.05)

    def wait_for_progress(self, count=20, timeout=60):
        """Wait until count more creates are acknowledged."""
        goal = len(self.acked) + count
        wait_until(lambda: len(self.acked) >= goal, timeout,
                   message=f"{count} more acknowledged writes (have {len(self.acked)}, {self.failures} failed)")

    def stop(self):
        """Stop writing; returns every acknowledged path."""
        self._stop.set()
        if self._thread.ident is not None:
            self._thread.join(REQUEST_TIMEOUT + 5)
        stop_client(self.client)
        assert not self._thread.is_alive(), "writer did not stop"
        return list(self.acked)
