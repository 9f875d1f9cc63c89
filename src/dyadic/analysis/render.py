"""Plain-text reports for the terminal: change points, the events behind a period, the network."""

from __future__ import annotations

from collections.abc import Sequence

from dyadic.analysis.change import ChangePoint
from dyadic.analysis.dyad import DyadSeries
from dyadic.analysis.evidence import EventRow
from dyadic.analysis.network import NetworkReport, Tie

_SIGN = {1: "+", -1: "−", 0: "0"}


def series_heading(series: DyadSeries) -> str:
    if not series.periods:
        return f"{series.a} ⇄ {series.b}: no events"
    first, last = series.both[0].label, series.both[-1].label
    total = sum(row.total for row in series.both)
    ab, ba = sum(row.total for row in series.ab), sum(row.total for row in series.ba)
    return (
        f"{series.a} ⇄ {series.b}, {series.freq}ly, {first} … {last}: {total} {series.weight} "
        f"({series.a}→{series.b} {ab}, {series.b}→{series.a} {ba})"
    )


def changes_text(changes: Sequence[ChangePoint]) -> str:
    if not changes:
        return "change points: none"
    lines = ["change points:"]
    for c in changes:
        lines.append(
            f"  {c.label:<8} towards {c.direction:<11}  mean Goldstein {c.before_mean:+.1f} → {c.after_mean:+.1f}"
            f" (shift {c.magnitude:.1f}), conflict share {c.before_conflict:.0%} → {c.after_conflict:.0%}"
        )
    return "\n".join(lines)


def events_text(rows: Sequence[EventRow], label: str) -> str:
    lines = [f"events behind {label}: {len(rows)}"]
    for r in rows:
        lines.append(
            f"  {r.date}  {r.source}→{r.target or '-'}  {r.code:<4} {r.goldstein:+5.1f}  {r.evidence_sentence or ''}"
        )
        if r.url:
            lines.append(f"  {'':10}  {r.url}")
    return "\n".join(lines)


def network_text(report: NetworkReport, *, since: str = "", until: str = "", min_events: int = 1) -> str:
    span = f"{since or 'start'} … {until or 'end'}"
    lines = [
        f"network {span}: {report.nodes} countries, {report.edges} ties with ≥{min_events} events "
        f"({report.positive} cooperative, {report.negative} conflictual)",
        f"blocs ({len(report.blocs)}, frustration {report.frustration:,.1f}):",
    ]
    lines += [f"  {i}. {' '.join(bloc)}" for i, bloc in enumerate(report.blocs, 1)]
    if report.balance is None:
        lines.append("structural balance: no triangle")
    else:
        lines.append(
            f"structural balance: {report.balance:.1%} of {report.triangles:,} triangles balanced"
            f" ({report.triangles - report.balanced:,} unbalanced)"
        )
    if report.unbalanced:
        lines.append("most unbalanced triangles (weakest tie):")
        for t in report.unbalanced:
            (a, b, c), (s_ab, s_ac, s_bc) = t.nodes, t.signs
            ties = f"{a}–{b} {_SIGN[s_ab]}, {a}–{c} {_SIGN[s_ac]}, {b}–{c} {_SIGN[s_bc]}"
            lines.append(f"  {a} {b} {c}   {ties}   {t.strength:,.1f}")
    lines += _ties("strongest cooperative ties:", report.cooperative)
    lines += _ties("strongest conflictual ties:", report.conflictual)
    return "\n".join(lines)


def _ties(title: str, ties: Sequence[Tie]) -> list[str]:
    if not ties:
        return []
    return [title] + [
        f"  {t.a}–{t.b}  {t.weight:+10,.1f}  {t.events:>6,} events, mean {t.goldstein_mean:+.1f}" for t in ties
    ]
