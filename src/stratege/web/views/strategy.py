"""The ten questions in the browser: a page per question with its sections and their live
diagnostics, saves that never overwrite someone else's, versions, diffs and approval."""

from __future__ import annotations

import difflib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from stratege.questions import QUESTIONS
from stratege.services import strategies
from stratege.strategy import StrategyFileError
from stratege.strategy.sections import SectionRefused
from stratege.web.access import workspace_view
from stratege.web.derived import derive_text, findings_of, sections_of
from stratege.web.language import gettext_for, lang_of
from stratege.web.models import Membership, Review, StrategyVersion, Workspace
from stratege.web.roles import APPROVE, EDIT, VIEW, allows
from stratege.web.tasks import request_plan
from stratege.web.views import section_forms
from stratege.web.views.common import EDITED_SECTIONS, diagnose_text, question_or_404


def _sections(version: StrategyVersion | None, number: int) -> str:
    """The question's sections as saved in ``version`` (stored with it: never parsed again)."""
    if version is None:
        return ""
    return sections_of(version, number) or ""


def _question_context(
    request: HttpRequest, workspace: Workspace, membership: Membership, number: int
) -> dict[str, object]:
    asked = question_or_404(number)
    head = workspace.head()
    lang = lang_of(request)
    return {
        "workspace": workspace,
        "membership": membership,
        "question": asked,
        "title": asked.title(lang),
        "explanation": asked.explain(lang),
        "questions": [(q.number, q.title(lang)) for q in QUESTIONS],
        "head": head,
        "base": head.number if head else 0,
        "text": _sections(head, number),
        "sections": EDITED_SECTIONS[number],
        "can_edit": allows(membership.role, EDIT),
        "problems": [],
    }


def _render_question(
    request: HttpRequest, context: dict[str, object], number: int, status: int = 200
) -> HttpResponse:
    head = context["head"]
    findings, problems = _diagnose_sections(request, head, str(context["text"]), number)  # type: ignore[arg-type]
    if context["can_edit"]:  # the sections as a form beside the text, findings linked to fields
        form = section_forms.form_context(
            request,
            context["workspace"],  # type: ignore[arg-type]
            number,
            str(context["text"]),
            context.get("posted"),  # type: ignore[arg-type]
        )
        context.update(form)
        findings = section_forms.anchored(findings, form["anchors"])
    context["findings"] = findings
    if not context["problems"]:
        context["problems"] = problems
    return render(request, "web/question.html", context, status=status)


def _diagnose_sections(
    request: HttpRequest, head: StrategyVersion | None, text: str, number: int
) -> tuple[list[dict[str, object]], list[str]]:
    """(findings of the question, problems that stop reading the strategy) with ``text``
    as the question's sections."""
    if head is None and not text.strip():
        return [], []
    if head is not None and text == _sections(head, number):
        findings, problems = findings_of(head, lang_of(request))  # the version as saved
        return findings.get(number, []), problems
    try:
        whole = strategies.with_sections_text(
            head.yaml_text if head else "", text, EDITED_SECTIONS[number]
        )
    except StrategyFileError as error:
        return [], [p.render(lang_of(request)) for p in error.problems]
    except SectionRefused as refused:
        message = gettext_for(request)(
            "These sections belong to another question: {keys}", keys=", ".join(refused.keys)
        )
        return [], [message]
    diagnosis = diagnose_text(whole, lang_of(request))
    return diagnosis.findings.get(number, []), diagnosis.problems


@workspace_view(VIEW)
def question(
    request: HttpRequest, workspace: Workspace, membership: Membership, number: int
) -> HttpResponse:
    """One question: its explanation, its sections as YAML, and their findings."""
    context = _question_context(request, workspace, membership, number)
    return _render_question(request, context, number)


@workspace_view(EDIT)
@require_POST
def save_question(
    request: HttpRequest, workspace: Workspace, membership: Membership, number: int
) -> HttpResponse:
    context = _question_context(request, workspace, membership, number)
    status = _save(request, workspace, number, context)
    if status == 302:
        return redirect("web:question", slug=workspace.slug, number=number)
    return _render_question(request, context, number, status)


