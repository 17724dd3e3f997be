"""Every rule: one strategy that triggers it, one that does not.

Each case mutates the bundled French SME example (which has no error) so that exactly the
situation the rule is about appears; the "quiet" variant is the example itself unless the
example legitimately triggers the rule, in which case a mutation removes the cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from stratege.checks import RULES
from tests.conftest import codes_for, example_data

Data = dict[str, Any]
Mutation = Callable[[Data], None]


def _set(path: str, value: Any) -> Mutation:
    """Mutation setting a dotted path (list indexes as numbers): 'kpis.0.target'."""

    def mutate(data: Data) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _all(*mutations: Mutation) -> Mutation:
    def mutate(data: Data) -> None:
        for each in mutations:
            each(data)

    return mutate


def _append(path: str, value: Any) -> Mutation:
    def mutate(data: Data) -> None:
        node: Any = data
        for part in path.split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]
        node.append(value)

    return mutate


def _drop_kpis_of(objective: str) -> Mutation:
    def mutate(data: Data) -> None:
        data["kpis"] = [k for k in data["kpis"] if k["objective"] != objective]

    return mutate


def _strip_channel_objective(objective: str) -> Mutation:
    def mutate(data: Data) -> None:
        for channel in data["channels"]:
            channel["objectives"] = [o for o in channel["objectives"] if o != objective]
        data["advertising"]["campaigns"] = [
            c for c in data["advertising"]["campaigns"] if c["objective"] != objective
        ]

    return mutate


def _no_raci(activity: str) -> Mutation:
    def mutate(data: Data) -> None:
        data["responsibilities"] = [
            r for r in data["responsibilities"] if r["activity"] != activity
        ]

    return mutate


def _make_facebook_care(data: Data) -> None:
    data["channels"][0]["purpose"] = "customer_care"
    data["cadence"][0]["response_time_hours"] = 4
    data["cadence"][0]["covered_hours"] = [
        {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00"}
    ]


SATURDAY_EVENING = {"days": ["sat"], "start": "19:00", "end": "21:00"}
LOST_CHANNEL = {
    "id": "pinterest",
    "platform": "pinterest",
    "audiences": ["habitues"],
    "objectives": ["communaute"],
}

TRIGGERS: dict[str, Mutation] = {
    # frame
    "GEN001": _set("period.end", dt.date(2026, 6, 1)),
    "GEN002": _set("objectives.1.id", "notoriete-locale"),
    "GEN003": _set("occasions.0.date", dt.date(2029, 1, 6)),
    "GEN004": _set("organisation.country", "ZZ"),
    "GEN005": _set("occasions.2.channels", ["tiktok"]),
    "GEN006": _set("period.blackouts.0.end", dt.date(2027, 8, 1)),
    # Q1
    "STR001": _all(
        _set("organisation.business_goals", []),
        *[_set(f"objectives.{i}.business_goals", []) for i in range(4)],
    ),
    "STR002": _append("organisation.business_goals", {"id": "export", "statement": "Export"}),
    "STR003": _set("organisation.communication.positioning", ""),
    "STR004": _set("organisation.communication.key_messages", []),
    "STR005": _set("organisation.mission", ""),
    # Q2
    "OBJ001": _all(
        _set("objectives", []),
        _set("kpis", []),
        *[_set(f"channels.{i}.objectives", []) for i in range(3)],
    ),
    "OBJ002": _set("objectives.0.business_goals", []),
    "OBJ003": _set("objectives.0.business_goals", ["chiffre-export"]),
    "OBJ004": _all(*[_set(f"objectives.{i}.priority", "secondary") for i in range(4)]),
    "OBJ005": _all(*[_set(f"objectives.{i}.priority", "primary") for i in range(4)]),
    "OBJ006": _drop_kpis_of("marque-employeur"),
    "OBJ007": _set("objectives.0.deadline", None),
    "OBJ008": _set("objectives.0.kind", "world_domination"),
    "OBJ009": _strip_channel_objective("marque-employeur"),
    # Q3
    "AUD001": _set("audit.accounts", [{"owner": "ange", "platform": "facebook"}]),
    "AUD002": _all(
        _set("audit.competitors", []),
        lambda d: d["audit"].update(accounts=d["audit"]["accounts"][:3]),
    ),
    "AUD003": _append("audit.competitors", {"id": "paul", "name": "Paul"}),
    "AUD004": _set("audit.accounts.0.owner", "moi"),
    "AUD005": _set("audit.accounts.0.observed_on", dt.date(2024, 1, 1)),
    "AUD006": lambda d: d["audit"].update(
        accounts=[a for a in d["audit"]["accounts"] if a["platform"] != "linkedin"]
    ),
    "AUD007": _all(_set("audit.findings", []), _set("audit.positioning", "")),
    # Q4
    "KPI001": _set("kpis.0.metric", "vanity_score"),
    "KPI002": _set("kpis.0.objective", "inconnu"),
    "KPI003": _set("kpis.0.baseline", None),
    "KPI004": _set("kpis.0.target", None),
    "KPI005": _set("kpis.0.deadline", dt.date(2030, 1, 1)),
    "KPI006": _set("kpis.5.target", 900),  # response time: lower is better
    "KPI007": _set("kpis.4.metric", "roas"),
    "KPI008": _set("kpis.0.channels", ["tiktok"]),
    "KPI009": _set("kpis.0.source", ""),
    "KPI010": _set("kpis.2.target", 4500),
    # Q5
    "TGT001": _all(
        _set("audiences", []),
        *[_set(f"channels.{i}.audiences", []) for i in range(3)],
        *[_set(f"advertising.campaigns.{i}.audience", None) for i in range(3)],
    ),
    "TGT002": _append(
        "audiences",
        {"id": "journalistes", "name": "Presse locale", "kind": "journalists", "platforms": ["x"]},
    ),
    "TGT003": _set("audiences.0.platforms", []),
    "TGT004": lambda d: None,  # the example's Nantes prospects search the web: see QUIET
    "TGT005": _set("audiences.0.platforms", ["myspace"]),
    "CHN001": _all(
        _set("channels", []),
        _set("cadence", []),
        _set("content.formats", []),
        _set("kpis", []),
        _set("advertising.campaigns", []),
    ),
    "CHN002": _set("channels.2.platform", "orkut"),
    "CHN003": _set("channels.2.audiences", []),
    "CHN004": _set("channels.2.platform", "x"),
    "CHN005": _set("channels.2.audiences", ["artisans", "fantomes"]),
    "CHN006": _set("channels.2.objectives", []),
    "CHN007": _all(_append("channels", {**LOST_CHANNEL, "purpose": "customer_care"})),
    # Q6
    "CNT001": _set("content.pillars.0.share", 50),
    "CNT002": _set("content.formats.2.mix", {"short_text": 50, "image": 40}),
    "CNT003": _set("content.formats.1.mix", {"image": 60, "long_text": 40}),
    "CNT004": _set("content.formats.2.mix", {"short_text": 50, "hologram": 50}),
    "CNT005": _set("content.formats", []),
    "CNT006": _set("content.formats.2.channel", "tiktok"),
    "CNT007": _set("content.pillars", []),
    "CNT008": _set("content.pillars.0.objectives", []),
    "CNT009": _set("content.tones", []),
    "CNT010": _set("content.tones", ["sarcasm"]),
    # Q7
    "CAD001": _append("channels", LOST_CHANNEL),
    "CAD002": _set("cadence.2.channel", "tiktok"),
    "CAD003": _set("cadence.2.posts", 1),
    "CAD004": _all(_set("cadence.2.posts", 3), _set("cadence.2.per", "day")),
    "CAD005": _set("cadence.2.windows.0.end", "08:00"),
    "CAD006": _all(_make_facebook_care, _set("cadence.0.response_time_hours", None)),
    "CAD007": _all(_make_facebook_care, _set("cadence.0.covered_hours", [])),
    "CAD008": _all(_make_facebook_care, _set("cadence.0.covered_hours", [SATURDAY_EVENING])),
    # Q8
    "RES001": _all(_set("resources.people", []), _set("responsibilities", [])),
    "RES002": _all(
        _set("resources.people.1.hours_per_week", 3),  # the video makers
        _set("resources.people.2.hours_per_week", 0.5),
    ),
    "RES003": _all(
        *[_set(f"resources.people.{i}.hours_per_week", h) for i, h in enumerate((19, 9.5, 3, 1.5))]
    ),
    "RES004": lambda d: [
        p.update(skills=[s for s in p["skills"] if s != "video_editing"])
        for p in d["resources"]["people"]
    ],
    "RES005": _set("resources.budget.training", 0),
    "RES006": _all(
        _make_facebook_care,
        lambda d: d["resources"].update(
            tools=[t for t in d["resources"]["tools"] if t["category"] != "monitoring"]
        ),
    ),
    "RES007": lambda d: d["resources"].update(
        tools=[t for t in d["resources"]["tools"] if t["category"] != "video_editing"]
    ),
    "RES008": _set("resources.budget.advertising", 1000),
    "RES009": _set("resources.tools.0.monthly_cost", 120),
    "RES010": _set("resources.people.3.hours_per_week", 0),
    "RES011": _set("resources.people.3.skills", ["juggling"]),
    "RES012": _set("resources.people.0.hourly_cost", None),
    # Q9
    "RACI001": _set("responsibilities.1.accountable", ["sophie", "julie"]),
    "RACI002": _set("responsibilities.1.responsible", []),
    "RACI003": _set("responsibilities.1.consulted", ["gerard"]),
    "RACI004": _set("responsibilities.3.responsible", ["sophie"]),  # moderation, 2 h a week
    "RACI005": _no_raci("crisis"),
    "RACI006": _set("responsibilities.4.channel", "tiktok"),
    "RACI007": _append(
        "responsibilities",
        {"activity": "report", "responsible": ["karim"], "accountable": "sophie"},
    ),
    "RACI008": lambda d: None,  # julie creates and is accountable for content: see QUIET
    # Q10
    "ADV001": _set("advertising.campaigns.0.platforms", ["tiktok"]),
    "ADV002": _set("advertising.campaigns.0.objective", None),
    "ADV003": _set("advertising.campaigns.0.end", dt.date(2028, 2, 1)),
    "ADV004": _set("advertising.campaigns.0.budget", 5000),
    "ADV005": _set("advertising.campaigns.0.audience", "martiens"),
    "ADV006": _set("advertising.campaigns.0.occasion", "carnaval"),
    "ADV007": _set("advertising.campaigns.1.budget", 0),
    "ADV008": _set("advertising.campaigns", []),
}

# Rules the unmodified example triggers on purpose, and the change that silences them.
QUIET: dict[str, Mutation] = {
    "TGT004": _set("audiences.1.information_sources", ["reviews"]),
    "RACI008": _set("responsibilities.0.accountable", "sophie"),
    "RACI004": _make_facebook_care,  # more RACI-staffed work (answers), still within hours
    "CAD008": _make_facebook_care,  # covered hours inside Julie's default office hours
}


def test_every_rule_has_a_case() -> None:
    assert set(TRIGGERS) == set(RULES)


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_triggers(code: str) -> None:
    data = example_data()
    TRIGGERS[code](data)
    assert code in codes_for(data)


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_stays_quiet(code: str) -> None:
    data = example_data()
    QUIET.get(code, lambda d: None)(data)
    assert code not in codes_for(data)


def test_example_has_no_error() -> None:
    errors = {c for c in codes_for(example_data()) if RULES[c].severity == "error"}
    assert errors == set()
