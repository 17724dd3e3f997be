"""The plan's pages — workload, budget, RACI, campaigns, KPI plan — and their SVG charts,
from a plan the worker really computed for the bundled bakery example; every figure is
compared with the core's own plan of the same version, in French and in English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stratege.capacity.budget import CATEGORIES
from stratege.i18n.numbers import count, money, num, percent
from stratege.planning.plan import Plan
from stratege.reports.values import kpi_value
from stratege.services import planning, strategies
from stratege.services.charts import CHART_NAMES, chart_words, plan_charts_svg
from stratege.vocabulary import label
from stratege.web.models import PlanChart, PlanRun
from stratege.web.roles import Role
from stratege.web.tasks import compute_plan
from tests.web.conftest import World

pytestmark = pytest.mark.django_db
PAGES = ("plan_workload", "plan_budget", "plan_raci", "plan_campaigns", "plan_kpis")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def run(world: World) -> PlanRun:
    """The own workspace's plan, computed by the worker (immediately, under the tests)."""
    computed = PlanRun.objects.create(workspace=world.own, version=world.own.head())
    compute_plan.enqueue(computed.id)
    computed.refresh_from_db()
    assert computed.status == PlanRun.Status.DONE, computed.error
    return computed


@pytest.fixture
def plan(run: PlanRun) -> Plan:
    """The core's plan of the same version, computed here: what the pages must show."""
    document = strategies.parse(run.version.yaml_text, "v1.yaml")
    return planning.plan(document).plan


def _viewer(world: World, lang: str) -> Client:
    client = world.client(Role.VIEWER)
    client.post(reverse("web:language"), {"language": lang, "next": "/"})
    return client


def _get(client: Client, world: World, name: str, **values: Any) -> Any:
    response = client.get(reverse(f"web:{name}", kwargs={"slug": world.own.slug, **values}))
    assert response.status_code == 200, (name, response.status_code)
    return response


def _text(response: Any) -> str:
    return str(response.content.decode())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_it_shows_every_figure_of_the_core_plan(
    world: World, run: PlanRun, plan: Plan, lang: str
) -> None:
    client = _viewer(world, lang)
    pages = {name: _get(client, world, name) for name in PAGES}
    for response in pages.values():
        assert f'lang="{lang}"' in _text(response)
    heading = {
        "fr": "Heures prévues par personne et par semaine",
        "en": "Hours planned per person and week",
    }
    assert heading[lang] in _text(pages["plan_workload"])
    assert heading["en" if lang == "fr" else "fr"] not in _text(pages["plan_workload"])
    _check_workload(pages["plan_workload"], plan, lang)
    _check_budget(pages["plan_budget"], plan, lang)
    _check_raci(pages["plan_raci"], plan, lang)
    _check_campaigns(pages["plan_campaigns"], plan, lang)
    _check_kpis(pages["plan_kpis"], plan, lang)


def _check_workload(response: Any, plan: Plan, lang: str) -> None:
    people = plan.strategy.resources.people
    html = _text(response)
    assert [p["name"] for p in response.context["people"]] == [p.name for p in people]
    weeks = response.context["weeks"]
    assert [w["week"] for w in weeks] == [w.isoformat() for w in plan.work_weeks]
    load, capacity = plan.staffing.load, plan.staffing.capacity
    for week, row in zip(plan.work_weeks, weeks, strict=True):
        for person, cell in zip(people, row["cells"], strict=True):
            hours = sum(load.get((person.id, week), {}).values())
            available = capacity.get((person.id, week), 0.0)
            assert cell["hours"] == num(hours, lang, 1)
            assert cell["capacity"] == num(available, lang, 1)
            assert cell["level"] == _band(hours, available)
    for person, average in zip(people, response.context["averages"], strict=True):
        share = plan.hours(person.id) / plan.capacity_of(person.id)
        assert average["utilisation"] == percent(share, lang)
        assert average["utilisation"] in html
    assert any(c["level"] >= 2 for w in weeks for c in w["cells"])  # shading varies
    assert 'class="load-0"' in html and "load-legend" in html


