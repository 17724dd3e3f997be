"""Question 8: people and their hours, tools, budget lines."""

from __future__ import annotations

import math
import re

from stratege.capacity.budget import tools_cost
from stratege.i18n.numbers import num
from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Person, Tool
from stratege.wizard.answers import Invalid
from stratege.wizard.draft import Draft
from stratege.wizard.labels import TOOL_CATEGORIES
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import (
    hours_needed,
    missing_skills,
    skills_for,
    suggested_hours,
    tool_categories,
    unique_id,
)

FULL_TIME = 35


def ask_resources(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 8: who does the work and for how many hours, tools, budget lines."""
    ask.question(8)
    needed = hours_needed(draft.strategy(), kb)
    ask.say(
        {
            "fr": "Charge estimée : {hours:.0f} h par semaine.",
            "en": "Estimated workload: {hours:.0f} h a week.",
        },
        style="bold",
        hours=needed,
    )
    _ask_people(ask, kb, draft, needed)
    _warn_gaps(ask, kb, draft, needed)
    _ask_tools(ask, kb, draft)
    _ask_budget(ask, draft)


def _ask_people(ask: Asker, kb: Knowledge, draft: Draft, needed: float) -> None:
    people, taken = draft.resources.people, set()
    skills = [(k, ask.tr(v)) for k, v in kb.skills.items()]
    useful = skills_for(draft.planned_formats(), kb, draft.care_channel is not None)
    while True:
        people.append(_person(ask, people, skills, useful, needed, taken))
        if not ask.yes_no(
            {"fr": "Ajouter une autre personne ?", "en": "Add another person?"}, False
        ):
            return


def _person(
    ask: Asker,
    people: list[Person],
    skills: list[tuple[str, str]],
    useful: list[str],
    needed: float,
    taken: set[str],
) -> Person:
    first = not people
    ask.say({"fr": "— Personne n° {n}", "en": "— Person no. {n}"}, style="bold", n=len(people) + 1)
    name = ask.text(
        {"fr": "Nom", "en": "Name"}, default="Community manager" if first else "", required=True
    )
    hours = suggested_hours(needed, sum(p.hours_per_week for p in people))
    if hours > FULL_TIME:
        ask.say(
            {
                "fr": "C'est plus qu'un temps plein : ajoutez des personnes ou réduisez le rythme.",
                "en": "That is more than a full-time job: add people or lower the pace.",
            }
        )
    hours_per_week = ask.number(
        {
            "fr": "Heures par semaine consacrées aux réseaux sociaux",
            "en": "Hours a week given to social media",
        },
        hours,
        0.5,
        168,
    )
    has = ask.pick(
        {"fr": "Compétences", "en": "Skills"}, skills, useful if first else [], minimum=0
    )
    training = ask.pick(
        {"fr": "Besoins de formation", "en": "Training needs"},
        [s for s in skills if s[0] not in has],
        minimum=0,
    )
    cost = ask.optional_number({"fr": "Coût horaire chargé", "en": "Fully loaded hourly cost"})
    return Person(
        id=unique_id(name, taken, "person"),
        name=name,
        hours_per_week=hours_per_week,
        skills=has,
        training=training,
        hourly_cost=cost,
    )


def _warn_gaps(ask: Asker, kb: Knowledge, draft: Draft, needed: float) -> None:
    """Say at once what `stratege check` will flag: too few hours, skills nobody has."""
    available = sum(p.hours_per_week for p in draft.resources.people)
    if available < needed:
        ask.say(
            {
                "fr": "Attention : {available} h disponibles pour {needed} h nécessaires.",
                "en": "Beware: {available} h available for {needed} h needed.",
            },
            style="yellow",
            available=num(available, ask.lang, 1),
            needed=num(needed, ask.lang, 1),
        )
    missing = missing_skills(draft.planned_formats(), draft.resources.people, kb)
    if missing:
        ask.say(
            {
                "fr": "Attention : personne n'a ces compétences, que vos formats demandent : "
                "{skills}. Ajoutez-les ou prévoyez une formation.",
                "en": "Beware: nobody has these skills, which your formats need: {skills}. "
                "Add them or plan training.",
            },
            style="yellow",
            skills=", ".join(ask.tr(kb.skills[s]) for s in missing),
        )


def _ask_tools(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    categories = tool_categories(draft.planned_formats(), kb, draft.care_channel is not None)
    if categories:
        ask.say(
            {
                "fr": "Outils dont vos formats ont besoin (- pour ne pas en prévoir) :",
                "en": "Tools your formats need (- to plan none):",
            }
        )
    for category in categories:
        label = ask.tr(TOOL_CATEGORIES[category])
        name = ask.text({"fr": "{label} : nom", "en": "{label}: name"}, default=label, label=label)
        if name == "-":
            continue
        cost = ask.number(
            {"fr": "{name} : coût mensuel", "en": "{name}: monthly cost"}, 0, name=name
        )
        tool = Tool(name=name, category=category, monthly_cost=cost)  # type: ignore[arg-type]
        draft.resources.tools.append(tool)


def _ask_budget(ask: Asker, draft: Draft) -> None:
    budget = draft.resources.budget
    budget.currency = ask.ask(ask.tr({"fr": "Devise", "en": "Currency"}), _currency, "EUR")
    budget.tools = math.ceil(tools_cost(draft.strategy()))
    ask.say(
        {
            "fr": "Budget outils sur la période : {amount} {currency}.",
            "en": "Tools budget over the period: {amount} {currency}.",
        },
        amount=budget.tools,
        currency=budget.currency,
    )
    if not ask.yes_no(
        {
            "fr": "Prévoyez-vous d'autres dépenses (prestataire, jeu-concours, formation…) ?",
            "en": "Do you plan other spending (agency, contest, training…)?",
        },
        any(p.training for p in draft.resources.people),
    ):
        return
    lines = {
        "outsourcing": {"fr": "Sous-traitance", "en": "Outsourcing"},
        "contests": {"fr": "Jeux-concours", "en": "Contests"},
        "training": {"fr": "Formation", "en": "Training"},
        "other": {"fr": "Autres dépenses", "en": "Other spending"},
    }
    for line, label in lines.items():
        setattr(budget, line, ask.number(label, 0))


def _currency(raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{3}", raw):
        raise Invalid(
            {
                "fr": "Entrez un code de devise à trois lettres, ex. EUR, CHF, CAD.",
                "en": "Enter a three-letter currency code, e.g. EUR, GBP, USD.",
            }
        )
    return raw.upper()
