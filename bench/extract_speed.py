"""Extraction speed: words/s of the full pipeline against spaCy's bare tokenizer.

    python bench/extract_speed.py [--mb 2.5] [--seed 7] [--repeat 5]

Times `nlp.extract_many` and `spacy.blank("en").pipe` over the same texts, in one run,
on two corpora of at least --mb MB each:

* documents: the held-out regression documents under tests/eval (news articles, FOI
  letters and disclosure logs, bulletins, PDF and spreadsheet text, HTML pages read to
  their main text as `policewatch extract` does), written by several hands, every one of
  them holding figures; repeated in turn until the corpus is large enough;
* synthetic: documents built from templates (news, FOI letters, bulletins, text tables,
  and noise with no figures), as dense in figures but with a vocabulary of a few
  thousand distinct words. spaCy's tokenizer caches the tokens of every distinct
  whitespace-separated string, so on this corpus the bare tokenizer mostly measures
  cache look-ups (several times its speed on the documents): the ratio there is a
  lower bound.

CPU time of this process, in --repeat rounds: each round times one pass of the pipeline over
the corpus, then as many passes of the tokenizer as take about as long, and gives the ratio of
the two. The median round is reported, with every round's ratio so the spread is visible.
Each side runs for seconds on its own warm caches; rounds next to each other in time see
much the same neighbours on a shared machine. (Taking turns on short slices of the corpus
instead flatters the pipeline: the tokenizer then starts each slice on caches the pipeline
has just filled, and the ratio rose from 0.27 to 0.29 as the slices shrank.)
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy  # noqa: E402

import nlp  # noqa: E402
from policewatch.commands.extract import read_document  # noqa: E402

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "eval"

FORCES = ["Kent Police", "Essex Police", "Thames Valley Police", "the Met", "Greater Manchester Police",
          "Lincolnshire Police", "Dyfed-Powys Police", "Police Scotland", "Durham Constabulary",
          "West Mercia Police", "Avon and Somerset Constabulary", "Cumbria Constabulary", "GMP"]
DISPOSALS = ["community resolutions", "cautions", "penalty notices for disorder", "cannabis warnings",
             "conditional cautions", "out-of-court disposals", "youth cautions", "on-the-spot fines"]
OFFENCES = ["shoplifting", "sexual offences", "domestic abuse", "criminal damage", "drug possession",
            "common assault", "stalking", "burglary", "upskirting", "hate crimes", "theft"]
PERIODS = ["in 2022", "in 2023", "in the year to March 2023", "last year", "in 2021/22",
           "in the 12 months to March 2024", "between 2020 and 2023"]
WORDS = ["four", "a dozen", "two hundred and six", "forty-two", "nineteen", "thirty"]
# Background prose: most paragraphs of real articles, letters and bulletins carry no figure.
PROSE = [
    "The force said officers had attended the scene within minutes and that enquiries were ongoing.",
    "Local councillors called for more neighbourhood patrols after a spate of incidents in the town centre.",
    "A spokesperson for the charity said victims deserved to be kept informed at every stage of the process.",
    "The chief constable told the police and crime panel that the force was committed to improving standards.",
    "Shop workers described being threatened and abused while at work, and some said they no longer felt safe.",
    "Guidance from the College of Policing says the outcome should reflect the seriousness of the offence.",
    "The inspectorate's report praised the force's handling of emergency calls but criticised its record keeping.",
    "Residents said they wanted to see more officers on the streets, particularly in the evenings.",
    "The Home Office said it would publish updated guidance for forces later in the year.",
    "Campaigners argue that informal outcomes can leave victims feeling their complaint was not taken seriously.",
    "Officers are given discretion to decide how best to deal with low-level offending in their area.",
    "The review will look at how decisions are recorded and whether victims' views are properly considered.",
    "Anyone with information is asked to contact the force quoting the crime reference number.",
    "The scheme is designed to divert offenders away from the criminal justice system where appropriate.",
    "Opposition politicians said the government had failed to give forces the resources they needed.",
    "The court heard that the defendant had shown remorse and had no previous convictions.",
]
FILLER = [
    "Campaigners said the figures showed a worrying trend and called for new guidance.",
    "A spokesperson said every case was reviewed by a senior officer before a decision was made.",
    "The force said it had recruited 120 new officers since 2021 and opened two new stations.",
    "Victims' groups said 3 in 5 women surveyed had not been told of the outcome.",
    "The council's budget for 2024/25 is £41 million, up 4.5 per cent on last year.",
    "Residents in the area have raised concerns about anti-social behaviour near the station.",
    "Detective Inspector Jane Hall thanked the 14 officers involved in Operation Kestrel.",
    "The man, 34, was jailed for six years at Crown Court on Friday.",
]


def _count(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(WORDS)
    return f"{rng.randint(3, 4000):,}"


def news(rng: random.Random) -> str:
    f1, f2 = rng.sample(FORCES, 2)
    d, o, p = rng.choice(DISPOSALS), rng.choice(OFFENCES), rng.choice(PERIODS)
    lines = [f"{f1.replace('the Met', 'Met')} handed out {_count(rng)} {d} for {o}",
             f"{f1} issued {_count(rng)} {d} for {o} {p}, compared with {_count(rng)} the year before.",
             f"Neighbouring {f2} used the sanction {_count(rng)} times over the same period."]
    lines += rng.sample(FILLER, 2)
    lines.append(f"Nationally, forces in England and Wales issued {_count(rng)} {d} {p}.")
    lines += [" ".join(rng.sample(PROSE, rng.randint(2, 4))) for _ in range(rng.randint(4, 9))]
    rng.shuffle(lines[3:])
    return "\n\n".join(lines)


def foi(rng: random.Random) -> str:
    f, o = rng.choice(FORCES), rng.choice(OFFENCES)
    out = [f"Freedom of Information Request Reference No: FOI-{rng.randint(2019, 2024)}-{rng.randint(100, 9999):05d}",
           f"You asked how many cautions and community resolutions {f} issued for {o}.", "Response"]
    for d in ("Cautions (adult and youth) issued:", "Community resolutions issued:"):
        out.append(d)
        out += [f"20{y}/{y + 1}: {rng.randint(0, 90)}" for y in range(19, 23)]
    out.append("Figures of fewer than five are suppressed under Section 40(2) of the Act.")
    return "\n".join(out)


def table(rng: random.Random) -> str:
    d1, d2 = rng.sample(DISPOSALS[:4], 2)
    rows = [f"| {rng.choice(OFFENCES).capitalize()} by force, 2023 |  |  |", "|---|---|---|",
            f"| Force | {d1.capitalize()} | {d2.capitalize()} |", "|---|---|---|"]
    rows += [f"| {f} | {rng.randint(0, 3000):,} | {rng.randint(0, 3000):,} |" for f in rng.sample(FORCES, 5)]
    return "Figures released to this newspaper show how forces compare.\n" + "\n".join(rows)


def bulletin(rng: random.Random) -> str:
    return "\n\n".join([
        "Crime outcomes in England and Wales: year ending March 2024",
        f"Police recorded {_count(rng)} community resolutions in the year ending March 2024, "
        f"a decrease of {rng.randint(1, 9)}% compared with the previous year ({_count(rng)}).",
        f"In total {_count(rng)} cautions were issued, compared with {_count(rng)} in the year ending March 2023.",
        "The charge or summons rate for all offences was 7.1%, unchanged on the previous year.",
    ] + rng.sample(FILLER, 2) + [" ".join(rng.sample(PROSE, 3)) for _ in range(rng.randint(2, 6))])


def noise(rng: random.Random) -> str:
    """Crime news with no disposal figures at all."""
    paras = [" ".join(rng.sample(PROSE, rng.randint(2, 5))) for _ in range(rng.randint(5, 12))]
    paras.insert(rng.randint(0, len(paras)), " ".join(rng.sample(FILLER, 3)))
    return "\n\n".join(paras)


def corpus(mb: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    kinds = [news, news, news, foi, table, bulletin, noise, noise]
    docs, size = [], 0
    while size < mb * 1_000_000:
        doc = rng.choice(kinds)(rng)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def documents(mb: float) -> list[str]:
    """The regression documents, main text first, repeated until the corpus holds mb MB."""
    paths = sorted(p for p in EVAL_DIR.glob("*/docs/*") if p.is_file())
    texts = [read_document(str(path)) for path in paths]  # as `policewatch extract FILE` reads them
    size = sum(len(t.encode("utf-8")) for t in texts)
    if not size:
        raise SystemExit(f"no documents under {EVAL_DIR}")
    return texts * max(1, -(-int(mb * 1_000_000) // size))


def measure(name: str, docs: list[str], repeat: int) -> float:
    blank = spacy.blank("en")  # its own, so one corpus does not warm the other's caches
    n_words = sum(len(d.split()) for d in docs)
    distinct = len({w for d in docs for w in d.split()})
    n_figures = sum(len(f) for f in nlp.extract_many(docs))  # warms the pipeline's caches
    t0 = time.process_time()
    for _ in blank.pipe(docs):  # warms the tokenizer's cache, and sizes its rounds
        pass
    laps = max(1, round(_pass_time(docs) / (time.process_time() - t0)))
    rounds = []  # (pipeline seconds, tokenizer seconds per pass)
    for _ in range(repeat):
        t_full = _pass_time(docs)
        t0 = time.process_time()
        for _ in range(laps):
            for _ in blank.pipe(docs):
                pass
        rounds.append((t_full, (time.process_time() - t0) / laps))
    ratios = [t_tok / t_full for t_full, t_tok in rounds]
    t_full = statistics.median(r[0] for r in rounds)
    t_tok = statistics.median(r[1] for r in rounds)
    ratio = statistics.median(ratios)
    print(f"{name}: {len(docs)} documents, {sum(len(d) for d in docs) / 1e6:.2f} MB, {n_words:,} words "
          f"({distinct:,} distinct)")
    print(f"  pipeline (extract_many): {n_words / t_full:,.0f} words/s ({t_full:.2f} s CPU, {n_figures:,} figures)")
    print(f"  bare tokenizer (spacy.blank('en').pipe): {n_words / t_tok:,.0f} words/s ({t_tok:.2f} s CPU)")
    print(f"  ratio pipeline/tokenizer: {ratio:.3f} (target >= 0.250; median of {repeat} rounds: "
          f"{', '.join(f'{r:.3f}' for r in ratios)})")
    return ratio


def _pass_time(docs: list[str]) -> float:
    t0 = time.process_time()
    for _ in nlp.extract_many(docs):
        pass
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    nlp.get_nlp()  # load the vocabularies before timing
    measure("documents", documents(args.mb), args.repeat)
    measure("synthetic", corpus(args.mb, args.seed), args.repeat)


if __name__ == "__main__":
    main()
