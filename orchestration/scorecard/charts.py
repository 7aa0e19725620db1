"""The scorecard's charts, drawn as inline SVG by hand: a line chart (a trend with its target and the series
excluding UASC), a horizontal bar chart (a breakdown) and a column chart of differences (excluding minus
including UASC).

Colours are the Okabe-Ito palette, which people with the common colour-vision deficiencies tell apart; the
second series is also dashed with square markers and the target dotted, so a chart still reads printed in
grey. Every chart is an `img` with a title and a description that says what it shows in words. Output
depends only on the figures (no ids from a counter, no times), so the same figures draw the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

BLUE, ORANGE, INK, GREY, LIGHT = "#0072B2", "#D55E00", "#222222", "#767676", "#DDDDDD"
FONT = 'font-family="Arial, Helvetica, sans-serif"'
HALO = 'stroke="#fff" stroke-width="3" paint-order="stroke"'  # keeps a figure readable across a line


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    colour: str = BLUE
    dashed: bool = False
    marker: str = "circle"  # or "square"


def _num(x: float) -> str:
    """Coordinates with one decimal and no '-0.0', so the SVG is short and stable."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if high == low:
        low, high = (low - 1, high + 1) if low == 0 else (low - abs(low) * 0.1, high + abs(high) * 0.1)
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _axis_range(values: Sequence[float], zero_based: bool) -> list[float]:
    low, high = min(values), max(values)
    # Counts and percentages start at zero unless the figures sit high above it (97% of reviews on time).
    if zero_based and low >= 0 and (low <= (high - low) * 1.5 or high == 0):
        low = 0.0
    return nice_ticks(low, high)


def _header(width: float, height: float, ident: str, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="100%" role="img" aria-labelledby="{ident}-t {ident}-d" class="chart" {FONT} font-size="11">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(description)}</desc>',
    ]


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{_num(x - 3)}" y="{_num(y - 3)}" width="6" height="6" fill="{colour}"/>'
    return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3" fill="{colour}"/>'


def _path(points: Sequence[tuple[float, float] | None]) -> str:
    """An SVG path through the points, broken where a point is missing (a month with no figure)."""
    parts, pen_down = [], False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{_num(point[0])},{_num(point[1])}")
        pen_down = True
    return " ".join(parts)