def _save(
    request: HttpRequest, workspace: Workspace, number: int, context: dict[str, object]
) -> int:
    """Save the edited sections as a new version; the status of the page to show (302 when
    saved). A save made from an older version than the latest is refused (409) when the
    latest changed the same sections: both texts are shown, to merge by hand."""
    _ = gettext_for(request)
    message = request.POST.get("message", "")[:300]
    try:
        base = int(request.POST.get("base", "0"))
    except ValueError:
        base = 0
    context["mode"] = "form" if section_forms.is_form(request) else "text"
    if section_forms.is_form(request):  # the fields, written back into the sections' text
        try:
            text = section_forms.posted_text(request, workspace, number, base)
        except section_forms.FormUnreadable as unreadable:
            context.update(posted=unreadable.posted, base=base)
            context["problems"] = section_forms.problems_of(request, unreadable.posted)
            return 400
    else:
        text = request.POST.get("text", "").replace("\r\n", "\n")
    context["text"] = text
    if len(text.encode("utf-8")) > settings.MAX_STRATEGY_BYTES:
        context["problems"] = [_("The text is too long (1 MB at most).")]
        return 400
    keys = EDITED_SECTIONS[number]
    # The text is merged, written and checked outside any transaction (that is most of a
    # save's time; a database write lock is held only to insert the row). Another save
    # taking the next number meanwhile makes the insert fail: then it all starts again on
    # the new latest version, which the conflict test sees.
    for _attempt in range(_SAVE_ATTEMPTS):
        head = workspace.head()
        if head is not None and head.number != base:
            ancestor = workspace.versions.filter(number=base).first()
            if _sections(ancestor, number) != _sections(head, number):
                context.update(
                    conflict=True,
                    theirs=_sections(head, number),
                    theirs_version=head,
                    base=head.number,
                )
                return 409
        try:
            document = strategies.with_sections(head.yaml_text if head else "", text, keys)
        except StrategyFileError as error:
            context["problems"] = [p.render(lang_of(request)) for p in error.problems]
            return 400
        except SectionRefused as refused:
            context["problems"] = [
                _("These sections belong to another question: {keys}", keys=", ".join(refused.keys))
            ]
            return 400
        new_text = document.dumps()
        if head is not None and new_text == head.yaml_text:
            return 302
        derived = derive_text(new_text)
        try:
            with transaction.atomic():
                StrategyVersion.objects.create(
                    workspace=workspace,
                    number=(head.number if head else 0) + 1,
                    yaml_text=new_text,
                    author=request.user,
                    message=message,
                    derived=derived,
                )
        except IntegrityError:  # someone saved the same number a moment before
            continue
        return 302
    context.update(conflict=True, theirs=_sections(workspace.head(), number))
    return 409


_SAVE_ATTEMPTS = 3


@workspace_view(EDIT)
@require_POST
def diagnose_question(
    request: HttpRequest, workspace: Workspace, membership: Membership, number: int
) -> HttpResponse:
    """The findings of one question for the text being typed (the page asks as you type)."""
    question_or_404(number)
    text = request.POST.get("text", "")[: settings.MAX_STRATEGY_BYTES]
    if section_forms.is_form(request):  # asked by the form's fields rather than the text
        try:
            base = int(request.POST.get("base", "0"))
            text = section_forms.posted_text(request, workspace, number, base)
        except ValueError as unreadable:  # FormUnreadable, or a bad base
            problems = (
                section_forms.problems_of(request, unreadable.posted)
                if isinstance(unreadable, section_forms.FormUnreadable)
                else []
            )
            context = {"findings": [], "problems": problems, "workspace": workspace}
            return render(request, "web/_findings.html", context)
    findings, problems = _diagnose_sections(request, workspace.head(), text, number)
    anchors = section_forms.form_context(request, workspace, number, text)["anchors"]
    return render(
        request,
        "web/_findings.html",
        {
            "findings": section_forms.anchored(findings, anchors),
            "problems": problems,
            "workspace": workspace,
        },
    )


