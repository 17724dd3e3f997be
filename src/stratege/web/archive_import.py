"""Reading a workspace archive (:mod:`stratege.web.archive`) and making it a workspace:
every check first (those of any upload in :mod:`stratege.web.archive_checks`, then what the
records say of each other, then every version's YAML through the core), then the writes,
in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from pydantic import TypeAdapter, ValidationError

from stratege.i18n.catalogue import N_
from stratege.services import strategies
from stratege.strategy import StrategyFileError
from stratege.web.archive_checks import (
    ArchiveRefused,
    check_chart,
    check_pack,
    parse_json,
    text,
    unpack,
)
from stratege.web.archive_records import (
    FORMAT,
    FORMAT_VERSION,
    ChartRecord,
    DraftRecord,
    Manifest,
    MemberRecord,
    PlanRecord,
    VersionRecord,
    WorkspaceRecord,
    chart_path,
    field_problem,
    plan_folder,
    version_path,
)
from stratege.web.models import PlanChart, PlanRun, PostDraft, Review, StrategyVersion, Workspace
from stratege.web.views.workspaces import create_workspace

TWICE = N_("appears twice")
NO_SUCH_VERSION = N_("no version of the archive has this number")
OUT_OF_ORDER = N_("plans are numbered 1, 2, 3… in their order")


@dataclass(frozen=True)
class PlanContent:
    record: PlanRecord
    summary: dict[str, Any]
    slots: list[Any]
    plan_json: str
    ics: bytes
    pack: bytes
    charts: list[tuple[ChartRecord, str]]


@dataclass(frozen=True)
class Archive:
    """A checked archive, ready to become a workspace."""

    manifest: Manifest
    workspace: WorkspaceRecord
    members: list[MemberRecord]
    versions: list[tuple[VersionRecord, str]]  # each with its YAML text
    plans: list[PlanContent]
    drafts: list[DraftRecord]

    def people(self) -> frozenset[str]:
        """Every user name the archive gives as an author (its members aside)."""
        names = {v.author for v, _ in self.versions}
        names |= {r.author for v, _ in self.versions for r in v.reviews}
        names |= {p.record.requested_by for p in self.plans}
        names |= {d.updated_by for d in self.drafts}
        return frozenset(n for n in names if n is not None)


def read_archive(data: bytes) -> Archive:
    """The archive's content, every check passed; raises ArchiveRefused saying why."""
    entries = unpack(data, settings.MAX_WORKSPACE_ARCHIVE_BYTES)
    manifest = _manifest(entries)
    workspace = _load(entries, "workspace.json", WorkspaceRecord)
    members = _load(entries, "members.json", list[MemberRecord])
    versions = _load(entries, "versions.json", list[VersionRecord])
    plans = _load(entries, "plans.json", list[PlanRecord])
    drafts = _load(entries, "drafts.json", list[DraftRecord])
    _check_links(versions, plans, drafts)
    _check_entries(entries, versions, plans)
    return Archive(
        manifest=manifest,
        workspace=workspace,
        members=members,
        versions=[(v, _strategy(entries, version_path(v.number))) for v in versions],
        plans=[_plan(entries, p) for p in plans],
        drafts=drafts,
    )


def _manifest(entries: Mapping[str, bytes]) -> Manifest:
    if "manifest.json" not in entries:
        raise ArchiveRefused("no_manifest")
    try:
        manifest = Manifest.model_validate(parse_json(entries, "manifest.json"))
    except (ArchiveRefused, ValidationError):
        raise ArchiveRefused("not_stratege") from None
    if manifest.format != FORMAT:
        raise ArchiveRefused("not_stratege")
    if manifest.format_version != FORMAT_VERSION:
        raise ArchiveRefused(
            "newer_format",
            version=manifest.format_version,
            application=manifest.application_version or "?",
            known=FORMAT_VERSION,
        )
    return manifest


T = TypeVar("T")


def _load(entries: Mapping[str, bytes], name: str, schema: type[T]) -> T:
    """A JSON entry, checked against its schema (strictly: no text for a number)."""
    if name not in entries:
        raise ArchiveRefused("missing", entry=name)
    parse_json(entries, name)  # its line and column when it is not JSON; no NUL
    try:
        return TypeAdapter(schema).validate_json(entries[name], strict=True)
    except ValidationError as error:
        pointer, problem, values = field_problem(error.errors()[0])
        raise ArchiveRefused(
            "bad_field", entry=name, field=pointer, problem=(problem, values)
        ) from None


def _check_links(
    versions: list[VersionRecord], plans: list[PlanRecord], drafts: list[DraftRecord]
) -> None:
    """What no schema says: numbers once, plans in order and of a version the archive has."""
    _once("versions.json", "/{}/number", [v.number for v in versions])
    _once("drafts.json", "/{}/slot_id", [d.slot_id for d in drafts])
    numbers = {v.number for v in versions}
    for index, plan in enumerate(plans):
        if plan.number != index + 1:
            raise _refused_at("plans.json", f"/{index}/number", OUT_OF_ORDER)
        if plan.version not in numbers:
            raise _refused_at("plans.json", f"/{index}/version", NO_SUCH_VERSION)
        _once("plans.json", f"/{index}/charts/{{}}", [(c.name, c.lang) for c in plan.charts])


def _once(name: str, pointer: str, keys: list[Any]) -> None:
    seen: set[Any] = set()
    for index, key in enumerate(keys):
        if key in seen:
            raise _refused_at(name, pointer.format(index), TWICE)
        seen.add(key)


