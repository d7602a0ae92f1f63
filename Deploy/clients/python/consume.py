#!/usr/bin/env python3
"""Follow a Copydesk results file (JSON Lines) and pass on each new complete line.

    python3 consume.py results.jsonl                        # print every report, then follow
    python3 consume.py results.jsonl --count 500            # stop after 500 records
    python3 consume.py results.jsonl --idle-timeout 30      # stop after 30 s without a new one
    python3 consume.py results.jsonl --push tcp://127.0.0.1:5599   # forward over ZeroMQ PUSH

The sink appends whole lines and fsyncs them, but a reader can still see the first part of a
line being written (or, after a crash, a torn line that the restarted sink cuts off): only
lines ending in a newline are passed on; the rest waits for more bytes. When the file shrinks
below what was read, or is replaced by another file, it is read again from the start.

Each record goes to stdout (default), to --output (appended), and/or as one ZeroMQ message to
--push. --field id prints only that field. Exit status: 0 when stopped by --count, by
--idle-timeout without --count, or by Ctrl-C; 1 when --idle-timeout ends it before --count
records, or the file never appeared.

Only pyzmq (for --push) and the standard library.
"""

import argparse
import json
import os
import sys
import time


class Follower:
    """Reads complete lines appended to a file, surviving truncation and replacement."""

    def __init__(self, path, from_end=False):
        self.path = path
        self.from_end = from_end
        self.handle = None
        self.identity = None
        self.partial = b""

    def _open(self):
        try:
            handle = open(self.path, "rb")
        except FileNotFoundError:
            return False
        status = os.fstat(handle.fileno())
        self.handle = handle
        self.identity = (status.st_dev, status.st_ino)
        self.partial = b""
        if self.from_end:
            handle.seek(0, os.SEEK_END)
            self.from_end = False  # only the first file: a replacement is read whole
        return True

    def lines(self):
        """The complete lines available now (without their newline)."""
        if self.handle is None and not self._open():
            return []
        out = []
        while True:
            chunk = self.handle.read(1 << 20)
            if not chunk:
                break
            data = self.partial + chunk
            *complete, self.partial = data.split(b"\n")
            out.extend(complete)
        if not out:
            self._check_replaced()
        return out

    def _check_replaced(self):
        """At end of file: start over if the file shrank below our position or was replaced."""
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            return
        position = self.handle.tell()
        if (status.st_dev, status.st_ino) != self.identity:
            print(f"consume.py: {self.path} was replaced; reading the new file from the start", file=sys.stderr)
            self.handle.close()
            self.handle = None
        elif status.st_size < position:
            # The sink cuts only a torn last line, which was never passed on (it had no newline).
            kept = position - len(self.partial)
            if status.st_size >= kept:
                self.handle.seek(kept)
                self.partial = b""
            else:
                print(f"consume.py: {self.path} was truncated; reading it from the start", file=sys.stderr)
                self.handle.seek(0)
                self.partial = b""


class UsageParser(argparse.ArgumentParser):
    """Bad usage exits 1, like the other failures."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def main():
    parser = UsageParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="the results file (the sink's -o / COPYDESK_OUTPUT)")
    parser.add_argument("--from-end", action="store_true", help="skip what the file holds now; only new lines")
    parser.add_argument("--count", type=int, help="stop after this many records")
    parser.add_argument("--idle-timeout", type=float, help="stop after this many seconds without a new record")
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between looks at the file (default 0.1)")
    parser.add_argument("--output", metavar="FILE", help="append each record to FILE instead of printing it")
    parser.add_argument("--push", metavar="ENDPOINT", help="also send each record as one ZeroMQ message from a PUSH socket connected to ENDPOINT")
    parser.add_argument("--field", help="print only this field of each record (e.g. id)")
    parser.add_argument("--skip-invalid", action="store_true", help="drop lines that are not JSON objects (default: pass every line on as it is)")
    options = parser.parse_args()
    if options.count is not None and options.count < 1:
        parser.error("--count must be at least 1")

    output = open(options.output, "ab") if options.output else sys.stdout.buffer
    push = context = None
    if options.push:
        import zmq

        context = zmq.Context()
        push = context.socket(zmq.PUSH)
        push.setsockopt(zmq.LINGER, 5000)
        push.connect(options.push)

    follower = Follower(options.path, options.from_end)
    seen = 0
    last_record = time.monotonic()
    status = 0
    try:
        while True:
            lines = follower.lines()
            for line in lines:
                if not line.strip():
                    continue
                record = None
                if options.field or options.skip_invalid:
                    try:
                        record = json.loads(line)
                    except ValueError:
                        record = None
                    if not isinstance(record, dict):
                        print(f"consume.py: skipping a line that is not a JSON object: {line[:80]!r}", file=sys.stderr)
                        continue
                if options.field:
                    value = record.get(options.field)
                    out = (value if isinstance(value, str) else json.dumps(value)).encode("utf-8")
                else:
                    out = line
                output.write(out + b"\n")
                if push is not None:
                    push.send(line)
                seen += 1
                if options.count is not None and seen >= options.count:
                    break
            if lines:
                output.flush()
                last_record = time.monotonic()
            if options.count is not None and seen >= options.count:
                break
            if options.idle_timeout is not None and time.monotonic() - last_record >= options.idle_timeout:
                if options.count is not None:
                    print(f"consume.py: idle for {options.idle_timeout:g} s after {seen} of {options.count} records",
                          file=sys.stderr)
                    status = 1
                elif follower.handle is None:
                    print(f"consume.py: {options.path} never appeared", file=sys.stderr)
                    status = 1
                break
            time.sleep(options.interval)
    except KeyboardInterrupt:
        pass
    finally:
        output.flush()
        if options.output:
            output.close()
        if push is not None:
            push.close()
            context.term()
    print(f"consume.py: {seen} records", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
