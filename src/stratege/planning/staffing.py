"""Who produces and runs what, week by week, within everyone's hours (OR-Tools CP-SAT).

Posts of the same format whose production falls due the same week are interchangeable for
capacity, so the model counts them instead of naming them: for each (skill, format, due
week) group, how many posts each eligible person produces in the due week or, with the
hours left spare, the week before; how many stay unstaffed. Weekly activities (publishing,
community management, customer care, monitoring, reporting, advertising) are hours to share
among the people the RACI — or, failing that, the skills — make eligible.

The horizon is solved in four steps, because one CP-SAT model balancing loads over a
whole year took minutes without proving optimality, while its linear relaxation solves in
milliseconds:
1. a linear program (GLOP) finds the fewest unstaffed hours any plan can have: the bound;
2. a second one keeps that and spreads the work evenly (a convex cost of utilisation);
3. CP-SAT turns that into whole posts: each person's count of posts is the relaxed one
   rounded down or up, chosen so that everything still fits (capacity is a hard
   constraint), fewest unstaffed hours first;
4. a last linear program, counts fixed, spreads the hours evenly again (hours divide,
   posts do not).
Counts are then handed out to the posts, earliest first, so every slot names its producers.
Both solvers run deterministically (one thread, a deterministic budget): the same input
gives the same plan.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from stratege.capacity.strain import strain
from stratege.capacity.workload import activity_hours, eligible_people, production_people
from stratege.knowledge.models import Knowledge
from stratege.planning.days import Horizon, days_between, week_start, weekday_code
from stratege.planning.slots import Slot
from stratege.strategy.model import Person, Strategy

UNITS_PER_HOUR = 20  # the solver counts in 3-minute units
DETERMINISTIC_SECONDS = 2.0
ONE_WEEK = dt.timedelta(weeks=1)


@dataclass(frozen=True)
class ProductionGroup:
    skill: str
    format: str
    units: int  # per post
    due_week: dt.date
    eligible: tuple[str, ...]


@dataclass(frozen=True)
class ActivityItem:
    organisation: str
    activity: str
    channel: str | None
    week: dt.date
    units: int
    eligible: tuple[str, ...]


@dataclass
class Assignment:
    """The solver's answer, in hours."""

    load: dict[tuple[str, dt.date], dict[str, float]]  # (person, week) → category → hours
    capacity: dict[tuple[str, dt.date], float]
    unstaffed_production: dict[tuple[str, str, dt.date], tuple[float, float]]
    unstaffed_activity: dict[tuple[str, str | None, dt.date], tuple[float, float]]
    activity_people: dict[tuple[str, str, str | None, dt.date], dict[str, float]]
    unstaffed_hours: float
    unstaffed_bound: float = 0.0  # no plan can leave fewer hours unstaffed than this
    seconds: float = 0.0

    @property
    def gap(self) -> float:
        """Relative distance between the unstaffed hours found and the proven lower bound."""
        if self.unstaffed_hours < 0.01:  # below a minute a week: solver tolerance, not work
            return 0.0
        return max(self.unstaffed_hours - self.unstaffed_bound, 0) / self.unstaffed_hours


@dataclass
class Portfolio:
    """One or several organisations planned together (an agency shares one team)."""

    entries: list[tuple[Strategy, Knowledge, Horizon, list[Slot]]]

    @property
    def people(self) -> dict[str, Person]:
        found: dict[str, Person] = {}
        for strategy, *_ in self.entries:
            for person in strategy.resources.people:
                found.setdefault(person.id, person)
        return found


def build_problem(portfolio: Portfolio) -> tuple[_Problem, dict[ProductionGroup, list[Slot]]]:
    """The staffing problem of a portfolio (its production groups, weekly activities and
    person-week capacities), and the posts of each group."""
    groups, members = _production_groups(portfolio)
    items = [i for entry in portfolio.entries for i in _activity_items(*entry)]
    weeks = sorted(
        {g.due_week for g in groups}
        | {i.week for i in items}
        | {g.due_week - ONE_WEEK for g in groups}
    )
    counts = [len(members[g]) for g in groups]
    return _Problem(groups, counts, items, _capacity(portfolio, weeks)), members