def _band(hours: float, available: float) -> int:
    """The planner's utilisation bands (50, 70, 85, 100 %), written out independently."""
    if hours <= 0:
        return 0
    if available <= 0:
        return 5
    share = 100 * hours / available
    return next((n for n, top in enumerate((50, 70, 85, 100), 1) if share <= top + 1e-6), 5)


def _check_budget(response: Any, plan: Plan, lang: str) -> None:
    budget, html = plan.budget, _text(response)
    months = [m for m in budget.months if m not in budget.lead_months]
    rows = response.context["months"]
    assert len(rows) == len(months) == 12
    for first, row in zip(months, rows, strict=True):
        planned = sum(budget.planned[c].get(first, 0.0) for c in CATEGORIES)
        declared = sum(budget.declared[c].get(first, 0.0) for c in CATEGORIES)
        assert row["planned"] == money(planned, "EUR", lang)
        assert row["declared"] == money(declared, "EUR", lang)
        assert row["planned"] in html
    advertising = money(budget.planned_total("advertising"), "EUR", lang)
    assert advertising == ("5\u202f500\u00a0€" if lang == "fr" else "€5,500")
    assert advertising in html
    assert label("budget-category", "advertising", lang) in html


def _check_raci(response: Any, plan: Plan, lang: str) -> None:
    matrix, html = plan.raci, _text(response)
    people = [p.id for p in plan.strategy.resources.people]
    for activity, row in zip(matrix.activities, response.context["by_person"], strict=True):
        assert row["activity"] == label("activity", activity, lang)
        for person, held in zip(people, row["cells"], strict=True):
            cells = [matrix.cell(activity, c) for c in matrix.channels]
            expected = [
                role[0].upper()
                for role in ("responsible", "accountable", "consulted", "informed")
                if any(person in getattr(cell, role) for cell in cells)
            ]
            assert [h["letter"] for h in held] == expected
    publish = matrix.cell("publish", "facebook")
    assert publish.accountable == ("julie",)  # the example: Julie answers for publishing
    assert "A: Julie" in html and label("activity", "publish", lang) in html


def _check_campaigns(response: Any, plan: Plan, lang: str) -> None:
    html = _text(response)
    rows = response.context["campaigns"]
    assert [r["name"] for r in rows] == [f.campaign.name for f in plan.campaigns]
    for forecast, row in zip(plan.campaigns, rows, strict=True):
        posts = sum(1 for s in plan.slots if s.campaign == forecast.campaign.id)
        assert row["posts"] == count(posts, lang)
        assert row["budget"] == money(forecast.campaign.budget, "EUR", lang)
        assert row["impressions"] == count(forecast.total("impressions"), lang)
        assert row["name"] in html and row["budget"] in html
    assert any(r["posts"] != "0" for r in rows)


def _check_kpis(response: Any, plan: Plan, lang: str) -> None:
    html = _text(response)
    rows = response.context["kpis"]
    assert [r["id"] for r in rows] == [t.kpi.id for t in plan.trajectories]
    for trajectory, row in zip(plan.trajectories, rows, strict=True):
        kpi = trajectory.kpi
        assert row["baseline"] == kpi_value(kpi.baseline, trajectory.unit, lang, "EUR")
        assert row["target"] == kpi_value(kpi.target, trajectory.unit, lang, "EUR")
        assert row["metric"] in html
    reach = next(t for t in plan.trajectories if t.kpi.id == "portee-instagram")
    first_day, first_value = reach.points[0]
    written = [
        cell
        for table in response.context["tables"]
        for r in table["rows"]
        if r["id"] == "portee-instagram"
        for d, cell in zip(table["dates"], r["cells"], strict=True)
        if d["iso"] == first_day.isoformat()
    ]
    assert written == [count(first_value, lang)]


