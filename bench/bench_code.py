"""Time `dyadic code` against a plain full spaCy parse of the same generated corpus, in one run.

    python bench/bench_code.py [--articles 300] [--words 600] [--repeat 3] [--seed 7]

Both sides get the same texts and a warm model; runs alternate (full, dyadic, full, dyadic, ...)
so machine noise hits both alike, and the medians and their ratio are printed. The ratio is
full-parse time / dyadic time: above 1.0 means coding costs less than parsing everything.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import alternate, generate_articles, print_medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import spacy

    from dyadic import nlp
    from dyadic.pipeline import code_articles
    from dyadic.records import Article, Event

    texts = generate_articles(random.Random(args.seed), args.articles, args.words)
    words = sum(len(t.split()) for t in texts)
    articles = [Article(input=f"gen#{i}", text=t, published="2016-12-20") for i, t in enumerate(texts)]
    full = spacy.load(nlp.MODEL_NAME)  # every component, NER included: what a plain parse costs
    list(full.pipe(texts[:5]))
    list(code_articles(articles[:5]))  # load dictionaries, patterns and the gazetteer once

    def parse_all() -> None:
        for _doc in full.pipe(texts, batch_size=64):
            pass

    times, results = alternate(
        {
            "full spaCy parse": parse_all,
            "dyadic code": lambda: sum(isinstance(item, Event) for item in code_articles(articles)),
        },
        args.repeat,
    )
    print(f"corpus: {len(texts)} articles, {words} words (seed {args.seed}); {results['dyadic code']} events coded")
    medians = print_medians(times, words)
    print(f"speed ratio (full parse / dyadic): {medians['full spaCy parse'] / medians['dyadic code']:.2f}")


if __name__ == "__main__":
    main()
