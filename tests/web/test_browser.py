"""Whole journeys in a real browser (Debian's Chromium driven by Playwright) against
`stratege serve` itself: gunicorn, the background worker and SQLite, as a user runs them.
Every page visited is checked by axe-core (no serious or critical violation).

Skipped where Chromium or Playwright is missing (CI installs both). With
``STRATEGE_SCREENSHOTS=docs/screenshots`` the main pages are saved there, in FR and EN.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "un mot de passe assez long"
SHOTS = os.environ.get("STRATEGE_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    data = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "stratege.web", "--data", str(data), "serve", "--demo"),
            *("--port", str(port), "--workers", "1"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines: list[str] = []
    link = None
    assert process.stdout is not None
    deadline = time.monotonic() + 90
    while link is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        found = re.search(r"setup: (\S+)", line)
        link = found.group(1) if found else None
    assert link, "".join(lines)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):  # gunicorn binds a moment after the link is printed
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield {"base": base, "setup": link}
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


def _context(browser: Any, lang: str = "fr", state: Any = None) -> Any:
    # axe is injected into the page: the test's script, which the page's CSP would refuse
    return browser.new_context(
        bypass_csp=True, locale=lang, viewport={"width": 1280, "height": 900}, storage_state=state
    )


@pytest.fixture(scope="module")
def admin(server: dict[str, str], browser: Any) -> Any:
    """The first administrator, created in the browser from the link printed at the first
    start (each test process has its own server); the signed-in session, for the tests."""
    context = _context(browser)
    page = context.new_page()
    page.goto(server["setup"])
    _accessible(page)
    _sign_up(page, "claire")
    page.wait_for_url(server["base"] + "/")
    _accessible(page)
    assert page.locator("ul.cards li").count() == 3  # a demo workspace per example
    state = context.storage_state()
    context.close()
    return state


def _accessible(page: Any) -> None:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    serious = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, (page.url, serious)


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def _sign_up(page: Any, username: str) -> None:
    page.fill("#id_username", username)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("main button[type=submit]").click()


def test_the_whole_journey_in_a_browser(server: dict[str, str], browser: Any, admin: Any) -> None:
    session = admin
    admin = _context(browser, state=session).new_page()
    admin.goto(server["base"] + "/")
    # a new workspace, from an example
    admin.fill("#id_name", "Boulangeries Test")
    admin.select_option("#id_example", "boulangeries-martin")
    admin.locator("main form:has(#id_name) button[type=submit]").click()
    admin.wait_for_url(re.compile(r"/w/boulangeries-test/$"))
    _accessible(admin)
    _shot(admin, "web-dashboard-fr")
    slug_url = admin.url
    # a question: diagnostics appear and disappear as the text changes
    admin.goto(slug_url + "q/7/")
    _accessible(admin)
    _shot(admin, "web-question-fr")
    admin.locator("details.advanced summary").click()  # the YAML text, under the form
    editor = admin.locator("#id_text")
    original = editor.input_value()
    editor.fill("cadence: [\n")
    admin.wait_for_selector("#findings .problems")
    editor.fill(original)
    admin.wait_for_selector("#findings .findings, #findings .ok")
    assert admin.locator("#findings .problems").count() == 0
    editor.fill(original.replace("posts: 1\n", "posts: 2\n", 1))
    admin.fill("#id_message", "Deux posts par jour sur Facebook")
    admin.locator("#question-form button[type=submit]").click()
    admin.wait_for_url(re.compile(r"/q/7/$"))
    # an approver joins by invitation, in another browser
    admin.goto(slug_url + "members/")
    _accessible(admin)
    admin.select_option("#id_role", "approver")
    admin.locator("form[action$='invite/'] button").click()
    link = admin.locator("main code").first.inner_text()
    approver = _context(browser).new_page()
    approver.goto(link)
    _accessible(approver)
    _sign_up(approver, "marc")
    approver.wait_for_url(re.compile(r"/w/boulangeries-test/$"))
    # submitted by one, approved by the other: the plan is computed in the background
    admin.goto(slug_url + "versions/")
    _accessible(admin)
    admin.locator("form[action$='/2/submit/'] button").click()
    approver.goto(slug_url + "versions/")
    approver.fill("#comment-2", "Validé")
    approver.locator("form[action$='/2/review/'] button[value=approve]").click()
    approver.goto(slug_url + "plan/")
    approver.wait_for_selector("#plan-status .ok", timeout=120_000)  # polled by htmx
    approver.reload()
    _accessible(approver)
    _shot(approver, "web-plan-fr")
    # the calendar, as a table here (FullCalendar's own test follows)
    # a post's brief and its draft
    approver.goto(slug_url + "calendar/2027/1/")
    _accessible(approver)
    approver.locator("a.post").first.click()
    _accessible(approver)
    approver.fill("#id_idea", "La galette")
    approver.fill("#id_draft_text", "La galette est de retour !")
    approver.select_option("#id_status", "drafted")
    approver.locator("main form button[type=submit]").click()
    assert approver.locator("#id_draft_text").input_value() == "La galette est de retour !"
    # downloads: the pack and the calendar feed
    with approver.expect_download() as download:
        approver.goto(slug_url + "plan/")
        approver.locator("a[href$='pack.zip']").click()
    assert download.value.suggested_filename.endswith(".zip")
    feed = approver.locator("main p code").last.inner_text()
    assert approver.request.get(feed).text().startswith("BEGIN:VCALENDAR")


VIEW_BUTTONS = {"timeGridWeek": "Semaine", "listWeek": "Planning"}  # FullCalendar's French


def _drag(page: Any, source: Any, target: Any) -> None:
    """Drag with the mouse, in small steps (FullCalendar waits for a real movement)."""
    start, end = source.bounding_box(), target.bounding_box()
    x, y = start["x"] + 8, start["y"] + 5
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 13):
        page.mouse.move(x + (end["x"] + 30 - x) * step / 12, y + (end["y"] + 45 - y) * step / 12)
        time.sleep(0.03)
    page.mouse.up()


def test_the_calendar_month_week_list_and_moving_a_post(
    server: dict[str, str], browser: Any, admin: Any
) -> None:
    """FullCalendar's three views of a computed plan, accessible; the owner drags a
    LinkedIn post to a Sunday: the page says what that breaks and saves nothing; confirmed,
    the post moves, and its brief says so. It runs under the real Content-Security-Policy
    (no bypass, unlike the other tests): the browser may refuse nothing."""
    slug_url = server["base"] + "/w/demo-northwind-analytics/"
    viewer = _context(browser, state=admin).new_page()
    viewer.goto(slug_url + "plan/")
    viewer.locator("#language-choice").select_option("fr")
    viewer.locator("form[action$='/language/'] button").click()
    viewer.locator("form[action$='/plan/compute/'] button").click()
    viewer.wait_for_selector("#plan-status .ok", timeout=180_000)
    viewer.goto(slug_url + "calendar/")
    viewer.wait_for_selector("#calendar a[href*='/slots/']")
    _accessible(viewer)
    _shot(viewer, "web-calendar-fr")
    for view in ("timeGridWeek", "listWeek"):
        viewer.locator("#calendar button").filter(has_text=VIEW_BUTTONS[view]).first.click()
        viewer.wait_for_selector("#calendar a[href*='/slots/']")
        _accessible(viewer)
    _shot(viewer, "web-calendar-list-fr")
    context = _context_with_csp(browser, admin)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(slug_url + "calendar/")
    post = page.locator("#calendar a[href*='/slots/linkedin-']").first
    post.wait_for()
    slot_id = post.get_attribute("href").rstrip("/").rsplit("/", 1)[1]
    sundays = page.locator("#calendar [data-date]").evaluate_all(
        "cells => cells.map(c => c.dataset.date).filter(d => new Date(d + 'T12:00').getDay() === 0)"
    )
    _drag(page, post, page.locator(f"#calendar [data-date='{sundays[1]}']").first)
    page.wait_for_selector("#move-report:not([hidden]) #move-anyway:not([hidden])")
    assert page.locator("#move-problems li").count() >= 1
    page.locator("#move-anyway").click()
    page.wait_for_selector("#move-anyway[hidden]", state="attached")
    page.goto(slug_url + f"slots/{slot_id}/")
    assert sundays[1] in page.locator("dl.brief dd").first.inner_text()
    assert not refused, refused
    context.close()


def _context_with_csp(browser: Any, state: Any) -> Any:
    return browser.new_context(
        locale="fr", viewport={"width": 1280, "height": 900}, storage_state=state
    )


def test_two_people_saving_the_same_question_lose_nothing(
    server: dict[str, str], browser: Any, admin: Any
) -> None:
    # two browsers (the administrator signed in on each, owner of the demo workspaces)
    first = _context(browser, state=admin).new_page()
    second = _context(browser, state=admin).new_page()
    for page in (first, second):
        page.goto(server["base"] + "/w/demo-boulangeries-martin/q/8/")
        page.locator("details.advanced summary").click()
    for page, mark in ((first, "# premier"), (second, "# second")):
        text = page.locator("#id_text").input_value()
        page.locator("#id_text").fill(text + f"\n{mark}\n")
    first.locator("#question-form button[type=submit]").click()
    first.wait_for_url(re.compile(r"/q/8/$"))
    second.locator("#question-form button[type=submit]").click()
    second.wait_for_selector(".conflict")
    assert "# premier" in second.locator(".conflict pre").inner_text()
    assert "# second" in second.locator("#id_text").input_value()  # not lost either


def test_a_form_row_edited_shows_its_finding_then_saves(
    server: dict[str, str], browser: Any, admin: Any
) -> None:
    page = _context(browser, state=admin).new_page()
    url = server["base"] + "/w/demo-mairie-rives/q/9/"
    page.goto(url)
    _accessible(page)
    finding = '#findings a[href^="#f-responsibilities-0"]'
    assert page.locator(finding).count() == 0
    accountable = page.locator("#f-responsibilities-0-accountable-0")
    saved = accountable.input_value()
    accountable.fill("")  # the first row loses its accountable person
    accountable.dispatch_event("change")
    page.wait_for_selector(finding)  # the finding appears, linked to the row's field
    page.locator(finding).first.click()
    assert page.url.endswith(page.locator(finding).first.get_attribute("href"))
    accountable.fill(saved)
    accountable.dispatch_event("change")
    page.wait_for_selector(finding, state="detached")  # and disappears
    # a row added to a list inside the row, filled, and saved as a new version
    page.locator(
        "#f-responsibilities-0-informed button[value='add:responsibilities.0.informed']"
    ).click()
    added = page.locator("#f-responsibilities-0-informed input[autofocus]")
    added.wait_for()
    _accessible(page)
    added.fill("thomas")
    page.fill("#id_form_message", "Thomas informé des contenus")
    page.locator("#fields-form > button[type=submit]").click()
    page.wait_for_url(re.compile(r"/q/9/$"))
    page.locator("details.advanced summary").click()
    first_row = page.locator("#id_text").input_value().split("\n")[1]
    assert "informed: [thomas]}" in first_row, first_row
    _accessible(page)


def test_the_english_pages(server: dict[str, str], browser: Any, admin: Any) -> None:
    page = _context(browser, "en").new_page()
    page.goto(server["base"] + "/login/")
    page.locator("#language-choice").select_option("en")
    page.locator("form[action$='/language/'] button").click()
    page.fill("#id_username", "claire")
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(server["base"] + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(server["base"] + "/w/demo-northwind-analytics/")
    assert "Diagnostics per question" in page.content()
    _accessible(page)
    _shot(page, "web-dashboard-en")
    page.goto(server["base"] + "/w/demo-northwind-analytics/q/4/")
    _accessible(page)
    _shot(page, "web-question-en")
    page.goto(server["base"] + "/w/demo-northwind-analytics/members/")
    assert "approves" in page.content().lower()
    _accessible(page)
    _shot(page, "web-members-en")


PLAN_PAGES = ("workload", "budget", "raci", "campaigns", "kpis")


def test_the_plan_pages_and_their_charts(server: dict[str, str], browser: Any, admin: Any) -> None:
    """Workload, budget, RACI, campaigns and KPI plan of a plan the worker computes, in
    French and English: accessible, and every chart image drawn by the browser."""
    page = _context(browser, state=admin).new_page()
    workspace = server["base"] + "/w/demo-mairie-rives/"
    page.goto(workspace + "plan/")
    page.locator("form[action$='/plan/compute/'] button").click()
    page.wait_for_selector("#plan-status .ok", timeout=180_000)
    for lang in ("fr", "en"):
        page.locator("#language-choice").select_option(lang)
        page.locator("form[action$='/language/'] button").click()
        for name in PLAN_PAGES:
            page.goto(workspace + f"plan/{name}/")
            assert page.locator("html").get_attribute("lang") == lang
            assert page.locator("nav.plan-nav a[aria-current=page]").count() == 1
            _accessible(page)
            for image in page.locator("figure.chart img").all():
                assert image.evaluate("i => i.complete && i.naturalWidth > 0"), (name, lang)
            _shot(page, f"web-plan-{name}-{lang}")
