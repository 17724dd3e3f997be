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
(:mod:`stratege.web.archive_checks`). Then it writes in one transaction
(:mod:`stratege.web.archive_import`).

Limits, since the models stay as they are: the importing user becomes the workspace's only
member (its owner) — the archive's members are shown, never given access; a person is
matched to this server's user of the same user name and left empty when there is none,
so on another server that person's name is lost from the workspace (the archive keeps it).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model

import stratege
from stratege.archive import zip_bytes
from stratege.web.archive_checks import ArchiveRefused
from stratege.web.archive_import import Archive, read_archive, restore, unmatched_people
from stratege.web.archive_records import (
    FORMAT,
    FORMAT_VERSION,
    chart_path,
    plan_folder,
    version_path,
)
from stratege.web.models import PlanRun, Review, Workspace

__all__ = [
    "Archive",
    "ArchiveRefused",
    "export_workspace",
    "import_workspace",
    "read_archive",
    "restore",
    "unmatched_people",
]

KEPT_STATUSES = (PlanRun.Status.DONE, PlanRun.Status.FAILED)


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
        files[version_path(version.number)] = version.yaml_text.encode("utf-8")
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
        folder = plan_folder(number)
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
            files[chart_path(number, chart.name, chart.lang)] = chart.svg.encode("utf-8")
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


# Import.


def import_workspace(data: bytes, owner: Any, name: str | None = None) -> Workspace:
    """A new workspace from an archive, owned by ``owner`` alone; raises ArchiveRefused
    (nothing written) when the archive is not one Stratège can take as it is."""
    return restore(read_archive(data), owner, name)


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
