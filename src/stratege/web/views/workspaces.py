"""The list of workspaces, a new workspace, its dashboard, its members and their rights."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from stratege.questions import QUESTIONS
from stratege.services import strategies
from stratege.web.access import signed_in, workspace_view
from stratege.web.derived import people_of, slots_of
from stratege.web.language import gettext_for, lang_of
from stratege.web.models import (
    Invitation,
    Membership,
    PlanRun,
    StrategyVersion,
    Workspace,
    new_token,
)
from stratege.web.raci_rights import channel_duties, linked_people
from stratege.web.roles import EXPLANATIONS, MANAGE, PERMISSIONS, VIEW, Role
from stratege.web.views.common import diagnosis_of


class WorkspaceForm(forms.Form):
    name = forms.CharField(max_length=200)
    example = forms.ChoiceField(required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["example"].choices = [("", "—"), *[(n, n) for n in strategies.examples()]]


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.filter(user=request.user).select_related("workspace")
    form = WorkspaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workspace = create_workspace(
            form.cleaned_data["name"], request.user, form.cleaned_data["example"] or None
        )
        return redirect("web:dashboard", slug=workspace.slug)
    return render(
        request,
        "web/home.html",
        {"memberships": memberships.order_by("workspace__name"), "form": form},
    )


def create_workspace(name: str, owner: object, example: str | None = None) -> Workspace:
    """A workspace with its owner, and a first version from a bundled example if asked."""
    base = slugify(name)[:50] or "espace"
    slug, n = base, 1
    while Workspace.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    with transaction.atomic():
        workspace: Workspace = Workspace.objects.create(slug=slug, name=name)
        Membership.objects.create(workspace=workspace, user=owner, role=Role.OWNER)
        if example:
            StrategyVersion.objects.create(
                workspace=workspace,
                number=1,
                yaml_text=strategies.example_text(example),
                author=owner,
                message=example,
            )
    return workspace


@workspace_view(VIEW)
def dashboard(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    head = workspace.head()
    diagnosis = diagnosis_of(head, lang_of(request)) if head else None
    lang = lang_of(request)
    rows = [
        {
            "question": q,
            "title": q.title(lang),
            "errors": diagnosis.count(q.number, "error") if diagnosis else 0,
            "warnings": diagnosis.count(q.number, "warning") if diagnosis else 0,
            "infos": diagnosis.count(q.number, "info") if diagnosis else 0,
        }
        for q in QUESTIONS
    ]
    return render(
        request,
        "web/dashboard.html",
        {
            "workspace": workspace,
            "membership": membership,
            "head": head,
            "approved": workspace.approved(),
            "diagnosis": diagnosis,
            "rows": rows,
            "plan": workspace.plans.defer(*PlanRun.HEAVY).first(),
        },
    )


class InviteForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
    email = forms.EmailField(required=False, max_length=254)


@workspace_view(VIEW)
def members(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    """Members, their roles and the person of the strategy each one is; who approves and
    publishes each channel's posts (the RACI, through the plan); what each role may do."""
    _ = gettext_for(request)
    invitations = workspace.invitations.filter(accepted_by__isnull=True).order_by("-created_at")
    listed = list(workspace.members.select_related("user").order_by("user__username"))
    head = workspace.head()
    people = people_of(head) if head else {}
    run = workspace.plans.filter(status=PlanRun.Status.DONE).defer(*PlanRun.HEAVY).first()
    names = {**(run.summary.get("people", {}) if run else {}), **people}
    linked = linked_people(listed)
    duties = [
        {
            "channel": duty["channel"],
            "approvers": [_duty_person(p, names, linked) for p in duty["approvers"]],
            "publishers": [_duty_person(p, names, linked) for p in duty["publishers"]],
        }
        for duty in (channel_duties(slots_of(run), names) if run else [])
    ]
    return render(
        request,
        "web/members.html",
        {
            "workspace": workspace,
            "membership": membership,
            "members": listed,
            "people": sorted(people.items(), key=lambda item: item[1]),
            "duties": duties,
            "invitations": invitations,
            "roles": [(value, _(label)) for value, label in Role.choices],
            "can_manage": MANAGE in PERMISSIONS[membership.role],
            "rights": [
                {
                    "role": _(label),
                    "granted": [_(EXPLANATIONS[p]) for p in sorted(PERMISSIONS[value])],
                }
                for value, label in Role.choices
            ],
        },
    )


