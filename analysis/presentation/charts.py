"""The house style and one function per chart (the first matplotlib import).

Colour-blind-safe palette (Okabe–Ito), units in axis labels, numbers written the reader's
way, a "Nguồn / Source:" line generated from the articles' provenance under every chart.
Files are repeatable: PNG without a software stamp, SVG with a fixed hash salt and no date.
A chart given no data says so in the picture instead of failing.
"""

from __future__ import annotations

import io
import re
import textwrap
from decimal import Decimal
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.figure import Figure as MplFigure

from .. import lang
from ..model import Event, Figure
from .describe import describe_rank, rank_parts
from .eras import assign_eras, era_title, latest_visit, visit_title
from .format import format_amount, period_label, source_label
from .narrate import short_label, trade_flows
from .output import write_atomic
from .series import SERIES, as_of_position, investment_positions, is_stock, period_kind, position, trade_series

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
GREY = "#6b6b6b"
SAVE_OPTIONS = {"png": {"dpi": 150, "metadata": {"Software": None}}, "svg": {"metadata": {"Date": None}}}
QUALIFIER_MARKS = {"approx": "≈ ", "under": "< ", "over": "> ", "at_least": "≥ ", "at_most": "≤ "}


def t(key: str, language: str, **values) -> str:
    """A chart's words in ``language`` (``story.charts`` in the language tables)."""
    text = lang.value("story.charts", language)[key]
    return text.format(**values) if values else text


def use_house_style() -> None:
    """Matplotlib settings every chart shares; call once per process (the notebooks do)."""
    plt.rcParams.update({
        "svg.hashsalt": "vnus",
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titleweight": "bold",
        "axes.titlesize": 12,
        "axes.labelsize": 10,
        "figure.dpi": 100,
        "savefig.bbox": "tight",
    })


def _source(fig: MplFigure, articles, language: str, numbered: bool = False) -> None:
    """The source line: every article the chart draws on ("[1] Vietnamnet, 2026-02-18, …" when
    its points are numbered by article). A chart of many articles names the first ones and
    says how many more: the table of the articles lists them all."""
    shown = articles[:MAX_SOURCES]
    labels = "; ".join((f"[{index}] " if numbered else "") + source_label(a) for index, a in enumerate(shown, 1)) or "—"
    if len(articles) > len(shown):
        labels += "; " + t("more_sources", language, count=len(articles) - len(shown))
    fig.text(0.01, -0.02, textwrap.fill(f"Nguồn / Source: {labels}", 120), fontsize=7.5, color=GREY, ha="left", va="top")


#: The most articles a source line names.
MAX_SOURCES = 24


def _no_data(ax, what: str, language: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, t("no_data", language, what=what), ha="center", va="center", fontsize=11, color=GREY, transform=ax.transAxes)


def _articles_of(items, articles):
    names = {getattr(i, "article", None) for i in items} | {s["article"] for i in items if isinstance(i, Event) for s in i.sources}
    return [a for a in articles if a.name in names]


def _label(figure: Figure, language: str, mark: bool = True) -> str:
    prefix = QUALIFIER_MARKS.get(figure.qualifier or "", "") if mark else ""
    if figure.unit in ("USD", "VND"):
        return prefix + format_amount(figure.value, figure.unit, language)
    return prefix + format_amount(figure.value, "count", language)


# --------------------------------------------------------------------------- charts


def latest_trade_period(figures: list[Figure]) -> str | None:
    """The most recent period with a trade total or exports stated in USD."""
    periods = {f.period for f in figures if f.period and f.unit == "USD" and f.metric in ("trade_total", "exports", "imports", "trade_surplus")}
    from ..extraction.dates import date_key

    return max(periods, key=lambda p: date_key(p.split("/")[-1])) if periods else None


