"""How much slower is `policewatch search` than the bare FTS5 query it runs?

Builds a synthetic archive of 200,000 documents through the archive API, then times
100 varied searches through archive.search.search_documents (escaping, filters, dict
rows) and the same SQL through a bare sqlite3 connection, in the same run.
Target: p95 ratio <= 1.5 and policewatch p95 <= 100 ms.

    python bench/search_speed.py                # temporary archive, removed afterwards
    python bench/search_speed.py --db bench.db  # keep (and reuse) the archive
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import archive  # noqa: E402
from archive.search import fts_query, insert_documents_bulk, search_documents, search_sql  # noqa: E402

FORCES = ["Kent", "Essex", "Lincolnshire", "Metropolitan", "Greater Manchester", "West Midlands",
          "Thames Valley", "Avon and Somerset", "Merseyside", "Northumbria", "Sussex", "Dyfed-Powys"]
DISPOSALS = ["community resolutions", "cautions", "conditional cautions", "penalty notices",
             "cannabis warnings", "out-of-court disposals", "youth cautions"]
OFFENCES = ["rape", "sexual assault", "shoplifting", "burglary", "domestic abuse", "stalking",
            "criminal damage", "drug possession", "indecent exposure", "child rape"]
# Function words head the Zipf list; domain words come in topical sentences only, at
# rates like a real archive's (every force in a few per cent of documents, not half).
COMMON = ("the of and to in a for was were said that on with by it as from at be has have "
          "had this which are not but an or their".split())
TOPICAL = ["{force} Police said officers had attended the scene.",
           "Victims' groups criticised the use of {disposal} for {offence}.",
           "The report on {offence} was published by the force.",
           "Figures for the year show a rise in reported crime.",
           "The case was heard at the magistrates' court."]
SOURCES = [f"source-{n:02d}" for n in range(12)]


def vocabulary(rng: random.Random, size: int = 30000) -> tuple[list[str], list[float]]:
    """Common words, then pseudo-words, with Zipf weights: a few frequent, many rare."""
    syllables = ["ka", "lo", "mi", "ten", "dor", "pra", "vis", "ul", "en", "sto", "ri", "bel", "han", "quo"]
    words = list(COMMON)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]
    return words, list(accumulate(weights))


def accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v
        out.append(total)
    return out


def documents(n: int, seed: int = 1):
    rng = random.Random(seed)
    words, cum = vocabulary(rng)
    for i in range(n):
        body = rng.choices(words, cum_weights=cum, k=rng.randint(60, 220))
        for template in TOPICAL:
            if rng.random() < 0.35:
                body.insert(rng.randrange(len(body)), template.format(
                    force=rng.choice(FORCES), disposal=rng.choice(DISPOSALS), offence=rng.choice(OFFENCES)))
        if rng.random() < 0.3:  # about a third report a figure
            body.insert(rng.randrange(len(body)),
                        f"{rng.choice(FORCES)} Police issued {rng.randint(1, 900)} "
                        f"{rng.choice(DISPOSALS)} for {rng.choice(OFFENCES)} in {rng.randint(2015, 2025)}.")
        yield {"url": f"https://bench.example/{i}", "source": rng.choice(SOURCES),
               "kind": rng.choice(("news", "news", "foi", "stats")),
               "title": " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(4, 10))).capitalize(),
               "published": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               "text": " ".join(body)}


def queries(words: list[str], rng: random.Random) -> list[tuple[str, dict]]:
    """100 searches a journalist might type: phrases, forces, operators, rare words, filters."""
    out: list[tuple[str, dict]] = []
    for d in DISPOSALS:
        out.append((f'"{d}"', {}))
        out.append((f'"{d}" {rng.choice(OFFENCES)}', {}))
    for f in FORCES:
        out.append((f"{f} {rng.choice(DISPOSALS)}", {}))
        out.append((f'"{f} Police"', {"kind": "foi"}))
    out += [("rape NOT child", {}), ("caution* OR penalty", {}), ("out-of-court", {"since": "2023-01-01"}),
            ("(Kent OR Essex) rape", {}), ("community resolution", {"source": "source-03"}),
            ("police", {}), ("figures", {"since": "2024-01-01", "until": "2024-12-31"}),
            ("victims court", {}), ("shoplifting", {"kind": "news"}), ("Dyfed-Powys cautions", {})]
    rare = words[5000:]
    while len(out) < 100:
        kind = len(out) % 4
        if kind == 0:
            out.append((rng.choice(rare), {}))
        elif kind == 1:
            out.append((f"{rng.choice(words[100:2000])} {rng.choice(words[100:2000])}", {}))
        elif kind == 2:
            out.append((f'"{rng.choice(words[:300])} {rng.choice(words[:300])}"', {}))
        else:
            out.append((rng.choice(words[30:500]), {"kind": rng.choice(("news", "foi", "stats"))}))
    return out[:100]


def timed(fn, repeat: int = 3) -> float:
    """Wall time of fn() in milliseconds: the fastest of `repeat` runs, as timeit does,
    so that other processes on the machine inflate neither side."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return min(samples)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="archive file to build or reuse (default: temporary)")
    parser.add_argument("--documents", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        db = archive.open_archive(path)
        have = db["documents"].count
        if have < args.documents:
            start = time.perf_counter()
            rows = (d for i, d in enumerate(documents(args.documents)) if i >= have)
            insert_documents_bulk(db, rows, batch_size=2000)
            db.execute("insert into documents_fts(documents_fts) values ('optimize')")
            db.conn.commit()
            print(f"built {args.documents:,} documents in {time.perf_counter() - start:.0f} s")
        print(f"archive: {db['documents'].count:,} documents, {path.stat().st_size / 1e6:.0f} MB")

        words, _ = vocabulary(random.Random(1))
        searches = queries(words, random.Random(2))
        bare = sqlite3.connect(path)
        ours_ms, bare_ms, hits = [], [], 0
        for query, filters in searches:  # warm the page cache for both
            search_documents(db, query, **filters)
        for n, (query, filters) in enumerate(searches):
            sql, params = search_sql(fts_query(query), **filters)
            pair = [lambda: search_documents(db, query, **filters),
                    lambda: bare.execute(sql, params).fetchall()]
            if n % 2:  # alternate who goes first, so neither always gets the warmer cache
                bare_ms.append(timed(pair[1]))
                ours_ms.append(timed(pair[0]))
            else:
                ours_ms.append(timed(pair[0]))
                bare_ms.append(timed(pair[1]))
            hits += len(search_documents(db, query, **filters))
        print(f"{len(searches)} queries, {hits} hits shown (limit 20 each)")
        print(f"{'':12}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for name, values in (("policewatch", ours_ms), ("sqlite3", bare_ms)):
            print(f"{name:12}{percentile(values, 50):9.2f}{percentile(values, 95):9.2f}{max(values):9.2f}")
        p50 = percentile(ours_ms, 50) / percentile(bare_ms, 50)
        p95 = percentile(ours_ms, 95) / percentile(bare_ms, 95)
        print(f"ratio       {p50:9.2f}{p95:9.2f}")
        slowest = sorted(zip(ours_ms, searches), key=lambda x: x[0], reverse=True)[:3]
        print("slowest: " + "; ".join(f"{q!r} {f or ''} {ms:.0f} ms" for ms, (q, f) in slowest))
        ok = p95 <= 1.5 and percentile(ours_ms, 95) <= 100
        print("target (p95 ratio <= 1.5, p95 <= 100 ms): " + ("met" if ok else "NOT met"))
        bare.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
