#!/usr/bin/env python3
"""Train dyadic's learned pair coder (src/dyadic/data/models/pair_coder.npz) from annotated articles.

usage: python training/train_pair_model.py [--data FILE.jsonl ...] [--out PATH] [--folds 5] [--threshold P]

Each training article (the format of data/devset/: `id`, `text`, `published`, `events`, see
training/DATA_CARD.md) is split, parsed and resolved exactly as `dyadic code` does it, with every
sentence parsed. Every ordered pair of actor mentions in a sentence (events/candidates.py) is one
example: labelled with the CAMEO root of the annotated event whose sentence it is and whose sides it
names (by the annotated words where given, else by country), "none" otherwise. Pairs elsewhere in
the article that repeat an annotated pair of countries are left out: annotators list one sentence
per event, so a restatement is neither a positive nor a true negative. (Counting the sentences the
annotators listed as eventless as negatives all the same lowered dev recall from 0.256 to 0.211 at
the same precision: they are mostly restatements.)

A multinomial logistic regression (L2, full-batch Adam, deterministic) is fitted on all articles.
Its output cut is PIPELINE_CUT, chosen by scoring the whole pipeline out of fold on the training
articles (`heldout_pipeline.py --threshold`); the pair-level out-of-fold table printed beside it is
for information. Runs on CPU in about a minute.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from dyadic.articles import prepare
from dyadic.events.candidates import mentions, pair_features, pairs
from dyadic.events.learned import NONE, PairModel
from dyadic.pipeline import article_contexts
from dyadic.records import Article, Rejected

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = sorted((ROOT / "training" / "data").glob("*.jsonl"))
# hand-coded sentences written from the codebook for the tests (not the held-out one, which stays blind)
FIXTURES = [ROOT / "tests" / "fixtures" / "event_sentences.tsv", ROOT / "tests" / "fixtures" / "subcode_sentences.tsv"]
DEFAULT_OUT = ROOT / "src" / "dyadic" / "data" / "models" / "pair_coder.npz"
TARGET_PRECISION = 0.60  # held-out share right at the chosen cut (the dev-set goal is 0.65 for the whole output)
# The shipped cut, chosen on the training articles out of fold by `heldout_pipeline.py --threshold`:
# the cut with the best whole-pipeline F1 at (pair, root, date window), near-ties (within 0.002) going
# to the more precise cut. On 2026-12-08: 0.40 F1 0.329, 0.44 0.328, 0.48 0.325, 0.52 0.322. The
# pair-level rule above (printed, not shipped) swings by 0.04 between retrainings on one plateau.
PIPELINE_CUT = 0.44
MIN_COUNT = 2  # a feature seen in fewer examples is not kept
L2 = 3e-4
STEPS = 400
LEARNING_RATE = 0.05


@dataclass
class Example:
    article: str
    features: list[str]
    label: str
    accept: tuple[str, ...] = ()  # every root the annotator accepts ("roots"); the label is the first

    @property
    def acceptable(self) -> tuple[str, ...]:
        return self.accept or (self.label,)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _same_sentence(ours: str, gold: str) -> bool:
    a, b = _norm(ours), _norm(gold)
    return bool(a) and bool(b) and (a[:40] in b or b[:40] in a)


def _names(words: str | None, token_text: str) -> bool:
    return words is None or token_text in words or any(w in token_text for w in words.split() if len(w) > 3)


def fixture_records(path: Path) -> list[dict]:
    """One-sentence articles from a hand-coded sentence table (sentence, source, target, code; `-`: none)."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            source, target = row["source"] or "", row["target"] or ""
            if row["code"] == "-":  # written to report no event: every pair in it is a negative
                records.append({"id": f"{path.stem}-{n}", "text": row["sentence"], "events": []})
                continue
            if source.startswith("---") or target.startswith("---") or len(source) < 3 or len(target) < 3:
                continue  # a side with no country cannot be matched
            event = {
                "sentence": row["sentence"],
                "source_country": source[:3],
                "target_country": target[:3],
                "code": row["code"],
                "roots": [row["code"][:2]],
            }
            records.append({"id": f"{path.stem}-{n}", "text": row["sentence"], "events": [event]})
    return records