def trade_chart(figures: list[Figure], articles, language: str = "en", period: str | None = None) -> MplFigure:
    """Bars for the two-way total, exports, imports and surplus of one period."""
    use_house_style()
    period = period or latest_trade_period(figures)
    fig, ax = plt.subplots(figsize=(7, 4))
    order = ("total", "vn_to_us", "us_to_vn", "surplus")
    # flows by direction, so that "US imports from Vietnam" is drawn as Vietnam's exports
    chosen = trade_flows([f for f in figures if f.period == period and f.unit == "USD" and f.value_high is None])
    if chosen.get("surplus") is not None and chosen["surplus"].direction is None:
        del chosen["surplus"]  # a gap without a holder cannot be labelled
    if not chosen:
        _no_data(ax, t("none_trade", language), language)
        _source(fig, articles, language)
        return fig
    names = [t(f"bar_{key}", language) for key in ("total", "vn_to_us", "us_to_vn", "surplus")]
    metrics = [m for m in order if m in chosen]
    values = [float(chosen[m].value) / 1e9 for m in metrics]
    colours = [GREY, PALETTE[0], PALETTE[1], PALETTE[2]]
    labels = [names[order.index(m)] for m in metrics]
    if "surplus" in chosen and chosen["surplus"].direction == "US->VN":
        labels[metrics.index("surplus")] = t("us_surplus", language)
    # seaborn draws the bars (one value each: no error bar to estimate, nothing random)
    sns.barplot(x=labels, y=values, hue=labels, palette=[colours[order.index(m)] for m in metrics], legend=False,
                errorbar=None, width=0.6, saturation=1, ax=ax)
    for bar, metric in zip(ax.patches, metrics, strict=True):
        ax.annotate(_label(chosen[metric], language), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", fontsize=9)
    ax.set_ylabel(t("usd_bn", language))
    ax.set_ylim(0, max(values) * 1.18)
    ax.set_title(t("trade_title", language, period=period_label(period, language)))
    ax.tick_params(axis="x", labelsize=9)
    _source(fig, _articles_of(chosen.values(), articles), language)
    return fig


def trade_series_chart(figures: list[Figure], articles, language: str = "en", kind: str = "year") -> MplFigure:
    """Vietnam–US exports, imports, two-way trade and surplus over time: ``kind`` "year" for
    figures of whole years, "part" for months, quarters and halves (never both on one axis).
    Each point is numbered by the articles that state it (the source line lists them), a hedged
    value carries its mark (≈, >, <), and points the articles disagree on are ringed."""
    use_house_style()
    points = [p for p in trade_series(figures) if period_kind(p.period) == kind]
    fig, ax = plt.subplots(figsize=(9, 4.6))
    if not points:
        _no_data(ax, t("none_year" if kind == "year" else "none_part", language), language)
        _source(fig, articles, language)
        return fig
    labelled = points if len(points) <= MAX_LABELLED_POINTS else [p for p in points if p.disputed][:MAX_LABELLED_POINTS]
    # the articles the labels number come first in the source line, then the others drawn
    cited = _numbered_first(articles, labelled, points)
    number = {a.name: index + 1 for index, a in enumerate(cited)}
    names = [t(f"series_{key}", language) for key in SERIES]
    colours = {"trade_total": GREY, "vn_to_us": PALETTE[0], "us_to_vn": PALETTE[1], "surplus": PALETTE[2]}
    placed: list = []
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for series in SERIES:
        mine = [p for p in points if p.series == series]
        if not mine:
            continue
        xs, ys = [position(p.period) for p in mine], [float(p.value) / 1e9 for p in mine]
        ax.plot(xs, ys, marker="o", markersize=5, linewidth=1.2, color=colours[series], label=names[SERIES.index(series)])
        rings = [(x, y) for point, x, y in zip(mine, xs, ys, strict=True) if point.disputed]
        if rings:
            ax.scatter(*zip(*rings, strict=True), s=130, facecolor="none", edgecolor=PALETTE[3], linewidth=1.4, zorder=4)
    ax.axhline(0, color="#bdbdbd", linewidth=0.8)
    ax.set_ylabel(t("usd_bn", language))
    ax.set_title(t("series_year" if kind == "year" else "series_part", language))
    low, high = min(position(p.period) for p in points), max(position(p.period) for p in points)
    ax.set_xlim(low - 0.8, high + 0.8)
    if kind == "year":
        years = sorted({int(p.period[:4]) for p in points})
        step = max(1, (years[-1] - years[0]) // 12 + 1)
        ax.set_xticks([y + 0.5 for y in range(years[0], years[-1] + 1, step)], [str(y) for y in range(years[0], years[-1] + 1, step)])
    top = max(float(p.value) / 1e9 for p in points)
    bottom = min(0.0, min(float(p.value) / 1e9 for p in points))
    ax.set_ylim(bottom - 0.08 * (top - bottom), top * 1.15 + 1)
    handles, _ = ax.get_legend_handles_labels()
    if any(p.disputed for p in points):
        handles.append(plt.Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor="none",
                                  markeredgecolor=PALETTE[3], label=t("disputed", language)))
    ax.legend(handles=handles, fontsize=7.5, frameon=False, loc="upper left")
    fig.tight_layout()
    fig.canvas.draw()
    # each point's sources, where the label meets no other; a series too dense to label every
    # point labels those the articles disagree on, and the table gives the sources of all
    for point in labelled:
        x, y = position(point.period), float(point.value) / 1e9
        label = QUALIFIER_MARKS.get(point.qualifier or "", "").strip() + ",".join(str(number[a]) for a in point.articles)
        _label_point(ax, x, y, label, placed, renderer)
    note = t("point_sources", language) if labelled is points else t("dense_sources", language)
    ax.text(1.0, -0.1, note, transform=ax.transAxes, ha="right", va="top", fontsize=7, color=GREY)
    _source(fig, cited, language, numbered=True)
    return fig


def _numbered_first(articles, labelled, points) -> list:
    """The articles a chart cites: those its labels number first (so that their numbers stay
    small and in the source line), then the others it draws."""
    first = [a for a in articles if any(a.name in p.articles for p in labelled)]
    return first + [a for a in articles if a not in first and any(a.name in p.articles for p in points)]


def _label_point(ax, x: float, y: float, label: str, placed: list, renderer) -> None:
    """A point's label just beside it, on the first side where it meets no label, legend or title."""
    fixed = [ax.get_legend().get_window_extent(renderer), ax.title.get_window_extent(renderer)] if ax.get_legend() else []
    for dx, dy, ha, va in ((0, 6, "center", "bottom"), (0, -6, "center", "top"), (7, 0, "left", "center"), (-7, 0, "right", "center"),
                           (7, 8, "left", "bottom"), (-7, -8, "right", "top"), (7, -8, "left", "top"), (-7, 8, "right", "bottom")):
        text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=6.5, color="#333333")
        box = text.get_window_extent(renderer)
        if not any(_overlaps(box, other, 2) for other in placed + fixed):
            placed.append(box)
            return
        text.remove()
    text = ax.annotate(label, (x, y), xytext=(0, 6), textcoords="offset points", ha="center", va="bottom", fontsize=6.5, color="#333333")
    placed.append(text.get_window_extent(renderer))


