"""Intake speed: read, clean, detect language, date and deduplicate generated scraped articles.

    python bench/bench_intake.py [--articles 3000] [--repeat 3] [--seed 11]

Articles are written to a temporary folder as they would come from scrapers (menus, banners,
pasted JavaScript, datelines, bylines; a tenth are wire copies of another), then read back with
`dyadic.ingest.read_inputs`, prepared and deduplicated. Prints the median articles per second.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles

FURNITURE_TOP = ["Home\nWorld\nPolitics\nSport\n", "We use cookies to improve your experience. Accept all cookies\n"]
FURNITURE_BOTTOM = ["Share this article\nFollow us on Twitter\n", "Read more: Related coverage\n"]
SCRIPT = 'var ads = window.adsbygoogle || []; ads.push({"slot": "top"}); console.log("loaded");'


def scraped(rng: random.Random, body: str, index: int) -> str:
    paragraphs = body.split("\n\n")
    paragraphs[0] = f"ANKARA, Nov {1 + index % 28} (Reuters) - {paragraphs[0]}"
    if len(paragraphs) > 2:
        paragraphs[1] += " " + SCRIPT
    head = rng.choice(FURNITURE_TOP) + f"Story {index}\n\nBy Jane Doe\n\n"
    return head + "\n\n".join(paragraphs) + "\n\n" + rng.choice(FURNITURE_BOTTOM)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    from dyadic.articles import prepare
    from dyadic.dedupe import dedupe
    from dyadic.ingest import read_inputs
    from dyadic.records import Rejected

    rng = random.Random(args.seed)
    bodies = generate_articles(rng, args.articles, 400)
    for i in range(0, len(bodies), 10):  # wire copies: the same body under another header
        bodies[i] = bodies[(i + 5) % len(bodies)]
    with tempfile.TemporaryDirectory() as folder:
        for i, body in enumerate(bodies):
            Path(folder, f"{i:05d}.txt").write_text(scraped(rng, body, i), encoding="utf-8")
        times, kept, rejected = [], 0, 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            prepared = [prepare(a) if not isinstance(a, Rejected) else a for a in read_inputs([folder])]
            good = [p for p in prepared if not isinstance(p, Rejected)]
            kept, rejected = len(dedupe(good)), len(prepared) - len(good)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{args.articles} articles read, cleaned, dated and deduplicated; {kept} kept, {rejected} rejected")
    print(f"median {median:.2f} s over {args.repeat} runs ({', '.join(f'{t:.2f}' for t in times)})")
    print(f"intake speed: {args.articles / median:,.0f} articles/s")


if __name__ == "__main__":
    main()
