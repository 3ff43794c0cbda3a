#!/usr/bin/env python3
"""Drives a program in a real pseudo-terminal and times each keystroke to its frame.

Usage: pty-keys.py COLS ROWS KEYS_JSON -- COMMAND...
Starts COMMAND on a new pty of COLS x ROWS, waits until its first frame is complete (output began,
then none for 1 s), then for each key: writes it, reads until the output has been idle for IDLE ms (PTY_IDLE_MS, default 150), and records
the time from the write to the last byte of the frame, and the bytes received; also the CPU time
(user + system, from /proc, Linux only; null elsewhere) the program used while the keys were
sent, which a busy machine inflates far less than wall time. Prints JSON:
{"startup_ms": .., "ms": [..], "bytes": [..], "cpu_ms": ..}. Asserts nothing; used by
bench/dashboard.bench.ts.
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

    def cpu_ms():
        """CPU time used so far by the child (user + system), in ms; None without /proc."""
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return None

    # The first frame: wait for output to begin (up to 30 s on a busy machine; keys typed before
    # the program reads them would be echoed by the terminal, not handled), then for 1 s of quiet.
    select.select([fd], [], [], 30.0)
    _, last = drain(1.0)
    startup = ((last or time.perf_counter()) - start) * 1000
    ms, sizes = [], []
    cpu0 = cpu_ms()
    for key in keys:
        t0 = time.perf_counter()
        os.write(fd, key.encode())
        n, last = drain(IDLE)
        ms.append(((last or t0) - t0) * 1000)
        sizes.append(n)
    cpu1 = cpu_ms()
    cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
    os.write(fd, b'q')
    drain(0.5)
    # SIGTERM, then SIGKILL if the program has not gone after 2 s (a run must never hang the bench).
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            break
        deadline = time.perf_counter() + 2
        while time.perf_counter() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
            time.sleep(0.05)
        else:
            if time.perf_counter() < deadline:
                break
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    print(json.dumps({"startup_ms": startup, "ms": ms, "bytes": sizes, "cpu_ms": cpu}))

main()