def investment_chart(figures: list[Figure], articles, language: str = "en") -> MplFigure:
    """Accumulated investment in each direction over time: capital and projects, one point per
    as-of date the articles state, numbered by their sources, hedges marked; a position stated
    without a date is drawn apart, in a column of its own, never at a guessed date. (What was
    registered in one period is a flow, not a position: it is in the table.)"""
    use_house_style()
    points = investment_positions(_without_guessed_dates(figures, articles))
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.4))
    fig.suptitle(t("invest_title", language), fontweight="bold")
    dense = {metric: [p for p in points if p.series.startswith(metric)] for metric in ("fdi_capital", "fdi_projects")}
    labelled = [p for mine in dense.values() for p in (mine if len(mine) <= MAX_LABELLED_POINTS else [q for q in mine if q.disputed][:MAX_LABELLED_POINTS])]
    cited = _numbered_first(articles, labelled, points)
    number = {a.name: index + 1 for index, a in enumerate(cited)}
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax, metric, axis_label, scale in ((left, "fdi_capital", "capital", 1e9), (right, "fdi_projects", "projects", 1)):
        mine = [p for p in points if p.series.startswith(metric)]
        if not mine:
            _no_data(ax, t(axis_label, language), language)
            continue
        dated = [p for p in mine if p.period]
        years = [as_of_position(p.period) for p in dated]
        undated_at = (max(years) + 2.5) if years else 0.0  # the column of positions stated without a date
        for direction, colour in (("US->VN", PALETTE[0]), ("VN->US", PALETTE[3])):
            line = [p for p in dated if p.series.endswith(direction)]
            if line:
                ax.plot([as_of_position(p.period) for p in line], [float(p.value) / scale for p in line], marker="o", markersize=5,
                        color=colour, linewidth=1.2, label=t("us_vn" if direction == "US->VN" else "vn_us", language))
            loose = [p for p in mine if not p.period and p.series.endswith(direction)]
            if loose:
                ax.scatter([undated_at] * len(loose), [float(p.value) / scale for p in loose], marker="D", s=30, color=colour,
                           label=None if line else t("us_vn" if direction == "US->VN" else "vn_us", language))
        placed: list = []
        for point in [p for p in labelled if p.series.startswith(metric)]:
            x = as_of_position(point.period) if point.period else undated_at
            label = QUALIFIER_MARKS.get(point.qualifier or "", "").strip() + ",".join(str(number[a]) for a in point.articles)
            _label_point(ax, x, float(point.value) / scale, label, placed, renderer)
        ticks = sorted({int(y) for y in years})
        step = max(1, (ticks[-1] - ticks[0]) // 5 + 1) if ticks else 1
        positions = [y + 0.5 for y in range(ticks[0], ticks[-1] + 1, step)] if ticks else []
        labels = [str(y) for y in range(ticks[0], ticks[-1] + 1, step)] if ticks else []
        if any(not p.period for p in mine):
            positions.append(undated_at)
            labels.append(t("undated", language))
        ax.set_xticks(positions, labels, fontsize=8)
        low = min(years) if years else undated_at
        ax.set_xlim(low - 1.2, (undated_at if any(not p.period for p in mine) else max(years)) + 1.2)
        ax.set_ylim(0, max(float(p.value) / scale for p in mine) * 1.25)
        ax.set_ylabel(t(axis_label, language))
        ax.legend(fontsize=7.5, frameon=False, loc="upper left")
    fig.tight_layout()
    _source(fig, cited, language, numbered=True)
    return fig


def _without_guessed_dates(figures: list[Figure], articles) -> list[Figure]:
    """Positions counted to a day or month written without its year ("as of March 20") in an
    article that states no publication date have a guessed year: they, and the positions told
    after them with that date, are drawn as undated."""
    from ..extraction.publication import publication

    unstated = {a.name for a in articles if publication(a).source not in ("header", "given")}
    guessed = set()
    for figure in figures:
        counted = re.search(r"counted to '([^']*)'", figure.rule)
        if figure.article in unstated and figure.period and counted and not re.search(r"\d{4}", counted.group(1)):
            guessed.add((figure.article, figure.period))
    return [f._replace(period=None) if (f.article, f.period) in guessed and is_stock(f) else f for f in figures]


def rankings_chart(figures: list[Figure], articles, language: str = "en") -> MplFigure:
    """The ranks the articles state, one row per who is ranked by what ("Vietnam: trading
    partner of the US"), one dot per period on a rank scale (1 = largest), the dots of a row
    joined so that a climb shows; a grey line runs to the number ranked when it is given. A
    rank whose sentence does not say who or by what is left to the table."""
    use_house_style()
    by_name = {a.name: a for a in articles}
    rows: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.metric != "rank" or figure.article not in by_name:
            continue
        parts = rank_parts(figure, by_name[figure.article])
        if parts is None:
            continue
        # (the row names who and what, the dot the place: described as if first, without "largest")
        label = _row_label(describe_rank(figure._replace(value=Decimal(1), out_of=None), by_name[figure.article], language), language)
        rows.setdefault(label, [])
        if not any(f.value == figure.value and f.period == figure.period for f in rows[label]):
            rows[label].append(figure)
    rows = dict(list(rows.items())[:MAX_RANKS])
    fig, ax = plt.subplots(figsize=(8.5, 0.62 * max(len(rows), 2) + 1.6))
    if not rows:
        _no_data(ax, t("none_ranks", language), language)
        _source(fig, articles, language)
        return fig
    ys = list(range(len(rows)))[::-1]
    for y, ranks in zip(ys, rows.values(), strict=True):
        ranks = sorted(ranks, key=lambda f: f.period or "9999")
        total = max((f.out_of or 0) for f in ranks)
        if total:
            ax.hlines(y, 1, total, color="#d0d0d0", linewidth=3, zorder=1)
            ax.annotate(f"/{total}", (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8, color=GREY)
        xs = [float(f.value) for f in ranks]
        if len(ranks) > 1:
            ax.plot(xs, [y] * len(xs), color=PALETTE[0], linewidth=1, zorder=2)
        ax.scatter(xs, [y] * len(xs), s=55, color=PALETTE[0], zorder=3)
        # its rank, and when (the period its sentence gives): each dot, or for a crowded row
        # the earliest and the latest
        for index, f in (enumerate(ranks) if len(ranks) <= 8 else ((0, ranks[0]), (1, ranks[-1]))):
            when = period_label(f.period, language) if f.period else t("rank_undated", language)
            ax.annotate(f"{int(f.value)} · {when}", (float(f.value), y), xytext=(0, 7 if index % 2 == 0 else -13),
                        textcoords="offset points", ha="center", fontsize=7, color="#333333")
    ax.set_yticks(ys, [textwrap.fill(label, 44) for label in rows], fontsize=8.5)
    ax.set_xscale("log")
    used = [f for ranks in rows.values() for f in ranks]
    top = max(max(f.out_of or 1 for f in used), max(int(f.value) for f in used))
    ax.set_xlim(0.8, top * 1.8)
    ticks = [v for v in (1, 2, 5, 10, 20, 50, 100, 200, 500) if v <= top * 1.8]
    ax.set_xticks(ticks, [str(v) for v in ticks])
    ax.set_ylim(-0.8, len(rows) - 0.2)
    ax.set_xlabel(t("rank_axis", language))
    ax.set_title(t("rank_title", language))
    _source(fig, _articles_of(used, articles), language)
    return fig


def _row_label(description: str, language: str) -> str:
    """A rank's row: who, by what and among whom, without the place ("US: largest investor in
    Vietnam" → "US: investor in Vietnam")."""
    return re.sub(r"\blargest\s+|\s+lớn nhất\b", " ", description).replace("  ", " ").replace(": ", ": ", 1).strip()


def timeline_chart(events: list[Event], articles, language: str = "en") -> MplFigure:
    """The key events in date order, one slot each, eras shaded and titled; the latest visit
    drawn day by day below; planned events as open markers. A long timeline shows its key
    events (milestones, agreements, visits, what is planned) and says how many the table holds;
    no label overlaps another, an axis date or an era title."""
    use_house_style()
    if not events:
        fig, ax = plt.subplots(figsize=(9, 3))
        _no_data(ax, t("none_events", language), language)
        _source(fig, articles, language)
        return fig
    from ..extraction.dates import date_key

    eras = assign_eras(events)
    visit = latest_visit(events)
    cluster = _distinct(visit, language)[:MAX_DAY_ROWS]
    # the slots: the visit as one, the other events one each, the key ones when there are many
    era_of = {id(e): index for index, era in enumerate(eras) for e in era.members}
    others = [e for e in _distinct([e for era in eras for e in era.members], language) if not (cluster and e in visit)]
    shown = sorted(others, key=lambda e: (_importance(e), -len(e.articles), date_key(e.date)))[: MAX_SLOTS - (1 if cluster else 0)]
    slots = [("event", [e]) for e in others if e in shown] + ([("visit", visit)] if cluster else [])
    slots.sort(key=lambda slot: (date_key(slot[1][0].date), era_of.get(id(slot[1][0]), 0)))
    rows = 2 if cluster else 1
    height = 7.2 if cluster else 4.6
    fig, axes = plt.subplots(rows, 1, figsize=(11, height), gridspec_kw={"height_ratios": [1.5, 1][:rows]})
    top = axes[0] if cluster else axes
    # a fixed layout, so that the labels measured below stay where they are placed: room above
    # for the title and the era titles, below for the dates written upright
    fig.subplots_adjust(left=0.03, right=0.97, top=1 - 1.5 / height, bottom=(0.9 if cluster else 0.75) / height,
                        hspace=0.9 if cluster else 0.2)
    top.set_xlim(-0.6, len(slots) - 0.4)
    top.set_ylim(0, 1.0)
    fig.canvas.draw()  # (a renderer, to measure each label before placing it)
    renderer = fig.canvas.get_renderer()
    top.axhline(0.2, color="#bdbdbd", linewidth=1, zorder=1)
    placed: list = []  # the extents of the labels placed so far
    for index, (kind, members) in enumerate(slots):
        event = members[0]
        if kind == "visit":
            top.scatter([index], [0.2], marker="s", s=46, color=PALETTE[3], zorder=3)
            label = t("visit_slot", language, count=len(cluster))
        else:
            _marker(top, index, 0.2, event)
            label = short_label(event, language)
        text = top.text(index, 0.3, textwrap.fill(label, 16), ha="center", va="bottom", fontsize=7)
        level = _free_level(text, placed, renderer, top)
        top.vlines(index, 0.2, 0.3 + LEVEL_STEP * level - 0.02, color="#d0d0d0", linewidth=0.8, zorder=1)
        when = _date_label(event.date, language)
        if kind == "visit" and members[-1].date != event.date:
            when = f"{when} – {_date_label(members[-1].date, language)}"
        top.text(index, 0.16, when, ha="center", va="top", fontsize=6.8, color=GREY, rotation=90)
    # eras: shaded behind their slots, titled in rows above the axes so that no two titles meet
    era_colours = [PALETTE[5], PALETTE[1], PALETTE[2], PALETTE[6], PALETTE[0], PALETTE[3]]
    titles: list = []
    for number, era in enumerate(eras):
        members = {id(e) for e in era.members}
        positions = [i for i, (kind, group) in enumerate(slots) if any(id(e) in members for e in group)]
        if not positions:
            continue
        colour = PALETTE[4] if era.key == "ahead" else era_colours[number % len(era_colours)]
        top.axvspan(min(positions) - 0.45, max(positions) + 0.45, color=colour, alpha=0.13, lw=0)
        span = max(positions) - min(positions) + 1
        title = top.text((min(positions) + max(positions)) / 2, 1.02, textwrap.fill(era_title(era, language), max(14, 11 * span)),
                         transform=top.get_xaxis_transform(), ha="center", va="bottom", fontsize=7.2, color=GREY)
        _free_row(title, titles, renderer)
    top.set_xticks([])
    top.set_yticks([])
    for side in ("left", "bottom"):
        top.spines[side].set_visible(False)
    first, last = min(e.date[:4] for e in events), max(e.date[:4] for e in events)
    heading = t("timeline_title", language, first=first, last=last)
    hidden = len(others) - len([s for s in slots if s[0] == "event"])
    if hidden > 0:
        heading += "\n" + t("key_events", language, shown=len(slots), count=len(events))
    rows_above = 1 + max((getattr(t_, "_vnus_row", 0) for t_ in titles), default=0)
    top.set_title(heading, pad=14 + 26 * rows_above)
    if cluster:
        _days(axes[1], cluster, language)
        axes[1].set_title(visit_title(cluster, language), fontsize=10)
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=PALETTE[0], label=t("happened", language)),
               plt.Line2D([], [], marker="o", linestyle="", markerfacecolor="white", color=PALETTE[4], label=t("planned", language))]
    fig.legend(handles=handles, loc="upper left", ncol=2, fontsize=7.5, frameon=False)
    _source(fig, _articles_of(events, articles), language)
    return fig


