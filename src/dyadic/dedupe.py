"""Collapsing duplicate articles: identical clean text, and near-duplicates such as wire copies
that differ only in their headers and trailers.

Near-duplicates are found with MinHash locality-sensitive hashing over word 5-shingles at a low
threshold (so that few are missed) and then confirmed by the exact Jaccard similarity of the
shingle sets. The article read first is kept and records every input and URL that carried it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from dyadic.records import CleanArticle

SHINGLE = 5
LSH_THRESHOLD = 0.5
CONFIRM_JACCARD = 0.7
NUM_PERM = 64
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)}
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def dedupe(articles: Iterable[CleanArticle]) -> list[CleanArticle]:
    """Articles with duplicates merged into the first copy (input order kept)."""
    from datasketch import MinHash, MinHashLSH

    kept: list[CleanArticle] = []
    by_id: dict[str, int] = {}
    sets: list[set[str]] = []
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for article in articles:
        if article.article_id in by_id:
            _merge(kept, by_id[article.article_id], article)
            continue
        grams = shingles(article.text)
        sketch = MinHash(num_perm=NUM_PERM)
        sketch.update_batch([g.encode("utf-8") for g in grams])
        match = _near(lsh.query(sketch), grams, sets)
        if match is not None:
            _merge(kept, match, article)
            continue
        by_id[article.article_id] = len(kept)
        lsh.insert(str(len(kept)), sketch)
        sets.append(grams)
        kept.append(article)
    return kept


def _near(candidates: list[str], grams: set[str], sets: list[set[str]]) -> int | None:
    best, best_score = None, CONFIRM_JACCARD
    for key in candidates:
        other = sets[int(key)]
        score = len(grams & other) / max(len(grams | other), 1)
        if score >= best_score:
            best, best_score = int(key), score
    return best


def _merge(kept: list[CleanArticle], index: int, duplicate: CleanArticle) -> None:
    kept[index] = replace(kept[index], copies=kept[index].copies + duplicate.copies)
