"""The document's cover says which version of the strategy it shows and who approved it
when the web application gives it; from the command line it says nothing of it."""

from __future__ import annotations

import datetime as dt

from stratege.reports.approval import Approval
from stratege.reports.build import build_document
from stratege.services import planning, strategies


def _cover(approval: Approval | None, lang: str = "en") -> dict[str, str]:
    result = planning.plan(strategies.example("northwind-analytics"))
    document = build_document(
        result.plan,
        result.findings,
        lang,
        dt.date(2026, 12, 7),
        approval=approval,  # type: ignore[arg-type]
    )
    return dict(document.meta)


def test_no_approval_no_version_line() -> None:
    assert "Version" not in _cover(None)


def test_the_approved_version_its_approver_and_the_day() -> None:
    cover = _cover(Approval(4, "Claire Martin", dt.date(2026, 12, 1), "Go"))
    assert cover["Version"] == "version 4, approved by Claire Martin on 1 December 2026: “Go”"
    french = _cover(Approval(4, "Claire Martin", dt.date(2026, 12, 1)), "fr")
    assert french["Version"] == "version 4, validée par Claire Martin le 1 décembre 2026"


def test_a_version_not_approved_says_so() -> None:
    assert _cover(Approval(2))["Version"] == "version 2, not approved"
