"""The plan as a working calendar: month, week and list views (FullCalendar, fed by a JSON
feed of the stored posts), the same month as a plain table, each post's brief and draft,
and moving a post — checked against the plan before it is saved.

Every page reads the run's stored post records (``PlanRun.slots``); only moving a post
reads the whole plan back, because the check needs its windows, holidays and staffing.
"""

from __future__ import annotations

import calendar as month_grid
import datetime as dt
import json
from collections import defaultdict
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stratege.services import planning
from stratege.vocabulary import label
from stratege.web.access import workspace_view
from stratege.web.derived import slots_of
from stratege.web.language import gettext_for, lang_of
from stratege.web.models import Membership, PlanRun, PostDraft, Workspace
from stratege.web.moves import moved_posts, stored, wall_clock
from stratege.web.raci_rights import REFUSALS, linked_people, may_set_status
from stratege.web.roles import DRAFT, EDIT, VIEW, allows
from stratege.web.views.plan import _done_run, _result

FILTERS = ("channel", "pillar", "audience", "person")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _run_or_404(workspace: Workspace) -> PlanRun:
    run = _done_run(workspace)
    if run is None:
        raise Http404
    return run


def _posts(
    workspace: Workspace,
    run: PlanRun,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> list[dict[str, Any]]:
    """The run's post records, each where it now is (moved by hand or as planned), with
    its draft's status; only those now between ``first`` and ``last`` (excluded) when
    given — a post planned elsewhere but moved into the range included."""
    drafts = {d.slot_id: d for d in workspace.drafts.only("slot_id", "status", "moved_to")}
    low = first.isoformat() if first else ""
    high = last.isoformat() if last else "9999"
    posts = []
    for record in slots_of(run):
        draft = drafts.get(record["id"])
        moved = draft is not None and draft.moved_to is not None
        if not moved and not low <= record["start"] < high:
            continue  # ISO texts compare as the dates they write
        post = dict(record)
        planned = dt.datetime.fromisoformat(record["start"])
        post["planned"] = planned
        post["start"] = wall_clock(draft.moved_to) if moved else planned  # type: ignore[union-attr]
        post["moved"] = post["start"] != planned
        post["status"] = draft.status if draft else ""
        if moved and not (first or dt.date.min) <= post["start"].date() < (last or dt.date.max):
            continue
        posts.append(post)
    return posts


def _kept(post: dict[str, Any], wanted: dict[str, str]) -> bool:
    """Does the post pass the filters (channel, pillar, audience, person: producer, approver
    or publisher)?"""
    for name, value in wanted.items():
        if name == "person":
            people = {*post["producers"].values(), post["approver"], post["publisher"]}
            if value not in people:
                return False
        elif post.get(name) != value:
            return False
    return True


def _filters(request: HttpRequest) -> dict[str, str]:
    return {name: request.GET[name] for name in FILTERS if request.GET.get(name)}


def _choices(run: PlanRun) -> dict[str, list[tuple[str, str]]]:
    """What each filter can take, with the words a user reads (once per run and process:
    a finished run never changes)."""
    key = (run.id, run.created_at, run.finished_at)
    if key not in _CHOICES:
        _CHOICES.clear() if len(_CHOICES) > 16 else None
        _CHOICES[key] = _choices_of(run)
    return _CHOICES[key]


_CHOICES: dict[tuple[object, ...], dict[str, list[tuple[str, str]]]] = {}


def _choices_of(run: PlanRun) -> dict[str, list[tuple[str, str]]]:
    records = slots_of(run)
    people: dict[str, str] = run.summary.get("people", {})
    names = set()
    for r in records:
        names |= {p for p in (*r["producers"].values(), r["approver"], r["publisher"]) if p}
    return {
        "channel": [(c, c) for c in sorted({r["channel"] for r in records})],
        "pillar": [(p, p) for p in sorted({r["pillar"] for r in records if r["pillar"]})],
        "audience": [(a, a) for a in sorted({r["audience"] for r in records if r["audience"]})],
        "person": sorted(((p, people.get(p, p)) for p in names), key=lambda x: x[1]),
    }


@workspace_view(VIEW)
def calendar_page(
    request: HttpRequest, workspace: Workspace, membership: Membership
) -> HttpResponse:
    """The calendar (month, week, list), filtered by channel, pillar, audience or person;
    editors move a post by dragging it."""
    run = _done_run(workspace)
    if run is None:
        return redirect("web:plan", slug=workspace.slug)
    lang = lang_of(request)
    start = dt.date.fromisoformat(run.summary["start"])
    end = dt.date.fromisoformat(run.summary["end"])
    today = timezone.localdate()
    shown = today if start <= today <= end else start
    choices = _choices(run)
    wanted = _filters(request)
    return render(
        request,
        "web/calendar.html",
        {
            "workspace": workspace,
            "membership": membership,
            "filters": [(name, choices[name], wanted.get(name, "")) for name in FILTERS],
            "config": json.dumps(
                {
                    "events": reverse("web:events", kwargs={"slug": workspace.slug}),
                    "move": reverse("web:move", kwargs={"slug": workspace.slug, "slot_id": "SLOT"}),
                    "initialDate": shown.isoformat(),
                    "validRange": {
                        "start": start.isoformat(),
                        "end": (end + dt.timedelta(days=1)).isoformat(),
                    },
                    "locale": lang,
                    "editable": allows(membership.role, EDIT),
                    "filters": wanted,
                }
            ),
            "table": reverse(
                "web:month",
                kwargs={"slug": workspace.slug, "year": shown.year, "number": shown.month},
            ),
        },
    )


@workspace_view(VIEW)
def events(request: HttpRequest, workspace: Workspace, membership: Membership) -> JsonResponse:
    """The posts between ``start`` and ``end`` (FullCalendar's feed), filtered."""
    run = _run_or_404(workspace)
    try:
        first = _day(request.GET.get("start")) or dt.date.min
        last = _day(request.GET.get("end")) or dt.date.max
    except ValueError:
        return JsonResponse({"error": "bad dates"}, status=400)
    lang = lang_of(request)
    wanted = _filters(request)
    channels = run.summary.get("channels", [])
    brief = _brief_url(workspace)
    found = []
    for post in _posts(workspace, run, first, last):
        if not _kept(post, wanted):
            continue
        title = " · ".join(
            x for x in (post["channel"], label("format", post["format"], lang), post["pillar"]) if x
        )
        classes = [
            f"ch-{channels.index(post['channel']) % 8 if post['channel'] in channels else 0}"
        ]
        if post["status"]:
            classes.append(f"st-{post['status']}")
        if post["moved"]:
            classes.append("moved")
        found.append(
            {
                "id": post["id"],
                "title": title,
                "start": post["start"].isoformat(),
                "url": brief.replace(_SLOT, post["id"]),
                "className": " ".join(classes),
            }
        )
    return JsonResponse(found, safe=False)


_SLOT = "__slot__"


def _brief_url(workspace: Workspace) -> str:
    """A post's brief URL with a placeholder for its id (one reverse() per page, not one
    per post: a year's calendar has thousands)."""
    return str(reverse("web:slot", kwargs={"slug": workspace.slug, "slot_id": _SLOT}))


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()


@workspace_view(VIEW)
def month(
    request: HttpRequest, workspace: Workspace, membership: Membership, year: int, number: int
) -> HttpResponse:
    """A month of the calendar as a plain table, a row per week (works without script)."""
    run = _run_or_404(workspace)
    if not 1 <= number <= 12 or not 1900 < year < 2200:
        raise Http404
    lang = lang_of(request)
    wanted = _filters(request)
    first = dt.date(year, number, 1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    brief = _brief_url(workspace)
    days: dict[dt.date, list[dict[str, object]]] = defaultdict(list)
    for post in _posts(workspace, run, first, following):
        if not _kept(post, wanted):
            continue
        days[post["start"].date()].append(
            {
                "id": post["id"],
                "url": brief.replace(_SLOT, post["id"]),
                "time": post["start"].strftime("%H:%M"),
                "channel": post["channel"],
                "format": label("format", post["format"], lang),
                "pillar": post["pillar"] or "",
                "status": post["status"],
                "moved": post["moved"],
            }
        )
    weeks = month_grid.Calendar().monthdatescalendar(year, number)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    choices = _choices(run)
    query = urlencode(wanted)
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
            "filters": [(name, choices[name], wanted.get(name, "")) for name in FILTERS],
            "query": query,
            "weekdays": [label("weekday-short", d, lang) for d in _WEEKDAYS],
        },
    )


