"""A line-oriented child process (cli_mt, a Java checker) driven through stdin, with bounded waits
for the lines it prints."""
import re
import subprocess
import threading
import time


class LineProcess:
    def __init__(self, cmd, skip=None, **popen_kw):
        """cmd: argv; skip: a compiled regex of output lines to drop (log noise). stdout and stderr
        are merged; every line is kept in self.lines (None marks end of output)."""
        self.cmd = cmd
        self.skip = skip
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, bufsize=1, **popen_kw)
        self.lines = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            if self.skip is not None and self.skip.search(line):
                continue
            with self._cond:
                self.lines.append(line)
                self._cond.notify_all()
        with self._cond:
            self.lines.append(None)
            self._cond.notify_all()

    def mark(self):
        """The index the next output line will have."""
        with self._cond:
            return len(self.lines)

    def output(self, start=0, end=None):
        with self._cond:
            return [x for x in self.lines[start:end] if x is not None]

    def wait_for(self, pattern, start=0, timeout=15.0):
        """Index of the first line at or after start that matches pattern (re.search)."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for i in range(start, len(self.lines)):
                    if self.lines[i] is not None and rx.search(self.lines[i]):
                        return i
                left = deadline - time.monotonic()
                ended = bool(self.lines) and self.lines[-1] is None
                if left <= 0 or ended:
                    why = "output ended" if ended else f"not within {timeout}s"
                    raise AssertionError(
                        f"{self.cmd[0]}: no line matching {pattern!r} ({why}); output since line {start}:\n"
                        + "\n".join(str(x) for x in self.lines[start:]))
                self._cond.wait(left)

    def send(self, line, expect=None, timeout=15.0):
        """Write one line to stdin; with expect, wait for a matching line printed after it and
        return its index (else the mark taken before sending)."""
        start = self.mark()
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        if expect is None:
            return start
        return self.wait_for(expect, start, timeout)

    def close(self, quit_line=None, timeout=10.0):
        """Ask the process to end (quit_line on stdin, then EOF); kill it when it does not."""
        if self.proc.poll() is None:
            try:
                if quit_line is not None:
                    self.proc.stdin.write(quit_line + "\n")
                    self.proc.stdin.flush()
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._reader.join(5)
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass
        return self.proc.returncode
