"""Scoring dyadic on whole annotated articles (the development set's format, GUIDELINES.md).

A gold file holds one article a line: `id`, `text`, `published` and `events`, each event with
`source_country`, `target_country`, `roots` (the CAMEO roots a coder could choose), `symmetric` and
an optional date window `date_from`..`date_to`. The articles are coded exactly as `dyadic code
FILE.jsonl` codes them (each event's `input` ends in `#ID`, the article's id), or the events are read
from a JSONL file that command wrote. An output event matches a gold event of its article when the
country pair is the gold pair (either order when `symmetric`), its root is among `roots` and its
date falls in the window (when the gold has one). Only countable output events take part: both
countries set, not negated. Recall matches gold events greedily, in the order given, each output
event used at most once; an output event is right when it matches any gold event of its article.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from dyadic.errors import InputError
from dyadic.evaluate import Report, render
from dyadic.pipeline import Options, code
from dyadic.records import Rejected

GoldEvent = Mapping[str, Any]
OutputEvent = Mapping[str, Any]
BIN_EDGES: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article: its id, publication date and gold events (as read)."""

    id: str
    published: str | None
    events: tuple[GoldEvent, ...]

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> GoldArticle:
        return cls(str(record["id"]), record.get("published"), tuple(record.get("events") or ()))


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold event no output event matched: `date` when one matches but for the date, else `missing`."""

    article: str
    gold: GoldEvent
    why: str

    def as_dict(self) -> dict[str, Any]:
        return {"article": self.article, "why": self.why, "gold": dict(self.gold)}

    def line(self) -> str:
        g = self.gold
        return (
            f"MISS[{self.why}] {self.article} {g.get('source_country')}->{g.get('target_country')} "
            f"{g.get('code')} {g.get('note', '')} | {(g.get('sentence') or '')[:160]}"
        )


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A countable output event that matches no gold event of its article."""

    article: str
    event: OutputEvent

    def as_dict(self) -> dict[str, Any]:
        e = self.event
        keys = ("source", "target", "source_country", "target_country", "code", "date", "confidence")
        return {"article": self.article, **{k: e.get(k) for k in keys}, "sentence": _sentence(e)}

    def line(self) -> str:
        e = self.event
        return f"FP {self.article} {e.get('source')}->{e.get('target')} {e.get('code')} | {_sentence(e)[:160]}"


@dataclass(slots=True)
class Tally:
    """`hits` of `total`: gold events found, or output events right."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(slots=True)
class CalibrationBin:
    """Countable output events whose confidence falls in [low, high) ([low, high] for the last bin)."""

    low: float
    high: float
    count: int = 0
    right: int = 0

    @property
    def share(self) -> float:
        return self.right / self.count if self.count else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "count": self.count, "right": self.right, "share": _r(self.share)}


@dataclass(frozen=True, slots=True)
class Figures:
    """Recall, precision and F1 from their counts."""

    found: int
    gold: int
    right: int
    output: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.output if self.output else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            **{k: getattr(self, k) for k in ("found", "gold", "right", "output")},
            **{k: _r(getattr(self, k)) for k in ("recall", "precision", "f1")},
        }


@dataclass
class ArticleReport:
    """Everything `dyadic eval` reports on one article-level gold file."""

    dataset: str
    articles: int = 0
    gold: int = 0
    found: int = 0
    found_undated: int = 0
    dyad_found: int = 0
    date_only_misses: int = 0
    output: int = 0
    right: int = 0
    right_undated: int = 0
    outside: int = 0  # countable output events of articles the gold file does not hold
    not_countable: int = 0
    rejected: list[str] = field(default_factory=list)
    gold_roots: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    output_roots: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    calibration: list[CalibrationBin] = field(default_factory=lambda: _bins(BIN_EDGES))
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)

    @property
    def dated(self) -> Figures:
        return Figures(self.found, self.gold, self.right, self.output)

    @property
    def undated(self) -> Figures:
        return Figures(self.found_undated, self.gold, self.right_undated, self.output)

    @property
    def dyad_recall(self) -> float:
        return self.dyad_found / self.gold if self.gold else 0.0

    def summary(self) -> dict[str, Any]:
        """The figures of the reference scorer (`score.py --json`), same keys, same rounding."""
        d = self.dated
        return {
            "articles": self.articles, "gold": self.gold, "found": self.found, "dyad_found": self.dyad_found,
            "date_only_misses": self.date_only_misses, "output": self.output, "right": self.right,
            "output_outside_gold_articles": self.outside, "recall": round(d.recall, 3),
            "precision": round(d.precision, 3), "f1": round(d.f1, 3), "dyad_recall": round(self.dyad_recall, 3),
        }  # fmt: skip

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "format": "articles",
            "summary": self.summary(),
            "with_dates": self.dated.as_dict(),
            "ignoring_dates": self.undated.as_dict(),
            "dyad_recall": _r(self.dyad_recall),
            "output_not_countable": self.not_countable,
            "rejected": self.rejected,
            "gold_roots": _roots_dict(self.gold_roots, "found"),
            "output_roots": _roots_dict(self.output_roots, "right"),
            "calibration": [b.as_dict() for b in self.calibration],
            "misses": [m.as_dict() for m in self.misses],
            "false_positives": [f.as_dict() for f in self.false_positives],
        }


# --- matching --------------------------------------------------------------------------------


def article_of(event: OutputEvent) -> str:
    """The article id an output event belongs to: what its `input` says after the last `#`."""
    return str(event.get("input", "")).rsplit("#", 1)[-1]


def root_of(event: OutputEvent) -> str:
    return str(event.get("root") or str(event.get("code") or "")[:2])


def countable(event: OutputEvent) -> bool:
    return bool(event.get("source_country")) and bool(event.get("target_country")) and not event.get("negated")


def pair_matches(event: OutputEvent, gold: GoldEvent) -> bool:
    got = (event.get("source_country"), event.get("target_country"))
    want = (gold.get("source_country"), gold.get("target_country"))
    return got == want or (bool(gold.get("symmetric")) and got == want[::-1])


def in_window(event: OutputEvent, gold: GoldEvent) -> bool:
    """True when the gold has no window, or the event's day is inside it (ends included)."""
    if not gold.get("date_from"):
        return True
    day = str(event.get("date") or "")[:10]
    return bool(day) and gold["date_from"] <= day <= gold["date_to"]