def _linked_name(linked: dict[str, Membership], person: str | None) -> str:
    member = linked.get(person or "")
    return member.user.username if member else ""


@workspace_view(VIEW)
def queue(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    """My posts: to produce, to approve, to schedule or publish — as the plan's RACI gives
    them to the person this member is linked to, from today (or the plan's start) on."""
    run = _done_run(workspace)
    if run is None:
        return redirect("web:plan", slug=workspace.slug)
    me = membership.person
    start = dt.date.fromisoformat(run.summary["start"])
    since = max(timezone.localdate(), start)
    lists: dict[str, list[dict[str, Any]]] = {"produce": [], "approve": [], "publish": []}
    lang = lang_of(request)
    for post in _posts(workspace, run) if me else []:
        if post["start"].date() < since:
            continue
        status = post["status"] or PostDraft.Status.IDEA
        post["format_label"] = label("format", post["format"], lang)
        if me in post["producers"].values() and status in ("idea", "drafted"):
            lists["produce"].append(post)
        if post["approver"] == me and status == "drafted":
            lists["approve"].append(post)
        if post["publisher"] == me and status in ("approved", "scheduled"):
            lists["publish"].append(post)
    return render(
        request,
        "web/queue.html",
        {
            "workspace": workspace,
            "membership": membership,
            "person": run.summary.get("people", {}).get(me, me),
            "lists": [(name, posts[:QUEUE_LENGTH], len(posts)) for name, posts in lists.items()],
            "since": since,
        },
    )


QUEUE_LENGTH = 50


class DraftForm(forms.ModelForm):
    class Meta:
        model = PostDraft
        fields = ["idea", "text", "status"]


def _record(run: PlanRun, slot_id: str) -> dict[str, Any]:
    found: dict[str, Any] | None = next((r for r in slots_of(run) if r["id"] == slot_id), None)
    if found is None:
        raise Http404
    return found


@workspace_view(VIEW)
def slot(
    request: HttpRequest, workspace: Workspace, membership: Membership, slot_id: str
) -> HttpResponse:
    """A post's brief (objective, pillar, format, audience, who produces, approves and
    publishes it, by when) and its idea and draft."""
    run = _run_or_404(workspace)
    return _render_slot(request, workspace, membership, run, slot_id)


def _render_slot(
    request: HttpRequest,
    workspace: Workspace,
    membership: Membership,
    run: PlanRun,
    slot_id: str,
    problems: list[str] | None = None,
    asked: dt.datetime | None = None,
    status: int = 200,
    refused: str = "",
) -> HttpResponse:
    record = _record(run, slot_id)
    draft = PostDraft.objects.filter(workspace=workspace, slot_id=slot_id).first()
    lang = lang_of(request)
    people: dict[str, str] = run.summary.get("people", {})
    linked = linked_people(workspace.members.select_related("user"))
    planned = dt.datetime.fromisoformat(record["start"])
    start = wall_clock(draft.moved_to) if draft and draft.moved_to else planned
    due = dt.date.fromisoformat(record["due"]) if record["due"] else None
    if due and start != planned:
        due = due + (start.date() - planned.date())
    return render(
        request,
        "web/slot.html",
        {
            "workspace": workspace,
            "membership": membership,
            "slot": record,
            "start": start,
            "planned": planned,
            "moved": start != planned,
            "due": due,
            "format": label("format", record["format"], lang),
            "producers": [
                (label("skill", skill, lang), people.get(p or "", p or "—"))
                for skill, p in record["producers"].items()
            ],
            "approver": people.get(record["approver"] or "", record["approver"] or "—"),
            "publisher": people.get(record["publisher"] or "", record["publisher"] or "—"),
            "form": DraftForm(instance=draft),
            "draft": draft,
            "problems": problems or [],
            "asked": (asked or start).strftime("%Y-%m-%dT%H:%M"),
            "can_move": allows(membership.role, EDIT),
            "refused": refused,
            "linked": {
                step: _linked_name(linked, record[step]) for step in ("approver", "publisher")
            },
        },
        status=status,
    )


@workspace_view(DRAFT)
@require_POST
def save_draft(
    request: HttpRequest, workspace: Workspace, membership: Membership, slot_id: str
) -> HttpResponse:
    run = _run_or_404(workspace)
    record = _record(run, slot_id)
    draft = PostDraft.objects.filter(workspace=workspace, slot_id=slot_id).first()
    before = draft.status if draft else PostDraft.Status.IDEA
    form = DraftForm(request.POST, instance=draft)
    if form.is_valid() and form.cleaned_data["status"] != before:
        refusal = may_set_status(
            membership,
            record,
            form.cleaned_data["status"],
            linked_people(workspace.members.all()),
            run.summary.get("people", {}),
        )
        if refusal is not None:
            _ = gettext_for(request)
            message = _(REFUSALS[refusal.reason], **refusal.values)
            return _render_slot(
                request, workspace, membership, run, slot_id, status=403, refused=message
            )
    if form.is_valid():
        saved = form.save(commit=False)
        saved.workspace, saved.slot_id = workspace, slot_id
        saved.updated_by, saved.updated_at = request.user, timezone.now()
        saved.save()
    return redirect("web:slot", slug=workspace.slug, slot_id=slot_id)


@workspace_view(EDIT)
@require_POST
def move(
    request: HttpRequest, workspace: Workspace, membership: Membership, slot_id: str
) -> HttpResponse:
    """Move a post to ``start`` (YYYY-MM-DDTHH:MM). What the move breaks is said first and
    nothing is saved, unless ``force`` confirms it; ``start`` equal to the planned time
    puts the post back. Answers JSON to the calendar's script, a page otherwise."""
    run = _run_or_404(workspace)
    record = _record(run, slot_id)
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        start = dt.datetime.fromisoformat(request.POST.get("start", "")).replace(
            tzinfo=None, second=0, microsecond=0
        )
    except ValueError:
        _ = gettext_for(request)
        message = _("Give the new date and time.")
        if wants_json:
            return JsonResponse({"saved": False, "problems": [message]}, status=400)
        return _render_slot(request, workspace, membership, run, slot_id, [message], status=400)
    moved = moved_posts(workspace, run)
    problems = planning.check_move(_result(run), slot_id, start, moved)
    lang = lang_of(request)
    texts = [p.text(lang) for p in problems]
    if problems and request.POST.get("force") != "1":
        if wants_json:
            return JsonResponse({"saved": False, "problems": texts})
        return _render_slot(request, workspace, membership, run, slot_id, texts, start)
    planned = dt.datetime.fromisoformat(record["start"])
    draft, _created = PostDraft.objects.get_or_create(workspace=workspace, slot_id=slot_id)
    draft.moved_to = None if start == planned else stored(start)
    draft.updated_by, draft.updated_at = request.user, timezone.now()
    draft.save(update_fields=["moved_to", "updated_by", "updated_at"])
    if wants_json:
        return JsonResponse({"saved": True, "problems": texts, "start": start.isoformat()})
    return redirect("web:slot", slug=workspace.slug, slot_id=slot_id)