def test_each_chart_is_a_titled_svg_image_linked_from_its_page(world: World, run: PlanRun) -> None:
    client = world.client(Role.VIEWER)
    assert PlanChart.objects.filter(run=run).count() == 2 * len(CHART_NAMES)
    for lang in ("fr", "en"):
        for name in CHART_NAMES:
            _check_chart(client, reverse("web:plan_chart", args=[world.own.slug, name]), name, lang)
    html = _text(_get(_viewer(world, "en"), world, "plan_budget"))
    src = reverse("web:plan_chart", args=[world.own.slug, "budget"]) + "?lang=en"
    assert f'<img src="{src}" alt="{chart_words("budget", "en").description}">' in html
    assert chart_words("budget", "en").title in html
    unknown = reverse("web:plan_chart", args=[world.own.slug, "nope"])
    assert client.get(unknown).status_code == 404
    plan_page = _text(_get(client, world, "plan"))
    for name in PAGES:  # the plan page leads to its pages
        assert f'href="{reverse(f"web:{name}", args=[world.own.slug])}"' in plan_page


def _check_chart(client: Client, url: str, name: str, lang: str) -> None:
    response = client.get(url, {"lang": lang})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "script-src 'none'" in policy and "default-src 'none'" in policy
    root = ElementTree.fromstring(response.content)  # well-formed XML
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == chart_words(name, lang).title
    again = client.get(url, {"lang": lang}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304  # a run's charts never change: revalidated, not resent


def test_no_page_reads_the_plan_back(
    world: World, run: PlanRun, django_assert_max_num_queries: Any
) -> None:
    before = {name: _get(_viewer(world, "fr"), world, name).context for name in PAGES}
    PlanRun.objects.filter(id=run.id).update(plan_json="", slots=[], pack_zip=b"", ics=b"")
    client = _viewer(world, "fr")
    for name in PAGES:
        with django_assert_max_num_queries(6):  # session, user, profile, member, run, version
            after = _get(client, world, name).context
        for key in ("weeks", "months", "by_person", "campaigns", "kpis"):
            if key in before[name]:
                assert after[key] == before[name][key], (name, key)


def test_without_a_plan_the_pages_say_so_and_link_to_the_plan(world: World) -> None:
    client = _viewer(world, "en")
    plan_url = reverse("web:plan", args=[world.own.slug])
    for name in PAGES:
        html = _text(_get(client, world, name))
        assert "No plan computed yet." in html and f'href="{plan_url}"' in html
    chart = reverse("web:plan_chart", args=[world.own.slug, "workload"])
    assert client.get(chart).status_code == 404


def test_a_plan_computed_before_these_pages_asks_for_a_new_one(world: World) -> None:
    PlanRun.objects.create(
        workspace=world.own,
        version=world.own.head(),
        status=PlanRun.Status.DONE,
        summary={"posts": 3},  # no "pages": an older worker's run
    )
    html = _text(_get(_viewer(world, "en"), world, "plan_kpis"))
    assert "compute it again on the plan page" in html


def test_the_same_plan_draws_the_same_svg() -> None:
    """No date, no random id: a chart stored twice for one plan is the same file."""
    result = planning.plan(strategies.example("boulangeries-martin"))
    first, second = plan_charts_svg(result, "en"), plan_charts_svg(result, "en")
    assert list(first) == list(CHART_NAMES) and first == second


def test_a_name_with_markup_stays_text_in_the_svg() -> None:
    """The words are drawn as paths; matplotlib keeps them only in escaped comments."""
    result = planning.plan(strategies.example("boulangeries-martin"))
    forecast = result.plan.campaigns[0]
    forecast.campaign = forecast.campaign.model_copy(update={"name": "<script>x</script> -->"})
    svg = plan_charts_svg(result, "fr")["campaigns"]
    root = ElementTree.fromstring(svg.encode())
    assert not list(root.iter(f"{SVG}script"))
    assert "<script" not in svg and "&lt;script&gt;" in svg


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_text_of_the_plan_templates_is_translated(lang: str) -> None:
    """The catalogue test reads Python only: the templates' ``{% t %}`` texts are read here."""
    from tests.i18n.test_catalogues import SOURCE, _catalogues

    merged = {key for entries in _catalogues(lang).values() for key in entries}
    folder = SOURCE / "web" / "templates" / "web"
    names = ["_plan_nav", "_plan_missing", "workload", "budget", "raci", "campaigns", "kpis"]
    texts = {
        text
        for name in names
        for text in re.findall(r'\{% t "([^"]+)"', (folder / f"{name}.html").read_text())
    }
    assert len(texts) > 40
    assert not [text for text in texts if (None, text) not in merged]
