"""The appendix: the source of every reference figure used, and the KPI formulas."""

from __future__ import annotations

from collections import defaultdict

from stratege.reports.context import DASH, Context
from stratege.reports.document import Cell, Code, Section, Table
from stratege.vocabulary import label

Uses = dict[str, set[str]]  # source key → what it was used for


def section(context: Context) -> Section:
    _ = context._
    return Section(
        "sources",
        _("Appendix: sources of the reference figures"),
        [_sources(context), _formulas(context)],
    )


def _sources(context: Context) -> Table:
    _ = context._
    uses: Uses = defaultdict(set)
    for collect in (_platform_uses, _format_uses, _metric_uses, _campaign_uses):
        collect(context, uses)
    rows = [_source_row(context, key, used) for key, used in sorted(uses.items())]
    header = [_("Source"), _("Publisher, year, address"), _("Used for")]
    return Table(_("Sources"), header, rows)


def _platform_uses(context: Context, uses: Uses) -> None:
    _ = context._
    for channel in context.strategy.channels:
        platform = context.knowledge.platforms.get(channel.platform)
        if platform:
            name = context.words.platform(channel.platform)
            uses[platform.cadence.source].add(_("reference cadence of {platform}", platform=name))
            uses[platform.windows_source].add(_("publishing windows of {platform}", platform=name))


def _format_uses(context: Context, uses: Uses) -> None:
    formats = context.knowledge.formats
    for mix in context.strategy.content.formats:
        for format_id in (f for f in mix.mix if f in formats):
            name = context.words.format(format_id)
            uses[formats[format_id].source].add(
                context._("production effort of {format}", format=name)
            )


def _metric_uses(context: Context, uses: Uses) -> None:
    metrics = context.knowledge.kpis
    for kpi in (k for k in context.strategy.kpis if k.metric in metrics):
        name = context.words.metric(kpi.metric)
        uses[metrics[kpi.metric].source].add(context._("definition of {metric}", metric=name))


def _campaign_uses(context: Context, uses: Uses) -> None:
    for forecast in context.plan.campaigns:
        for platform in (p for p in forecast.platforms if p.cost_source != "strategy"):
            name = context.words.platform(platform.platform)
            uses[platform.cost_source].add(
                context._("advertising costs on {platform}", platform=name)
            )


def _source_row(context: Context, key: str, used: set[str]) -> list[str]:
    """A source by its own title; Stratège's own assumptions are named in the language."""
    source = context.knowledge.sources.get(key)
    title = _own_words(context, "source", key) or (source.title if source else key)
    publisher = _own_words(context, "source-publisher", key) or (source.publisher if source else "")
    year = str(source.year) if source and source.year else ""
    detail = ", ".join(x for x in (publisher, year, source.url if source else "") if x)
    return [title, detail or DASH, context.series(sorted(used))]


def _own_words(context: Context, kind: str, key: str) -> str | None:
    """The catalogue's words for ``key``, or None where it has none (a published source)."""
    words = label(kind, key, context.lang)
    return None if words == key else words


def _formulas(context: Context) -> Table:
    _, metrics = context._, context.knowledge.kpis
    used = dict.fromkeys(k.metric for k in context.strategy.kpis if k.metric in metrics)
    rows: list[list[Cell]] = [
        [Code(metric), context.words.metric(metric), Code(metrics[metric].formula)]
        for metric in used
    ]
    return Table(_("KPI formulas"), [_("Metric"), _("Name"), _("Formula")], rows)
