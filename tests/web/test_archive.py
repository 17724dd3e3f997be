"""A workspace exported as one ZIP and imported as a new one: everything kept byte for
byte, nobody given access but the importer, and a bad archive refused with its file and
its reason, leaving the database as it was."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stratege.web import archive
from stratege.web.archive import ArchiveRefused, export_workspace, import_workspace, read_archive
from stratege.web.models import (
    Membership,
    PlanChart,
    PlanRun,
    PostDraft,
    Review,
    StrategyVersion,
    Workspace,
)
from stratege.web.roles import Role
from stratege.web.tasks import compute_plan
from tests.web.conftest import World

pytestmark = pytest.mark.django_db

CHART = (
    '<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><style>'
    '*{stroke-linecap: butt}</style><path id="p" d="M0 0L5 5"/></defs>'
    '<g clip-path="url(#c)"><use xlink:href="#p"/><text>Publications é</text></g></svg>\n'
)
TABLES = (Workspace, Membership, StrategyVersion, Review, PlanRun, PlanChart, PostDraft)


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        return {info.filename: opened.read(info) for info in opened.infolist()}


def _rezip(data: bytes, **changes: bytes | None) -> bytes:
    """The archive with entries replaced, added or (None) removed; names with a slash or
    a dot are given as a mapping: ``_rezip(data, **{"versions/0001.yaml": b"…"})``."""
    entries = _entries(data)
    for name, content in changes.items():
        if content is None:
            entries.pop(name, None)
        else:
            entries[name] = content
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as written:
        for name, content in entries.items():
            written.writestr(name, content)
    return buffer.getvalue()


def _counts() -> list[int]:
    return [table.objects.count() for table in TABLES]


def _history(world: World) -> PlanRun:
    """world.own with what a workspace gathers: a second version (with a comment), its
    submission and approval, a computed plan with a chart, a failed run, post drafts."""
    own, users = world.own, world.users
    head = own.head()
    assert head is not None
    text = "# Révisée après l’atelier : garder ce commentaire\n" + head.yaml_text
    second = StrategyVersion.objects.create(
        workspace=own, number=2, yaml_text=text, author=users[Role.EDITOR], message="atelier"
    )
    Review.objects.create(version=second, action="submitted", author=users[Role.EDITOR])
    Review.objects.create(
        version=second, action="approved", author=users[Role.APPROVER], comment="Bon pour moi"
    )
    run = PlanRun.objects.create(workspace=own, version=second, requested_by=users[Role.OWNER])
    compute_plan.enqueue(run.id)  # the tests' immediate backend: computed now
    run.refresh_from_db()
    assert run.status == PlanRun.Status.DONE, run.error
    PlanChart.objects.get_or_create(run=run, name="hand-drawn", lang="fr", defaults={"svg": CHART})
    PlanRun.objects.create(
        workspace=own, version=head, status=PlanRun.Status.FAILED, error="ValueError: test"
    )
    slots = [s["id"] for s in run.slots[:2]] or ["s-1", "s-2"]
    PostDraft.objects.create(
        workspace=own, slot_id=slots[0], idea="Photo du four", status="drafted",
        text="Le pain sort à 6 h.", moved_to=timezone.now(), updated_by=users[Role.CONTRIBUTOR],
    )  # fmt: skip
    PostDraft.objects.create(workspace=own, slot_id=slots[1], idea="Recette", updated_by=None)
    return run


def test_a_round_trip_gives_the_same_archive_and_the_same_workspace(world: World) -> None:
    run = _history(world)
    first = export_workspace(world.own)
    assert export_workspace(world.own) == first  # deterministic: same workspace, same bytes
    copy = import_workspace(first, world.users[Role.OWNER], "Copie")
    again = _entries(export_workspace(copy))
    original = _entries(first)
    assert again.keys() == original.keys()
    # the members differ (the importer alone); the workspace's name was given
    different = sorted(n for n in original if original[n] != again[n])
    assert different == ["members.json", "workspace.json"]
    assert json.loads(again["workspace.json"])["name"] == "Copie"
    assert copy.slug != world.own.slug and copy.ics_token != world.own.ics_token
    for before, after in zip(
        world.own.versions.order_by("number"), copy.versions.order_by("number"), strict=True
    ):
        assert after.yaml_text == before.yaml_text  # comments and key order included
        assert (after.author, after.created_at, after.message) == (
            before.author,
            before.created_at,
            before.message,
        )
        assert after.derived == {}
    assert "# Révisée après l’atelier" in copy.versions.get(number=2).yaml_text
    assert copy.approved() is not None and copy.approved().number == 2  # type: ignore[union-attr]
    kept = copy.plans.get(status=PlanRun.Status.DONE)
    assert kept.plan_json == run.plan_json and bytes(kept.pack_zip) == bytes(run.pack_zip)
    assert bytes(kept.ics) == bytes(run.ics) and kept.slots == run.slots
    assert kept.summary == run.summary and kept.version.number == 2
    charts = {(c.name, c.lang): c.svg for c in kept.charts.all()}
    assert charts == {(c.name, c.lang): c.svg for c in run.charts.all()}
    assert copy.plans.get(status=PlanRun.Status.FAILED).error == "ValueError: test"
    assert _drafts(copy) == _drafts(world.own)


def _drafts(workspace: Workspace) -> list[tuple[object, ...]]:
    return [
        (d.slot_id, d.idea, d.text, d.status, d.moved_to, d.updated_by)
        for d in workspace.drafts.order_by("slot_id")
    ]


def test_the_imported_workspace_works_for_its_new_owner(world: World) -> None:
    _history(world)
    copy = import_workspace(export_workspace(world.own), world.users[Role.OWNER])
    owner = world.client(Role.OWNER)
    for name in ("dashboard", "versions", "plan"):
        assert owner.get(reverse(f"web:{name}", args=[copy.slug])).status_code == 200
    feed = Client().get(reverse("web:feed", args=[copy.ics_token]))
    assert feed.status_code == 200 and b"BEGIN:VCALENDAR" in feed.content
    assert Client().get(reverse("web:feed", args=[world.own.ics_token])).status_code == 200


def test_only_owners_may_export(world: World) -> None:
    url = reverse("web:export_workspace", args=[world.own.slug])
    for role in Role.values:
        response = world.client(role).get(url)
        assert response.status_code == (200 if role == Role.OWNER else 403), role
    response = world.client(Role.OWNER).get(url)
    assert response["Content-Type"] == "application/zip"
    assert response.content == export_workspace(world.own)
    stranger = Client()
    stranger.force_login(get_user_model().objects.get(username="stranger"))
    assert stranger.get(url).status_code == 404


def _upload(client: Client, data: bytes, **extra: str):  # type: ignore[no-untyped-def]
    file = SimpleUploadedFile("espace.zip", data, content_type="application/zip")
    return client.post(reverse("web:import_workspace"), {"file": file, **extra})


def test_an_import_makes_nobody_but_the_importer_a_member(world: World) -> None:
    data = export_workspace(world.own)
    stranger = Client()
    stranger.force_login(get_user_model().objects.get(username="stranger"))
    response = _upload(stranger, data, name="Client repris")
    assert response.status_code == 200
    copy = response.context["workspace"]
    assert copy.name == "Client repris"
    members = [(m.user.username, m.role) for m in Membership.objects.filter(workspace=copy)]
    assert members == [("stranger", Role.OWNER)]
    page = response.content.decode()
    assert "editor" in page and "approver" in page  # the archive's members, for the record
    for role in Role.values:  # they were members of the exported workspace, not of this one
        assert world.client(role).get(reverse("web:dashboard", args=[copy.slug])).status_code == 404


def test_an_author_without_an_account_is_left_empty_and_named(world: World) -> None:
    data = export_workspace(world.own)
    versions = json.loads(_entries(data)["versions.json"])
    versions[0]["author"] = "ghost"
    response = _upload(
        world.client(Role.VIEWER), _rezip(data, **{"versions.json": json.dumps(versions).encode()})
    )
    assert response.status_code == 200
    assert response.context["unmatched"] == ["ghost"]
    assert response.context["workspace"].versions.get(number=1).author is None


def _versions_with(data: bytes, **fields: object) -> bytes:
    versions = json.loads(_entries(data)["versions.json"])
    versions[0].update(fields)
    return json.dumps(versions).encode()


REFUSED = {
    "dot-dot path": (lambda d: _rezip(d, **{"../evil.txt": b"x"}), "../evil.txt"),
    "absolute path": (lambda d: _rezip(d, **{"/etc/cron.d/x": b"x"}), "/etc/cron.d/x"),
    "unknown entry": (lambda d: _rezip(d, **{"notes.txt": b"x"}), "notes.txt"),
    "missing version": (lambda d: _rezip(d, **{"versions/0001.yaml": None}), "versions/0001.yaml"),
    "no manifest": (lambda d: _rezip(d, **{"manifest.json": None}), "manifest.json"),
    "newer format": (
        lambda d: _rezip(
            d,
            **{
                "manifest.json": json.dumps(
                    {
                        "format": "stratege-workspace",
                        "format_version": 99,
                        "application_version": "9.0",
                    }
                ).encode()
            },
        ),
        "99",
    ),
    "not JSON": (lambda d: _rezip(d, **{"drafts.json": b"[{"}), "drafts.json"),
    "a field of the wrong type": (
        lambda d: _rezip(d, **{"versions.json": _versions_with(d, author=5)}),
        "versions.json, en /0/author",
    ),
    "an unknown field": (
        lambda d: _rezip(d, **{"versions.json": _versions_with(d, derived={})}),
        "/0/derived",
    ),
    "a time without its zone": (
        lambda d: _rezip(d, **{"versions.json": _versions_with(d, created_at="2027-01-01T10:00")}),
        "/0/created_at",
    ),
    "broken YAML": (
        lambda d: _rezip(d, **{"versions/0001.yaml": b"strategy: [\n"}),
        "versions/0001.yaml",
    ),
    "a strategy that does not validate": (
        lambda d: _rezip(d, **{"versions/0001.yaml": b"organisation: 3\n"}),
        "versions/0001.yaml",
    ),
    "a NUL in a text": (
        lambda d: _rezip(d, **{"versions.json": _versions_with(d, message="a\u0000b")}),
        "NUL",
    ),
    "not a ZIP": (lambda d: b"PK\x03\x04 not really", "ZIP"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_bad_archive_is_refused_with_its_reason_and_changes_nothing(
    world: World, case: str
) -> None:
    spoil, said = REFUSED[case]
    data = spoil(export_workspace(world.own))
    before = _counts()
    response = _upload(world.client(Role.EDITOR), data)  # French: the application's default
    assert response.status_code == 400
    assert said in response.context["problems"][0], response.context["problems"]
    assert "Import refusé" in response.content.decode()
    assert _counts() == before


def test_a_refusal_is_worded_in_the_readers_language(world: World) -> None:
    data = _rezip(export_workspace(world.own), **{"notes.txt": b"x"})
    english = world.client(Role.VIEWER)  # the choice is kept in the user's profile
    english.post(reverse("web:language"), {"language": "en", "next": "/"})
    response = _upload(english, data)
    assert response.context["problems"] == [
        "The archive holds a file Stratège does not expect: notes.txt."
    ]
    response = _upload(world.client(Role.EDITOR), data)
    assert response.context["problems"] == [
        "L’archive contient un fichier que Stratège n’attend pas\u00a0: notes.txt."
    ]


def test_a_too_large_upload_is_refused_before_it_is_read(world: World, settings) -> None:
    data = export_workspace(world.own)
    settings.MAX_WORKSPACE_ARCHIVE_BYTES = len(data) - 1
    before = _counts()
    response = _upload(world.client(Role.EDITOR), data)
    assert response.status_code == 400 and "trop volumineuse" in response.context["problems"][0]
    assert _counts() == before


def test_a_zip_bomb_is_refused_before_it_is_unpacked(world: World, settings) -> None:
    settings.MAX_WORKSPACE_ARCHIVE_BYTES = 1024 * 1024
    bomb = _rezip(export_workspace(world.own), **{"drafts.json": b" " * (8 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small to upload, 8 MB once unpacked
    with pytest.raises(ArchiveRefused) as refused:
        read_archive(bomb)
    assert refused.value.code == "too_much_data"


def test_a_chart_that_could_run_code_is_refused(world: World) -> None:
    head = world.own.head()
    run = PlanRun.objects.create(workspace=world.own, version=head, status=PlanRun.Status.FAILED)
    evil = CHART.replace("<text>", '<text onclick="steal()">')
    PlanChart.objects.create(run=run, name="posts", lang="en", svg=evil)
    before = _counts()
    with pytest.raises(ArchiveRefused) as refused:
        import_workspace(export_workspace(world.own), world.users[Role.OWNER])
    assert refused.value.message("en") == (
        "plans/0001/charts/posts.en.svg is not a chart as Stratège draws them: "
        "it holds an event attribute (onclick)."
    )
    PlanChart.objects.filter(run=run).update(
        svg=CHART.replace("<text>", "<script>x()</script><text>")
    )
    with pytest.raises(ArchiveRefused, match="script"):
        read_archive(export_workspace(world.own))
    assert _counts() == before


def test_a_failure_while_writing_leaves_nothing(world: World) -> None:
    _history(world)
    checked = read_archive(export_workspace(world.own))
    twice = dataclasses.replace(checked, drafts=[checked.drafts[0], checked.drafts[0]])
    before = _counts()
    with pytest.raises(IntegrityError):  # the drafts, written last, break a constraint
        archive.restore(twice, world.users[Role.OWNER])
    assert _counts() == before


def _web(data: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(STRATEGE_INSECURE_HTTP="1", LANG="en_GB.UTF-8", LC_ALL="en_GB.UTF-8")
    env.update(DJANGO_SUPERUSER_PASSWORD="correct horse battery staple")
    return subprocess.run(
        [sys.executable, "-m", "stratege.web", "--data", str(data), *arguments],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip


def test_the_command_line_moves_a_workspace_to_another_server(world: World, tmp_path: Path) -> None:
    """Exported here, imported on a fresh server (SQLite) where nobody of the first one
    has an account, exported there again: the same archive but for its members and
    authors, who are left empty."""
    _history(world)
    moved = tmp_path / "client.zip"
    moved.write_bytes(export_workspace(world.own))
    server = tmp_path / "other-server"
    assert _web(server, "manage", "migrate", "-v", "0").returncode == 0
    made = _web(
        server, "manage", "createsuperuser", "--noinput", "--username", "ana", "--email", "a@b.fr"
    )
    assert made.returncode == 0, made.stderr
    imported = _web(server, "import-workspace", str(moved), "--owner", "ana")
    assert imported.returncode == 0, imported.stderr
    address = imported.stdout.strip()
    assert address == f"/w/{world.own.slug}/"  # the slug is free on that server
    back = tmp_path / "back.zip"
    exported = _web(server, "export-workspace", address.split("/")[2], str(back))
    assert exported.returncode == 0, exported.stderr
    original, again = _entries(moved.read_bytes()), _entries(back.read_bytes())
    assert json.loads(again["members.json"]) == [{"username": "ana", "role": "owner"}]
    for name in original:
        if name.endswith(".yaml") or name.startswith("plans/"):
            assert again[name] == original[name], name
    authors = {v["author"] for v in json.loads(again["versions.json"])}
    assert authors == {None}
    refused = _web(server, "import-workspace", str(tmp_path / "back.zip"), "--owner", "nobody")
    assert refused.returncode == 2 and "No user is called nobody." in refused.stderr
    again_export = _web(server, "export-workspace", address.split("/")[2], str(back))
    assert again_export.returncode == 2 and "exists" in again_export.stderr


def _zip(*entries: tuple[str, bytes], encrypted: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as written:
        for name, content in entries:
            written.writestr(name, content)
    data = bytearray(buffer.getvalue())
    if encrypted:  # Python writes no encrypted entry: its flag set by hand, in both headers
        data[6] |= 0x1
        data[data.rindex(b"PK\x01\x02") + 8] |= 0x1
    return bytes(data)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_what_any_zip_must_pass_is_checked_before_it_is_read() -> None:
    cases = {
        "too_many_entries": _zip(*[(f"{n}.txt", b"") for n in range(10_001)]),
        "duplicate": _zip(("manifest.json", b"{}"), ("manifest.json", b"{}")),
        "encrypted": _zip(("manifest.json", b"{}"), encrypted=True),
        "unsafe_path": _zip(("versions/../../x", b"")),
    }
    for code, data in cases.items():
        with pytest.raises(ArchiveRefused) as refused:
            read_archive(data)
        assert refused.value.code == code


@pytest.mark.parametrize(
    "spoil",
    [
        '<image href="https://tracker.example/p.png"/>',
        "<style>@import url(https://fonts.example/f.css);</style>",
        '<rect style="fill: url(https://x.example/#g)"/>',
        '<a href="javascript:alert(1)"><text>x</text></a>',
        "<foreignObject><p>hello</p></foreignObject>",
    ],
)
def test_a_chart_that_loads_anything_is_refused(world: World, spoil: str) -> None:
    run = PlanRun.objects.create(workspace=world.own, version=world.own.head(), status="failed")
    PlanChart.objects.create(
        run=run, name="posts", lang="fr", svg=CHART.replace("</svg>", spoil + "</svg>")
    )
    with pytest.raises(ArchiveRefused) as refused:
        read_archive(export_workspace(world.own))
    assert refused.value.code == "bad_chart"


def test_owners_find_the_export_and_everyone_the_import(world: World) -> None:
    export = reverse("web:export_workspace", args=[world.own.slug])
    members = reverse("web:members", args=[world.own.slug])
    assert export in world.client(Role.OWNER).get(members).content.decode()
    assert export not in world.client(Role.EDITOR).get(members).content.decode()
    home = world.client(Role.VIEWER).get(reverse("web:home")).content.decode()
    assert f'action="{reverse("web:import_workspace")}" enctype="multipart/form-data"' in home
