"""Question 8: people and their hours, tools, budget lines."""

from __future__ import annotations

import math
import re

from stratege.capacity.budget import tools_cost
from stratege.i18n.catalogue import N_
from stratege.i18n.numbers import money, num
from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Budget, Person, Resources, Tool
from stratege.wizard.answers import Invalid
from stratege.wizard.draft import Draft
from stratege.wizard.prompter import Asker, Option
from stratege.wizard.suggest import (
    hours_needed,
    missing_skills,
    skills_for,
    suggested_hours,
    tool_categories,
    unique_id,
)

FULL_TIME = 35
FIRST_PERSON = N_("Community manager")
OTHER_LINES = ("outsourcing", "contests", "training", "other")


def ask_resources(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 8: who does the work and for how many hours, tools, budget lines."""
    ask.question(8)
    before = draft.previous.resources if draft.previous else Resources()
    needed = hours_needed(draft.strategy(), kb)
    ask.say(N_("Estimated workload: {hours} h a week."), style="bold", hours=round(needed))
    people = _ask_people(ask, kb, draft, before.people, needed)
    draft.resources = before.model_copy(update={"people": people})
    _warn_gaps(ask, kb, draft, needed)
    draft.resources.tools = _ask_tools(ask, kb, draft, before.tools)
    draft.resources.budget = _ask_budget(ask, draft, before.budget)


# --- people -------------------------------------------------------------------------------


def _ask_people(
    ask: Asker, kb: Knowledge, draft: Draft, before: list[Person], needed: float
) -> list[Person]:
    """The people of the file first (kept, changed or removed), then new ones."""
    skills = ask.options("skill", list(kb.skills))
    useful = skills_for(draft.planned_formats(), kb, draft.care_channel is not None)
    people = [p for p in (_edit_person(ask, p, skills) for p in before) if p is not None]
    taken = {p.id for p in before}
    while not people or ask.yes_no(N_("Add another person?"), False):
        people.append(_new_person(ask, people, skills, useful, needed, taken))
    return people


def _edit_person(ask: Asker, before: Person, skills: list[Option]) -> Person | None:
    name = ask.name_or_remove(N_("Name"), name=before.name)
    if name is None:
        return None
    return before.model_copy(update={"name": name, **_ask_work(ask, before, skills)})


def _new_person(
    ask: Asker,
    people: list[Person],
    skills: list[Option],
    useful: list[str],
    needed: float,
    taken: set[str],
) -> Person:
    first = not people
    ask.say(N_("— Person no. {n}"), style="bold", n=len(people) + 1)
    name = ask.text(N_("Name"), default=ask._(FIRST_PERSON) if first else "", required=True)
    hours = suggested_hours(needed, sum(p.hours_per_week for p in people))
    if hours > FULL_TIME:
        ask.say(N_("That is more than a full-time job: add people or lower the pace."))
    suggested = Person(
        id=unique_id(name, taken, "person"),
        name=name,
        hours_per_week=hours,
        skills=useful if first else [],
    )
    return suggested.model_copy(update=_ask_work(ask, suggested, skills))


def _ask_work(ask: Asker, person: Person, skills: list[Option]) -> dict[str, object]:
    """Hours, skills, training and cost of one person, ``person``'s as defaults."""
    hours = ask.number(N_("Hours a week given to social media"), person.hours_per_week, 0.5, 168)
    has = ask.pick(N_("Skills"), skills, person.skills, minimum=0)
    training = ask.pick(
        N_("Training needs"),
        [s for s in skills if s[0] not in has],
        person.training,
        minimum=0,
    )
    cost = ask.optional_number(
        N_("Fully loaded hourly cost"), default=person.hourly_cost, quantity="amount"
    )
    return {"hours_per_week": hours, "skills": has, "training": training, "hourly_cost": cost}


def _warn_gaps(ask: Asker, kb: Knowledge, draft: Draft, needed: float) -> None:
    """Say at once what `stratege check` will flag: too few hours, skills nobody has."""
    available = sum(p.hours_per_week for p in draft.resources.people)
    if available < needed:
        ask.say(
            N_("Beware: {available} h available for {needed} h needed."),
            style="yellow",
            available=num(available, ask.lang, 1),
            needed=num(needed, ask.lang, 1),
        )
    missing = missing_skills(draft.planned_formats(), draft.resources.people, kb)
    if missing:
        ask.say(
            N_(
                "Beware: nobody has these skills, which your formats need: {skills}. "
                "Add them or plan training."
            ),
            style="yellow",
            skills=", ".join(ask.word("skill", s) for s in missing),
        )


# --- tools and budget ---------------------------------------------------------------------


def _ask_tools(ask: Asker, kb: Knowledge, draft: Draft, before: list[Tool]) -> list[Tool]:
    """The file's tools, then one for each category the formats need that none covers;
    ``-`` for none."""
    needed = tool_categories(draft.planned_formats(), kb, draft.care_channel is not None)
    missing = [c for c in needed if c not in {t.category for t in before}]
    if before or missing:
        ask.say(N_("Tools your formats need (- to plan none):"))
    asked = [_ask_tool(ask, t.category, t) for t in before]
    asked += [_ask_tool(ask, category, None) for category in missing]
    return [tool for tool in asked if tool is not None]


def _ask_tool(ask: Asker, category: str, before: Tool | None) -> Tool | None:
    label = ask.word("tool-category", category)
    default = before.name if before else label
    name = ask.text(N_("{label}: name"), default=default, label=label)
    if not name:
        return None
    cost = ask.number(
        N_("{name}: monthly cost"),
        before.monthly_cost if before else 0,
        quantity="amount",
        name=name,
    )
    return Tool(name=name, category=category, monthly_cost=cost)


def _ask_budget(ask: Asker, draft: Draft, before: Budget) -> Budget:
    currency = ask.ask(ask._(N_("Currency")), _currency, before.currency)
    budget = before.model_copy(update={"currency": currency})
    if draft.previous is None or draft.resources.tools != draft.previous.resources.tools:
        budget.tools = math.ceil(tools_cost(draft.strategy()))
    ask.say(
        N_("Tools budget over the period: {amount}."),
        amount=money(budget.tools, currency, ask.lang),
    )
    spends = any(getattr(before, line) for line in OTHER_LINES)
    training = any(p.training for p in draft.resources.people)
    if not ask.yes_no(
        N_("Do you plan other spending (agency, contest, training…)?"), spends or training
    ):
        return budget.model_copy(update=dict.fromkeys(OTHER_LINES, 0))
    for line in OTHER_LINES:
        amount = ask.number(
            N_("{line} ({currency})"),
            getattr(before, line),
            quantity="amount",
            line=ask.word("budget-category", line),
            currency=currency,
        )
        setattr(budget, line, amount)
    return budget


def _currency(raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{3}", raw.strip()):
        raise Invalid(N_("Enter a three-letter currency code, for example EUR, GBP, USD."))
    return raw.strip().upper()
