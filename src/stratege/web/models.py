"""What the web application keeps: workspaces and their members, the strategy's versions
and their approval, the plans computed from them, and the posts' drafts.

A strategy version keeps its YAML text exactly as saved (comments and key order included):
the core parses it again when needed, so the database never holds a second model of it.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from stratege.web.roles import Role


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Workspace(models.Model):
    """One organisation (an agency has one per client): its strategy, members and plan."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    ics_token = models.CharField(max_length=64, default=new_token, unique=True)

    def __str__(self) -> str:
        return str(self.name)

    def head(self) -> StrategyVersion | None:
        version: StrategyVersion | None = self.versions.order_by("-number").first()
        return version

    def approved(self) -> StrategyVersion | None:
        """The latest version whose last review approved it (one query)."""
        last_action = (
            Review.objects.filter(version=models.OuterRef("pk"))
            .order_by("-created_at", "-id")
            .values("action")[:1]
        )
        found: StrategyVersion | None = (
            self.versions.annotate(last_action=models.Subquery(last_action))
            .filter(last_action=Review.Action.APPROVED)
            .order_by("-number")
            .first()
        )
        return found


class Membership(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    person = models.CharField(max_length=100, blank=True)  # id in resources.people

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "user"], name="one_membership")]


class Invitation(models.Model):
    """A link that makes whoever opens it (signed in or signing up) a member."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, default=new_token, unique=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_invitations",
    )

    def usable(self) -> bool:
        age = timezone.now() - self.created_at
        return self.accepted_by_id is None and age.days < 14


class SetupLink(models.Model):
    """The one-time link, printed by ``stratege serve`` on first start, that creates the
    first administrator."""

    token = models.CharField(max_length=64, default=new_token, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    language = models.CharField(max_length=2, choices=[("fr", "Français"), ("en", "English")])


class StrategyVersion(models.Model):
    """Every save: the whole strategy as YAML, who saved it, when and why."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    yaml_text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    message = models.CharField(max_length=300, blank=True)
    # What pages read of the version, computed once when it is first read (each question's
    # sections as YAML, the findings per language): reads never parse the YAML again.
    derived = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "number"], name="one_number")]
        ordering = ["-number"]

    def status(self) -> str:
        """The last review's action (draft when none)."""
        last = self.reviews.order_by("-created_at", "-id").first()
        return str(last.action) if last else "draft"


class Review(models.Model):
    """A step of the approval: submitted, approved, or changes requested, with a comment."""

    class Action(models.TextChoices):
        DRAFT = "draft", "draft"
        SUBMITTED = "submitted", "submitted"
        APPROVED = "approved", "approved"
        CHANGES = "changes_requested", "changes requested"

    version = models.ForeignKey(StrategyVersion, on_delete=models.CASCADE, related_name="reviews")
    action = models.CharField(max_length=20, choices=Action.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)


class PlanRun(models.Model):
    """A plan computed in the background from one version: its progress, then the plan
    (the core's JSON), the pack (ZIP) and the calendar feed (ICS)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="plans")
    version = models.ForeignKey(StrategyVersion, on_delete=models.CASCADE, related_name="plans")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    plan_json = models.TextField(blank=True)
    # What the pages show of the plan, written with it: its summary and one compact record
    # per post (the calendar never reads the whole plan back).
    summary = models.JSONField(default=dict, blank=True)
    slots = models.JSONField(default=list, blank=True)
    ics = models.BinaryField(blank=True, default=b"")
    pack_zip = models.BinaryField(blank=True, default=b"")
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    # The columns a page listing runs or showing progress never needs.
    HEAVY = ("plan_json", "ics", "pack_zip", "slots")

    class Meta:
        ordering = ["-created_at", "-id"]


class PlanChart(models.Model):
    """A chart of a computed plan as SVG, in one language (drawn by the worker)."""

    run = models.ForeignKey(PlanRun, on_delete=models.CASCADE, related_name="charts")
    name = models.CharField(max_length=40)
    lang = models.CharField(max_length=2)
    svg = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "name", "lang"], name="one_chart_per_language")
        ]


class PostDraft(models.Model):
    """The idea and draft text of one planned post (a slot of the plan, by its stable id)."""

    class Status(models.TextChoices):
        IDEA = "idea", "idea"
        DRAFTED = "drafted", "drafted"
        APPROVED = "approved", "approved"
        SCHEDULED = "scheduled", "scheduled"
        PUBLISHED = "published", "published"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="drafts")
    slot_id = models.CharField(max_length=80)
    idea = models.TextField(blank=True)
    text = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.IDEA)
    # Where the post was moved in the calendar (None: where the plan put it).
    moved_to = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "slot_id"], name="one_draft_per_slot")
        ]
