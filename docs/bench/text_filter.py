#!/usr/bin/env python3
"""The `text` filter's SQL, before and after the folded copies (`program_text`), side by side.

Runs the statements the gateway sends for `programs(first: 50, filter: {text: …})` as an
anonymous client (the page, `LIMIT 51`, and `totalCount`) with the old condition (`lower()`
over `program.title` and `program.summary`) and the new one (a correlated `EXISTS` with a
`LIKE` over `program_text.folded`), and the alternative not taken (`id IN (SELECT …)`), in turn,
and prints the median of each as a markdown table.
The old condition still runs on a new database: the program columns did not change.

    gateway seed --database-url sqlite:///tmp/bench.db --scale 100000
    python3 docs/bench/text_filter.py sqlite /tmp/bench.db
    gateway seed --database-url postgres://…/bench --scale 100000
    python3 docs/bench/text_filter.py postgres postgres://…/bench

Needs the `sqlite3` or `psql` client. Times are the clients' own (`.timer` / `\\timing`).
"""

import re
import statistics
import subprocess
import sys

OLD = "(lower(title) LIKE '%{p}%' ESCAPE {e} OR lower(summary) LIKE '%{p}%' ESCAPE {e})"
NEW = ("EXISTS (SELECT 1 FROM program_text WHERE program_text.program_id = program.id "
       "AND program_text.folded LIKE '%{p}%' ESCAPE {e})")
# The alternative not taken: an uncorrelated IN (see docs/BENCHMARKS.md).
IN = ("id IN (SELECT program_id FROM program_text "
      "WHERE program_text.folded LIKE '%{p}%' ESCAPE {e})")
WORDS = [
    # At --scale 100000: 1 207 of the 85 171 published programs, the 51st at id 4 355 (a
    # scan in id order that stops at the page's end reads 5 % of the table).
    ("a frequent phrase", "indigenous women #4"),
    # Matches nothing: every row is read.
    ("a word found nowhere", "zqx"),
]


def statements(escape):
    for label, word in WORDS:
        for shape, sql in [
            ("page", "SELECT * FROM program WHERE status = 'published' AND {c} ORDER BY id LIMIT 51"),
            ("totalCount", "SELECT COUNT(*) FROM program WHERE status = 'published' AND {c}"),
        ]:
            yield (f"{shape}, {label}",
                   {name: sql.format(c=condition.format(p=word, e=escape))
                    for name, condition in [("old", OLD), ("new", NEW), ("in", IN)]})


def timed(backend, target, sql):
    if backend == "sqlite":
        out = subprocess.run(["sqlite3", target], input=f".timer on\n.output /dev/null\n{sql};\n",
                             capture_output=True, text=True, check=True).stdout
        return float(re.search(r"real ([0-9.]+)", out).group(1)) * 1000
    out = subprocess.run(["psql", target, "-q"], input=f"\\timing on\n\\o /dev/null\n{sql};\n",
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Time: ([0-9.]+) ms", out).group(1))


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("sqlite", "postgres"):
        sys.exit(__doc__)
    backend, target = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    escape = "'\\'" if backend == "sqlite" else "E'\\\\'"
    times = {}
    for _ in range(rounds):
        for label, variants in statements(escape):
            for name, sql in variants.items():
                times.setdefault((label, name), []).append(timed(backend, target, sql))
    print(f"| {backend}: statement | old ms | new ms | new ÷ old | `IN` ms |")
    print("|---|---:|---:|---:|---:|")
    for label, _ in statements(escape):
        old, new, alternative = (statistics.median(times[(label, name)])
                                 for name in ("old", "new", "in"))
        print(f"| {label} | {old:.1f} | {new:.1f} | {new / old:.2f} | {alternative:.1f} |")


if __name__ == "__main__":
    main()