def _records(path: Path) -> list[dict]:
    if path.suffix == ".tsv":
        return fixture_records(path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_examples(paths: list[Path]) -> list[Example]:
    gold = {str(r["id"]): r for path in paths for r in _records(path)}
    articles = []
    for record in gold.values():
        item = Article(input=f"train#{record['id']}", text=record["text"], published=record.get("published"))
        clean = prepare(item)
        if isinstance(clean, Rejected):
            print(f"skipped {record['id']}: {clean.reason}", file=sys.stderr)
        else:
            articles.append(clean)
    examples: list[Example] = []
    for context in article_contexts(articles):
        article_id = context.article.input.rsplit("#", 1)[-1]
        events = gold[article_id]["events"]
        stated = {frozenset((e["source_country"], e["target_country"])) for e in events}
        for sentence, resolver in zip(context.sentences, context.resolvers, strict=True):
            doc = sentence.doc
            here = [e for e in events if _same_sentence(doc.text, e["sentence"])]
            candidates = pairs(doc, mentions(doc, resolver, context.home))
            labels: dict[int, tuple[str, ...]] = {}
            for event in here:
                wanted = {(event["source_country"], event["target_country"])}
                if event.get("symmetric"):
                    wanted.add((event["target_country"], event["source_country"]))
                fitting = [i for i, (s, t) in enumerate(candidates) if (s.actor.country, t.actor.country) in wanted]
                named = [
                    i
                    for i in fitting
                    if _names(event.get("source_text"), doc[candidates[i][0].head].text)
                    and _names(event.get("target_text"), doc[candidates[i][1].head].text)
                ]
                roots = (event["code"][:2], *(r for r in event.get("roots", ()) if r != event["code"][:2]))
                for i in named or fitting:
                    labels.setdefault(i, roots)
            for i, (source, target) in enumerate(candidates):
                label = labels.get(i)
                restated = frozenset((source.actor.country, target.actor.country)) in stated
                if label is None and restated:
                    continue  # a restatement of an annotated event, or a sentence the annotator did not pick
                features = pair_features(doc, source, target)
                examples.append(Example(article_id, features, label[0] if label else NONE, label or ()))
    return examples


def fit(rows: list[list[int]], accept: np.ndarray, n_features: int, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Maximise the probability of the acceptable classes of each example (`accept`: a 0/1 matrix)."""
    data = [1.0] * sum(len(r) for r in rows)
    indices = [i for r in rows for i in r]
    indptr = np.cumsum([0] + [len(r) for r in rows])
    x = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), n_features))
    w = np.zeros((n_features, n_classes))
    b = np.zeros(n_classes)
    m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    for step in range(1, STEPS + 1):
        scores = x @ w + b
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        wanted = p * accept
        grad_scores = (p - wanted / wanted.sum(axis=1, keepdims=True)) / len(rows)
        g_w = x.T @ grad_scores + L2 * w
        g_b = grad_scores.sum(axis=0)
        for g, m, v, param in ((g_w, m_w, v_w, w), (g_b, m_b, v_b, b)):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w, b


def _vocabulary(examples: list[Example]) -> dict[str, int]:
    counts = Counter(f for e in examples for f in set(e.features))
    kept = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    return {f: i for i, f in enumerate(kept)}


def train(examples: list[Example], classes: tuple[str, ...], threshold: float) -> PairModel:
    index = _vocabulary(examples)
    rows = [sorted({index[f] for f in e.features if f in index}) for e in examples]
    accept = np.zeros((len(examples), len(classes)))
    for n, e in enumerate(examples):
        for label in e.acceptable:
            if label in classes:
                accept[n, classes.index(label)] = 1.0
    w, b = fit(rows, accept, len(index), len(classes))
    return PairModel(index, w.astype(np.float32), b.astype(np.float32), classes, threshold)


def choose_threshold(examples: list[Example], classes: tuple[str, ...], folds: int) -> tuple[float, list[str]]:
    """The least probability cut at which held-out root predictions are right TARGET_PRECISION of the time.

    Only whole articles are held out; the one-sentence fixtures, far easier, always stay in training.

    Events are what analysts count: a wrong one costs more than a missed one, so the cut is set by
    precision on articles the model did not see, not by F1.
    """
    fixtures = {path.stem for path in FIXTURES}
    articles = sorted({e.article for e in examples if e.article.rsplit("-", 1)[0] not in fixtures})
    held: list[tuple[tuple[str, ...], str, float]] = []  # (acceptable labels, predicted root, its probability)
    for fold in range(folds):
        test = {a for i, a in enumerate(articles) if i % folds == fold}
        model = train([e for e in examples if e.article not in test], classes, 0.0)
        for e in (e for e in examples if e.article in test):
            probs = model.probabilities(e.features)
            best = max((i for i, c in enumerate(classes) if c != NONE), key=lambda i: probs[i])
            held.append((e.acceptable, classes[best], float(probs[best])))
    positives = sum(1 for g, _, _ in held if NONE not in g)
    report = []
    chosen = None
    for step in range(20, 95):  # cuts 0.20 ... 0.94 in hundredths: a coarser grid jumps past the target
        cut = step / 100
        out = [(g, r) for g, r, p in held if p >= cut]
        right = sum(1 for g, r in out if r in g)
        precision = right / len(out) if out else 0.0
        recall = right / positives if positives else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        line = f"threshold {cut:.2f}: output {len(out)}, right {right}, P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        if chosen is None and precision >= TARGET_PRECISION:
            chosen = cut
            line += "  <- chosen"
        if step % 5 == 0 or chosen == cut:
            report.append(line)
    return chosen if chosen is not None else 0.95, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", type=Path, default=DEFAULT_DATA + FIXTURES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, help=f"the shipped probability cut (default {PIPELINE_CUT})")
    args = parser.parse_args(argv)
    examples = build_examples(args.data)
    counts = Counter(e.label for e in examples)
    print(f"{len(examples)} pair examples from {len({e.article for e in examples})} articles: {dict(counts)}")
    classes = (NONE, *sorted(c for c in counts if c != NONE))
    chosen, report = choose_threshold(examples, classes, args.folds)
    print("\n".join(report))
    threshold = args.threshold if args.threshold is not None else PIPELINE_CUT
    print(f"pair-level rule: {chosen:.2f}; shipped cut: {threshold:.2f}")
    model = train(examples, classes, threshold)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(args.out))
    print(f"wrote {args.out}: {len(model.index)} features, classes {' '.join(classes)}, threshold {threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
