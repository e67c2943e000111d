"""Progress charts drawn with matplotlib: SVG for the web page, PNG for the PDF report.

Only matplotlib's object-oriented API is used (no `pyplot`): each chart is its own
`Figure`, so concurrent requests never share drawing state. Text is drawn as paths so a
chart looks the same with no fonts installed, and ids and dates are fixed so the same
data gives the same bytes. Each chart has an `*_alt` sentence for people who cannot see
it; the page and the report also print the numbers as tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import threading
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from footcore.domain.assessments import Grade, Unit
from footcore.domain.logbook import PAIN_MAX, PAIN_MIN
from footcore.domain.progress import WeekMinutes, WeekPain
from footcore.domain.progress_summary import TestTrend
from footcore.domain.safety import ACCEPTABLE_MAX, FINE_MAX
from footcore.domain.vocab import Side

ChartFormat = Literal["svg", "png"]
T = TypeVar("T")
_LOCK = threading.Lock()

PAIN_FINE_0_10 = FINE_MAX
PAIN_LIMIT_0_10 = ACCEPTABLE_MAX
"""The pain bands runners see everywhere (`pain_bands`): the lowest is footcore's own
band, the acceptable limit and the next-morning rule are `silbernagel-2007`'s."""

WIDTH_IN, HEIGHT_IN, PNG_DPI = 4.8, 2.9, 150
"""Small figures with 8-9 pt text stay readable when a phone shrinks them to its width."""
MAX_LABELS = 6
INK, GRID, ACCENT = "#1d2b36", "#d5dde3", "#2f6f4f"
SIDE_COLOURS = {Side.LEFT: "#1f5fa8", Side.RIGHT: "#b4540a", None: ACCENT}
SIDE_MARKERS = {Side.LEFT: "o", Side.RIGHT: "s", None: "D"}
_GRADE_Y = {Grade.FAIL: 0.0, Grade.PARTIAL: 1.0, Grade.PASS: 2.0}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_RC: dict[Any, Any] = {
    "svg.fonttype": "path",
    "svg.hashsalt": "footcore",
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def minutes_chart(weeks: Sequence[WeekMinutes], fmt: ChartFormat = "svg") -> bytes:
    """Bars of minutes of foot work per week (weeks start on Monday)."""
    return _styled(_draw_minutes_chart, tuple(weeks), fmt)


def pain_chart(weeks: Sequence[WeekPain], fmt: ChartFormat = "svg") -> bytes:
    """Worst and mean session pain per week on the 0-10 scale, with the pain guide's
    limits drawn in (`silbernagel-2007`)."""
    return _styled(_draw_pain_chart, tuple(weeks), fmt)


def assessment_chart(trend: TestTrend, fmt: ChartFormat = "svg") -> bytes:
    """One line per side over time, with the published reference as a dashed line."""
    return _styled(_draw_assessment_chart, trend, fmt)


@functools.lru_cache(maxsize=16)
def _styled(draw: Callable[[T, ChartFormat], bytes], data: T, fmt: ChartFormat) -> bytes:
    # Cached: drawing takes ~0.2 s, and the page, its charts and the PDF ask for the
    # same data again and again. The data are frozen values, so they key the cache.
    # Small: an entry is up to ~130 KB (a PNG), and every new log makes new data, so
    # 128 entries held ~15 MB in a soak; the few last charts are the ones asked again.
    if fmt not in ("svg", "png"):
        raise ValueError(f"chart format must be 'svg' or 'png', not {fmt!r}")
    # matplotlib reads its style from process-wide settings while it draws, so charts
    # are drawn one at a time.
    with _LOCK, rc_context(_RC):
        return draw(data, fmt)


def day_label(day: dt.date) -> str:
    """`3 Mar`, the same in every locale."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _draw_minutes_chart(weeks: Sequence[WeekMinutes], fmt: ChartFormat) -> bytes:
    figure, axes = _figure()
    axes.bar(range(len(weeks)), [w.minutes for w in weeks], color=ACCENT, width=0.6)
    for index, week in enumerate(weeks):
        axes.annotate(
            f"{week.minutes:.0f}",
            (index, week.minutes),
            ha="center",
            va="bottom",
            xytext=(0, 2),
            textcoords="offset points",
            fontsize=8,
        )
    _week_ticks(axes, [w.week_start for w in weeks])
    axes.set_ylabel("minutes")
    axes.set_xlabel("week starting")
    axes.set_ylim(0, max([w.minutes for w in weeks] + [10.0]) * 1.18)
    return _render(figure, fmt)


def minutes_alt(weeks: Sequence[WeekMinutes]) -> str:
    if not weeks:
        return "No minutes logged yet."
    listed = "; ".join(f"week of {day_label(w.week_start)}: {w.minutes:.0f}" for w in weeks)
    return f"Bar chart of minutes of foot work per week. {listed}."


def _draw_pain_chart(weeks: Sequence[WeekPain], fmt: ChartFormat) -> bytes:
    figure, axes = _figure()
    xs = list(range(len(weeks)))
    axes.plot(xs, [w.max_0_10 for w in weeks], marker="o", color="#a33", label="worst")
    axes.plot(xs, [w.mean_0_10 for w in weeks], marker="s", color=INK, label="mean")
    axes.axhspan(
        0, PAIN_FINE_0_10, color="#e3f1e8", zorder=0, label=f"{PAIN_MIN}-{PAIN_FINE_0_10}: fine"
    )
    axes.axhline(
        PAIN_LIMIT_0_10,
        color="#a33",
        linestyle="--",
        linewidth=1,
        label=f"{PAIN_LIMIT_0_10}: must settle by next morning (silbernagel-2007)",
    )
    _week_ticks(axes, [w.week_start for w in weeks])
    axes.set_xlim(-0.5, max(len(weeks) - 0.5, 0.5))
    axes.set_ylim(PAIN_MIN, PAIN_MAX)
    axes.set_yticks(range(PAIN_MIN, PAIN_MAX + 1, 2))
    axes.set_ylabel("pain 0-10")
    axes.set_xlabel("week starting")
    _legend(figure, columns=2)
    return _render(figure, fmt)


def pain_alt(weeks: Sequence[WeekPain]) -> str:
    if not weeks:
        return "No pain answers logged yet."
    listed = "; ".join(
        f"week of {day_label(w.week_start)}: worst {w.max_0_10}, mean {w.mean_0_10:.1f}"
        for w in weeks
    )
    return f"Line chart of session pain per week on a 0-10 scale. {listed}."


def _draw_assessment_chart(trend: TestTrend, fmt: ChartFormat) -> bytes:
    figure, axes = _figure()
    graded = trend.unit is Unit.GRADE
    for side, points in trend.series:
        axes.plot(
            [p.date.toordinal() for p in points],
            [_y(p.value) for p in points],
            marker=SIDE_MARKERS[side],
            color=SIDE_COLOURS[side],
            label="both" if side is None else side.value,
        )
    if trend.reference is not None and not graded:
        ref = trend.reference
        axes.axhline(
            ref.value,
            color="#555",
            linestyle="--",
            linewidth=1,
            label=f"{ref.statistic} {ref.value:g} {ref.unit.value} ({ref.citation})",
        )
    if graded:
        axes.set_yticks(list(_GRADE_Y.values()), [g.value for g in _GRADE_Y])
        axes.set_ylim(-0.4, 2.4)
    else:
        top = max([_y(p.value) for _, ps in trend.series for p in ps] + [1.0])
        if trend.reference is not None:
            top = max(top, trend.reference.value)
        axes.set_ylim(0, top * 1.2)
        axes.set_ylabel(trend.unit.value)
    dates = sorted({p.date for _, ps in trend.series for p in ps})
    axes.set_xticks([d.toordinal() for d in dates], [day_label(d) for d in dates])
    if len(dates) == 1:
        axes.set_xlim(dates[0].toordinal() - 7, dates[0].toordinal() + 7)
    else:
        axes.margins(x=0.08)
    _legend(figure, columns=2)
    axes.set_title(trend.name, loc="left", fontsize=9.5)
    return _render(figure, fmt)


def assessment_alt(trend: TestTrend) -> str:
    parts = []
    for side, points in trend.series:
        values = ", ".join(f"{_text(p.value)} on {day_label(p.date)}" for p in points)
        parts.append(f"{'both feet' if side is None else side.value + ' foot'}: {values}")
    text = f"Chart of {trend.name} over time. " + "; ".join(parts) + "."
    if trend.reference is not None:
        ref = trend.reference
        text += f" Reference line: {ref.statistic} {ref.value:g} {ref.unit.value}"
        text += f" ({ref.citation})."
    return text


def _y(value: float | Grade) -> float:
    return _GRADE_Y[value] if isinstance(value, Grade) else float(value)


def _text(value: float | Grade) -> str:
    return value.value if isinstance(value, Grade) else f"{value:g}"


def _figure() -> tuple[Figure, Axes]:
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), layout="constrained", facecolor="white")
    axes = figure.add_subplot()
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    return figure, axes


def _week_ticks(axes: Axes, mondays: Sequence[dt.date]) -> None:
    # Up to six labels fit the chart's width; with more weeks every n-th is labelled.
    step = max(1, -(-len(mondays) // MAX_LABELS))
    axes.set_xticks(
        range(len(mondays)), [day_label(d) if i % step == 0 else "" for i, d in enumerate(mondays)]
    )


def _legend(figure: Figure, *, columns: int) -> None:
    figure.legend(loc="outside lower center", frameon=False, ncols=columns, fontsize=8)


def _render(figure: Figure, fmt: ChartFormat) -> bytes:
    buffer = io.BytesIO()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    else:
        figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()
