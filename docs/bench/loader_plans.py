#!/usr/bin/env python3
"""Planning and execution time of the nested page's themes statement on PostgreSQL: the
`UNION ALL` of one `LIMIT 21` branch per parent (before) against the one `LATERAL` branch
over a JSON array of parents (after, gateway/src/graphql/loaders.rs).

Recipe (docs/BENCHMARKS.md, "Plan-stable loader statements"):

    sleep infinity | cargo xtask pg > /tmp/pg-url &        # a throwaway PostgreSQL 15
    psql "$(cat /tmp/pg-url)" -c 'create database bench'
    cargo run --release -p gateway -- --database-url "${URL%/postgres}/bench" seed --scale 100000
    python3 docs/bench/loader_plans.py "${URL%/postgres}/bench" [rounds]

Each round runs `EXPLAIN (ANALYZE, SUMMARY)` of both statements for the first 100
published programs (the nested page's 10 countries × 10 programs), alternating, through
`psql`, and the medians of "Planning Time" and "Execution Time" are printed. SQL only: no
HTTP, no GraphQL, no prepared-statement cache (which, after this change, also saves the
planning on every request but the first few of a connection).
"""

import json
import re
import statistics
import subprocess
import sys

BRANCH = (
    "SELECT theme.id, theme.slug, theme.name, theme.description, theme.position, "
    "program_theme.program_id AS parent_key, theme.id AS order_key FROM theme "
    "INNER JOIN program_theme ON program_theme.theme_id = theme.id "
    "WHERE program_theme.program_id = {parent} ORDER BY theme.id ASC LIMIT 21"
)


def psql(url, sql):
    return subprocess.run(
        ["psql", url, "-Atc", sql], check=True, capture_output=True, text=True
    ).stdout


def timings(url, sql):
    out = psql(url, "EXPLAIN (ANALYZE, SUMMARY) " + sql)
    plan = float(re.search(r"Planning Time: ([\d.]+)", out).group(1))
    run = float(re.search(r"Execution Time: ([\d.]+)", out).group(1))
    return plan, run


def main():
    url = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    ids = json.loads(
        psql(
            url,
            "SELECT json_agg(id) FROM (SELECT id FROM program WHERE status = 'published' "
            "ORDER BY id LIMIT 100) t",
        )
    )
    union = " UNION ALL ".join(
        f"SELECT * FROM ({BRANCH.format(parent=i)}) AS page_{n}" for n, i in enumerate(ids)
    )
    lateral = (
        f"SELECT page.* FROM json_array_elements_text(CAST('{json.dumps(ids)}' AS json)) "
        f"AS parents CROSS JOIN LATERAL ({BRANCH.format(parent='CAST(parents.value AS integer)')}) AS page"
    )
    results = {"UNION ALL (before)": [], "LATERAL (after)": []}
    for _ in range(rounds):
        for name, sql in (("UNION ALL (before)", union), ("LATERAL (after)", lateral)):
            results[name].append(timings(url, sql))
    print(f"| statement ({rounds} rounds, medians) | planning ms | execution ms |")
    print("|---|---:|---:|")
    for name, rows in results.items():
        plan = statistics.median(r[0] for r in rows)
        run = statistics.median(r[1] for r in rows)
        print(f"| {name} | {plan:.2f} | {run:.2f} |")


if __name__ == "__main__":
    main()