def staff(portfolio: Portfolio) -> Assignment:
    started = time.perf_counter()
    problem, members = build_problem(portfolio)
    bound, relaxed = _solve_relaxation(problem)
    make = _round(problem, relaxed, bound)
    solution = _balance(problem, make)
    assignment = _read(problem, solution)
    assignment.unstaffed_bound = bound / UNITS_PER_HOUR
    _hand_out(problem, solution, members)
    _name_publishers(portfolio, assignment)
    assignment.seconds = time.perf_counter() - started
    return assignment


# --- the demand -------------------------------------------------------------------------


def _production_groups(
    portfolio: Portfolio,
) -> tuple[list[ProductionGroup], dict[ProductionGroup, list[Slot]]]:
    members: dict[ProductionGroup, list[Slot]] = defaultdict(list)
    for strategy, knowledge, _, slots in portfolio.entries:
        eligible = functools.cache(
            lambda channel, skill, s=strategy: production_people(s, channel, skill)[0]
        )
        for slot in slots:
            definition = knowledge.formats.get(slot.format)
            if definition is None:
                continue
            slot.due = slot.start.date() - dt.timedelta(days=math.ceil(definition.lead_time_days))
            for skill, hours in definition.effort.items():
                units = round(hours * UNITS_PER_HOUR)
                if units <= 0:
                    continue
                group = ProductionGroup(
                    skill, slot.format, units, week_start(slot.due), eligible(slot.channel, skill)
                )
                members[group].append(slot)
                slot.producers[skill] = None
    groups = sorted(members, key=lambda g: (g.due_week, g.skill, g.format, g.units, g.eligible))
    return groups, members