def matches(event: OutputEvent, gold: GoldEvent, with_date: bool = True) -> bool:
    return (
        pair_matches(event, gold)
        and root_of(event) in (gold.get("roots") or ())
        and (not with_date or in_window(event, gold))
    )


def assign(golds: Iterable[GoldEvent], outputs: list[OutputEvent], with_date: bool = True) -> list[int | None]:
    """Greedy one-to-one matching: for each gold event in order, the first unused output that matches."""
    used: set[int] = set()
    found: list[int | None] = []
    for gold in golds:
        hit = next((i for i, e in enumerate(outputs) if i not in used and matches(e, gold, with_date)), None)
        if hit is not None:
            used.add(hit)
        found.append(hit)
    return found


# --- scoring ---------------------------------------------------------------------------------


def score_events(
    articles: Iterable[Mapping[str, Any] | GoldArticle], events: Iterable[OutputEvent], dataset: str = "articles"
) -> ArticleReport:
    """Score already-coded events (dicts as `dyadic code` writes them) against gold articles."""
    gold = [a if isinstance(a, GoldArticle) else GoldArticle.from_record(a) for a in articles]
    report = ArticleReport(dataset=dataset, articles=len(gold))
    by_article: dict[str, list[OutputEvent]] = defaultdict(list)
    for event in events:
        if countable(event):
            by_article[article_of(event)].append(event)
        else:
            report.not_countable += 1
    for article in gold:
        _score_article(article, by_article.get(article.id, []), report)
    known = {a.id for a in gold}
    report.outside = sum(len(v) for k, v in by_article.items() if k not in known)
    return report


def _score_article(article: GoldArticle, out: list[OutputEvent], report: ArticleReport) -> None:
    dated = assign(article.events, out)
    report.found_undated += sum(hit is not None for hit in assign(article.events, out, with_date=False))
    pairs = {frozenset((e["source_country"], e["target_country"])) for e in out}
    for gold, hit in zip(article.events, dated, strict=True):
        report.gold += 1
        report.dyad_found += frozenset((gold.get("source_country"), gold.get("target_country"))) in pairs
        report.gold_roots[_gold_root(gold)].add(hit is not None)
        if hit is None:
            undated = any(matches(e, gold, with_date=False) for e in out)
            report.date_only_misses += undated
            report.misses.append(Miss(article.id, gold, "date" if undated else "missing"))
        else:
            report.found += 1
    for event in out:
        right = any(matches(event, gold) for gold in article.events)
        report.output += 1
        report.right += right
        report.right_undated += any(matches(event, gold, with_date=False) for gold in article.events)
        report.output_roots[root_of(event)].add(right)
        _calibrate(report.calibration, event.get("confidence"), right)
        if not right:
            report.false_positives.append(FalsePositive(article.id, event))


def _gold_root(gold: GoldEvent) -> str:
    code = str(gold.get("code") or "")
    return code[:2] if code else next(iter(gold.get("roots") or ()), "--")


def _bins(edges: tuple[float, ...]) -> list[CalibrationBin]:
    return [CalibrationBin(low, high) for low, high in pairwise(edges)]


def _calibrate(bins: list[CalibrationBin], confidence: Any, right: bool) -> None:
    if not isinstance(confidence, int | float):
        return
    target = next((b for b in bins if confidence < b.high), bins[-1])  # the last bin holds 1.0 (and above)
    target.count += 1
    target.right += right


# --- reading and coding ----------------------------------------------------------------------