#: How far apart the levels of the timeline's labels are (in the axes' height).
LEVEL_STEP = 0.17


def _importance(event: Event) -> int:
    """Which events a long timeline shows first: milestones and what is planned, then
    agreements, visits and steps of trade policy, then meetings and calls, then the rest."""
    if event.kind == "relations":
        return 0
    if event.status == "planned":
        return 1
    return {"agreement": 2, "visit": 2, "trade_policy": 2, "meeting": 3, "call": 3}.get(event.kind, 4)


def _overlaps(a, b, pad: float = 0) -> bool:
    """Whether two boxes (display pixels) come within ``pad`` of each other."""
    return a.x0 - pad < b.x1 and b.x0 - pad < a.x1 and a.y0 - pad < b.y1 and b.y0 - pad < a.y1


#: The space kept between two labels of the timeline (display pixels).
LABEL_GAP = 6


def _free_level(text, placed: list, renderer, ax) -> int:
    """Raise a label by levels until it meets none placed before; returns its level."""
    x, _ = text.get_position()
    for level in range(8):
        text.set_position((x, 0.3 + LEVEL_STEP * level))
        box = text.get_window_extent(renderer)
        if not any(_overlaps(box, other, LABEL_GAP) for other in placed):
            placed.append(box)
            return level
    placed.append(text.get_window_extent(renderer))
    return level


