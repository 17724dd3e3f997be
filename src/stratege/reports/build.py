"""The strategy document's content, in the method's order, from the strategy and its plan.

Each of the ten questions states the decisions and the reasons recorded for them; then come
the traceability and coverage views, the plan (calendar, workload, budget, RACI, campaigns,
KPI trajectories), the open diagnostics and the sources of every reference figure used.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from stratege.checks import Severity, run_checks
from stratege.i18n import Lang
from stratege.i18n.catalogue import translator
from stratege.i18n.numbers import day, money, month, num, percent, short_day
from stratege.planning.days import week_start
from stratege.planning.plan import Plan
from stratege.reports import charts
from stratege.reports.document import Bullets, Document, Figure, Paragraph, Section, Table
from stratege.reports.labels import (
    ACTIVITIES,
    AUDIENCE_KIND,
    BUDGET,
    DAYS,
    FREQUENCY,
    PRIORITY,
    PURPOSE,
    SEVERITY,
    SOURCES,
    TOOL_CATEGORY,
    label,
)
from stratege.reports.shortfalls import describe_shortfall

DASH = "—"


class _Builder:
    def __init__(self, plan: Plan, lang: Lang, today: dt.date):
        self.plan, self.lang, self.today = plan, lang, today
        self.s, self.k = plan.strategy, plan.knowledge
        self._ = translator(lang)
        self.findings = run_checks(self.s, self.k)

    # --- helpers ------------------------------------------------------------------------

    def name(self, names: dict[str, str], fallback: str) -> str:
        return names.get(self.lang) or names.get("en") or fallback

    def platform(self, platform_id: str) -> str:
        found = self.k.platforms.get(platform_id)
        return self.name(found.name, platform_id) if found else platform_id

    def format(self, format_id: str) -> str:
        found = self.k.formats.get(format_id)
        return self.name(found.name, format_id) if found else format_id

    def skill(self, skill_id: str) -> str:
        return self.name(self.k.skills.get(skill_id, {}), skill_id)

    def metric(self, metric_id: str) -> str:
        found = self.k.kpis.get(metric_id)
        return self.name(found.name, metric_id) if found else metric_id

    def objective_kind(self, kind: str) -> str:
        found = self.k.objectives.get(kind)
        return self.name(found.name, kind) if found else kind

    def value(self, number: float | None, unit: str) -> str:
        if number is None:
            return DASH
        if unit == "percent":
            return percent(number / 100, self.lang, 1 if number % 1 else 0)
        return num(number, self.lang, 2 if abs(number) < 10 and number % 1 else 0)

    def money(self, amount: float) -> str:
        return money(amount, self.s.resources.budget.currency, self.lang)

    def people(self, ids: list[str] | tuple[str, ...]) -> str:
        names = {p.id: p.name for p in self.s.resources.people}
        return ", ".join(names.get(i, i) for i in ids) or DASH

    def join(self, items: list[str]) -> str:
        return ", ".join(items) or DASH

    # --- the document -----------------------------------------------------------------------

    def document(self) -> Document:
        _ = self._
        org = self.s.organisation
        meta = [
            (_("Organisation"), org.name),
            (_("Sector"), org.sector or DASH),
            (
                _("Period"),
                _(
                    "{start} to {end}",
                    start=day(self.s.period.start, self.lang),
                    end=day(self.s.period.end, self.lang),
                ),
            ),
            (_("Document date"), day(self.today, self.lang)),
        ]
        sections = [
            self.summary(),
            self.q1(),
            self.q2(),
            self.q3(),
            self.q4(),
            self.q5(),
            self.q6(),
            self.q7(),
            self.q8(),
            self.q9(),
            self.q10(),
            self.diagnostics(),
            self.appendix(),
        ]
        return Document(self.lang, _("Social media strategy"), org.name, meta, sections)

    def summary(self) -> Section:
        _, s, plan = self._, self.s, self.plan
        primary = [o.statement for o in s.objectives if o.priority == "primary"]
        channels = [
            _(
                "{channel}: {posts} posts a week",
                channel=self.platform(ch.platform),
                posts=num(c.posts_per_week, self.lang, 1),
            )
            for ch in s.channels
            if (c := s.cadence_of(ch.id))
        ]
        spend = sum(plan.budget.planned_total(c) for c in BUDGET if c != "people")
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warnings = sum(f.severity is Severity.WARNING for f in self.findings)
        blocks = [
            Paragraph(
                s.organisation.communication.positioning or s.organisation.mission, emphasis=True
            ),
            Paragraph(_("Primary objectives:")),
            Bullets(primary or [DASH]),
            Paragraph(_("Channels and cadence:")),
            Bullets(channels or [DASH]),
            Paragraph(
                _(
                    "{posts} posts are planned from {start} to {end}; the team of {people} "
                    "people is busy {share} of its hours on average.",
                    posts=num(len(plan.slots), self.lang),
                    start=day(plan.horizon.start, self.lang),
                    end=day(plan.horizon.end, self.lang),
                    people=len(s.resources.people),
                    share=percent(self.utilisation(), self.lang),
                )
            ),
            Paragraph(
                _(
                    "Planned spending: {spend} for a declared budget of {declared}.",
                    spend=self.money(spend),
                    declared=self.money(
                        sum(plan.budget.declared_total(c) for c in BUDGET if c != "people")
                    ),
                )
            ),
            Paragraph(self.feasibility()),
            Paragraph(
                _(
                    "Diagnostics: {errors} error(s), {warnings} warning(s).",
                    errors=errors,
                    warnings=warnings,
                )
            ),
        ]
        return Section("summary", _("Executive summary"), blocks)

    def utilisation(self) -> float:
        hours = sum(self.plan.hours(p.id) for p in self.s.resources.people)
        capacity = sum(self.plan.capacity_of(p.id) for p in self.s.resources.people)
        return hours / capacity if capacity else 0.0

    def feasibility(self) -> str:
        _ = self._
        if not self.plan.shortfalls:
            return _(
                "The plan is feasible: nobody works beyond their hours and every post "
                "has its producers."
            )
        worst = self.plan.shortfalls[0]
        return _(
            "The plan is not fully feasible: {missing} hours a week are missing at worst "
            "({work}); see the diagnostics.",
            missing=num(worst.missing, self.lang, 1),
            work=self.format(worst.format)
            if worst.format
            else label(ACTIVITIES, worst.activity, _),
        )

    # --- the ten questions ------------------------------------------------------------------

    def q1(self) -> Section:
        _, org = self._, self.s.organisation
        blocks: list = [Paragraph(_("Mission: {text}", text=org.mission or DASH))]
        if org.values:
            blocks += [Paragraph(_("Values:")), Bullets(org.values)]
        if org.history:
            blocks.append(Paragraph(_("History: {text}", text=org.history)))
        blocks.append(
            Table(
                _("Business goals"),
                [_("Goal"), _("Statement"), _("Horizon")],
                [[g.id, g.statement, g.horizon or DASH] for g in org.business_goals],
            )
        )
        blocks.append(
            Paragraph(
                _("Positioning: {text}", text=org.communication.positioning or DASH), emphasis=True
            )
        )
        if org.communication.key_messages:
            blocks += [Paragraph(_("Key messages:")), Bullets(org.communication.key_messages)]
        return Section("q1-strategy", _("1. What is our strategy?"), blocks)

    def q2(self) -> Section:
        _ = self._
        rows = [
            [
                o.id,
                label(PRIORITY, o.priority, _),
                self.objective_kind(o.kind),
                o.statement,
                self.join(o.business_goals),
                day(o.deadline, self.lang) if o.deadline else DASH,
            ]
            for o in sorted(self.s.objectives, key=lambda o: o.priority != "primary")
        ]
        blocks = [
            Paragraph(
                _(
                    "Every objective serves at least one business goal; primary objectives "
                    "come first when time or money runs short."
                )
            ),
            Table(
                _("Objectives"),
                [
                    _("Objective"),
                    _("Priority"),
                    _("Kind"),
                    _("Statement"),
                    _("Business goals"),
                    _("Deadline"),
                ],
                rows,
            ),
        ]
        return Section("q2-priorities", _("2. What are our priorities?"), blocks)

    def q3(self) -> Section:
        _, audit = self._, self.s.audit
        owners = {c.id: c.name for c in audit.competitors} | {"own": self.s.organisation.name}
        rows = [
            [
                owners.get(a.owner, a.owner),
                self.platform(a.platform),
                a.handle or DASH,
                self.value(a.followers, "count"),
                self.value(a.posts_per_week, "count"),
                self.value(a.avg_engagement_rate, "percent"),
                day(a.observed_on, self.lang) if a.observed_on else DASH,
            ]
            for a in audit.accounts
        ]
        blocks: list = [
            Table(
                _("Accounts observed"),
                [
                    _("Owner"),
                    _("Platform"),
                    _("Account"),
                    _("Followers"),
                    _("Posts per week"),
                    _("Engagement rate"),
                    _("Observed on"),
                ],
                rows,
                [False, False, False, True, True, True, False],
            )
        ]
        if audit.findings:
            blocks += [Paragraph(_("Findings:")), Bullets(audit.findings)]
        blocks.append(
            Paragraph(
                _("Positioning chosen: {text}", text=audit.positioning or DASH), emphasis=True
            )
        )
        return Section("q3-audit", _("3. Where do we and our competitors stand?"), blocks)

    def q4(self) -> Section:
        _ = self._
        objectives = {o.id: o for o in self.s.objectives}
        goals = {g.id: g.statement for g in self.s.organisation.business_goals}
        trace = []
        for kpi in self.s.kpis:
            objective = objectives.get(kpi.objective)
            served = [goals.get(g, g) for g in (objective.business_goals if objective else [])]
            trace.append(
                [
                    self.join(served),
                    objective.statement if objective else kpi.objective,
                    f"{kpi.id} — {self.metric(kpi.metric)}",
                    self.join(kpi.channels) if kpi.channels else _("all channels"),
                ]
            )
        plan_rows = []
        for t in self.plan.trajectories:
            kpi = t.kpi
            plan_rows.append(
                [
                    kpi.id,
                    self.metric(kpi.metric),
                    self.value(kpi.baseline, t.unit),
                    self.value(kpi.target, t.unit),
                    day(kpi.deadline, self.lang) if kpi.deadline else DASH,
                    label(FREQUENCY, kpi.frequency, _),
                    kpi.source or DASH,
                ]
            )
        blocks = [
            Paragraph(
                _(
                    "Each indicator measures one objective, which serves business goals: "
                    "the chain below shows why every figure is followed."
                )
            ),
            Table(
                _("Traceability: business goal → objective → KPI → channels"),
                [_("Business goals"), _("Objective"), _("KPI"), _("Channels")],
                trace,
            ),
            Table(
                _("KPI plan"),
                [
                    _("KPI"),
                    _("Metric"),
                    _("Baseline"),
                    _("Target"),
                    _("Deadline"),
                    _("Measured"),
                    _("Data source"),
                ],
                plan_rows,
                [False, False, True, True, False, False, False],
            ),
            self.trajectory_table(),
            Figure(
                _("Month-by-month trajectory of each KPI to its target"),
                charts.trajectories(self.plan, _, self.lang),
                _("One small chart per KPI: the planned value at the end of each month."),
            ),
        ]
        return Section("q4-indicators", _("4. What will our indicators be?"), blocks)

    def trajectory_table(self) -> Table:
        _ = self._
        months = sorted({p[0] for t in self.plan.trajectories for p in t.points})[:12]
        header = [_("KPI"), *(short_day(m, self.lang) for m in months)]
        rows = []
        for t in self.plan.trajectories:
            values = dict(t.points)
            rows.append(
                [
                    t.kpi.id,
                    *(self.value(values.get(m), t.unit) if m in values else DASH for m in months),
                ]
            )
        return Table(
            _("KPI trajectories (planned value at each checkpoint)"),
            header,
            rows,
            [False, *([True] * len(months))],
        )

    def q5(self) -> Section:
        _, s = self._, self.s
        audiences = [
            [
                a.name,
                label(AUDIENCE_KIND, a.kind, _),
                a.description or DASH,
                self.join([self.platform(p) for p in a.platforms]),
                self.join([label(SOURCES, i, _) for i in a.information_sources]),
            ]
            for a in s.audiences
        ]
        platforms = sorted(
            {p for a in s.audiences for p in a.platforms} | {c.platform for c in s.channels}
        )
        coverage = []
        for a in s.audiences:
            row = [a.name]
            for platform in platforms:
                reached = any(c.platform == platform and a.id in c.audiences for c in s.channels)
                present = platform in a.platforms
                row.append(_("reached") if reached else (_("present") if present else ""))
            coverage.append(row)
        channels = [
            [
                c.id,
                self.platform(c.platform),
                c.handle or DASH,
                label(PURPOSE, c.purpose, _),
                self.join(c.audiences),
                self.join(c.objectives),
            ]
            for c in s.channels
        ]
        blocks = [
            Table(
                _("Audiences"),
                [
                    _("Audience"),
                    _("Kind"),
                    _("Description"),
                    _("Where they are"),
                    _("How they look for information"),
                ],
                audiences,
            ),
            Table(
                _(
                    "Coverage: audience × platform ('present': the audience is there; "
                    "'reached': one of our channels targets it there)"
                ),
                [_("Audience"), *(self.platform(p) for p in platforms)],
                coverage,
            ),
            Table(
                _("Channels"),
                [
                    _("Channel"),
                    _("Platform"),
                    _("Account"),
                    _("Purpose"),
                    _("Audiences"),
                    _("Objectives"),
                ],
                channels,
            ),
        ]
        return Section("q5-audiences", _("5. Who are our audiences?"), blocks)

    def q6(self) -> Section:
        _, content = self._, self.s.content
        pillars = [
            [p.name, percent(p.share / 100, self.lang), self.join(p.objectives)]
            for p in content.pillars
        ]
        mixes = [
            [
                m.channel,
                self.join(
                    [f"{self.format(f)} {percent(v / 100, self.lang)}" for f, v in m.mix.items()]
                ),
            ]
            for m in content.formats
        ]
        tones = [self.name(self.k.tones.get(t, {}), t) for t in content.tones]
        blocks: list = [
            Table(
                _("Content pillars"),
                [_("Pillar"), _("Share of posts"), _("Objectives")],
                pillars,
                [False, True, False],
            ),
            Table(_("Content mix per channel"), [_("Channel"), _("Formats")], mixes),
            Paragraph(_("Tone: {tones}", tones=self.join(tones)), emphasis=True),
        ]
        if content.guidelines:
            blocks += [Paragraph(_("Editorial guidelines:")), Bullets(content.guidelines)]
        return Section("q6-content", _("6. What content will we publish?"), blocks)

    def q7(self) -> Section:
        _ = self._
        rows = []
        for cadence in self.s.cadence:
            channel = self.s.channel(cadence.channel)
            platform = self.k.platforms.get(channel.platform) if channel else None
            reference = (
                _(
                    "{low} to {high}",
                    low=num(platform.cadence.min, self.lang, 1),
                    high=num(platform.cadence.max, self.lang, 1),
                )
                if platform
                else DASH
            )
            windows = "; ".join(
                f"{self.join([label(DAYS, d, _) for d in w.days])} {w.start:%H:%M}–{w.end:%H:%M}"
                for w in cadence.windows
            ) or _("platform default")
            rows.append(
                [cadence.channel, num(cadence.posts_per_week, self.lang, 1), reference, windows]
            )
        blocks = [
            Table(
                _("Cadence (posts per week) and publishing windows"),
                [_("Channel"), _("Posts per week"), _("Reference"), _("Windows")],
                rows,
                [False, True, False, False],
            ),
            self.month_grid(),
            self.weekly_posts_table(),
            Figure(
                _("Posts per week and channel over the period"),
                charts.posts_per_week(self.plan, _, self.lang),
                _("Stacked bars: the number of posts planned each week, per channel."),
            ),
        ]
        return Section("q7-frequency", _("7. How often will we publish?"), blocks)

    def month_grid(self) -> Table:
        """The first month as a calendar: one row per week, one column per day."""
        _ = self._
        first = self.plan.horizon.start.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        by_day: dict[dt.date, Counter[str]] = defaultdict(Counter)
        for slot in self.plan.slots:
            if first <= slot.start.date() < following:
                by_day[slot.start.date()][slot.channel] += 1
        rows, monday = [], week_start(first)
        while monday < following:
            row = []
            for offset in range(7):
                current = monday + dt.timedelta(days=offset)
                if not first <= current < following:
                    row.append("")
                    continue
                posts = ", ".join(f"{c} {n}" for c, n in sorted(by_day[current].items()))
                row.append(f"{current.day}" + (f" — {posts}" if posts else ""))
            rows.append(row)
            monday += dt.timedelta(days=7)
        header = [label(DAYS, d, _) for d in DAYS]
        return Table(
            _("Calendar of {month}: posts per channel each day", month=month(first, self.lang)),
            header,
            rows,
        )

    def weekly_posts_table(self) -> Table:
        _ = self._
        channels = [c.channel for c in self.s.cadence]
        counts: dict[dt.date, Counter[str]] = defaultdict(Counter)
        for slot in self.plan.slots:
            counts[week_start(slot.start.date())][slot.channel] += 1
        rows = [
            [
                _(
                    "week {number} ({date})",
                    number=w.isocalendar().week,
                    date=short_day(w, self.lang),
                ),
                *(str(counts[w][c]) for c in channels),
            ]
            for w in self.plan.horizon.weeks
        ]
        return Table(
            _("Posts per channel per week"),
            [_("Week"), *channels],
            rows,
            [False, *([True] * len(channels))],
        )

    def q8(self) -> Section:
        _, res = self._, self.s.resources
        weeks = max(len(self.plan.horizon.weeks), 1)
        people = [
            [
                p.name,
                self.join(p.roles),
                num(p.hours_per_week, self.lang, 1),
                self.join([self.skill(x) for x in p.skills]),
                self.join([self.skill(x) for x in p.training]),
                num(self.plan.hours(p.id) / weeks, self.lang, 1),
                percent(self.plan.hours(p.id) / c, self.lang)
                if (c := self.plan.capacity_of(p.id))
                else DASH,
            ]
            for p in res.people
        ]
        tools = [
            [t.name, label(TOOL_CATEGORY, t.category, _), self.money(t.monthly_cost)]
            for t in res.tools
        ]
        budget = [
            [
                label(BUDGET, c, _),
                self.money(self.plan.budget.planned_total(c)),
                self.money(self.plan.budget.declared_total(c))
                if c != "people"
                else _("internal time"),
            ]
            for c in BUDGET
        ]
        blocks = [
            Table(
                _("People"),
                [
                    _("Person"),
                    _("Roles"),
                    _("Hours per week"),
                    _("Skills"),
                    _("Training planned"),
                    _("Planned hours per week"),
                    _("Utilisation"),
                ],
                people,
                [False, False, True, False, False, True, True],
            ),
            Figure(
                _("Workload per person: planned hours against hours available"),
                charts.workload(self.plan, _, self.lang),
                _(
                    "Horizontal bars: average hours a week planned for each person, over "
                    "the hours they have."
                ),
            ),
            Table(
                _("Tools"),
                [_("Tool"), _("Category"), _("Monthly cost")],
                tools,
                [False, False, True],
            ),
            Table(
                _("Budget over the period: planned and declared"),
                [_("Category"), _("Planned"), _("Declared")],
                budget,
                [False, True, True],
            ),
            Figure(
                _("Planned spending per month"),
                charts.budget(self.plan, _, self.lang),
                _(
                    "Stacked bars: planned spending per month and category; the line is the "
                    "declared budget spread over the months."
                ),
            ),
        ]
        return Section("q8-resources", _("8. What will our resources be?"), blocks)

    def q9(self) -> Section:
        _, matrix = self._, self.plan.raci
        rows = [
            [label(ACTIVITIES, a, _), *(self.raci_cell(matrix.cell(a, c)) for c in matrix.channels)]
            for a in matrix.activities
        ]
        blocks: list = [
            Paragraph(
                _(
                    "R: responsible (does the work) · A: accountable (answers for it, one "
                    "person) · C: consulted · I: informed."
                )
            ),
            Table(_("RACI matrix: activities × channels"), [_("Activity"), *matrix.channels], rows),
        ]
        raci = [f.message(self.lang) for f in self.findings if f.rule.question == 9]
        if raci:
            blocks += [Paragraph(_("Checks on the matrix:")), Bullets(raci)]
        return Section("q9-responsibilities", _("9. Who will be responsible?"), blocks)

    def raci_cell(self, cell) -> str:  # type: ignore[no-untyped-def]
        parts = [
            f"{letter}: {self.people(getattr(cell, role))}"
            for letter, role in (
                ("R", "responsible"),
                ("A", "accountable"),
                ("C", "consulted"),
                ("I", "informed"),
            )
            if getattr(cell, role)
        ]
        return " · ".join(parts)

    def q10(self) -> Section:
        _ = self._
        rows = []
        for forecast in self.plan.campaigns:
            c = forecast.campaign
            rows.append(
                [
                    c.name,
                    f"{short_day(c.start, self.lang)} – {short_day(c.end, self.lang)}",
                    self.join([self.platform(p) for p in c.platforms]),
                    self.money(c.budget),
                    c.pricing_model.upper(),
                    num(forecast.total("impressions"), self.lang),
                    num(forecast.total("clicks"), self.lang),
                    num(forecast.total("conversions"), self.lang),
                ]
            )
        blocks: list = [
            Table(
                _("Campaigns and what their budget is expected to buy"),
                [
                    _("Campaign"),
                    _("Dates"),
                    _("Platforms"),
                    _("Budget"),
                    _("Pricing"),
                    _("Impressions"),
                    _("Clicks"),
                    _("Conversions"),
                ],
                rows,
                [False, False, False, True, False, True, True, True],
            )
        ]
        if self.plan.campaigns:
            blocks.append(
                Figure(
                    _("Campaign timeline"),
                    charts.campaigns(self.plan, _, self.lang),
                    _("One bar per campaign, from its first to its last day."),
                )
            )
        else:
            blocks.append(Paragraph(_("No paid campaign is planned.")))
        return Section("q10-advertising", _("10. Will we advertise?"), blocks)

    # --- diagnostics and sources ------------------------------------------------------------

    def diagnostics(self) -> Section:
        _ = self._
        shown = [f for f in self.findings if f.severity is not Severity.INFO]
        rows = [
            [f.code, label(SEVERITY, str(f.severity), _), f.message(self.lang), f.hint(self.lang)]
            for f in shown
        ]
        blocks: list = [
            Table(
                _("Open errors and warnings"),
                [_("Code"), _("Severity"), _("Problem"), _("How to fix it")],
                rows,
            )
        ]
        if not shown:
            blocks.insert(0, Paragraph(_("No error or warning is open.")))
        if self.plan.shortfalls:
            blocks += [
                Paragraph(_("What the team cannot staff:")),
                Bullets(
                    [describe_shortfall(self.plan, s, self.lang) for s in self.plan.shortfalls]
                ),
            ]
        return Section("diagnostics", _("Diagnostics"), blocks)

    def appendix(self) -> Section:
        _ = self._
        used: dict[str, set[str]] = defaultdict(set)
        for channel in self.s.channels:
            platform = self.k.platforms.get(channel.platform)
            if platform:
                used[platform.cadence.source].add(
                    _("reference cadence of {platform}", platform=self.platform(channel.platform))
                )
                used[platform.windows_source].add(
                    _("publishing windows of {platform}", platform=self.platform(channel.platform))
                )
        for mix in self.s.content.formats:
            for format_id in mix.mix:
                if format_id in self.k.formats:
                    used[self.k.formats[format_id].source].add(
                        _("production effort of {format}", format=self.format(format_id))
                    )
        for kpi in self.s.kpis:
            if kpi.metric in self.k.kpis:
                used[self.k.kpis[kpi.metric].source].add(
                    _("definition of {metric}", metric=self.metric(kpi.metric))
                )
        for forecast in self.plan.campaigns:
            for platform in forecast.platforms:
                if platform.cost_source != "strategy":
                    used[platform.cost_source].add(
                        _(
                            "advertising costs on {platform}",
                            platform=self.platform(platform.platform),
                        )
                    )
        rows = []
        for key, uses in sorted(used.items()):
            source = self.k.sources.get(key)
            title = source.title if source else key
            detail = ", ".join(
                x
                for x in (
                    source.publisher if source else "",
                    str(source.year) if source and source.year else "",
                    source.url if source else "",
                )
                if x
            )
            rows.append([title, detail or DASH, "; ".join(sorted(uses))])
        formulas = [
            [f"{k.metric}", self.metric(k.metric), self.k.kpis[k.metric].formula]
            for k in self.s.kpis
            if k.metric in self.k.kpis
        ]
        return Section(
            "sources",
            _("Appendix: sources of the reference figures"),
            [
                Table(
                    _("Sources"), [_("Source"), _("Publisher, year, address"), _("Used for")], rows
                ),
                Table(_("KPI formulas"), [_("Metric"), _("Name"), _("Formula")], formulas),
            ],
        )


def build_document(plan: Plan, lang: Lang, today: dt.date | None = None) -> Document:
    """The whole strategy document. ``today`` is the document's date (fixed in tests)."""
    return _Builder(plan, lang, today or dt.date.today()).document()
