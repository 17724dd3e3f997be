"""The plan as a working calendar: its computation's progress, the month's posts with
their briefs and drafts, the downloads and the calendar feed."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from stratege.services import planning, strategies
from stratege.web.access import public, workspace_view
from stratege.web.derived import plan_slots, plan_summary
from stratege.web.language import lang_of
from stratege.web.models import Membership, PlanRun, Workspace
from stratege.web.moves import moved_posts
from stratege.web.roles import EDIT, VIEW
from stratege.web.tasks import request_plan


@lru_cache(maxsize=16)
def _stored_plan(run_id: int, yaml_text: str, plan_json: str) -> planning.PlanResult:
    """A run's plan read back (kept: moving a post checks it against the whole plan)."""
    document = strategies.parse(yaml_text, "plan.yaml")
    return planning.plan_from_stored(document, plan_json)


def _done_run(workspace: Workspace, *fields: str) -> PlanRun | None:
    """The latest computed plan; only ``fields`` of its heavy columns are read (pages
    read the stored summary and posts, never the whole plan)."""
    heavy = [f for f in PlanRun.HEAVY if f not in fields]
    run: PlanRun | None = workspace.plans.filter(status=PlanRun.Status.DONE).defer(*heavy).first()
    if run is not None and not run.summary and "plan_json" not in fields:
        _derive_run(run)  # computed before the summary was stored
    return run


def _derive_run(run: PlanRun) -> None:
    full = PlanRun.objects.select_related("version").get(id=run.id)
    result = _result(full)
    run.summary, run.slots = plan_summary(result), plan_slots(result)
    PlanRun.objects.filter(id=run.id).update(summary=run.summary, slots=run.slots)


def _result(run: PlanRun) -> planning.PlanResult:
    """The whole plan of a run (its strategy and plan JSON are read if they were not)."""
    if "plan_json" in run.get_deferred_fields():
        run = PlanRun.objects.select_related("version").get(id=run.id)
    return _stored_plan(run.id, run.version.yaml_text, run.plan_json)


@workspace_view(VIEW)
def plan(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    latest = workspace.plans.defer(*PlanRun.HEAVY).first()
    done = _done_run(workspace)
    feed = request.build_absolute_uri(f"/feed/{workspace.ics_token}.ics")
    summary = dict(done.summary) if done else None
    if summary:
        summary["start"] = dt.date.fromisoformat(summary["start"])
        summary["end"] = dt.date.fromisoformat(summary["end"])
    return render(
        request,
        "web/plan.html",
        {
            "workspace": workspace,
            "membership": membership,
            "latest": latest,
            "done": done,
            "approved": workspace.approved(),
            "head": workspace.head(),
            "feed": feed,
            "summary": summary,
        },
    )


@workspace_view(VIEW)
def plan_status(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    """The latest run's progress, polled by the plan page while it runs."""
    return render(
        request,
        "web/_plan_status.html",
        {"workspace": workspace, "latest": workspace.plans.defer(*PlanRun.HEAVY).first()},
    )


@workspace_view(EDIT)
@require_POST
def compute(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    """Compute the plan of the approved version (else of the latest) in the background."""
    version = workspace.approved() or workspace.head()
    if version is None:
        raise Http404
    request_plan(workspace, version, request.user)
    return redirect("web:plan", slug=workspace.slug)


@workspace_view(VIEW)
def download_pack(
    request: HttpRequest, workspace: Workspace, membership: Membership
) -> HttpResponse:
    run = _done_run(workspace, "pack_zip")
    if run is None or not run.pack_zip:
        raise Http404
    response = HttpResponse(bytes(run.pack_zip), content_type="application/zip")
    name = f"{workspace.slug}-v{run.version.number}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@public
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar feed for a calendar application: the secret token is the key."""
    workspace = get_object_or_404(Workspace, ics_token=token)
    run = _done_run(workspace, "ics")
    if run is None:
        raise Http404
    moved = moved_posts(workspace, run)
    if not moved:
        return HttpResponse(bytes(run.ics), content_type="text/calendar; charset=utf-8")
    result = _result(run)
    lang = lang_of(request)
    ics = planning.calendar_with_moves(result, moved, lang)
    return HttpResponse(ics, content_type="text/calendar; charset=utf-8")
