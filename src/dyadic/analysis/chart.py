"""Charts of a dyad series: a compact text chart for the terminal, and a PNG or SVG figure.

The text chart gives one line per period: cooperation grows left of the axis and conflict right
of it, both on one scale, then the event count and the mean Goldstein value, and a ◀ on the
periods where a change point starts a new segment. The figure (matplotlib, imported only when a
file is asked for) shows the Goldstein mean of each direction, the QuadClass counts stacked (A to
B above the axis, B to A below it) and the Goldstein sum, with the change points marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dyadic.analysis.change import ChangePoint
from dyadic.analysis.dyad import DyadSeries, PeriodStats
from dyadic.errors import DyadicError, UsageError

_EIGHTHS = " ▏▎▍▌▋▊▉"
_LABEL = 8
_FIXED = _LABEL + 1 + 1 + 1 + 5 + 1 + 6 + 2  # label, spaces, axis, count, mean, marker
QUAD_NAMES = ("verbal coop", "material coop", "verbal conflict", "material conflict")
QUAD_COLOURS = ("#9ad29a", "#2e8b57", "#f4a261", "#c0392b")


def text_chart(
    series: DyadSeries, changes: Sequence[ChangePoint] = (), *, width: int = 80, direction: str = "both"
) -> str:
    """The series as lines of at most `width` characters (at least 42)."""
    rows = series.direction(direction)
    half = max((width - _FIXED) // 2, 8)
    top = max((max(r.cooperation, r.conflict) for r in rows), default=0) or 1
    marks = {c.period for c in changes}
    coop = "cooperation" if half >= 11 else "coop"
    head = f"{'period':<{_LABEL}} {coop:>{half}}│{'conflict':<{half}} {'n':>5} {'mean':>6}"
    lines = [head.rstrip()]
    for row in rows:
        left = _bar(row.cooperation / top * half, half, leftward=True)
        right = _bar(row.conflict / top * half, half, leftward=False)
        mean = f"{row.goldstein_mean:+6.1f}" if row.goldstein_mean is not None else f"{'·':>6}"
        mark = " ◀" if row.period in marks else ""
        lines.append(f"{row.label:<{_LABEL}} {left}│{right} {row.total:>5} {mean}{mark}".rstrip())
    return "\n".join(lines)


def text_table(series: DyadSeries) -> str:
    """Per period and direction: events per QuadClass, total, Goldstein sum and mean."""
    names = (f"{series.a}→{series.b}", f"{series.b}→{series.a}")
    cells = " ".join(
        f"{h:>{w}}" for h, w in (("n", 5), ("VC", 4), ("MC", 4), ("VK", 4), ("MK", 4), ("sum", 7), ("mean", 6))
    )
    lines = [
        f"{'':<{_LABEL}} │ {names[0]:<{len(cells)}} │ {names[1]}",
        f"{'period':<{_LABEL}} │ {cells} │ {cells}",
    ]
    for ab, ba in zip(series.ab, series.ba, strict=True):
        lines.append(f"{ab.label:<{_LABEL}} │ {_cells(ab)} │ {_cells(ba)}")
    return "\n".join(lines)


def _cells(row: PeriodStats) -> str:
    mean = f"{row.goldstein_mean:+6.1f}" if row.goldstein_mean is not None else f"{'·':>6}"
    quads = " ".join(f"{q:>4}" for q in row.quad)
    return f"{row.total:>5} {quads} {row.goldstein_sum:>+7.1f} {mean}"


def _bar(length: float, width: int, *, leftward: bool) -> str:
    """A bar of `length` cells (fractional) in a field of `width`, growing away from the axis."""
    full = int(length)
    if leftward:  # only a right-aligned half block exists for bars that grow to the left
        part = "▐" if length - full >= 0.5 else ""
        return (part + "█" * full).rjust(width)
    part = _EIGHTHS[int((length - full) * 8)].strip()
    return ("█" * full + part).ljust(width)


def save_chart(series: DyadSeries, changes: Sequence[ChangePoint], path: str | Path) -> Path:
    """Write the figure to `path`; the extension (.png or .svg) picks the format."""
    out = Path(path)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise UsageError(f"{out}: chart format must be .png or .svg")
    plt = _pyplot()
    fig, (mean_ax, count_ax, sum_ax) = plt.subplots(3, 1, figsize=(11, 8), sharex=True, height_ratios=(2, 3, 2))
    try:
        _draw(series, changes, mean_ax, count_ax, sum_ax)
        fig.tight_layout()
        fig.savefig(out, format=kind, dpi=110, metadata={"Date": None} if kind == "svg" else None)
    finally:
        plt.close(fig)
    return out


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise DyadicError("image charts need matplotlib: pip install 'dyadic[charts]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _draw(series: DyadSeries, changes: Sequence[ChangePoint], mean_ax, count_ax, sum_ax) -> None:
    x = list(series.periods)
    width = {"week": 5, "month": 24, "year": 300}[series.freq]
    ab_name, ba_name = f"{series.a}→{series.b}", f"{series.b}→{series.a}"
    for rows, name, style in ((series.ab, ab_name, "-"), (series.ba, ba_name, "--"), (series.both, "both", "-")):
        mean_ax.plot(
            x, [r.goldstein_mean for r in rows], style, label=name, linewidth=2.2 if name == "both" else 1,
            marker=".", markersize=3,
        )  # fmt: skip
    mean_ax.axhline(0, color="grey", linewidth=0.6)
    mean_ax.set_ylabel("mean Goldstein")
    mean_ax.legend(loc="upper left", fontsize="small", ncols=3)
    for rows, sign in ((series.ab, 1), (series.ba, -1)):
        bottom = [0.0] * len(rows)
        for q in range(4):
            heights = [sign * r.quad[q] for r in rows]
            label = QUAD_NAMES[q] if sign == 1 else None
            count_ax.bar(x, heights, width, bottom=bottom, color=QUAD_COLOURS[q], label=label, align="edge")
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    count_ax.axhline(0, color="black", linewidth=0.6)
    count_ax.set_ylabel(f"events\n↑ {ab_name}   ↓ {ba_name}")
    count_ax.legend(loc="upper left", fontsize="small", ncols=4)
    sums = [r.goldstein_sum for r in series.both]
    sum_ax.bar(x, sums, width, color=["#2e8b57" if s >= 0 else "#c0392b" for s in sums], align="edge")
    sum_ax.set_ylabel("Goldstein sum")
    for change in changes:
        for ax in (mean_ax, count_ax, sum_ax):
            ax.axvline(change.period, color="black", linestyle=":", linewidth=1)
        mean_ax.annotate(
            f"{change.label} → {change.direction}", (change.period, 1), xycoords=("data", "axes fraction"),
            fontsize="small", rotation=90, va="top", ha="right",
        )  # fmt: skip
    mean_ax.set_title(f"{series.a} and {series.b}: {series.freq}ly events ({series.weight})")
