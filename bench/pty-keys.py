#!/usr/bin/env python3
"""Drives a program in a real pseudo-terminal and times each keystroke to its frame.

Usage: pty-keys.py COLS ROWS KEYS_JSON -- COMMAND...
Starts COMMAND on a new pty of COLS x ROWS, waits until its first frame is complete (no output for
1 s), then for each key: writes it, reads until the output has been idle for IDLE ms (PTY_IDLE_MS, default 150), and records
the time from the write to the last byte of the frame, and the bytes received. Prints JSON:
{"startup_ms": .., "ms": [..], "bytes": [..]}. Asserts nothing; used by bench/dashboard.bench.ts.
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

IDLE = float(os.environ.get("PTY_IDLE_MS", "150")) / 1000

def main():
    cols, rows, keys = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
    command = sys.argv[sys.argv.index('--') + 1:]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))

    def drain(idle):
        """Reads until nothing arrives for `idle` seconds; returns (bytes, time of last byte)."""
        total, last = 0, None
        while True:
            r, _, _ = select.select([fd], [], [], idle)
            if not r:
                return total, last
            try:
                data = os.read(fd, 1 << 16)
            except OSError:
                return total, last
            if not data:
                return total, last
            total += len(data)
            last = time.perf_counter()

    _, last = drain(1.0)
    startup = ((last or time.perf_counter()) - start) * 1000
    ms, sizes = [], []
    for key in keys:
        t0 = time.perf_counter()
        os.write(fd, key.encode())
        n, last = drain(IDLE)
        ms.append(((last or t0) - t0) * 1000)
        sizes.append(n)
    os.write(fd, b'q')
    drain(0.5)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    print(json.dumps({"startup_ms": startup, "ms": ms, "bytes": sizes}))

main()
