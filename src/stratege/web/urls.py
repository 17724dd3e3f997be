"""Every URL of the application. Each view declares the permission it needs; the
authorisation test walks this list, so a URL added here is tested for every role."""

from __future__ import annotations

from django.urls import path

from stratege.web.views import (
    archive,
    auth,
    calendar,
    plan,
    plan_pages,
    section_forms,
    strategy,
    workspaces,
)

app_name = "web"

urlpatterns = [
    path("", workspaces.home, name="home"),
    path("import/", archive.import_archive, name="import_workspace"),
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("language/", auth.language, name="language"),
    path("setup/<str:token>/", auth.setup, name="setup"),
    path("join/<str:token>/", auth.invitation, name="invitation"),
    path("feed/<str:token>.ics", plan.feed, name="feed"),
    path("w/<slug:slug>/", workspaces.dashboard, name="dashboard"),
    path("w/<slug:slug>/members/", workspaces.members, name="members"),
    path("w/<slug:slug>/export.zip", archive.export, name="export_workspace"),
    path("w/<slug:slug>/members/invite/", workspaces.invite, name="invite"),
    path("w/<slug:slug>/members/<int:member_id>/", workspaces.change_role, name="change_role"),
    path(
        "w/<slug:slug>/members/<int:member_id>/person/",
        workspaces.link_person,
        name="link_person",
    ),
    path("w/<slug:slug>/queue/", calendar.queue, name="queue"),
    path("w/<slug:slug>/feed/renew/", workspaces.renew_feed, name="renew_feed"),
    path("w/<slug:slug>/q/<int:number>/", strategy.question, name="question"),
    path("w/<slug:slug>/q/<int:number>/save/", strategy.save_question, name="save_question"),
    path(
        "w/<slug:slug>/q/<int:number>/diagnose/",
        strategy.diagnose_question,
        name="diagnose_question",
    ),
    path("w/<slug:slug>/q/<int:number>/form/", section_forms.question_form, name="question_form"),
    path("w/<slug:slug>/upload/", strategy.upload, name="upload"),
    path("w/<slug:slug>/strategy.yaml", strategy.download, name="download"),
    path("w/<slug:slug>/versions/", strategy.versions, name="versions"),
    path("w/<slug:slug>/versions/<int:old>/<int:new>/", strategy.diff, name="diff"),
    path("w/<slug:slug>/versions/<int:number>/submit/", strategy.submit, name="submit"),
    path("w/<slug:slug>/versions/<int:number>/review/", strategy.review, name="review"),
    path("w/<slug:slug>/plan/", plan.plan, name="plan"),
    path("w/<slug:slug>/plan/status/", plan.plan_status, name="plan_status"),
    path("w/<slug:slug>/plan/compute/", plan.compute, name="compute"),
    path("w/<slug:slug>/plan/pack.zip", plan.download_pack, name="pack"),
    path("w/<slug:slug>/calendar/", calendar.calendar_page, name="calendar"),
    path("w/<slug:slug>/calendar/events.json", calendar.events, name="events"),
    path("w/<slug:slug>/calendar/<int:year>/<int:number>/", calendar.month, name="month"),
    path("w/<slug:slug>/slots/<str:slot_id>/", calendar.slot, name="slot"),
    path("w/<slug:slug>/slots/<str:slot_id>/draft/", calendar.save_draft, name="save_draft"),
    path("w/<slug:slug>/slots/<str:slot_id>/move/", calendar.move, name="move"),
    path("w/<slug:slug>/plan/workload/", plan_pages.workload, name="plan_workload"),
    path("w/<slug:slug>/plan/budget/", plan_pages.budget, name="plan_budget"),
    path("w/<slug:slug>/plan/raci/", plan_pages.raci, name="plan_raci"),
    path("w/<slug:slug>/plan/campaigns/", plan_pages.campaigns, name="plan_campaigns"),
    path("w/<slug:slug>/plan/kpis/", plan_pages.kpis, name="plan_kpis"),
    path("w/<slug:slug>/plan/charts/<slug:name>.svg", plan_pages.chart, name="plan_chart"),
]
