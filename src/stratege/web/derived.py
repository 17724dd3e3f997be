"""What pages read, computed once and stored: a version's sections and findings, a plan's
summary and its posts as compact records.

Reading a page must not parse YAML, run the checks or read a plan back: under 20 users
that work (hundreds of milliseconds) was what made pages slow, and each of the server's
processes did it again after every save. A version's derived data are computed the first
time anyone reads it (the save itself does it, so the next page is fast) and kept in the
version's row; a plan's are written by the worker with the plan.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from stratege.i18n import LANGUAGES, Lang
from stratege.planning.plan import Plan
from stratege.questions import QUESTIONS
from stratege.services import checking, strategies
from stratege.services.planning import PlanResult
from stratege.strategy import StrategyFileError
from stratege.web.models import PlanRun, StrategyVersion

DERIVED_FORMAT = 2  # raise when what is stored changes: older rows are derived again

# The sections each question page edits (the frame leaves the organisation to question 1).
EDITED_SECTIONS: dict[int, tuple[str, ...]] = {
    q.number: tuple(s for s in q.sections if not (q.number == 0 and s == "organisation"))
    for q in QUESTIONS
}


def derive_text(text: str, name: str = "strategy.yaml") -> dict[str, Any]:
    """Each question's sections as YAML, and the findings per language per question (or
    the problems, per language, that stop reading the strategy)."""
    numbers = sorted(EDITED_SECTIONS)
    derived: dict[str, Any] = {"format": DERIVED_FORMAT}
    try:
        texts = strategies.sections_texts(text, [EDITED_SECTIONS[n] for n in numbers])
        document = strategies.parse(text, name)
    except StrategyFileError as error:
        derived["sections"] = {}
        derived["people"] = {}
        derived["problems"] = {lang: [p.render(lang) for p in error.problems] for lang in LANGUAGES}
        derived["findings"] = {lang: {} for lang in LANGUAGES}
        return derived
    derived["sections"] = {str(n): t for n, t in zip(numbers, texts, strict=True)}
    derived["problems"] = {lang: [] for lang in LANGUAGES}
    derived["people"] = {p.id: p.name for p in document.strategy.resources.people}
    result = checking.check(document)
    findings: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for lang in LANGUAGES:
        per_question: dict[str, list[dict[str, Any]]] = {str(q.number): [] for q in QUESTIONS}
        for record in result.records(lang):
            per_question.setdefault(str(record["question"]), []).append(record)
        findings[lang] = per_question
    derived["findings"] = findings
    return derived


def derived_of(version: StrategyVersion) -> dict[str, Any]:
    """The version's derived data, computed and stored on first use."""
    stored: dict[str, Any] = version.derived or {}
    if stored.get("format") != DERIVED_FORMAT:
        stored = derive_text(version.yaml_text, f"v{version.number}.yaml")
        StrategyVersion.objects.filter(id=version.id).update(derived=stored)
        version.derived = stored
    return stored


def sections_of(version: StrategyVersion, number: int) -> str | None:
    """The question's sections as saved in the version (None: the version cannot be read,
    then only the whole text can be shown)."""
    text = derived_of(version)["sections"].get(str(number))
    return None if text is None else str(text)


def people_of(version: StrategyVersion) -> dict[str, str]:
    """The strategy's people (``resources.people``): id → name."""
    return dict(derived_of(version).get("people", {}))


def findings_of(
    version: StrategyVersion, lang: Lang
) -> tuple[dict[int, list[dict[str, Any]]], list[str]]:
    """(findings per question number, problems that stop reading the version)."""
    derived = derived_of(version)
    findings = {int(n): list(f) for n, f in derived["findings"].get(lang, {}).items()}
    return findings, list(derived["problems"].get(lang, []))


def plan_summary(result: PlanResult) -> dict[str, Any]:
    """What the plan page shows without reading the plan back."""
    plan: Plan = result.plan
    per_channel: dict[str, int] = {}
    for slot in plan.slots:
        per_channel[slot.channel] = per_channel.get(slot.channel, 0) + 1
    return {
        "posts": len(plan.slots),
        "start": plan.horizon.start.isoformat(),
        "end": plan.horizon.end.isoformat(),
        "per_channel": sorted(per_channel.items()),
        "shortfalls": len(plan.shortfalls),
        "channels": sorted(per_channel),
        "people": {person.id: person.name for person in plan.strategy.resources.people},
    }


def plan_slots(result: PlanResult) -> list[dict[str, Any]]:
    """One record per post, in time order: what the calendar and a post's brief show."""
    plan = result.plan
    return [
        {
            "id": slot.id,
            "start": slot.start.isoformat(),
            "channel": slot.channel,
            "platform": slot.platform,
            "format": slot.format,
            "pillar": slot.pillar,
            "audience": slot.audience,
            "occasion": slot.occasion,
            "campaign": slot.campaign,
            "extra": slot.extra,
            "due": slot.due.isoformat() if slot.due else None,
            "producers": dict(slot.producers),
            "approver": slot.approver,
            "publisher": slot.publisher,
        }
        for slot in plan.slots
    ]


_SLOTS: OrderedDict[tuple[object, ...], list[dict[str, Any]]] = OrderedDict()
_SLOTS_KEPT = 16


def slots_of(run: PlanRun) -> list[dict[str, Any]]:
    """A computed run's post records, decoded once per process: a finished run never
    changes, and decoding a year of posts on every calendar request was most of its time.
    The key includes the run's times, so a reused id (a restored database) is not mistaken
    for the old run. The result is shared: never change it."""
    key = (run.id, run.created_at, run.finished_at)
    found = _SLOTS.get(key)
    if found is None:
        if "slots" in run.get_deferred_fields():
            found = list(PlanRun.objects.values_list("slots", flat=True).get(id=run.id) or [])
        else:
            found = list(run.slots or [])
        _SLOTS[key] = found
        while len(_SLOTS) > _SLOTS_KEPT:
            _SLOTS.popitem(last=False)
    else:
        _SLOTS.move_to_end(key)
    return found