def line_chart(
    ident: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    target: Sequence[float | None] | None,
    fmt: Callable[[float], str],
    y_label: str,
    x_label: str = "Month end",
    tick_every: int = 1,
    value_labels: Callable[[float], str] | None = None,
    zero_based: bool = True,
    width: float = 640,
    height: float = 250,
    target_name: str = "Target",
) -> str:
    """Months along the bottom (a label every `tick_every` months), the series as lines, the target as a dotted
    step line; with `value_labels` (a formatter) the first series' figures are written above its points."""
    left, right, top, bottom = 58, 12, 30, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    target = list(target or [])
    figures = [v for s in series for v in s.values if v is not None] + [t for t in target if t is not None]
    ticks = _axis_range(figures or [0.0], zero_based)
    y_low, y_high = ticks[0], ticks[-1]
    n = len(labels)

    def x_at(i: int) -> float:
        return left + (plot_w * (i + 0.5) / n if n else 0)

    def y_at(v: float) -> float:
        return top + plot_h * (1 - (v - y_low) / ((y_high - y_low) or 1))

    out = _header(width, height, ident, title, description)
    for t in ticks:  # gridlines and the y axis
        y = y_at(t)
        out.append(f'<line x1="{left}" x2="{_num(width - right)}" y1="{_num(y)}" y2="{_num(y)}" stroke="{LIGHT}"/>')
        out.append(f'<text x="{left - 6}" y="{_num(y + 4)}" text-anchor="end" fill="{INK}">{escape(fmt(t))}</text>')
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{_num(top + plot_h)}" stroke="{INK}"/>')
    out.append(
        f'<line x1="{left}" x2="{_num(width - right)}" y1="{_num(top + plot_h)}" y2="{_num(top + plot_h)}" '
        f'stroke="{INK}"/>'
    )
    for i, label in enumerate(labels):  # x axis
        if i % tick_every == 0 or i == n - 1 and tick_every == 1:
            x = x_at(i)
            out.append(
                f'<line x1="{_num(x)}" x2="{_num(x)}" y1="{_num(top + plot_h)}" y2="{_num(top + plot_h + 4)}" '
                f'stroke="{INK}"/>'
            )
            out.append(
                f'<text x="{_num(x)}" y="{_num(top + plot_h + 16)}" text-anchor="middle" fill="{INK}">'
                f"{escape(label)}</text>"
            )
    out.append(
        f'<text x="{_num(left + plot_w / 2)}" y="{_num(height - 6)}" text-anchor="middle" fill="{INK}">'
        f"{escape(x_label)}</text>"
    )
    out.append(
        f'<text transform="translate(12,{_num(top + plot_h / 2)}) rotate(-90)" text-anchor="middle" '
        f'fill="{INK}">{escape(y_label)}</text>'
    )
    legend: list[tuple[str, str, str, str]] = []  # name, colour, dash, marker
    if any(t is not None for t in target):
        # A target holds for a financial year: drawn as steps from month to month.
        steps = []
        for i, t in enumerate(target):
            steps.append(None if t is None else (x_at(i) - plot_w / n / 2, y_at(t)))
            steps.append(None if t is None else (x_at(i) + plot_w / n / 2, y_at(t)))
        out.append(f'<path d="{_path(steps)}" fill="none" stroke="{INK}" stroke-width="1.5" stroke-dasharray="2 3"/>')
        legend.append((target_name, INK, "2 3", ""))
    for s in series:
        points = [None if v is None else (x_at(i), y_at(v)) for i, v in enumerate(s.values)]
        dash = ' stroke-dasharray="6 3"' if s.dashed else ""
        out.append(f'<path d="{_path(points)}" fill="none" stroke="{s.colour}" stroke-width="2"{dash}/>')
        if n <= 24:
            out.extend(_marker(s.marker, p[0], p[1], s.colour) for p in points if p is not None)
        legend.append((s.name, s.colour, "6 3" if s.dashed else "", s.marker))
    if value_labels and series:
        for i, v in enumerate(series[0].values):
            if v is not None:
                out.append(
                    f'<text x="{_num(x_at(i))}" y="{_num(y_at(v) - 7)}" text-anchor="middle" font-size="9" '
                    f'fill="{INK}" {HALO}>{escape(value_labels(v))}</text>'
                )
    x = left
    for name, colour, dash, marker in legend:
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{x}" x2="{x + 22}" y1="12" y2="12" stroke="{colour}" stroke-width="2"{dash_attr}/>'
            + (_marker(marker, x + 11, 12, colour) if marker else "")
        )
        out.append(f'<text x="{x + 27}" y="16" fill="{INK}">{escape(name)}</text>')
        x += 34 + 6.2 * len(name)
    out.append("</svg>")
    return "\n".join(out)


