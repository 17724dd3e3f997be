"""The plan as a working calendar: its computation's progress, the month's posts with
their briefs and drafts, the downloads and the calendar feed."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from functools import lru_cache

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from stratege.i18n import Lang
from stratege.services import planning, strategies
from stratege.vocabulary import label
from stratege.web.access import public, workspace_view
from stratege.web.language import lang_of
from stratege.web.models import Membership, PlanRun, PostDraft, Workspace
from stratege.web.roles import DRAFT, EDIT, VIEW
from stratege.web.tasks import request_plan


@lru_cache(maxsize=16)
def _stored_plan(run_id: int, yaml_text: str, plan_json: str) -> planning.PlanResult:
    """A run's plan read back (kept: the calendar pages read it on every request)."""
    document = strategies.parse(yaml_text, "plan.yaml")
    return planning.plan_from_stored(document, plan_json)


def _done_run(workspace: Workspace) -> PlanRun | None:
    run: PlanRun | None = (
        workspace.plans.filter(status=PlanRun.Status.DONE).select_related("version").first()
    )
    return run


def _result(run: PlanRun) -> planning.PlanResult:
    return _stored_plan(run.id, run.version.yaml_text, run.plan_json)


@workspace_view(VIEW)
def plan(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    latest = workspace.plans.select_related("version").first()
    done = _done_run(workspace)
    feed = request.build_absolute_uri(f"/feed/{workspace.ics_token}.ics")
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
            "summary": _summary(done, lang_of(request)) if done else None,
        },
    )


def _summary(run: PlanRun, lang: Lang) -> dict[str, object]:
    result = _result(run)
    plan = result.plan
    per_channel: dict[str, int] = defaultdict(int)
    for slot in plan.slots:
        per_channel[slot.channel] += 1
    return {
        "posts": len(plan.slots),
        "start": plan.horizon.start,
        "end": plan.horizon.end,
        "per_channel": sorted(per_channel.items()),
        "shortfalls": len(plan.shortfalls),
    }


@workspace_view(VIEW)
def plan_status(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    """The latest run's progress, polled by the plan page while it runs."""
    return render(
        request,
        "web/_plan_status.html",
        {"workspace": workspace, "latest": workspace.plans.first()},
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
def month(
    request: HttpRequest, workspace: Workspace, membership: Membership, year: int, number: int
) -> HttpResponse:
    """A month of the calendar, a row per week; ``?channel=`` keeps one channel."""
    run = _done_run(workspace)
    if run is None or not 1 <= number <= 12:
        raise Http404
    lang = lang_of(request)
    result = _result(run)
    channel = request.GET.get("channel") or None
    drafts = {d.slot_id: d for d in workspace.drafts.all()}
    days: dict[dt.date, list[dict[str, object]]] = defaultdict(list)
    for slot in result.plan.slots:
        day = slot.start.date()
        if (day.year, day.month) != (year, number) or (channel and slot.channel != channel):
            continue
        draft = drafts.get(slot.id)
        days[day].append(
            {
                "id": slot.id,
                "time": slot.start.strftime("%H:%M"),
                "channel": slot.channel,
                "format": label("format", slot.format, lang, result.plan.knowledge),
                "pillar": slot.pillar or "",
                "status": draft.status if draft else "",
            }
        )
    weeks = calendar.Calendar().monthdatescalendar(year, number)
    first = dt.date(year, number, 1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "web/month.html",
        {
            "workspace": workspace,
            "membership": membership,
            "weeks": [[(d, d.month == number, days.get(d, [])) for d in week] for week in weeks],
            "first": first,
            "previous": previous,
            "following": following,
            "channels": sorted({s.channel for s in result.plan.slots}),
            "channel": channel,
            "weekdays": [label("weekday-short", d, lang) for d in _WEEKDAYS],
        },
    )


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@workspace_view(VIEW)
def calendar_start(
    request: HttpRequest, workspace: Workspace, membership: Membership
) -> HttpResponse:
    run = _done_run(workspace)
    if run is None:
        return redirect("web:plan", slug=workspace.slug)
    today = timezone.localdate()
    horizon = _result(run).plan.horizon
    shown = today if horizon.start <= today <= horizon.end else horizon.start
    return redirect("web:month", slug=workspace.slug, year=shown.year, number=shown.month)


class DraftForm(forms.ModelForm):
    class Meta:
        model = PostDraft
        fields = ["idea", "text", "status"]


@workspace_view(VIEW)
def slot(
    request: HttpRequest, workspace: Workspace, membership: Membership, slot_id: str
) -> HttpResponse:
    """A post's brief (objective, pillar, format, audience, who produces, approves and
    publishes it, by when) and its idea and draft."""
    run = _done_run(workspace)
    if run is None:
        raise Http404
    result = _result(run)
    found = next((s for s in result.plan.slots if s.id == slot_id), None)
    if found is None:
        raise Http404
    draft = PostDraft.objects.filter(workspace=workspace, slot_id=slot_id).first()
    form = DraftForm(instance=draft)
    lang = lang_of(request)
    people = {p.id: p.name for p in result.plan.strategy.resources.people}
    return render(
        request,
        "web/slot.html",
        {
            "workspace": workspace,
            "membership": membership,
            "slot": found,
            "format": label("format", found.format, lang, result.plan.knowledge),
            "producers": [
                (label("skill", skill, lang, result.plan.knowledge), people.get(p or "", p or "—"))
                for skill, p in found.producers.items()
            ],
            "approver": people.get(found.approver or "", found.approver or "—"),
            "publisher": people.get(found.publisher or "", found.publisher or "—"),
            "form": form,
            "draft": draft,
        },
    )


@workspace_view(DRAFT)
@require_POST
def save_draft(
    request: HttpRequest, workspace: Workspace, membership: Membership, slot_id: str
) -> HttpResponse:
    run = _done_run(workspace)
    if run is None or not any(s.id == slot_id for s in _result(run).plan.slots):
        raise Http404
    draft = PostDraft.objects.filter(workspace=workspace, slot_id=slot_id).first()
    form = DraftForm(request.POST, instance=draft)
    if form.is_valid():
        saved = form.save(commit=False)
        saved.workspace, saved.slot_id = workspace, slot_id
        saved.updated_by, saved.updated_at = request.user, timezone.now()
        saved.save()
    return redirect("web:slot", slug=workspace.slug, slot_id=slot_id)


@workspace_view(VIEW)
def download_pack(
    request: HttpRequest, workspace: Workspace, membership: Membership
) -> HttpResponse:
    run = _done_run(workspace)
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
    run = _done_run(workspace)
    if run is None:
        raise Http404
    return HttpResponse(bytes(run.ics), content_type="text/calendar; charset=utf-8")