def _activity_items(
    strategy: Strategy, knowledge: Knowledge, horizon: Horizon, slots: list[Slot]
) -> list[ActivityItem]:
    posts: dict[dt.date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for slot in slots:
        posts[week_start(slot.start.date())][slot.channel] += 1
    items = []
    for monday in horizon.weeks:
        days = days_between(monday, monday + dt.timedelta(days=6))
        share = sum(1 for d in days if horizon.start <= d <= horizon.end) / 7
        weekly = activity_hours(
            strategy, knowledge, posts[monday], share, _campaign_weeks(strategy, monday)
        )
        for activity, channel, hours in weekly:
            eligible, _, _ = eligible_people(strategy, activity, channel)
            units = round(hours * UNITS_PER_HOUR)
            if units > 0:
                items.append(
                    ActivityItem(
                        strategy.organisation.name, activity, channel, monday, units, eligible
                    )
                )
    return items


def _campaign_weeks(strategy: Strategy, monday: dt.date) -> float:
    sunday = monday + dt.timedelta(days=6)
    days = 0
    for campaign in strategy.advertising.campaigns:
        first, last = max(campaign.start, monday), min(campaign.end, sunday)
        days += max((last - first).days + 1, 0)
    return days / 7


def _capacity(portfolio: Portfolio, weeks: list[dt.date]) -> dict[tuple[str, dt.date], int]:
    """Units each person can give each week: their hours, less public holidays."""
    _, knowledge, horizon, _ = portfolio.entries[0]
    default = knowledge.defaults.working_hours
    capacity = {}
    for person in portfolio.people.values():
        workdays = {d for w in (person.working_hours or default) for d in w.days}
        for monday in weeks:
            days = [
                d
                for d in days_between(monday, monday + dt.timedelta(days=6))
                if weekday_code(d) in workdays
            ]
            open_days = [d for d in days if not horizon.is_holiday(d)]
            ratio = len(open_days) / len(days) if days else 0
            capacity[(person.id, monday)] = math.floor(
                person.hours_per_week * ratio * UNITS_PER_HOUR
            )
    return capacity


# --- the model -----------------------------------------------------------------------------


@dataclass
class _Problem:
    """Decision options shared by the linear and the integer model.

    ``make[k] = (group, person)``: how many of the group's posts the person produces;
    ``spend[k] = (make index, week)``: production units the person spends on them that week
    (the due week or the one before: a long video can be shot one week, edited the next);
    ``share[k] = (item, person)``: units of a weekly activity the person takes on.
    """

    groups: list[ProductionGroup]
    counts: list[int]
    items: list[ActivityItem]
    capacity: dict[tuple[str, dt.date], int]

    def __post_init__(self) -> None:
        def works(person: str, week: dt.date) -> bool:
            return self.capacity.get((person, week), 0) > 0

        self.make = [
            (g, person)
            for g, group in enumerate(self.groups)
            for person in group.eligible
            if works(person, group.due_week) or works(person, group.due_week - ONE_WEEK)
        ]
        self.spend = [
            (k, when)
            for k, (g, person) in enumerate(self.make)
            for when in (self.groups[g].due_week - ONE_WEEK, self.groups[g].due_week)
            if works(person, when)
        ]
        self.share = [
            (i, person)
            for i, item in enumerate(self.items)
            for person in item.eligible
            if works(person, item.week)
        ]
        self.early = [
            k
            for k, (m, when) in enumerate(self.spend)
            if when < self.groups[self.make[m][0]].due_week
        ]

    def upper_make(self, k: int) -> int:
        return self.counts[self.make[k][0]]

    def upper_spend(self, k: int) -> int:
        g = self.make[self.spend[k][0]][0]
        return self.counts[g] * self.groups[g].units

    def loads(self) -> dict[tuple[str, dt.date], list[tuple[str, int]]]:
        """(person, week) → [(kind, option index)]: every unit counted once."""
        table: dict[tuple[str, dt.date], list[tuple[str, int]]] = defaultdict(list)
        for k, (m, when) in enumerate(self.spend):
            table[(self.make[m][1], when)].append(("s", k))
        for k, (i, person) in enumerate(self.share):
            table[(person, self.items[i].week)].append(("a", k))
        return table


@dataclass
class _Solution:
    make: list[float]
    spend: list[float]
    share: list[float]
    idle_groups: list[float]
    idle_items: list[float]


class _Coverage:
    """The constraints every solver shares: all work staffed or counted as unstaffed, each
    post's effort spent by whoever makes it, nobody beyond their hours."""

    def __init__(self, solver, problem: _Problem, variables, new_var):  # type: ignore[no-untyped-def]
        make, spend, share = variables["m"], variables["s"], variables["a"]
        by_group: dict[int, list] = defaultdict(list)
        for var, (g, _) in zip(make, problem.make, strict=True):
            by_group[g].append(var)
        by_make: dict[int, list] = defaultdict(list)
        for var, (m, _) in zip(spend, problem.spend, strict=True):
            by_make[m].append(var)
        by_item: dict[int, list] = defaultdict(list)
        for var, (i, _) in zip(share, problem.share, strict=True):
            by_item[i].append(var)
        self.idle_groups = [new_var(count) for count in problem.counts]
        self.idle_items = [new_var(item.units) for item in problem.items]
        for g, count in enumerate(problem.counts):
            solver.Add(sum(by_group[g]) + self.idle_groups[g] == count)
        for m, (g, _) in enumerate(problem.make):
            solver.Add(sum(by_make[m]) == problem.groups[g].units * make[m])
        for i, item in enumerate(problem.items):
            solver.Add(sum(by_item[i]) + self.idle_items[i] == item.units)
        units = [g.units for g in problem.groups]
        self.unstaffed = sum(u * v for u, v in zip(units, self.idle_groups, strict=True)) + sum(
            self.idle_items
        )
        named = {"s": spend, "a": share}
        self.loads = {
            key: sum(named[kind][k] for kind, k in parts) for key, parts in problem.loads().items()
        }
        for key, load in self.loads.items():
            solver.Add(load <= problem.capacity[key])


def _solve_relaxation(problem: _Problem) -> tuple[float, _Solution]:
    """GLOP with every count free: the proven bound and the even spread around it."""
    return _linear(problem, make=None)


def _balance(problem: _Problem, make: list[int]) -> _Solution:
    """GLOP again, the post counts now whole and fixed, to spread the hours evenly: hours
    divide, posts do not, so only the counts had to be whole."""
    return _linear(problem, make)[1]


def _linear(problem: _Problem, make: list[int] | None) -> tuple[float, _Solution]:
    """Fewest unstaffed units first (returned: the bound), then the most even spread that
    keeps them (a convex cost of each person-week's utilisation)."""
    solver = pywraplp.Solver.CreateSolver("GLOP")
    counts: list[int | None] = list(make) if make else [None] * len(problem.make)
    variables = {
        "m": [
            solver.NumVar(n or 0, problem.upper_make(k) if n is None else n, "")
            for k, n in enumerate(counts)
        ],
        "s": [solver.NumVar(0, problem.upper_spend(k), "") for k in range(len(problem.spend))],
        "a": [solver.NumVar(0, problem.items[i].units, "") for i, _ in problem.share],
    }
    cover = _Coverage(solver, problem, variables, lambda top: solver.NumVar(0, top, ""))
    solver.Minimize(cover.unstaffed)
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("staffing: the linear program has no optimum")
    bound = solver.Objective().Value()
    solver.Add(cover.unstaffed <= bound + 1e-6)
    solver.Minimize(
        strain_cost(solver, problem, cover) + 0.001 * sum(variables["s"][k] for k in problem.early)
    )
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("staffing: the even spread has no optimum")
    values = {kind: [_clean(v) for v in variables[kind]] for kind in ("m", "s", "a")}
    return bound, _Solution(
        values["m"],
        values["s"],
        values["a"],
        [_clean(v) for v in cover.idle_groups],
        [_clean(v) for v in cover.idle_items],
    )


def _round(problem: _Problem, relaxed: _Solution, bound: float) -> list[int]:
    """CP-SAT: how many posts each person makes, in whole posts, within everyone's hours.

    Counts the relaxation left whole stay; the others are rounded down or up. Effort and
    activity units are free (hinted at the relaxed values): they only prove the counts fit.
    Rounding every count down always fits, which is the fallback if the budget runs out.
    """
    model = cp_model.CpModel()
    model.Add = model.add  # type: ignore[attr-defined]  # the coverage code speaks pywraplp
    whole = [abs(v - round(v)) < 1e-6 for v in relaxed.make]
    variables = {
        "m": [_rounded(model, v, problem.upper_make(k)) for k, v in enumerate(relaxed.make)],
        # an option the relaxation left empty stays empty, unless its count is being rounded
        "s": [
            _hinted(model, v, problem.upper_spend(k), v > 1e-9 or not whole[problem.spend[k][0]])
            for k, v in enumerate(relaxed.spend)
        ],
        "a": [
            _hinted(model, v, problem.items[problem.share[k][0]].units, v > 1e-9)
            for k, v in enumerate(relaxed.share)
        ],
    }
    cover = _Coverage(model, problem, variables, lambda top: model.new_int_var(0, top, ""))
    model.add(cover.unstaffed >= math.floor(bound + 1e-6))  # proven, so it may stop early
    model.minimize(cover.unstaffed)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.repair_hint = True
    solver.parameters.max_deterministic_time = DETERMINISTIC_SECONDS
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return [math.floor(v + 1e-6) for v in relaxed.make]
    return [solver.value(v) for v in variables["m"]]


def _rounded(model: cp_model.CpModel, value: float, upper: int) -> cp_model.IntVar:
    low, high = max(math.floor(value + 1e-6), 0), min(math.ceil(value - 1e-6), upper)
    var = model.new_int_var(low, high, "")
    model.add_hint(var, min(max(round(value), low), high))
    return var


def _hinted(model: cp_model.CpModel, value: float, upper: int, open_: bool) -> cp_model.IntVar:
    var = model.new_int_var(0, upper if open_ else 0, "")
    model.add_hint(var, min(max(round(value), 0), upper))
    return var


def strain_cost(
    solver: pywraplp.Solver, problem: _Problem, cover: _Coverage
) -> Any:  # a linear expression
    """The even-spread objective: every person-week's strain, weighted by its capacity so
    that an hour costs the same at the same utilisation."""
    costs = []
    for key, load in cover.loads.items():
        capacity = problem.capacity[key]
        costs.append(capacity / 100 * strain(solver, 100 * load / capacity))
    return sum(costs)


def _clean(variable: pywraplp.Variable) -> float:
    """A solver value without its floating-point dust (units are 3 minutes)."""
    value = round(variable.solution_value(), 6)
    return 0.0 if abs(value) < 1e-4 else value


def _read(problem: _Problem, solution: _Solution) -> Assignment:
    load: dict[tuple[str, dt.date], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    people: dict[tuple[str, str, str | None, dt.date], dict[str, float]] = defaultdict(dict)
    for value, (m, when) in zip(solution.spend, problem.spend, strict=True):
        load[(problem.make[m][1], when)]["create_content"] += value
    for value, (i, person) in zip(solution.share, problem.share, strict=True):
        item = problem.items[i]
        load[(person, item.week)][item.activity] += value
        if value:
            key = (item.organisation, item.activity, item.channel, item.week)
            people[key][person] = people[key].get(person, 0) + value / UNITS_PER_HOUR
    production: dict[tuple[str, str, dt.date], list[float]] = defaultdict(lambda: [0.0, 0.0])
    made = zip(problem.groups, problem.counts, solution.idle_groups, strict=True)
    for group, count, idle in made:
        row = production[(group.skill, group.format, group.due_week)]
        row[0] += group.units * count / UNITS_PER_HOUR
        row[1] += group.units * idle / UNITS_PER_HOUR
    activity: dict[tuple[str, str | None, dt.date], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for item, idle in zip(problem.items, solution.idle_items, strict=True):
        row = activity[(item.activity, item.channel, item.week)]
        row[0] += item.units / UNITS_PER_HOUR
        row[1] += idle / UNITS_PER_HOUR
    return Assignment(
        load={
            key: {k: v / UNITS_PER_HOUR for k, v in cats.items() if v} for key, cats in load.items()
        },
        capacity={k: v / UNITS_PER_HOUR for k, v in problem.capacity.items()},
        unstaffed_production={k: (a, b) for k, (a, b) in production.items()},
        unstaffed_activity={k: (a, b) for k, (a, b) in activity.items()},
        activity_people=dict(people),
        unstaffed_hours=sum(b for _, b in production.values())
        + sum(b for _, b in activity.values()),
    )


# --- back to the posts --------------------------------------------------------------------


def _hand_out(problem: _Problem, solution: _Solution, members) -> None:  # type: ignore[no-untyped-def]
    """Give each post of a group its producer, people taking the earliest posts in turn."""
    quotas: dict[int, list[str]] = defaultdict(list)
    for value, (g, person) in zip(solution.make, problem.make, strict=True):
        quotas[g] += [person] * round(value)
    for g, group in enumerate(problem.groups):
        names: list[str | None] = list(quotas[g])
        posts = sorted(members[group], key=lambda s: (s.start, s.channel))
        names += [None] * (len(posts) - len(names))
        for slot, producer in zip(posts, names, strict=True):
            slot.producers[group.skill] = producer


def _name_publishers(portfolio: Portfolio, assignment: Assignment) -> None:
    for strategy, _, _, slots in portfolio.entries:
        approvers = _approvers(strategy)
        for slot in slots:
            key = (
                strategy.organisation.name,
                "publish",
                slot.channel,
                week_start(slot.start.date()),
            )
            shares = assignment.activity_people.get(key, {})
            slot.publisher = max(shares, key=lambda p: (shares[p], p)) if shares else None
            slot.approver = approvers.get(slot.channel, approvers.get("all"))


def _approvers(strategy: Strategy) -> dict[str, str]:
    return {
        row.channel: row.accountable[0]
        for row in strategy.responsibilities
        if row.activity == "approve" and row.accountable
    }
