"""Long work, in the background worker (django-tasks, database backend): a plan, its pack
and its calendar feed are computed from one version, never inside a request. The page
shows the run's progress (each step's name) until it is done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from stratege.i18n import LANGUAGES, Lang
from stratege.services import charts, pack, plan_pages, planning, strategies
from stratege.services.planning import Approval
from stratege.web.derived import plan_slots, plan_summary
from stratege.web.models import PlanChart, PlanRun, Review, StrategyVersion, Workspace


def request_plan(workspace: Workspace, version: StrategyVersion, user: object) -> PlanRun:
    """A new run, queued once the request's transaction commits."""
    run: PlanRun = PlanRun.objects.create(workspace=workspace, version=version, requested_by=user)
    transaction.on_commit(lambda: compute_plan.enqueue(run.id))
    return run


@task()
def compute_plan(run_id: int) -> str:
    run = PlanRun.objects.select_related("version").get(id=run_id)
    PlanRun.objects.filter(id=run_id).update(status=PlanRun.Status.RUNNING, progress="checks")

    def progress(step: str) -> None:
        PlanRun.objects.filter(id=run_id).update(progress=step)

    try:
        document = strategies.parse(run.version.yaml_text, f"v{run.version.number}.yaml")
        result = planning.plan(document, progress=progress)
        result.approval = approval_of(run.version)
        lang = document.strategy.language if document.strategy.language in LANGUAGES else "fr"
        files = pack.pack_files(result, LANGUAGES, lang, pdf=False, progress=progress)
        stamp = dt.date.today()
        summary = plan_summary(result)
        summary["pages"] = plan_pages.plan_pages(result)  # workload, budget, RACI… pages
        progress("charts")
        store_charts(run, charts.plan_charts(result, LANGUAGES))
        PlanRun.objects.filter(id=run_id).update(
            status=PlanRun.Status.DONE,
            progress="done",
            plan_json=result.to_json(),
            summary=summary,
            slots=plan_slots(result),
            ics=files.files.get(pack.PLAN_FOLDER + "calendar.ics", b""),
            pack_zip=pack.zip_bytes(files.files, stamp),
            finished_at=timezone.now(),
        )
    except Exception as error:  # the page says what failed; the worker goes on
        PlanRun.objects.filter(id=run_id).update(
            status=PlanRun.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    return "done"


def approval_of(version: StrategyVersion) -> Approval:
    """The version planned and its approval (the last review, when it approved it), for
    the documents' cover."""
    last = version.reviews.select_related("author").order_by("-created_at", "-id").first()
    if last is None or last.action != Review.Action.APPROVED:
        return Approval(version.number)
    author = last.author
    name = (author.get_full_name() or author.get_username()) if author else "—"
    return Approval(version.number, name, timezone.localdate(last.created_at), last.comment)


def store_charts(run: PlanRun, drawn: Mapping[Lang, Mapping[str, str]]) -> None:
    """The run's charts as SVG, per language (stored before the run says it is done, so a
    page never links to a chart not yet there)."""
    PlanChart.objects.bulk_create(
        PlanChart(run=run, name=name, lang=lang, svg=svg)
        for lang, by_name in drawn.items()
        for name, svg in by_name.items()
    )