def _refused_at(name: str, pointer: str, problem: str) -> ArchiveRefused:
    return ArchiveRefused("bad_field", entry=name, field=pointer, problem=(problem, {}))


def _check_entries(
    entries: Mapping[str, bytes], versions: list[VersionRecord], plans: list[PlanRecord]
) -> None:
    """Exactly the entries the records call for: a plan's plan, feed and pack may be
    absent, and so may folders (which a ZIP tool may add as empty entries)."""
    required = {"manifest.json", "workspace.json", "members.json", "versions.json"}
    required |= {"plans.json", "drafts.json", *(version_path(v.number) for v in versions)}
    optional: set[str] = set()
    for plan in plans:
        folder = plan_folder(plan.number)
        required |= {folder + "summary.json", folder + "slots.json"}
        required |= {chart_path(plan.number, c.name, c.lang) for c in plan.charts}
        optional |= {folder + "plan.json", folder + "calendar.ics", folder + "pack.zip"}
    folders = {n[: i + 1] for n in required | optional for i, c in enumerate(n) if c == "/"}
    for name in sorted(entries):
        known = name in required or name in optional
        if not known and not (name in folders and not entries[name]):
            raise ArchiveRefused("unexpected", entry=name)
    for name in sorted(required - set(entries)):
        raise ArchiveRefused("missing", entry=name)


def _strategy(entries: Mapping[str, bytes], name: str) -> str:
    """A version's text, exactly as archived, once the core has read it."""
    if len(entries[name]) > settings.MAX_STRATEGY_BYTES:
        raise ArchiveRefused("yaml_too_large", entry=name)
    yaml_text = text(entries, name)
    try:
        strategies.parse(yaml_text, name)
    except StrategyFileError as error:
        raise ArchiveRefused("bad_strategy", entry=name, problems=error.problems) from None
    return yaml_text


def _plan(entries: Mapping[str, bytes], record: PlanRecord) -> PlanContent:
    folder = plan_folder(record.number)
    plan_json = ""
    if folder + "plan.json" in entries:
        _load(entries, folder + "plan.json", dict[str, Any])
        plan_json = text(entries, folder + "plan.json")
    return PlanContent(
        record=record,
        summary=_load(entries, folder + "summary.json", dict[str, Any]),
        slots=_load(entries, folder + "slots.json", list[Any]),
        plan_json=plan_json,
        ics=entries.get(folder + "calendar.ics", b""),
        pack=check_pack(entries, folder + "pack.zip"),
        charts=[
            (chart, check_chart(entries, chart_path(record.number, chart.name, chart.lang)))
            for chart in record.charts
        ],
    )


def unmatched_people(archive: Archive) -> list[str]:
    """The people the archive names who have no account here: left empty on import."""
    return sorted(archive.people() - set(_users(archive)))


def _users(archive: Archive) -> dict[str, Any]:
    users = get_user_model().objects.filter(username__in=archive.people())
    return {str(u.get_username()): u for u in users}


def restore(archive: Archive, owner: Any, name: str | None = None) -> Workspace:
    """The checked archive as a new workspace, in one transaction: ``owner`` its only
    member, a new address and a new calendar secret, people matched by user name."""
    people = _users(archive)
    with transaction.atomic():
        workspace = create_workspace(name or archive.workspace.name, owner)
        workspace.created_at = archive.workspace.created_at
        workspace.save(update_fields=["created_at"])
        versions = {
            record.number: _restore_version(workspace, record, yaml_text, people)
            for record, yaml_text in archive.versions
        }
        for plan in archive.plans:
            _restore_plan(workspace, plan, versions[plan.record.version], people)
        PostDraft.objects.bulk_create(
            PostDraft(
                workspace=workspace,
                slot_id=d.slot_id,
                idea=d.idea,
                text=d.text,
                status=d.status,
                moved_to=d.moved_to,
                updated_by=people.get(d.updated_by or ""),
                updated_at=d.updated_at,
            )
            for d in archive.drafts
        )
    return workspace


def _restore_version(
    workspace: Workspace, record: VersionRecord, yaml_text: str, people: Mapping[str, Any]
) -> StrategyVersion:
    version: StrategyVersion = StrategyVersion.objects.create(
        workspace=workspace,
        number=record.number,
        yaml_text=yaml_text,
        author=people.get(record.author or ""),
        created_at=record.created_at,
        message=record.message,
    )
    Review.objects.bulk_create(
        Review(
            version=version,
            action=r.action,
            author=people.get(r.author or ""),
            comment=r.comment,
            created_at=r.created_at,
        )
        for r in record.reviews
    )
    return version


def _restore_plan(
    workspace: Workspace, plan: PlanContent, version: StrategyVersion, people: Mapping[str, Any]
) -> None:
    record = plan.record
    run = PlanRun.objects.create(
        workspace=workspace,
        version=version,
        status=record.status,
        progress=record.progress,
        plan_json=plan.plan_json,
        summary=plan.summary,
        slots=plan.slots,
        ics=plan.ics,
        pack_zip=plan.pack,
        error=record.error,
        requested_by=people.get(record.requested_by or ""),
        created_at=record.created_at,
        finished_at=record.finished_at,
    )
    PlanChart.objects.bulk_create(
        PlanChart(run=run, name=c.name, lang=c.lang, svg=svg) for c, svg in plan.charts
    )
