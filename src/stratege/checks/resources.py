"""Question 8 — people, skills, workload, tools and budget."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Num, Severity, rule
from stratege.planning.budget import compare_budget, period_factor
from stratege.vocabulary import ACTIVITIES, name

BUSY_SHARE = 0.9


@rule(
    "RES001",
    Severity.ERROR,
    8,
    title=("Personne pour faire le travail", "Nobody to do the work"),
    message=("Aucune personne n’est déclarée dans les moyens.", "No person is declared."),
    hint=(
        "Déclarez qui travaille sur les réseaux sociaux (resources.people) et combien d’heures "
        "par semaine.",
        "Declare who works on social media (resources.people) and how many hours a week.",
    ),
)
def no_people(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.resources.people:
        yield ("resources", "people"), {}


@rule(
    "RES002",
    Severity.ERROR,
    8,
    title=("Charge supérieure aux heures disponibles", "Workload above the hours available"),
    message=(
        "{work} : {needed} h/semaine nécessaires, {covered} h disponibles chez les personnes "
        "qui peuvent le faire ({people}) ; il manque {missing} h/semaine.",
        "{work_en}: {needed} h/week needed, {covered} h available from the people who can "
        "do it ({people}); {missing} h/week short.",
    ),
    hint=(
        "Réduisez la fréquence ou la part des formats coûteux, donnez plus d’heures, formez "
        "ou recrutez quelqu’un, ou sous-traitez.",
        "Reduce the cadence or the share of costly formats, give more hours, train or hire "
        "someone, or outsource.",
    ),
)
def workload_shortfall(ctx: Context) -> Iterator[Hit]:
    for demand, missing in ctx.workload.shortfalls():
        if demand.eligible_source == "raci":
            continue  # RACI004 names the overloaded people
        work_fr, work_en = _work_names(ctx, demand.activity, demand.skill, demand.channel)
        yield (
            ("resources", "people"),
            {
                "work": work_fr,
                "work_en": work_en,
                "needed": Num(demand.hours_per_week),
                "covered": Num(ctx.workload.covered(demand)),
                "missing": Num(missing),
                "people": ", ".join(demand.eligible) or "—",
            },
        )


def _work_names(
    ctx: Context, activity: str, skill: str | None, channel: str | None
) -> tuple[str, str]:
    fr, en = name(ACTIVITIES, activity, "fr"), name(ACTIVITIES, activity, "en")
    if activity == "create_content" and skill:
        names = ctx.knowledge.skills.get(skill, {})
        fr, en = f"{fr} ({names.get('fr', skill)})", f"{en} ({names.get('en', skill)})"
    if channel:
        fr, en = f"{fr}, {channel}", f"{en}, {channel}"
    return fr, en


@rule(
    "RES003",
    Severity.WARNING,
    8,
    title=("Personne à saturation", "Person near saturation"),
    message=(
        "{name} serait occupé·e à {share} % ({load} h sur {hours} h par semaine) : aucune "
        "marge pour les imprévus.",
        "{name} would be busy at {share}% ({load} h of {hours} h a week): no slack for the "
        "unexpected.",
    ),
    hint=(
        "Répartissez le travail (RACI, compétences) ou prévoyez plus d’heures.",
        "Spread the work (RACI, skills) or plan more hours.",
    ),
)
def person_saturated(ctx: Context) -> Iterator[Hit]:
    for index, person in enumerate(ctx.strategy.resources.people):
        load = ctx.workload.load_of(person.id)
        if person.hours_per_week and load / person.hours_per_week > BUSY_SHARE:
            yield (
                ("resources", "people", index),
                {
                    "name": person.name,
                    "share": round(100 * load / person.hours_per_week),
                    "load": Num(load),
                    "hours": Num(person.hours_per_week),
                },
            )


@rule(
    "RES004",
    Severity.ERROR,
    8,
    title=("Compétence manquante", "Missing skill"),
    message=(
        "Le format « {format} » demande la compétence « {skill} », que personne n’a ni ne "
        "prévoit d’acquérir.",
        "Format '{format}' needs skill '{skill}', which nobody has or plans to learn.",
    ),
    hint=(
        "Ajoutez {skill} aux skills d’une personne, prévoyez une formation (training) ou "
        "renoncez à ce format.",
        "Add {skill} to someone's skills, plan training, or drop this format.",
    ),
)
def missing_skill(ctx: Context) -> Iterator[Hit]:
    people = ctx.strategy.resources.people
    available = {s for p in people for s in (*p.skills, *p.training)}
    reported: set[tuple[str, str]] = set()
    for index, mix in enumerate(ctx.strategy.content.formats):
        for format_id, share in mix.mix.items():
            definition = ctx.knowledge.formats.get(format_id)
            if definition is None or share <= 0:
                continue
            for skill in definition.skills:
                if skill not in available and (format_id, skill) not in reported:
                    reported.add((format_id, skill))
                    yield (
                        ("content", "formats", index, "mix", format_id),
                        {"format": format_id, "skill": skill},
                    )


@rule(
    "RES005",
    Severity.WARNING,
    8,
    title=("Formation sans budget", "Training without budget"),
    message=(
        "Des formations sont prévues ({skills}) mais le budget formation est nul.",
        "Training is planned ({skills}) but the training budget is zero.",
    ),
    hint=(
        "Renseignez resources.budget.training, ou précisez qu’elle est prise en charge "
        "ailleurs (plan de formation).",
        "Set resources.budget.training, or note that it is funded elsewhere.",
    ),
)
def training_without_budget(ctx: Context) -> Iterator[Hit]:
    planned = sorted({s for p in ctx.strategy.resources.people for s in p.training})
    if planned and not ctx.strategy.resources.budget.training:
        yield ("resources", "budget", "training"), {"skills": ", ".join(planned)}


@rule(
    "RES006",
    Severity.WARNING,
    8,
    title=("Relation client sans outil de veille", "Customer care without monitoring tool"),
    message=(
        "Le canal de relation client « {id} » n’est appuyé par aucun outil de veille : des "
        "messages et mentions passeront inaperçus.",
        "Customer-care channel '{id}' has no monitoring tool: messages and mentions will be "
        "missed.",
    ),
    hint=(
        "Ajoutez un outil de catégorie monitoring dans resources.tools.",
        "Add a tool of category monitoring to resources.tools.",
    ),
)
def care_without_monitoring(ctx: Context) -> Iterator[Hit]:
    if any(t.category == "monitoring" for t in ctx.strategy.resources.tools):
        return
    for index, channel in enumerate(ctx.strategy.channels):
        if channel.purpose == "customer_care":
            yield ("channels", index), {"id": channel.id}


@rule(
    "RES007",
    Severity.WARNING,
    8,
    title=("Outil de création manquant", "Missing creation tool"),
    message=(
        "Les formats {formats} demandent un outil de catégorie « {category} », absent des moyens.",
        "Formats {formats} need a tool of category '{category}', missing from resources.",
    ),
    hint=(
        "Ajoutez l’outil dans resources.tools (même gratuit), pour qu’il figure au budget et "
        "dans la formation.",
        "Add the tool to resources.tools (even a free one), so it shows in budget and training.",
    ),
)
def missing_creation_tool(ctx: Context) -> Iterator[Hit]:
    planned = {f for m in ctx.strategy.content.formats for f, share in m.mix.items() if share}
    owned = {t.category for t in ctx.strategy.resources.tools}
    needed: dict[str, list[str]] = {}
    for format_id in sorted(planned):
        definition = ctx.knowledge.formats.get(format_id)
        if definition and definition.tool and definition.tool not in owned:
            needed.setdefault(definition.tool, []).append(format_id)
    for category, formats in needed.items():
        yield ("resources", "tools"), {"formats": ", ".join(formats), "category": category}


@rule(
    "RES008",
    Severity.ERROR,
    8,
    title=("Dépenses au-dessus du budget", "Spending above the budget"),
    message=(
        "Les dépenses prévues ({planned} {currency}) dépassent le budget déclaré ({declared} "
        "{currency}) sur la période.",
        "Planned spending ({planned} {currency}) exceeds the declared budget ({declared} "
        "{currency}) over the period.",
    ),
    hint=(
        "Réduisez outils ou campagnes, ou augmentez le budget (resources.budget).",
        "Cut tools or campaigns, or raise the budget (resources.budget).",
    ),
)
def spending_above_budget(ctx: Context) -> Iterator[Hit]:
    comparison = compare_budget(ctx.strategy)
    budget = ctx.strategy.resources.budget
    envelope = comparison.declared_total
    if budget.total is not None:
        envelope = min(envelope, budget.total * period_factor(budget, ctx.strategy.period))
    if comparison.planned_total > envelope + 0.5:
        yield (
            ("resources", "budget"),
            {
                "planned": Num(comparison.planned_total, 0),
                "declared": Num(envelope, 0),
                "currency": budget.currency,
            },
        )


@rule(
    "RES009",
    Severity.WARNING,
    8,
    title=("Outils au-dessus de leur budget", "Tools above their budget"),
    message=(
        "Les outils coûtent {cost} {currency} sur la période, pour un budget outils de "
        "{declared} {currency}.",
        "Tools cost {cost} {currency} over the period, against a tools budget of {declared} "
        "{currency}.",
    ),
    hint=(
        "Ajustez resources.budget.tools ou la liste des outils.",
        "Adjust resources.budget.tools or the list of tools.",
    ),
)
def tools_above_budget(ctx: Context) -> Iterator[Hit]:
    comparison = compare_budget(ctx.strategy)
    cost, declared = comparison.planned["tools"], comparison.declared["tools"]
    if cost > declared + 0.5:
        yield (
            ("resources", "budget", "tools"),
            {
                "cost": Num(cost, 0),
                "declared": Num(declared, 0),
                "currency": ctx.strategy.resources.budget.currency,
            },
        )


@rule(
    "RES010",
    Severity.WARNING,
    8,
    title=("Personne sans heures ni compétences", "Person without hours or skills"),
    message=(
        "{name} n’a {what} : sa contribution ne peut pas être planifiée.",
        "{name} has {what_en}: their contribution cannot be planned.",
    ),
    hint=(
        "Renseignez hours_per_week et skills, ou retirez cette personne.",
        "Fill in hours_per_week and skills, or remove this person.",
    ),
)
def person_without_capacity(ctx: Context) -> Iterator[Hit]:
    for index, person in enumerate(ctx.strategy.resources.people):
        if not person.hours_per_week:
            yield (
                ("resources", "people", index, "hours_per_week"),
                {"name": person.name, "what": "aucune heure", "what_en": "no hours"},
            )
        elif not person.skills and not person.training:
            yield (
                ("resources", "people", index, "skills"),
                {"name": person.name, "what": "aucune compétence", "what_en": "no skills"},
            )


@rule(
    "RES011",
    Severity.WARNING,
    8,
    title=("Compétence inconnue", "Unknown skill"),
    message=(
        "{name} a la compétence « {skill} », inconnue : elle ne comptera pour aucun travail.",
        "{name} has skill '{skill}', which is unknown: it will count for no work.",
    ),
    hint=("Compétences connues : {known}.", "Known skills: {known}."),
)
def unknown_skill(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.skills
    for index, person in enumerate(ctx.strategy.resources.people):
        for field in ("skills", "training"):
            for position, skill in enumerate(getattr(person, field)):
                if skill not in known:
                    yield (
                        ("resources", "people", index, field, position),
                        {"name": person.name, "skill": skill, "known": ", ".join(known)},
                    )


@rule(
    "RES012",
    Severity.INFO,
    8,
    title=("Coût horaire inconnu", "Hourly cost unknown"),
    message=(
        "Le coût horaire de {names} n’est pas renseigné : le budget n’inclura pas le temps passé.",
        "The hourly cost of {names} is not given: the budget will not include time spent.",
    ),
    hint=(
        "Renseignez hourly_cost (coût chargé) pour connaître le coût complet de la stratégie.",
        "Set hourly_cost (fully loaded) to know the full cost of the strategy.",
    ),
)
def hourly_cost_unknown(ctx: Context) -> Iterator[Hit]:
    missing = [p.name for p in ctx.strategy.resources.people if p.hourly_cost is None]
    if missing:
        yield ("resources", "people"), {"names": ", ".join(missing)}
