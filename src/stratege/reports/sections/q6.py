"""Question 6: the content: pillars, formats per channel, tone and guidelines."""

from __future__ import annotations

from stratege.reports.context import Context
from stratege.reports.document import Block, Bullets, Paragraph, Section, Table
from stratege.reports.sections.answer import answer
from stratege.strategy.model import FormatMix


def section(context: Context) -> Section:
    _, content = context._, context.strategy.content
    tones = context.join(context.words.many("tone", content.tones))
    blocks: list[Block] = [
        _pillars(context),
        _mixes(context),
        Paragraph(_("Tone: {tones}", tones=tones), emphasis=True),
    ]
    if content.guidelines:
        blocks += [Paragraph(_("Editorial guidelines:")), Bullets(content.guidelines)]
    return answer(context, 6, blocks)


def _pillars(context: Context) -> Table:
    _ = context._
    rows = [
        [
            p.name,
            context.percent(p.share / 100),
            context.join(p.objectives),
            context.audiences(p.audiences),
        ]
        for p in context.strategy.content.pillars
    ]
    header = [_("Pillar"), _("Share of posts"), _("Objectives"), _("Audiences")]
    return Table(_("Content pillars"), header, rows, [False, True, False, False])


def _mixes(context: Context) -> Table:
    _ = context._
    rows = [
        [context.channel(m.channel), _mix(context, m)] for m in context.strategy.content.formats
    ]
    return Table(_("Content mix per channel"), [_("Channel"), _("Formats")], rows)


def _mix(context: Context, mix: FormatMix) -> str:
    return context.join(
        f"{context.words.format(f)} {context.percent(share / 100)}" for f, share in mix.mix.items()
    )
