"""Question 8 — people, skills, workload, tools and budget."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.capacity.budget import compare_budget, period_factor
from stratege.capacity.workload import answers_customers
from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.spans import span_overruns
from stratege.checks.values import Amount, Closest, Known, Label, Labels, Msg, Num, Typed
from stratege.i18n.catalogue import N_

BUSY_SHARE = 0.9


@rule(
    "RES001",
    Severity.ERROR,
    8,
    title=N_("Nobody to do the work"),
    message=N_("No person is declared."),
    hint=N_("Declare who works on social media (`resources.people`) and how many hours a week."),
)
def no_people(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.resources.people:
        yield ("resources", "people"), {}


@rule(
    "RES002",
    Severity.ERROR,
    8,
    title=N_("Workload above the hours available"),
    message=N_(
        "{work}: {needed} h/week needed, {covered} h available from the people who can "
        "do it ({people}); {missing} h/week short."
    ),
    hint=N_(
        "Reduce the cadence or the share of costly formats, give more hours, train or "
        "hire someone, or outsource."
    ),
)
def workload_shortfall(ctx: Context) -> Iterator[Hit]:
    for demand, missing in ctx.workload.shortfalls():
        if demand.eligible_source == "raci":
            continue  # RACI004 names the overloaded people
        yield (
            ("resources", "people"),
            {
                "work": _work_name(ctx, demand.activity, demand.skill, demand.channel),
                "needed": Num(demand.hours_per_week),
                "covered": Num(ctx.workload.covered(demand)),
                "missing": Num(missing),
                "people": ", ".join(ctx.person_name(p) for p in demand.eligible) or "—",
            },
        )


def _work_name(ctx: Context, activity: str, skill: str | None, channel: str | None) -> Msg | Label:
    """'Production (Graphic design)', 'Customer care, x': the work a shortfall is about."""
    work: Msg | Label = Label("activity", activity)
    if activity == "create_content" and skill:
        skill_name = Label("skill", skill, ctx.knowledge)
        work = Msg.of(N_("{activity} ({skill})"), activity=work, skill=skill_name)
    if channel:
        work = Msg.of(N_("{activity}, {channel}"), activity=work, channel=channel)
    return work


@rule(
    "RES003",
    Severity.WARNING,
    8,
    title=N_("Person near saturation"),
    message=N_(
        "{name} would be busy at {share}% ({load} h of {hours} h a week): no slack for "
        "the unexpected."
    ),
    hint=N_("Spread the work (RACI, skills) or plan more hours."),
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
    title=N_("Missing skill"),
    message=N_("The format {format} needs the skill {skill}, which nobody has or plans to learn."),
    hint=N_("Add {skill_id} to someone's `skills`, plan `training`, or drop this format."),
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
                        {
                            "format": Label("format", format_id, ctx.knowledge),
                            "skill": Label("skill", skill, ctx.knowledge),
                            "skill_id": Typed("skill", skill, ctx.knowledge),
                        },
                    )


@rule(
    "RES005",
    Severity.WARNING,
    8,
    title=N_("Training without budget"),
    message=N_("Training is planned ({skills}) but the training budget is zero."),
    hint=N_("Set `resources.budget.training`, or note that it is funded elsewhere."),
)
def training_without_budget(ctx: Context) -> Iterator[Hit]:
    planned = sorted({s for p in ctx.strategy.resources.people for s in p.training})
    if planned and not ctx.strategy.resources.budget.training:
        skills = Labels.of("skill", planned, ctx.knowledge)
        yield ("resources", "budget", "training"), {"skills": skills}


@rule(
    "RES006",
    Severity.WARNING,
    8,
    title=N_("Customer care without monitoring tool"),
    message=N_(
        "Channel '{id}' answers customers without a monitoring tool: messages and mentions "
        "will be missed."
    ),
    hint=N_("Add a tool of category `monitoring` to `resources.tools`."),
)
def care_without_monitoring(ctx: Context) -> Iterator[Hit]:
    if any(t.category == "monitoring" for t in ctx.strategy.resources.tools):
        return
    for index, channel in enumerate(ctx.strategy.channels):
        if answers_customers(ctx.strategy, channel):
            yield ("channels", index), {"id": channel.id}


@rule(
    "RES007",
    Severity.WARNING,
    8,
    title=N_("Missing creation tool"),
    message=N_(
        "The formats {formats} need a tool of category {category}, missing from the resources."
    ),
    hint=N_(
        "Add the tool to `resources.tools` with `category: {category_id}` (even a free "
        "one), so it shows in budget and training."
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
        yield (
            ("resources", "tools"),
            {
                "formats": Labels.of("format", formats, ctx.knowledge),
                "category": Label("tool-category", category),
                "category_id": category,
            },
        )


@rule(
    "RES008",
    Severity.ERROR,
    8,
    title=N_("Spending above the budget"),
    message=N_(
        "Planned spending ({planned}) exceeds the declared budget ({declared}) over the period."
    ),
    hint=N_("Cut tools or campaigns, or raise the budget (`resources.budget`)."),
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
                "planned": Amount(comparison.planned_total, budget.currency),
                "declared": Amount(envelope, budget.currency),
            },
        )


@rule(
    "RES009",
    Severity.WARNING,
    8,
    title=N_("Tools above their budget"),
    message=N_("Tools cost {cost} over the period, against a tools budget of {declared}."),
    hint=N_("Adjust `resources.budget.tools` or the list of tools."),
)
def tools_above_budget(ctx: Context) -> Iterator[Hit]:
    comparison = compare_budget(ctx.strategy)
    cost, declared = comparison.planned["tools"], comparison.declared["tools"]
    if cost > declared + 0.5:
        yield (
            ("resources", "budget", "tools"),
            {
                "cost": Amount(cost, ctx.strategy.resources.budget.currency),
                "declared": Amount(declared, ctx.strategy.resources.budget.currency),
            },
        )


@rule(
    "RES010",
    Severity.WARNING,
    8,
    title=N_("Person without hours or skills"),
    message=N_("{name} has {what}: their contribution cannot be planned."),
    hint=N_("Fill in `hours_per_week` and `skills`, or remove this person."),
)
def person_without_capacity(ctx: Context) -> Iterator[Hit]:
    for index, person in enumerate(ctx.strategy.resources.people):
        if not person.hours_per_week:
            yield (
                ("resources", "people", index, "hours_per_week"),
                {"name": person.name, "what": Msg.of(N_("no hours"))},
            )
        elif not person.skills and not person.training:
            yield (
                ("resources", "people", index, "skills"),
                {"name": person.name, "what": Msg.of(N_("no skills"))},
            )


@rule(
    "RES011",
    Severity.WARNING,
    8,
    title=N_("Unknown skill"),
    message=N_("{name} has skill '{skill}', which is unknown: it will count for no work."),
    hint=N_("{closest}Known skills: {known}."),
)
def unknown_skill(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.skills
    for index, person in enumerate(ctx.strategy.resources.people):
        for field in ("skills", "training"):
            for position, skill in enumerate(getattr(person, field)):
                if skill not in known:
                    yield (
                        ("resources", "people", index, field, position),
                        {
                            "name": person.name,
                            "skill": skill,
                            "known": Known.of("skill", known, ctx.knowledge),
                            "closest": Closest.of("skill", skill, known, ctx.knowledge),
                        },
                    )


@rule(
    "RES012",
    Severity.INFO,
    8,
    title=N_("Hourly cost unknown"),
    message=N_("The hourly cost of {names} is not given: the budget will not include time spent."),
    hint=N_("Set `hourly_cost` (fully loaded) to know the full cost of the strategy."),
)
def hourly_cost_unknown(ctx: Context) -> Iterator[Hit]:
    missing = [p.name for p in ctx.strategy.resources.people if p.hourly_cost is None]
    if missing:
        yield ("resources", "people"), {"names": ", ".join(missing)}


@rule(
    "RES013",
    Severity.ERROR,
    8,
    title=N_("Spending above the budget of a month or a year"),
    message=N_(
        "In {span}, planned spending ({planned}) exceeds the overall budget declared for it "
        "({declared})."
    ),
    hint=N_(
        "Move campaigns to another month, cut tools or campaigns, or raise "
        "`resources.budget.total` (declared for {unit})."
    ),
)
def span_above_total(ctx: Context) -> Iterator[Hit]:
    return span_overruns(
        ctx, ("resources", "budget", "total"), lambda span: (span.planned_total, span.total)
    )
