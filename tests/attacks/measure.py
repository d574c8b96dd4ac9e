#!/usr/bin/env python3
"""Measures the gateway's answers to the attacks of issue 10 (docs/SECURITY.md).

Usage: python3 tests/attacks/measure.py http://127.0.0.1:8080 [GATEWAY_PID]

Sends each attack several times and prints, per attack, the code answered and the median
time to answer; with the gateway's PID, its peak resident memory (VmHWM) before and after
four amplification queries at once, and whether the process is still alive. Only loopback
addresses are accepted: this is a load tool for a server of your own.
"""
import json
import socket
import statistics
import sys
import threading
import time
import urllib.parse

ROUNDS = 20


def post(base, query, timeout=60):
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    body = json.dumps({"query": query}).encode()
    request = (
        f"POST /graphql HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    started = time.perf_counter()
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    elapsed = time.perf_counter() - started
    head, _, payload = data.partition(b"\r\n\r\n")
    try:
        code = json.loads(payload)["errors"][0]["extensions"]["code"]
    except Exception:
        code = "(data)" if payload.startswith(b'{"data"') else head.split(b"\r\n")[0].decode()
    return code, elapsed, len(payload)


def nested(n):
    return "{ programs(filter: " + "{a: " * n + "1" + "}" * n + ") { totalCount } }"


def bomb(levels):
    parts = ["fragment F0 on Query { __typename themes { totalCount } }"]
    parts += [f"fragment F{i} on Query {{ ...F{i-1} ...F{i-1} }}" for i in range(1, levels + 1)]
    return f"{{ ...F{levels} }} " + " ".join(parts)


def amplification():
    fields = " ".join(
        f"p{i}: programs(first: 100) {{ nodes {{ title summary themes {{ nodes {{ slug }} }} }} }}"
        for i in range(45)
    )
    return "{ countries(first: 100) { nodes { ...F } } } fragment F on Country { " + fields + " }"


def rss(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("VmHWM:", "VmRSS:")):
                yield line.split(":")[0], int(line.split()[1]) // 1024


def main():
    base = sys.argv[1]
    assert urllib.parse.urlsplit(base).hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
    pid = int(sys.argv[2]) if len(sys.argv) > 2 else None
    attacks = [
        ("F1 input objects nested 1 300 deep", nested(1300)),
        ("F1 nested 13 000 deep", nested(13000)),
        ("F2 fragment bomb 2^26", bomb(26)),
        ("F2 fragment bomb 2^60", bomb(60)),
        ("F3 100 countries x 45 aliased programs(first: 100)", amplification()),
        ("a legitimate nested page", "{ countries(first: 10) { nodes { code name programs(first: 10) "
         "{ nodes { title institution { name } themes { nodes { slug } } } } } } }"),
    ]
    if pid:
        print("memory before:", dict(rss(pid)), "MiB")
    print(f"| attack | answer | median ms ({ROUNDS} rounds) | bytes |")
    print("|---|---|---:|---:|")
    for name, query in attacks:
        results = [post(base, query) for _ in range(ROUNDS)]
        codes = {code for code, _, _ in results}
        median = statistics.median(elapsed for _, elapsed, _ in results) * 1000
        print(f"| {name} | {', '.join(sorted(codes))} | {median:.1f} | {results[0][2]} |")
    threads = [threading.Thread(target=post, args=(base, amplification())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if pid:
        print("memory after four amplification queries at once:", dict(rss(pid)), "MiB")
        try:
            with open(f"/proc/{pid}/status"):
                print("process alive: yes")
        except FileNotFoundError:
            print("process alive: NO")


if __name__ == "__main__":
    main()
