"""A workspace as one ZIP file: exported to move a client to another server, to archive a
finished client or to hand a copy over; imported as a new workspace.

Layout, format 1 (``FORMAT_VERSION`` rises when it changes: an older Stratège then refuses
a newer archive instead of misreading it)::

    manifest.json             {"format": "stratege-workspace", "format_version": 1,
                               "application": "stratege", "application_version": "…"}
    workspace.json            {"name", "created_at"}
    members.json              [{"username", "role"}]: for the record only
    versions.json             [{"number", "author", "created_at", "message",
                                "reviews": [{"action", "author", "comment", "created_at"}]}]
    versions/0001.yaml        each version's text, byte for byte (comments, key order)
    plans.json                [{"number", "version", "status", "progress", "error",
                                "requested_by", "created_at", "finished_at",
                                "charts": [{"name", "lang"}]}]
    plans/0001/summary.json   what the pages show of the plan
    plans/0001/slots.json     one compact record per post
    plans/0001/plan.json      the core's plan as stored       } when the run
    plans/0001/calendar.ics   the calendar feed               } has one (a failed
    plans/0001/pack.zip       the documents' pack             } run has none)
    plans/0001/charts/NAME.LANG.svg
    drafts.json               [{"slot_id", "idea", "text", "status", "moved_to",
                                "updated_by", "updated_at"}]

People are named by user name (null: nobody); times are ISO 8601 in UTC; a plan run names
its version by number. The same workspace always gives the same bytes: records in a fixed
order, JSON with sorted keys, every entry dated by the workspace's latest change.

Not exported: the calendar feed's secret (an import makes a new one), invitations, runs
still queued or running (they have no plan yet and no worker would finish them), and the
versions' ``derived`` data (a cache the application computes again).

An import checks everything before it writes anything: the upload's size, the entries'
count and unpacked size (zip bombs), their paths (none absolute, none going up), that the
archive holds exactly the expected entries, the manifest's format version, every JSON file
against its schema (:mod:`stratege.web.archive_records`), every version's YAML with the
core, every pack as a ZIP and every chart as an SVG that runs no code and loads nothing
(:mod:`stratege.web.archive_checks`). Then it writes in one transaction.

Limits, since the models stay as they are: the importing user becomes the workspace's only
member (its owner) — the archive's members are shown, never given access; a person is
matched to this server's user of the same user name and left empty when there is none,
so on another server that person's name is lost from the workspace (the archive keeps it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from pydantic import TypeAdapter, ValidationError

import stratege
from stratege.archive import zip_bytes
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
    ChartRecord,
    DraftRecord,
    Manifest,
    MemberRecord,
    PlanRecord,
    VersionRecord,
    WorkspaceRecord,
    field_problem,
)
from stratege.web.models import PlanChart, PlanRun, PostDraft, Review, StrategyVersion, Workspace
from stratege.web.views.workspaces import create_workspace

__all__ = ["Archive", "ArchiveRefused", "export_workspace", "import_workspace", "read_archive"]

FORMAT = "stratege-workspace"
FORMAT_VERSION = 1
KEPT_STATUSES = (PlanRun.Status.DONE, PlanRun.Status.FAILED)
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


# Export.


def export_workspace(workspace: Workspace) -> bytes:
    """The workspace as a ZIP archive (the layout above); the same workspace, the same bytes."""
    files: dict[str, bytes] = {}
    times = [workspace.created_at]
    files["manifest.json"] = _json(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "application": "stratege",
            "application_version": stratege.__version__,
        }
    )
    files["workspace.json"] = _json(
        {"name": workspace.name, "created_at": _time(workspace.created_at)}
    )
    members = workspace.members.select_related("user").order_by("user__username")
    files["members.json"] = _json([{"username": _who(m.user), "role": m.role} for m in members])
    times += _export_versions(workspace, files)
    times += _export_plans(workspace, files)
    times += _export_drafts(workspace, files)
    return zip_bytes(files, max(times).astimezone(dt.UTC))


def _export_versions(workspace: Workspace, files: dict[str, bytes]) -> list[dt.datetime]:
    reviews: dict[int, list[Review]] = {}
    for review in (
        Review.objects.filter(version__workspace=workspace)
        .select_related("author")
        .order_by("created_at", "id")
    ):
        reviews.setdefault(review.version_id, []).append(review)
    records, times = [], []
    for version in workspace.versions.select_related("author").order_by("number"):
        files[_version_path(version.number)] = version.yaml_text.encode("utf-8")
        steps = reviews.get(version.id, [])
        records.append(
            {
                "number": version.number,
                "author": _who(version.author),
                "created_at": _time(version.created_at),
                "message": version.message,
                "reviews": [
                    {
                        "action": r.action,
                        "author": _who(r.author),
                        "comment": r.comment,
                        "created_at": _time(r.created_at),
                    }
                    for r in steps
                ],
            }
        )
        times += [version.created_at, *(r.created_at for r in steps)]
    files["versions.json"] = _json(records)
    return times


def _export_plans(workspace: Workspace, files: dict[str, bytes]) -> list[dt.datetime]:
    runs = (
        workspace.plans.filter(status__in=KEPT_STATUSES)
        .select_related("version", "requested_by")
        .prefetch_related("charts")
        .order_by("created_at", "id")
    )
    records, times = [], []
    for number, run in enumerate(runs, start=1):
        folder = _plan_folder(number)
        charts = sorted(run.charts.all(), key=lambda c: (c.name, c.lang))
        files[folder + "summary.json"] = _json(run.summary)
        files[folder + "slots.json"] = _json(run.slots)
        for name, content in (
            ("plan.json", run.plan_json.encode("utf-8")),
            ("calendar.ics", bytes(run.ics)),
            ("pack.zip", bytes(run.pack_zip)),
        ):
            if content:
                files[folder + name] = content
        for chart in charts:
            files[_chart_path(number, chart.name, chart.lang)] = chart.svg.encode("utf-8")
        records.append(
            {
                "number": number,
                "version": run.version.number,
                "status": run.status,
                "progress": run.progress,
                "error": run.error,
                "requested_by": _who(run.requested_by),
                "created_at": _time(run.created_at),
                "finished_at": _time(run.finished_at),
                "charts": [{"name": c.name, "lang": c.lang} for c in charts],
            }
        )
        times += [run.created_at, *([run.finished_at] if run.finished_at else [])]
    files["plans.json"] = _json(records)
    return times


def _export_drafts(workspace: Workspace, files: dict[str, bytes]) -> list[dt.datetime]:
    drafts = workspace.drafts.select_related("updated_by").order_by("slot_id")
    files["drafts.json"] = _json(
        [
            {
                "slot_id": d.slot_id,
                "idea": d.idea,
                "text": d.text,
                "status": d.status,
                "moved_to": _time(d.moved_to),
                "updated_by": _who(d.updated_by),
                "updated_at": _time(d.updated_at),
            }
            for d in drafts
        ]
    )
    return [d.updated_at for d in drafts]


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _time(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def _who(user: Any) -> str | None:
    return None if user is None else str(user.get_username())


def _version_path(number: int) -> str:
    return f"versions/{number:04d}.yaml"


def _plan_folder(number: int) -> str:
    return f"plans/{number:04d}/"


def _chart_path(plan: int, name: str, lang: str) -> str:
    return f"{_plan_folder(plan)}charts/{name}.{lang}.svg"


# Import: every check first, then one transaction.


def import_workspace(data: bytes, owner: Any, name: str | None = None) -> Workspace:
    """A new workspace from an archive, owned by ``owner`` alone; raises ArchiveRefused
    (nothing written) when the archive is not one Stratège can take as it is."""
    return restore(read_archive(data), owner, name)


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
        versions=[(v, _strategy(entries, _version_path(v.number))) for v in versions],
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
    required |= {"plans.json", "drafts.json", *(_version_path(v.number) for v in versions)}
    optional: set[str] = set()
    for plan in plans:
        folder = _plan_folder(plan.number)
        required |= {folder + "summary.json", folder + "slots.json"}
        required |= {_chart_path(plan.number, c.name, c.lang) for c in plan.charts}
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
    folder = _plan_folder(record.number)
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
            (chart, check_chart(entries, _chart_path(record.number, chart.name, chart.lang)))
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


# The command line: python -m stratege.web export-workspace / import-workspace.


def export_to_file(slug: str, target: Path) -> str:
    """Write the workspace ``slug``'s archive to ``target`` (never overwritten)."""
    workspace = Workspace.objects.filter(slug=slug).first()
    if workspace is None:
        raise ArchiveRefused("no_workspace", slug=slug)
    try:
        with target.open("xb") as out:
            out.write(export_workspace(workspace))
    except FileExistsError:
        raise ArchiveRefused("file_exists", path=str(target)) from None
    return str(target)


def import_from_file(source: Path, username: str, name: str | None = None) -> str:
    """Import the archive ``source`` for the user ``username``; the workspace's address."""
    owner = get_user_model().objects.filter(username=username).first()
    if owner is None:
        raise ArchiveRefused("no_user", username=username)
    with source.open("rb") as archive:
        data = archive.read(settings.MAX_WORKSPACE_ARCHIVE_BYTES + 1)
    return f"/w/{import_workspace(data, owner, name).slug}/"
