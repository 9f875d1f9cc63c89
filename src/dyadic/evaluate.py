"""Scoring dyadic against gold records (the JSONL format of the shared eval sets).

Each gold record is coded as a one-sentence article dated with the record's date. Gold and
predicted events are compared per record with greedy one-to-one matching, where a gold `null`
is a wildcard (not annotated), at three levels (DESIGN.md): `root` (source country, target
country, root code), `triple` (source, target, code) and `code` (the event code alone).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from dyadic.events.codebook import codebook
from dyadic.pipeline import Options, code_articles
from dyadic.records import Article, Event, Rejected

Key = tuple[str | None, str | None, str | None]
LEVELS: dict[str, Callable[[Key], Key]] = {
    "root": lambda k: (_country(k[0]), _country(k[1]), k[2][:2] if k[2] else None),
    "triple": lambda k: k,
    "code": lambda k: (None, None, k[2]),
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            **asdict(self),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    dataset: str
    records: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    levels: dict[str, Score] = field(default_factory=lambda: {name: Score() for name in LEVELS})
    root_hits: int = 0
    code_hits: int = 0
    quad_hits: int = 0
    no_event_records: int = 0
    no_event_records_with_output: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    worst: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0

    def as_dict(self) -> dict[str, Any]:
        gold = max(self.gold_events, 1)
        return {
            "dataset": self.dataset,
            "records": self.records,
            "skipped_records": self.skipped,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "levels": {name: score.as_dict() for name, score in self.levels.items()},
            "root_hit_rate": round(self.root_hits / gold, 4),
            "code_hit_rate": round(self.code_hits / gold, 4),
            "quad_class_accuracy": round(self.quad_hits / gold, 4),
            "no_event_records": self.no_event_records,
            "no_event_records_with_output": self.no_event_records_with_output,
            "confusion": {f"{g}>{p}": n for (g, p), n in sorted(self.confusion.items())},
            "actors": _actor_scores(self.actors),
            "output_root_named_by_gold": round(
                self.dates["output_root_named"] / max(self.dates["output_on_coded_records"], 1), 4
            ),
            "events_dated_on_record_date": round(self.dates["same_day"] / max(self.dates["events"], 1), 4),
            "dated_record_events": self.dates["events"],
            "worst": self.worst,
        }


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def read_gold(path: str) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def evaluate_files(
    paths: list[str], options: Options | None = None, worst: int = 10, kinds: tuple[str, ...] = ()
) -> list[Report]:
    return [evaluate(path, options, worst, kinds) for path in paths]


def evaluate(path: str, options: Options | None = None, worst: int = 10, kinds: tuple[str, ...] = ()) -> Report:
    """Code every English record of a gold file (of the given text kinds, if any) and score the output."""
    records = [
        r
        for r in read_gold(path)
        if r.get("language", "en") == "en"
        and (r.get("text") or "").strip()
        and (not kinds or r.get("text_kind") in kinds)
    ]
    report = Report(dataset=Path(path).stem + (f" [{', '.join(kinds)}]" if kinds else ""))
    report.skipped = sum(1 for _ in read_gold(path)) - len(records)
    articles = [Article(input=str(r["id"]), text=r["text"], published=r.get("date")) for r in records]
    predicted: dict[str, list[Event]] = defaultdict(list)
    options = replace(options or Options(), dedupe=False)  # every gold record is scored on its own
    for item in code_articles(articles, options):
        if not isinstance(item, Rejected):
            predicted[item.input].append(item)
    scored = []
    for record in records:
        events = predicted.get(str(record["id"]), [])
        errors = _score_record(record, events, report)
        if record.get("date"):
            report.dates["events"] += len(events)
            report.dates["same_day"] += sum(e.date == record["date"] for e in events)
        scored.append((errors, record))
    scored.sort(key=lambda pair: -pair[0])
    report.worst = [_explain(r, predicted.get(str(r["id"]), [])) for errors, r in scored[:worst] if errors]
    return report


def _score_record(record: dict[str, Any], events: list[Event], report: Report) -> int:
    gold: list[Key] = [(g.get("source"), g.get("target"), g.get("code")) for g in record.get("events") or []]
    pred: list[Key] = [(e.source, e.target, e.code) for e in events]
    report.records += 1
    report.gold_events += len(gold)
    report.predicted_events += len(pred)
    if record.get("no_events"):
        report.no_event_records += 1
        report.no_event_records_with_output += bool(pred)
    errors = 0
    for name, project in LEVELS.items():
        tp = _matches([project(g) for g in gold], [project(p) for p in pred])
        score = report.levels[name]
        score.tp += tp
        score.fp += len(pred) - tp
        score.fn += len(gold) - tp
        if name == "root":
            errors = len(pred) + len(gold) - 2 * tp
    _score_actors(gold, pred, report.actors)
    gold_roots = {g[2][:2] for g in gold if g[2]}
    if gold_roots:
        report.dates["output_on_coded_records"] += len(pred)
        report.dates["output_root_named"] += sum(p[2][:2] in gold_roots for p in pred)
    roots = {p[2][:2] for p in pred}
    codes = {p[2] for p in pred}
    quads = {codebook()[c].quad_class for c in codes if c in codebook()}
    for g in gold:
        if g[2] is None:
            continue
        report.root_hits += g[2][:2] in roots
        report.code_hits += g[2] in codes
        info = codebook().get(g[2])
        report.quad_hits += bool(info and info.quad_class in quads)
        if g[2][:2] in roots:
            report.confusion[(g[2][:2], g[2][:2])] += 1
        else:
            report.confusion[(g[2][:2], "miss")] += 1
            for root in sorted(roots) or ["--"]:
                report.confusion[(g[2][:2], root)] += 1
    return errors


def _score_actors(gold: list[Key], pred: list[Key], tally: Counter[str]) -> None:
    """Actor coding on the gold events that the output also found (same root, or any event when
    the gold code is not annotated): each annotated actor slot is right or wrong at country level
    and at full-code level."""
    for g in gold:
        slots = [(i, code) for i, code in enumerate(g[:2]) if code]
        if not slots:
            continue
        tally["gold_events"] += 1
        same = [p for p in pred if g[2] is None or p[2][:2] == g[2][:2]]
        if not same:
            continue
        best = max(
            same, key=lambda p: sum((p[i] or "")[:3] == c[:3] for i, c in slots) + sum(p[i] == c for i, c in slots)
        )
        tally["matched_events"] += 1
        for i, code in slots:
            tally["slots"] += 1
            tally["country_ok"] += (best[i] or "")[:3] == code[:3]
            tally["code_ok"] += best[i] == code


def _actor_scores(tally: Counter[str]) -> dict[str, float | int]:
    slots = max(tally["slots"], 1)
    return {
        "gold_events_with_actors": tally["gold_events"],
        "matched_events": tally["matched_events"],
        "actor_slots": tally["slots"],
        "country_accuracy": round(tally["country_ok"] / slots, 4),
        "full_code_accuracy": round(tally["code_ok"] / slots, 4),
    }


def _matches(gold: list[Key], pred: list[Key]) -> int:
    """Greedy one-to-one matching; a None field in gold matches anything."""
    used = [False] * len(pred)
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and all(gv is None or gv == pv for gv, pv in zip(g, p, strict=True)):
                used[i] = True
                tp += 1
                break
    return tp


def _explain(record: dict[str, Any], events: list[Event]) -> dict[str, Any]:
    return {
        "id": record["id"],
        "text": record["text"],
        "gold": [f"{g.get('source')} {g.get('target')} {g.get('code')}" for g in record.get("events") or []],
        "output": [f"{e.source} {e.target} {e.code} [{e.source_text} -> {e.target_text}]" for e in events],
    }


def render(reports: list[Report], as_json: bool = False) -> str:
    if as_json:
        return json.dumps([r.as_dict() for r in reports], indent=2, ensure_ascii=False)
    return "\n\n".join(_render_one(r.as_dict()) for r in reports)


def _render_one(d: dict[str, Any]) -> str:
    lines = [
        f"== {d['dataset']}: {d['records']} records, {d['gold_events']} gold events, "
        f"{d['predicted_events']} output events",
        f"{'level':<8} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn",
    ]
    for name, s in d["levels"].items():
        lines.append(
            f"{name:<8} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   {s['tp']}/{s['fp']}/{s['fn']}"
        )
    lines.append(
        f"gold root in output: {d['root_hit_rate']:.3f}   gold code in output: {d['code_hit_rate']:.3f}   "
        f"QuadClass accuracy: {d['quad_class_accuracy']:.3f}   output roots named by gold: "
        f"{d['output_root_named_by_gold']:.3f}"
    )
    a = d["actors"]
    if a["actor_slots"]:
        lines.append(
            f"actors on {a['matched_events']} of {a['gold_events_with_actors']} gold events found with the same root:"
            f" country {a['country_accuracy']:.3f}, full code {a['full_code_accuracy']:.3f}"
            f" ({a['actor_slots']} actor slots)"
        )
    if d["dated_record_events"]:
        lines.append(
            f"events dated on the gold record's date: {d['events_dated_on_record_date']:.3f}"
            f" of {d['dated_record_events']}"
        )
    if d["no_event_records"]:
        lines.append(f"no-event records with output: {d['no_event_records_with_output']} of {d['no_event_records']}")
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for pair, n in d["confusion"].items():
        gold_root, pred_root = pair.split(">")
        table[gold_root][pred_root] += n
    lines.append("per gold root: gold events whose root is in the output / gold events; roots output instead")
    for root in sorted(table):
        row = table[root]
        total = row.get(root, 0) + row.get("miss", 0)
        others = ", ".join(f"{r}:{n}" for r, n in row.most_common(5) if r not in (root, "miss"))
        lines.append(f"  {root}: {row.get(root, 0)}/{total}  {others}")
    for w in d["worst"]:
        lines.append(f"- {w['id']}: {w['text'][:160]}")
        lines.append(f"    gold:   {'; '.join(w['gold']) or '(none)'}")
        lines.append(f"    output: {'; '.join(w['output']) or '(none)'}")
    return "\n".join(lines)
