#!/usr/bin/env python3
"""Submit articles to a Copydesk ventilator's intake (protocol copydesk-intake/1).

    python3 submit.py feed.jsonl articles/ --to tcp://127.0.0.1:5572

Inputs: .jsonl files (each non-blank line is sent as it is: one article object) and text or
HTML files; directories are walked recursively for .txt/.text (sent as {"text": ...}),
.html/.htm (sent as {"html": ...}) and .jsonl files, in sorted order. A DEALER socket keeps
--window requests in flight; the intake answers a connection's requests in order, so answers
match requests by position. "busy" answers (backpressure) are sent again after a pause of
10 ms, doubling up to 1 s while every answer of a round is busy.

Prints rejections to stderr and a summary to stdout. Exit status: 0 when every article was
accepted, 2 when any was rejected, 1 when the intake did not answer or on bad usage.

Only pyzmq and the standard library.
"""

import argparse
import collections
import json
import os
import sys
import time

import zmq

VERSION = b"copydesk-intake/1"
TEXT_EXTENSIONS = {".txt", ".text"}
HTML_EXTENSIONS = {".html", ".htm"}
DIRECTORY_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".jsonl"}


class Request:
    """One article to send: its JSON bytes and where it came from."""

    __slots__ = ("body", "source")

    def __init__(self, body, source):
        self.body = body
        self.source = source


class LocalRejection(Exception):
    """An input that cannot become a request (not UTF-8, unreadable)."""


def requests(paths):
    """Yields a Request, or a (source, reason) pair for an input that cannot be sent."""
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in files:
                    if os.path.splitext(name)[1].lower() in DIRECTORY_EXTENSIONS:
                        found.append(os.path.join(root, name))
            yield from requests(sorted(found))
        elif path.lower().endswith(".jsonl") or path == "-":
            handle = sys.stdin.buffer if path == "-" else open(path, "rb")
            with handle:
                for number, line in enumerate(handle, 1):
                    line = line.rstrip(b"\r\n")
                    if line.strip(b" \t"):
                        yield Request(line, f"{path}:{number}")
        else:
            try:
                with open(path, "rb") as handle:
                    text = handle.read().decode("utf-8")
            except UnicodeDecodeError:
                yield (path, "not UTF-8")
                continue
            except OSError as error:
                yield (path, f"cannot read: {error.strerror}")
                continue
            key = "html" if os.path.splitext(path)[1].lower() in HTML_EXTENSIONS else "text"
            yield Request(json.dumps({key: text}, ensure_ascii=False).encode("utf-8"), path)


def load_curve(socket, directory):
    """Makes `socket` a CURVE client with the keys of a `copydesk keygen` directory."""
    import zmq.auth

    server_public, _ = zmq.auth.load_certificate(os.path.join(directory, "server.key"))
    name = os.environ.get("COPYDESK_CURVE_CLIENT", "client")
    public, secret = zmq.auth.load_certificate(os.path.join(directory, f"{name}.key_secret"))
    if secret is None:
        raise SystemExit(f"submit.py: {directory}/{name}.key_secret holds no secret key")
    socket.curve_serverkey = server_public
    socket.curve_publickey = public
    socket.curve_secretkey = secret