@workspace_view(EDIT)
@require_POST
def upload(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    """A strategy file becomes the next version, exactly as written (comments kept)."""
    _ = gettext_for(request)
    uploaded = request.FILES.get("file")
    problems: list[str] = []
    if uploaded is None:
        problems = [_("Choose a YAML file.")]
    elif uploaded.size is None or uploaded.size > settings.MAX_STRATEGY_BYTES:
        problems = [_("The file is too large (1 MB at most).")]
    else:
        data = uploaded.read(settings.MAX_STRATEGY_BYTES + 1)
        try:
            document = strategies.parse_upload(data, uploaded.name or "upload.yaml")
        except StrategyFileError as error:
            problems = [p.render(lang_of(request)) for p in error.problems]
        else:
            text = document.dumps()
            derived = derive_text(text)
            with transaction.atomic():
                head = workspace.head()
                StrategyVersion.objects.create(
                    workspace=workspace,
                    number=(head.number if head else 0) + 1,
                    yaml_text=text,
                    derived=derived,
                    author=request.user,
                    message=_("Uploaded {name}", name=uploaded.name or ""),
                )
            return redirect("web:dashboard", slug=workspace.slug)
    return render(
        request,
        "web/upload_refused.html",
        {"workspace": workspace, "membership": membership, "problems": problems},
        status=400,
    )


@workspace_view(VIEW)
def download(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    wanted = request.GET.get("version")
    version = (
        get_object_or_404(StrategyVersion, workspace=workspace, number=wanted)
        if wanted and wanted.isdigit()
        else workspace.head()
    )
    if version is None:
        raise Http404
    response = HttpResponse(version.yaml_text, content_type="application/x-yaml; charset=utf-8")
    name = f"{workspace.slug}-v{version.number}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@workspace_view(VIEW)
def versions(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    listed = workspace.versions.select_related("author").prefetch_related("reviews__author")
    return render(
        request,
        "web/versions.html",
        {
            "workspace": workspace,
            "membership": membership,
            "versions": listed,
            "approved": workspace.approved(),
        },
    )


@workspace_view(VIEW)
def diff(
    request: HttpRequest, workspace: Workspace, membership: Membership, old: int, new: int
) -> HttpResponse:
    """What changed between two versions, question by question."""
    before = get_object_or_404(StrategyVersion, workspace=workspace, number=old)
    after = get_object_or_404(StrategyVersion, workspace=workspace, number=new)
    lang = lang_of(request)
    parts = []
    for q in QUESTIONS:
        a, b = _sections(before, q.number), _sections(after, q.number)
        if a == b:
            continue
        lines = list(
            difflib.unified_diff(
                a.splitlines(), b.splitlines(), f"v{old}", f"v{new}", lineterm="", n=2
            )
        )[2:]
        parts.append({"title": q.title(lang), "number": q.number, "lines": lines})
    return render(
        request,
        "web/diff.html",
        {
            "workspace": workspace,
            "membership": membership,
            "before": before,
            "after": after,
            "parts": parts,
        },
    )


@workspace_view(EDIT)
@require_POST
def submit(
    request: HttpRequest, workspace: Workspace, membership: Membership, number: int
) -> HttpResponse:
    version = get_object_or_404(StrategyVersion, workspace=workspace, number=number)
    Review.objects.create(
        version=version,
        action=Review.Action.SUBMITTED,
        author=request.user,
        comment=request.POST.get("comment", "")[:2000],
    )
    return redirect("web:versions", slug=workspace.slug)


@workspace_view(APPROVE)
@require_POST
def review(
    request: HttpRequest, workspace: Workspace, membership: Membership, number: int
) -> HttpResponse:
    """Approve a submitted version (its plan is then computed) or ask for changes."""
    version = get_object_or_404(StrategyVersion, workspace=workspace, number=number)
    approve = request.POST.get("decision") == "approve"
    if version.status() != Review.Action.SUBMITTED:
        return redirect("web:versions", slug=workspace.slug)
    Review.objects.create(
        version=version,
        action=Review.Action.APPROVED if approve else Review.Action.CHANGES,
        author=request.user,
        comment=request.POST.get("comment", "")[:2000],
    )
    if approve:
        request_plan(workspace, version, request.user)
    return redirect("web:versions", slug=workspace.slug)
