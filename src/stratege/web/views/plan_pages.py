"""The plan's pages beside the calendar — workload, budget, RACI, campaigns, KPI plan —
and the document's charts as SVG images.

They read what the worker stored with the latest computed plan (``summary["pages"]`` and
the run's charts), never the plan itself: reading a plan back costs hundreds of
milliseconds, which under load was what made pages slow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csp.decorators import csp_replace
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from stratege.i18n import LANGUAGES, Lang
from stratege.services.charts import CHART_NAMES, chart_words
from stratege.services.plan_pages import PAGES_FORMAT
from stratege.web import plan_rows
from stratege.web.access import workspace_view
from stratege.web.derived import findings_of
from stratege.web.language import lang_of
from stratege.web.models import Membership, PlanChart, PlanRun, StrategyVersion, Workspace
from stratege.web.roles import VIEW

RACI_QUESTION = 9

# An SVG image has no script and needs no other resource; matplotlib styles it inline.
SVG_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": None,
    "font-src": None,
    "connect-src": None,
    "form-action": ["'none'"],
}


def _stored(workspace: Workspace) -> tuple[PlanRun | None, dict[str, Any] | None]:
    """The latest computed plan (without its heavy columns) and its pages' figures; no
    figures when the plan was computed before these pages stored them."""
    run: PlanRun | None = (
        workspace.plans.filter(status=PlanRun.Status.DONE).defer(*PlanRun.HEAVY).first()
    )
    pages = (run.summary or {}).get("pages") if run else None
    if not isinstance(pages, dict) or pages.get("format") != PAGES_FORMAT:
        return run, None
    return run, pages


def _page(
    request: HttpRequest,
    workspace: Workspace,
    membership: Membership,
    current: str,
    rows: Callable[[plan_rows.Reader, PlanRun], plan_rows.Rows],
    charts: tuple[str, ...] = (),
) -> HttpResponse:
    run, pages = _stored(workspace)
    lang = lang_of(request)
    context: dict[str, Any] = {
        "workspace": workspace,
        "membership": membership,
        "current": current,
        "run": run,
        "ready": pages is not None,
    }
    if run is not None and pages is not None:
        context.update(rows(plan_rows.Reader(pages, lang), run))
        context["charts"] = {name: _chart(name, lang) for name in charts}
    return render(request, f"web/{current}.html", context)


def _plain(rows: Callable[[plan_rows.Reader], plan_rows.Rows]) -> Callable[..., plan_rows.Rows]:
    """A page whose rows need the stored figures only."""
    return lambda reader, _run: rows(reader)


def _chart(name: str, lang: Lang) -> dict[str, str]:
    words = chart_words(name, lang)
    return {"name": name, "title": words.title, "description": words.description}


@workspace_view(VIEW)
def workload(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    charts = ("workload", "posts")
    return _page(request, workspace, membership, "workload", _plain(plan_rows.workload), charts)


@workspace_view(VIEW)
def budget(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    return _page(request, workspace, membership, "budget", _plain(plan_rows.budget), ("budget",))


@workspace_view(VIEW)
def raci(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    return _page(request, workspace, membership, "raci", _raci_and_checks)


def _raci_and_checks(reader: plan_rows.Reader, run: PlanRun) -> plan_rows.Rows:
    """The matrix and, as in the document, the checks of question 9 beside it (the
    findings stored with the plan's version)."""
    version = StrategyVersion.objects.get(id=run.version_id)
    findings, _problems = findings_of(version, reader.lang)
    return {**plan_rows.raci(reader), "checks": findings.get(RACI_QUESTION, [])}


@workspace_view(VIEW)
def campaigns(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    charts = ("campaigns",)
    return _page(request, workspace, membership, "campaigns", _plain(plan_rows.campaigns), charts)


@workspace_view(VIEW)
def kpis(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    charts = ("trajectories",)
    return _page(request, workspace, membership, "kpis", _plain(plan_rows.kpis), charts)


@workspace_view(VIEW)
@require_safe
@csp_replace(SVG_POLICY)  # type: ignore[arg-type]  # typed for views of one argument
def chart(
    request: HttpRequest, workspace: Workspace, membership: Membership, name: str
) -> HttpResponse:
    """A chart of the latest computed plan, in ``?lang=`` or the reader's language.
    Revalidated by its ETag: a run's charts never change once drawn."""
    asked = request.GET.get("lang")
    lang = asked if asked in LANGUAGES else lang_of(request)
    run_id = workspace.plans.filter(status=PlanRun.Status.DONE).values_list("id", flat=True).first()
    if run_id is None or name not in CHART_NAMES:
        raise Http404
    etag = f'"{run_id}-{name}-{lang}"'
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:
        return unchanged
    stored = PlanChart.objects.filter(run_id=run_id, name=name, lang=lang)
    svg = stored.values_list("svg", flat=True).first()
    if svg is None:  # a chart the plan has not (no campaign, no KPI path)
        raise Http404
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-cache"
    response["ETag"] = etag
    return response