def is_article_record(record: Any) -> bool:
    """An article-level gold record: `text` and an `events` list whose items carry `roots`."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return False
    events = record.get("events")
    return isinstance(events, list) and any(isinstance(e, dict) and "roots" in e for e in events)


def is_article_gold(path: str) -> bool:
    """True when any record of the JSONL file is an article-level gold record."""
    return any(is_article_record(r) for r in read_jsonl(path))


def read_jsonl(path: str) -> list[Any]:
    """Every record of a JSON Lines file; an unreadable file or line is an InputError."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = [(n, line) for n, line in enumerate(fh, start=1) if line.strip()]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        return [json.loads(line) for _, line in lines]
    except json.JSONDecodeError as exc:
        bad = next(n for n, line in lines if not _parses(line))
        raise InputError(path, f"invalid JSON on line {bad}: {exc.msg}") from exc


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def evaluate_articles(path: str, options: Options | None = None, events: str | None = None) -> ArticleReport:
    """Code the gold file's articles as `dyadic code PATH` would (or read `events`, a JSONL file of
    events that command wrote) and score them."""
    articles = [r for r in read_jsonl(path) if isinstance(r, dict) and "id" in r]
    rejected: list[str] = []
    if events is not None:
        coded = read_jsonl(events)
    else:
        coded = []
        for item in code([path], options or Options()):
            if isinstance(item, Rejected):
                rejected.append(f"{item.input}: {item.reason}")
            else:
                coded.append(item.to_dict())
    report = score_events(articles, coded, dataset=Path(path).stem)
    report.rejected = rejected
    return report


# --- rendering -------------------------------------------------------------------------------


def render_reports(
    reports: list[Report | ArticleReport], as_json: bool = False, misses: bool = False, false_positives: bool = False
) -> str:
    """Sentence-level and article-level reports together, in the order of their gold files."""
    if as_json:
        return json.dumps([r.as_dict() for r in reports], indent=2, ensure_ascii=False)
    return "\n\n".join(
        render_articles(r, misses, false_positives) if isinstance(r, ArticleReport) else render([r]) for r in reports
    )


def render_articles(report: ArticleReport, misses: bool = False, false_positives: bool = False) -> str:
    s, dated, undated = report.summary(), report.dated, report.undated
    lines = [
        f"== {report.dataset}: whole articles",
        f"articles {s['articles']}: recall {s['recall']:.3f} ({s['found']}/{s['gold']}), precision "
        f"{s['precision']:.3f} ({s['right']}/{s['output']}), F1 {s['f1']:.3f}; {s['date_only_misses']} misses only "
        f"on the date; the country pair of {s['dyad_recall']:.3f} of gold events is in the article's output "
        f"(any root, any date)",
        f"{'':<15} {'recall':>15} {'precision':>15} {'F1':>6}",
        _figures_line("with dates", dated),
        _figures_line("ignoring dates", undated),
        f"output events: {report.output} countable, {report.not_countable} not countable (a country missing or "
        f"negated), {report.outside} outside the gold articles",
    ]
    lines += [f"rejected: {r}" for r in report.rejected]
    lines += _roots_lines(report)
    lines += _calibration_lines(report.calibration)
    if misses:
        lines += [m.line() for m in report.misses]
    if false_positives:
        lines += [f.line() for f in report.false_positives]
    return "\n".join(lines)


def _figures_line(label: str, f: Figures) -> str:
    recall = f"{f.recall:.3f} ({f.found}/{f.gold})"
    precision = f"{f.precision:.3f} ({f.right}/{f.output})"
    return f"{label:<15} {recall:>15} {precision:>15} {f.f1:>6.3f}"


def _roots_lines(report: ArticleReport) -> list[str]:
    lines = ["per root: gold events found / gold events of the root; output events right / output events"]
    for root in sorted(set(report.gold_roots) | set(report.output_roots)):
        g, o = report.gold_roots.get(root, Tally()), report.output_roots.get(root, Tally())
        lines.append(f"  {root}: gold {g.hits:>3}/{g.total:<3}  output {o.hits:>3}/{o.total}")
    return lines


def _calibration_lines(bins: list[CalibrationBin]) -> list[str]:
    lines = ["calibration: confidence of the countable output events, count, right, share right"]
    for i, b in enumerate(bins):
        close = "]" if i == len(bins) - 1 else ")"
        lines.append(f"  [{b.low:.1f}, {b.high:.1f}{close} {b.count:>5} {b.right:>5} {b.share:>6.3f}")
    return lines


def _roots_dict(tallies: Mapping[str, Tally], hit_name: str) -> dict[str, dict[str, Any]]:
    return {root: {hit_name: t.hits, "total": t.total, "share": _r(t.share)} for root, t in sorted(tallies.items())}


def _sentence(event: OutputEvent) -> str:
    return str((event.get("evidence") or {}).get("sentence") or "")


def _r(value: float) -> float:
    return round(value, 4)