def _free_row(text, placed: list, renderer) -> None:
    """Raise an era title by rows until it meets no title placed before."""
    x, _ = text.get_position()
    for row in range(6):
        text.set_position((x, 1.02 + 0.16 * row))
        box = text.get_window_extent(renderer)
        if not any(_overlaps(box, other.get_window_extent(renderer), LABEL_GAP) for other in placed):
            break
    text._vnus_row = row
    placed.append(text)


MAX_SLOTS, MAX_DAY_ROWS, MAX_RANKS = 20, 12, 12
#: The most points of a series labelled with their sources (a denser one labels its disputed points).
MAX_LABELLED_POINTS = 80


def _distinct(events: list[Event], language: str) -> list[Event]:
    """One event per date and label: an article repeated in a corpus does not crowd the chart."""
    seen, kept = set(), []
    for event in events:
        key = (event.date, short_label(event, language))
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _date_label(iso: str, language: str) -> str:
    first = iso.split("/")[0]
    if len(first) == 4 or "Q" in first:
        return first
    month = int(first[5:7])
    if len(first) == 7:
        return t("month", language, month=_month_name(month, language), n=month, year=first[:4])
    return _day_label(first, language)


def _month_name(month: int, language: str) -> str:
    return t("months", language).split()[month - 1]


