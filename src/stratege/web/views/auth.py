"""Signing in and out, the first administrator, invitations, the language."""

from __future__ import annotations

from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.views import LoginView, LogoutView
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from stratege.web.access import public
from stratege.web.demo import adopt_orphans
from stratege.web.language import SESSION_KEY
from stratege.web.models import Invitation, Membership, Profile, SetupLink


class SignInForm(AuthenticationForm):
    pass


login_view = public(
    LoginView.as_view(template_name="web/login.html", authentication_form=SignInForm)
)
logout_view = public(LogoutView.as_view())


def _sign_up(
    request: HttpRequest, template: str, context: dict[str, object], *, staff: bool
) -> tuple[HttpResponse | None, object]:
    """A sign-up form; returns (response, user or None when the form is shown again)."""
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.is_staff = user.is_superuser = staff
        user.save()
        Profile.objects.create(user=user, language=getattr(request, "lang", "fr"))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return None, user
    return render(request, template, {**context, "form": form}), None


@public
def setup(request: HttpRequest, token: str) -> HttpResponse:
    """The one-time link of the first start: creates the first administrator."""
    link = SetupLink.objects.filter(token=token, used_at__isnull=True).first()
    if link is None or get_user_model().objects.filter(is_superuser=True).exists():
        raise Http404
    with transaction.atomic():
        response, user = _sign_up(request, "web/setup.html", {}, staff=True)
        if user is None:
            return response
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        adopt_orphans()
    return redirect("web:home")


@public
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Join a workspace: sign in (or sign up) and the link makes you a member."""
    invite = get_object_or_404(Invitation.objects.select_related("workspace"), token=token)
    if not invite.usable():
        return render(request, "web/invitation.html", {"invite": invite, "expired": True})
    user = request.user if request.user.is_authenticated else None
    if user is None:
        response, user = _sign_up(request, "web/invitation.html", {"invite": invite}, staff=False)
        if user is None:
            return response
    elif request.method != "POST":
        return render(request, "web/invitation.html", {"invite": invite, "signed_in": True})
    with transaction.atomic():
        Membership.objects.get_or_create(
            workspace=invite.workspace, user=user, defaults={"role": invite.role}
        )
        invite.accepted_by = user
        invite.save(update_fields=["accepted_by"])
    return redirect("web:dashboard", slug=invite.workspace.slug)


@public
@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """Switch the interface's language (kept in the profile of a signed-in user)."""
    chosen = request.POST.get("language")
    if chosen in ("fr", "en"):
        request.session[SESSION_KEY] = chosen
        if request.user.is_authenticated:
            Profile.objects.update_or_create(user=request.user, defaults={"language": chosen})
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "/"
    return HttpResponseRedirect(target)
