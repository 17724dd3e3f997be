"""The knowledge base's suggestions for a strategy being edited, as the terminal wizard
makes them: a cadence per platform (and its usual publishing windows), the indicators
recommended for each objective (and a target from the baseline), a format mix per
platform with the production effort of each format, and the hours the plan calls for.

A suggestion is where it is shown (a list or a row of a section), a text, and — when it
changes something — a key that :func:`apply_suggestion` turns into new section values.
Both work on plain values (``stratege.services.strategies.section_values``), so a form
can offer them before anything is saved.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.i18n.numbers import num
from stratege.knowledge import Knowledge, load_knowledge
from stratege.strategy.model import Strategy
from stratege.vocabulary import label
from stratege.wizard.suggest import (
    cadence_of,
    default_mix,
    hours_needed,
    missing_skills,
    suggested_hours,
    suggested_target,
    unique_id,
)

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Suggestion:
    path: Path  # the list or row it is shown beside
    text: str
    key: str = ""  # empty: information only (nothing to apply)


def knowledge_of(values: Mapping[str, Any]) -> Knowledge:
    """The knowledge base with the strategy's own additions (the base one when they are
    not valid yet)."""
    overrides = values.get("knowledge")
    try:
        return load_knowledge(overrides if isinstance(overrides, dict) else None)
    except (ValidationError, ValueError, TypeError):
        return load_knowledge()


def suggestions(values: Mapping[str, Any], lang: Lang) -> list[Suggestion]:
    """Every suggestion for the strategy ``values`` (all its sections, as plain values)."""
    kb = knowledge_of(values)
    found: list[Suggestion] = []
    for make in (_cadence, _indicators, _formats, _people):
        found += make(values, kb, lang)
    return found


def apply_suggestion(values: Mapping[str, Any], key: str, lang: Lang) -> dict[str, Any]:
    """A copy of ``values`` with the suggestion ``key`` applied (unchanged when the key is
    unknown or no longer applies)."""
    changed = copy.deepcopy(dict(values))
    kind, _, argument = key.partition(":")
    action = _ACTIONS.get(kind)
    if action is not None:
        action(changed, argument, knowledge_of(changed), lang)
    return changed


# --- question 7: cadence per platform ----------------------------------------------------


def _platform_of(values: Mapping[str, Any], channel_id: Any, kb: Knowledge) -> str | None:
    for channel in _rows(values.get("channels")):
        if channel.get("id") == channel_id and channel.get("platform") in kb.platforms:
            return str(channel["platform"])
    return None


def _cadence(values: Mapping[str, Any], kb: Knowledge, lang: Lang) -> list[Suggestion]:
    _ = translator(lang)
    found = []
    rows = _rows(values.get("cadence"))
    covered = {row.get("channel") for row in rows}
    for channel in _rows(values.get("channels")):
        platform = _platform_of(values, channel.get("id"), kb)
        if platform and channel.get("id") not in covered:
            text = _(
                N_("{channel}: no cadence yet; {platform}'s reference is {cadence}."),
                channel=channel["id"],
                platform=label("platform", platform, lang, kb),
                cadence=_reference(kb, platform, lang),
            )
            found.append(Suggestion(("cadence",), text, f"cadence-add:{channel['id']}"))
    for index, row in enumerate(rows):
        platform = _platform_of(values, row.get("channel"), kb)
        if platform is None:
            continue
        posts, per = cadence_of(kb.platforms[platform].cadence.typical)
        reference = _(
            N_("Reference for {platform}: {cadence}."),
            platform=label("platform", platform, lang, kb),
            cadence=_reference(kb, platform, lang),
        )
        same = row.get("posts") == posts and row.get("per", "week") == per
        found.append(Suggestion(("cadence", index), reference, "" if same else f"cadence:{index}"))
        if not row.get("windows"):
            windows = _(
                N_("Usual publishing windows: {windows}."),
                windows=_windows_text(kb.platforms[platform].windows, lang),
            )
            found.append(Suggestion(("cadence", index, "windows"), windows, f"windows:{index}"))
    return found


def _reference(kb: Knowledge, platform: str, lang: Lang) -> str:
    reference = kb.platforms[platform].cadence
    posts, per = cadence_of(reference.typical)
    return translator(lang)(
        N_("{posts} {per} (from {low} to {high} a week)"),
        posts=num(posts, lang, 2),
        per=label("cadence-per", per, lang),
        low=num(reference.min, lang, 2),
        high=num(reference.max, lang, 2),
    )


def _windows_text(windows: Any, lang: Lang) -> str:
    return "; ".join(
        f"{', '.join(label('weekday-short', d, lang) for d in w.days)} "
        f"{w.start:%H:%M}–{w.end:%H:%M}"
        for w in windows
    )


def _add_cadence(values: dict[str, Any], channel_id: str, kb: Knowledge, lang: Lang) -> None:
    platform = _platform_of(values, channel_id, kb)
    rows = _rows(values.get("cadence"))
    if platform is None or any(r.get("channel") == channel_id for r in rows):
        return
    posts, per = cadence_of(kb.platforms[platform].cadence.typical)
    values["cadence"] = [*rows, {"channel": channel_id, "posts": _number(posts), "per": per}]


def _fill_cadence(values: dict[str, Any], index: str, kb: Knowledge, lang: Lang) -> None:
    row = _row_at(values.get("cadence"), index)
    platform = _platform_of(values, row.get("channel"), kb) if row is not None else None
    if row is not None and platform is not None:
        posts, per = cadence_of(kb.platforms[platform].cadence.typical)
        row.update(posts=_number(posts), per=per)


def _fill_windows(values: dict[str, Any], index: str, kb: Knowledge, lang: Lang) -> None:
    row = _row_at(values.get("cadence"), index)
    platform = _platform_of(values, row.get("channel"), kb) if row is not None else None
    if row is not None and platform is not None:
        row["windows"] = [
            {"days": list(w.days), "start": f"{w.start:%H:%M}", "end": f"{w.end:%H:%M}"}
            for w in kb.platforms[platform].windows
        ]


# --- question 4: indicators per objective ------------------------------------------------


def _indicators(values: Mapping[str, Any], kb: Knowledge, lang: Lang) -> list[Suggestion]:
    _ = translator(lang)
    found = []
    kpis = _rows(values.get("kpis"))
    for objective in _rows(values.get("objectives")):
        missing = _missing_metrics(objective, kpis, kb)
        if missing:
            text = _(
                N_("Objective {objective} ({kind}): recommended indicators {metrics}."),
                objective=objective.get("id", ""),
                kind=label("objective-kind", str(objective.get("kind")), lang, kb),
                metrics=", ".join(label("metric", m, lang, kb) for m in missing),
            )
            found.append(Suggestion(("kpis",), text, f"kpis:{objective.get('id', '')}"))
    for index, kpi in enumerate(kpis):
        definition = kb.kpis.get(str(kpi.get("metric")))
        baseline = kpi.get("baseline")
        if definition is None or kpi.get("target") is not None:
            continue
        if not isinstance(baseline, int | float) or isinstance(baseline, bool):
            continue
        target = suggested_target(float(baseline), definition)
        if target is not None:
            text = _(
                N_("Suggested target: {target} (20 % better than the baseline)."),
                target=num(target, lang, 2),
            )
            found.append(Suggestion(("kpis", index), text, f"target:{index}"))
    return found


def _missing_metrics(
    objective: Mapping[str, Any], kpis: list[dict[str, Any]], kb: Knowledge
) -> list[str]:
    kind = kb.objectives.get(str(objective.get("kind")))
    if kind is None:
        return []
    measured = {k.get("metric") for k in kpis if k.get("objective") == objective.get("id")}
    return [m for m in kind.recommended_kpis if m not in measured and m in kb.kpis]


def _add_kpis(values: dict[str, Any], objective_id: str, kb: Knowledge, lang: Lang) -> None:
    objective = next(
        (o for o in _rows(values.get("objectives")) if o.get("id") == objective_id), None
    )
    if objective is None:
        return
    kpis = _rows(values.get("kpis"))
    taken = {str(k.get("id")) for k in kpis}
    for metric in _missing_metrics(objective, kpis, kb):
        row: dict[str, Any] = {"id": unique_id(metric, taken, "kpi"), "metric": metric}
        row["objective"] = objective_id
        if objective.get("deadline"):
            row["deadline"] = objective["deadline"]
        kpis.append(row)
    values["kpis"] = kpis


def _fill_target(values: dict[str, Any], index: str, kb: Knowledge, lang: Lang) -> None:
    row = _row_at(values.get("kpis"), index)
    definition = kb.kpis.get(str(row.get("metric"))) if row is not None else None
    baseline = row.get("baseline") if row is not None else None
    if row is not None and definition is not None and isinstance(baseline, int | float):
        target = suggested_target(float(baseline), definition)
        if target is not None:
            row["target"] = _number(target)


# --- question 6: formats per platform, effort per format ---------------------------------


def _formats(values: Mapping[str, Any], kb: Knowledge, lang: Lang) -> list[Suggestion]:
    _ = translator(lang)
    found = []
    content = values.get("content") if isinstance(values.get("content"), dict) else {}
    mixes = _rows(content.get("formats")) if content else []
    covered = {m.get("channel") for m in mixes}
    for channel in _rows(values.get("channels")):
        platform = _platform_of(values, channel.get("id"), kb)
        if platform and channel.get("id") not in covered:
            text = _(
                N_("{channel}: no format mix yet; suggested {mix}."),
                channel=channel["id"],
                mix=_mix_text(_suggested_mix(kb, platform), kb, lang),
            )
            found.append(Suggestion(("content", "formats"), text, f"formats-add:{channel['id']}"))
    for index, mix in enumerate(mixes):
        platform = _platform_of(values, mix.get("channel"), kb)
        if platform is None:
            continue
        suggested = _suggested_mix(kb, platform)
        text = _(
            N_("Suggested for {platform}: {mix}."),
            platform=label("platform", platform, lang, kb),
            mix=_mix_text(suggested, kb, lang),
        )
        current = mix.get("mix") if isinstance(mix.get("mix"), dict) else {}
        found.append(
            Suggestion(
                ("content", "formats", index),
                text,
                "" if current == suggested else f"formats:{index}",
            )
        )
        effort = _effort_text(list(current or suggested), kb, lang)
        if effort:
            found.append(Suggestion(("content", "formats", index, "mix"), effort))
    return found


def _suggested_mix(kb: Knowledge, platform: str) -> dict[str, int]:
    return default_mix(platform, kb.platforms[platform].formats)


def _mix_text(mix: Mapping[str, float], kb: Knowledge, lang: Lang) -> str:
    return ", ".join(
        f"{label('format', f, lang, kb)} {num(share, lang, 1)} %" for f, share in mix.items()
    )


def _effort_text(formats: list[str], kb: Knowledge, lang: Lang) -> str:
    """Hours of work per post of each format, by skill (the knowledge base's efforts)."""
    parts = []
    for format_id in formats:
        definition = kb.formats.get(format_id)
        if definition is None:
            continue
        work = ", ".join(
            f"{label('skill', skill, lang, kb)} {num(_hours(hours), lang, 2)} h"
            for skill, hours in definition.effort.items()
        )
        parts.append(f"{label('format', format_id, lang, kb)}: {work}")
    if not parts:
        return ""
    return translator(lang)(N_("Effort per post: {efforts}."), efforts="; ".join(parts))


def _hours(effort: Any) -> float:
    return float(getattr(effort, "hours", effort))


def _add_formats(values: dict[str, Any], channel_id: str, kb: Knowledge, lang: Lang) -> None:
    platform = _platform_of(values, channel_id, kb)
    content = values.setdefault("content", {})
    if platform is None or not isinstance(content, dict):
        return
    mixes = _rows(content.get("formats"))
    if not any(m.get("channel") == channel_id for m in mixes):
        content["formats"] = [*mixes, {"channel": channel_id, "mix": _suggested_mix(kb, platform)}]


def _fill_formats(values: dict[str, Any], index: str, kb: Knowledge, lang: Lang) -> None:
    content = values.get("content")
    row = _row_at(content.get("formats") if isinstance(content, dict) else None, index)
    platform = _platform_of(values, row.get("channel"), kb) if row is not None else None
    if row is not None and platform is not None:
        row["mix"] = _suggested_mix(kb, platform)


# --- question 8: the hours the plan calls for --------------------------------------------


def _people(values: Mapping[str, Any], kb: Knowledge, lang: Lang) -> list[Suggestion]:
    strategy = _strategy(values)
    if strategy is None or not strategy.channels:
        return []
    needed = hours_needed(strategy, kb)
    given = sum(p.hours_per_week for p in strategy.resources.people)
    text = translator(lang)(
        N_("The cadence and formats call for about {needed} h a week; the team gives {given} h."),
        needed=num(needed, lang, 1),
        given=num(given, lang, 1),
    )
    short = needed / 0.85 > given
    return [Suggestion(("resources", "people"), text, "person" if short else "")]


def _add_person(values: dict[str, Any], _argument: str, kb: Knowledge, lang: Lang) -> None:
    strategy = _strategy(values)
    resources = values.setdefault("resources", {})
    if strategy is None or not isinstance(resources, dict):
        return
    people = _rows(resources.get("people"))
    given = sum(p.hours_per_week for p in strategy.resources.people)
    formats = {f for m in strategy.content.formats for f in m.mix}
    name = translator(lang)(N_("New person"))
    person: dict[str, Any] = {
        "id": unique_id(name, {str(p.get("id")) for p in people}, "person"),
        "name": name,
        "hours_per_week": suggested_hours(hours_needed(strategy, kb), given),
    }
    skills = missing_skills(sorted(formats), strategy.resources.people, kb)
    if skills:
        person["skills"] = skills
    resources["people"] = [*people, person]


def _strategy(values: Mapping[str, Any]) -> Strategy | None:
    try:
        return Strategy.model_validate(dict(values))
    except ValidationError:
        return None


# --- plain values ------------------------------------------------------------------------


def _rows(value: Any) -> list[dict[str, Any]]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _row_at(value: Any, index: str) -> dict[str, Any] | None:
    if not isinstance(value, list) or not index.isdigit() or int(index) >= len(value):
        return None
    row = value[int(index)]
    return row if isinstance(row, dict) else None


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


_ACTIONS = {
    "cadence-add": _add_cadence,
    "cadence": _fill_cadence,
    "windows": _fill_windows,
    "kpis": _add_kpis,
    "target": _fill_target,
    "formats-add": _add_formats,
    "formats": _fill_formats,
    "person": _add_person,
}