def _duty_person(
    person: str, names: dict[str, str], linked: dict[str, Membership]
) -> dict[str, str]:
    member = linked.get(person)
    return {"name": names.get(person, person), "user": member.user.username if member else ""}


@workspace_view(MANAGE)
@require_POST
def link_person(
    request: HttpRequest, workspace: Workspace, membership: Membership, member_id: int
) -> HttpResponse:
    """Say which person of the strategy a member is (empty: nobody). One member per
    person: linking a person unlinks whoever had it."""
    member = get_object_or_404(Membership, id=member_id, workspace=workspace)
    head = workspace.head()
    person = request.POST.get("person", "")
    if person and (head is None or person not in people_of(head)):
        return HttpResponse(status=400)
    with transaction.atomic():
        if person:
            workspace.members.filter(person=person).exclude(id=member.id).update(person="")
        member.person = person
        member.save(update_fields=["person"])
    return redirect("web:members", slug=workspace.slug)


@workspace_view(MANAGE)
@require_POST
def invite(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    form = InviteForm(request.POST)
    if form.is_valid():
        invitation = Invitation.objects.create(
            workspace=workspace, role=form.cleaned_data["role"], created_by=request.user
        )
        if form.cleaned_data["email"]:
            _mail_invitation(request, workspace, invitation, form.cleaned_data["email"])
    return redirect("web:members", slug=workspace.slug)


def mail_configured() -> bool:
    """Whether invitations can go by mail: an SMTP server is configured (or the tests'
    in-memory outbox is in use)."""
    from django.conf import settings

    return bool(settings.EMAIL_HOST) or settings.EMAIL_BACKEND.endswith("locmem.EmailBackend")


def _mail_invitation(
    request: HttpRequest, workspace: Workspace, invitation: Invitation, address: str
) -> None:
    """Send the link by mail when a server is configured; the link is shown either way,
    so a mail that cannot leave loses nothing (the page says so)."""
    import smtplib

    from django.contrib import messages
    from django.core.mail import send_mail

    _ = gettext_for(request)
    if not mail_configured():
        messages.warning(request, _("No mail server is configured: send the link below yourself."))
        return
    link = request.build_absolute_uri(reverse("web:invitation", args=[invitation.token]))
    body = _(
        "{inviter} invites you to the workspace {workspace} on Stratège, as {role}.\n\n"
        "Open this link to accept (valid 14 days, once): {link}",
        inviter=request.user.get_username(),
        workspace=workspace.name,
        role=_(invitation.get_role_display()),
        link=link,
    )
    subject = _("Invitation to {workspace} on Stratège", workspace=workspace.name)
    try:
        send_mail(subject, body, None, [address])
    except (smtplib.SMTPException, OSError):
        messages.warning(
            request,
            _(
                "The mail to {address} could not be sent: send the link below yourself.",
                address=address,
            ),
        )
        return
    messages.success(request, _("Invitation sent to {address}.", address=address))


@workspace_view(MANAGE)
@require_POST
def change_role(
    request: HttpRequest, workspace: Workspace, membership: Membership, member_id: int
) -> HttpResponse:
    member = get_object_or_404(Membership, id=member_id, workspace=workspace)
    role = request.POST.get("role")
    owners = workspace.members.filter(role=Role.OWNER).count()
    keeps_an_owner = not (member.role == Role.OWNER and owners == 1)
    if request.POST.get("remove") and keeps_an_owner:
        member.delete()
    elif role in Role.values and (keeps_an_owner or role == Role.OWNER):
        member.role = role
        member.save(update_fields=["role"])
    return redirect("web:members", slug=workspace.slug)


@workspace_view(MANAGE)
@require_POST
def renew_feed(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    """A new secret for the calendar feed: the old subscription URL stops working."""
    workspace.ics_token = new_token()
    workspace.save(update_fields=["ics_token"])
    return redirect("web:plan", slug=workspace.slug)
