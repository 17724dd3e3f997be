"""The strategy document's content, in the method's order, from the strategy and its plan.

Each of the ten questions states the decisions and the reasons recorded for them; then come
the open diagnostics and the sources of every reference figure used. One module per section
(``stratege.reports.sections``); this one puts them in order and writes the cover.

The findings are passed in, computed once by the caller: the document never runs the checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from stratege.checks import Finding
from stratege.i18n import Lang
from stratege.planning.plan import Plan
from stratege.reports.approval import Approval
from stratege.reports.charting import ChartBook
from stratege.reports.context import DASH, Context
from stratege.reports.document import Document, Section
from stratege.reports.sections import (
    appendix,
    diagnostics,
    q1,
    q2,
    q3,
    q4,
    q5,
    q6,
    q7,
    q8,
    q9,
    q10,
    results,
    summary,
)

if TYPE_CHECKING:
    from stratege.listening.report import ListeningResults
    from stratege.measure.progress import Measurement

SECTIONS: tuple[Callable[[Context], Section], ...] = (
    summary.section,
    q1.section,
    q2.section,
    q3.section,
    q4.section,
    q5.section,
    q6.section,
    q7.section,
    q8.section,
    q9.section,
    q10.section,
    diagnostics.section,
    appendix.section,
)


def build_document(
    plan: Plan,
    findings: list[Finding],
    lang: Lang,
    today: dt.date | None = None,
    *,
    charts: ChartBook | None = None,
    measurement: Measurement | None = None,
    approval: Approval | None = None,
    listening: ListeningResults | None = None,
) -> Document:
    """The whole strategy document. ``today`` is the document's date (fixed in tests and for
    reproducible files); ``findings`` are the strategy's checks, run once by the caller;
    ``charts`` the plan's charts when they are already drawn for another language;
    ``measurement`` the results of the imported data: with it, a Results section comes
    before the diagnostics; ``approval`` the version shown and who approved it, on the
    cover."""
    context = Context.of(
        plan, findings, lang, today or dt.date.today(), charts, measurement, approval, listening
    )
    sections = [section(context) for section in SECTIONS]
    if measurement is not None or (listening is not None and listening.has_data):
        sections.insert(len(sections) - 2, results.section(context))
    organisation = plan.strategy.organisation
    return Document(
        lang,
        context._("Social media strategy"),
        organisation.name,
        _cover(context),
        sections,
        context.today,
    )


def _cover(context: Context) -> list[tuple[str, str]]:
    _, strategy = context._, context.strategy
    period = _(
        "{start} to {end}",
        start=context.date(strategy.period.start),
        end=context.date(strategy.period.end),
    )
    cover = [
        (_("Organisation"), strategy.organisation.name),
        (_("Sector"), strategy.organisation.sector or DASH),
        (_("Period"), period),
        (_("Document date"), context.date(context.today)),
    ]
    approval = context.approval
    if approval is not None:
        cover.append((_("Version"), _approval_text(context, approval)))
    return cover


def _approval_text(context: Context, approval: Approval) -> str:
    _ = context._
    if approval.by is None or approval.on is None:
        return _("version {number}, not approved", number=approval.version)
    values = {"number": approval.version, "name": approval.by, "day": context.date(approval.on)}
    if approval.comment:
        return _(
            "version {number}, approved by {name} on {day}: “{comment}”",
            comment=approval.comment,
            **values,
        )
    return _("version {number}, approved by {name} on {day}", **values)