def _day_label(iso: str, language: str) -> str:
    """ "18 Feb 2026" / "18/2/2026"."""
    month = int(iso[5:7])
    return t("day_date", language, day=int(iso[8:10]), month=_month_name(month, language), n=month, year=iso[:4])


def _marker(ax, x: float, y: float, event: Event) -> None:
    if event.status == "planned":
        ax.scatter([x], [y], s=45, facecolor="white", edgecolor=PALETTE[4], linewidth=1.5, zorder=3)
    else:
        ax.scatter([x], [y], s=40, color=PALETTE[0], zorder=3)


def _days(ax, cluster: list[Event], language: str) -> None:
    """The visit day by day: one row per event, labelled in full."""
    days = sorted({e.date for e in cluster})
    positions = {d: i for i, d in enumerate(days)}
    for row, event in enumerate(cluster):
        x = positions[event.date] + 0.08 * (row % 4)
        y = len(cluster) - row
        _marker(ax, x, y, event)
        ax.annotate(textwrap.shorten(short_label(event, language), 70, placeholder="…"), (x, y), xytext=(7, 0),
                    textcoords="offset points", va="center", fontsize=7.5)
    labels = [_day_label(d, language) for d in days]
    ax.set_xticks(range(len(days)), labels)
    ax.set_xlim(-0.3, len(days) - 0.3 + 0.9)
    ax.set_ylim(0.3, len(cluster) + 0.7)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel(t("day", language))


# --------------------------------------------------------------------------- files


def save(fig: MplFigure, name: str, figures_dir: str | Path) -> list[Path]:
    """Write ``name.png`` and ``name.svg`` (byte-identical from run to run); returns the paths."""
    paths = []
    for extension, options in SAVE_OPTIONS.items():
        buffer = io.BytesIO()
        fig.savefig(buffer, format=extension, bbox_inches="tight", **options)
        path = Path(figures_dir) / f"{name}.{extension}"
        write_atomic(path, buffer.getvalue())
        paths.append(path)
    return paths


def chart_name(base: str, language: str) -> str:
    """Stable file names: ``trade_2026`` in English, ``trade_2026.vi`` in Vietnamese."""
    return base if language == "en" else f"{base}.vi"