class Submitter:
    def __init__(self, endpoint, window, timeout, curve_dir=None):
        self.context = zmq.Context()
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 1000)
        if curve_dir:
            load_curve(self.socket, curve_dir)
        self.socket.connect(endpoint)
        self.window = window
        self.timeout_ms = int(timeout * 1000)
        self.busy_retries = 0

    def close(self):
        self.socket.close()
        self.context.term()

    def submit(self, items, on_reply):
        """Sends every item; calls on_reply(request, reply dict) in the order of the inputs'
        answers (busy answers are retried, not reported)."""
        in_flight = collections.deque()  # requests sent and not answered, oldest first
        retry = collections.deque()      # busy requests to send again
        pause = 0.01
        busy_round = False
        accepted_this_round = False
        iterator = iter(items)
        pending = next(iterator, None)
        while pending is not None or in_flight or retry:
            if busy_round and not in_flight:
                # Every answer of the round is in and some were busy: pause, then resend those.
                pause = 0.01 if accepted_this_round else min(pause * 2, 1.0)
                time.sleep(pause)
                busy_round = False
                accepted_this_round = False
            while not busy_round and len(in_flight) < self.window:
                if retry:
                    request = retry.popleft()
                elif pending is not None:
                    request = pending
                    pending = next(iterator, None)
                    if isinstance(request, tuple):  # cannot be sent: rejected here
                        source, reason = request
                        on_reply(Request(b"", source), {"id": None, "status": "rejected", "reason": reason, "local": True})
                        continue
                else:
                    break
                # The empty delimiter makes the DEALER look like a REQ to the intake's ROUTER.
                self.socket.send_multipart([b"", VERSION, request.body])
                in_flight.append(request)
            if not in_flight:
                continue
            if not self.socket.poll(self.timeout_ms, zmq.POLLIN):
                raise TimeoutError(f"no answer from the intake within {self.timeout_ms / 1000:g} s; "
                                   "is the ventilator running with an intake (and the same CURVE keys)?")
            frames = self.socket.recv_multipart()
            request = in_flight.popleft()
            try:
                reply = json.loads(frames[-1])
                if not isinstance(reply, dict):
                    raise ValueError
            except ValueError:
                reply = {"id": None, "status": "rejected", "reason": "unreadable answer from the intake"}
            if reply.get("status") == "busy":
                self.busy_retries += 1
                retry.append(request)
                busy_round = True
                continue
            accepted_this_round = True
            on_reply(request, reply)


class UsageParser(argparse.ArgumentParser):
    """Bad usage exits 1, not argparse's 2: here 2 means a rejection."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def main():
    parser = UsageParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help=".jsonl files, text/HTML files, directories, or - (JSON Lines on stdin)")
    parser.add_argument("--to", default=os.environ.get("COPYDESK_INTAKE", "tcp://127.0.0.1:5572"),
                        help="the intake endpoint (env COPYDESK_INTAKE; default tcp://127.0.0.1:5572)")
    parser.add_argument("--window", type=int, default=64, help="requests in flight at once (default 64)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for an answer (default 30)")
    parser.add_argument("--curve-dir", default=os.environ.get("COPYDESK_CURVE_DIR") or None,
                        help="directory from `copydesk keygen` (server.key, client.key_secret): "
                             "use CURVE (env COPYDESK_CURVE_DIR)")
    parser.add_argument("--replies", metavar="FILE",
                        help="also write every answer as one JSON line, with the input's source")
    parser.add_argument("--quiet", action="store_true", help="print no rejection lines")
    options = parser.parse_args()
    if options.window < 1 or options.timeout <= 0:
        parser.error("--window and --timeout must be positive")
    for path in options.inputs:
        if path != "-" and not os.path.exists(path):
            parser.error(f"no such file or directory: {path}")

    counts = collections.Counter()
    replies = open(options.replies, "w", encoding="utf-8") if options.replies else None

    def on_reply(request, reply):
        status = reply.get("status")
        if status == "accepted":
            counts["accepted"] += 1
            if reply.get("duplicate"):
                counts["duplicates"] += 1
        else:
            counts["rejected"] += 1
            if not options.quiet:
                print(f"rejected {reply.get('id') or '-'} ({request.source}): {reply.get('reason', 'no reason given')}",
                      file=sys.stderr, flush=True)
        if replies:
            replies.write(json.dumps(dict(reply, source=request.source), ensure_ascii=False) + "\n")

    submitter = Submitter(options.to, options.window, options.timeout, options.curve_dir)
    try:
        submitter.submit(requests(options.inputs), on_reply)
    except TimeoutError as error:
        print(f"submit.py: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        if replies:
            replies.close()
        submitter.close()
    busy = f" ({submitter.busy_retries} busy answers retried)" if submitter.busy_retries else ""
    print(f"{counts['accepted']} accepted ({counts['duplicates']} of them duplicates), "
          f"{counts['rejected']} rejected by {options.to}{busy}", flush=True)
    return 2 if counts["rejected"] else 0


if __name__ == "__main__":
    sys.exit(main())