def bar_chart(
    ident: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    value_labels: Sequence[str],
    fmt: Callable[[float], str],
    x_label: str,
    target: float | None = None,
    width: float = 640,
) -> str:
    """One horizontal bar per category, its figure written at the end; a category with no figure (denominator
    0) has no bar and says so; the target, if any, is a dotted vertical line."""
    row, left, right, top, bottom = 20, 150, 110, 18, 36
    height = top + row * len(labels) + bottom
    plot_w = width - left - right
    figures = [v for v in values if v is not None] + ([target] if target is not None else [])
    ticks = _axis_range([0.0, *figures], zero_based=True)
    low, high = ticks[0], ticks[-1]

    def x_at(v: float) -> float:
        return left + plot_w * (v - low) / ((high - low) or 1)

    out = _header(width, height, ident, title, description)
    base = top + row * len(labels)
    for t in ticks:
        x = x_at(t)
        out.append(f'<line x1="{_num(x)}" x2="{_num(x)}" y1="{top}" y2="{base}" stroke="{LIGHT}"/>')
        out.append(f'<text x="{_num(x)}" y="{base + 14}" text-anchor="middle" fill="{INK}">{escape(fmt(t))}</text>')
    for i, (label, value, shown) in enumerate(zip(labels, values, value_labels, strict=True)):
        y = top + row * i
        out.append(
            f'<text x="{left - 6}" y="{_num(y + row / 2 + 4)}" text-anchor="end" fill="{INK}">{escape(label)}</text>'
        )
        end = x_at(0)
        if value is not None:
            end = x_at(value)
            bar_w = max(end - x_at(0), 0.5)
            out.append(
                f'<rect x="{_num(x_at(0))}" y="{_num(y + 3)}" width="{_num(bar_w)}" height="{row - 6}" fill="{BLUE}"/>'
            )
        out.append(f'<text x="{_num(end + 4)}" y="{_num(y + row / 2 + 4)}" fill="{INK}" {HALO}>{escape(shown)}</text>')
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{base}" stroke="{INK}"/>')
    if target is not None:
        x = x_at(target)
        out.append(
            f'<line x1="{_num(x)}" x2="{_num(x)}" y1="{top - 4}" y2="{base}" stroke="{INK}" stroke-width="1.5" '
            'stroke-dasharray="2 3"/>'
        )
        out.append(f'<text x="{_num(x)}" y="{top - 7}" text-anchor="middle" fill="{INK}">target</text>')
    out.append(
        f'<text x="{_num(left + plot_w / 2)}" y="{height - 4}" text-anchor="middle" fill="{INK}">'
        f"{escape(x_label)}</text>"
    )
    out.append("</svg>")
    return "\n".join(out)


def difference_chart(
    ident: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    fmt: Callable[[float], str],
    y_label: str,
    width: float = 640,
    height: float = 170,
) -> str:
    """Columns up or down from zero, one a month, each with its signed figure: how far the indicator moves when
    unaccompanied asylum-seeking children are left out."""
    left, right, top, bottom = 58, 12, 18, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    figures = [v for v in values if v is not None]
    ticks = nice_ticks(min([0.0, *figures]), max([0.0, *figures]), count=4)
    low, high = ticks[0], ticks[-1]
    n = max(len(labels), 1)

    def y_at(v: float) -> float:
        return top + plot_h * (1 - (v - low) / ((high - low) or 1))

    out = _header(width, height, ident, title, description)
    for t in ticks:
        y = y_at(t)
        out.append(f'<line x1="{left}" x2="{_num(width - right)}" y1="{_num(y)}" y2="{_num(y)}" stroke="{LIGHT}"/>')
        out.append(f'<text x="{left - 6}" y="{_num(y + 4)}" text-anchor="end" fill="{INK}">{escape(fmt(t))}</text>')
    zero = y_at(0)
    slot = plot_w / n
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + slot * i
        out.append(
            f'<text x="{_num(x + slot / 2)}" y="{_num(height - 6)}" text-anchor="middle" fill="{INK}">'
            f"{escape(label)}</text>"
        )
        if value is None:
            out.append(f'<text x="{_num(x + slot / 2)}" y="{_num(zero - 4)}" text-anchor="middle">n/a</text>')
            continue
        y = y_at(value)
        out.append(
            f'<rect x="{_num(x + slot * 0.2)}" y="{_num(min(y, zero))}" width="{_num(slot * 0.6)}" '
            f'height="{_num(max(abs(zero - y), 0.5))}" fill="{ORANGE}"/>'
        )
        shown = fmt(value)
        if not shown.strip("+-0.,"):
            shown = fmt(0.0)  # a difference that rounds to nothing is shown without a sign
        elif value > 0:
            shown = "+" + shown
        label_y = min(y, zero) - 3 if value >= 0 else max(y, zero) + 10
        out.append(
            f'<text x="{_num(x + slot / 2)}" y="{_num(label_y)}" text-anchor="middle" font-size="9" fill="{INK}">'
            f"{escape(shown)}</text>"
        )
    out.append(f'<line x1="{left}" x2="{_num(width - right)}" y1="{_num(zero)}" y2="{_num(zero)}" stroke="{INK}"/>')
    out.append(
        f'<text transform="translate(12,{_num(top + plot_h / 2)}) rotate(-90)" text-anchor="middle" '
        f'fill="{INK}">{escape(y_label)}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)
