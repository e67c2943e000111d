"""The runner's side of a clinic: join with a code, consent, attach an account, unlink."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from footcore.domain.problems import Invalid
from footcore.web.clinic import client_session, services
from footcore.web.clinic.care import last_clearance
from footcore.web.clinic.forms import AccountForm, JoinForm
from footcore.web.clinic.roles import client_record_for

REFUSED = "No program matches this code and birth year. Check both with your physio."
SLOW_DOWN = "Too many wrong codes from here. Wait a quarter of an hour and try again."


@login_not_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None, initial={"code": request.GET.get("code", "")[:12]})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                client = services.join(
                    code=form.cleaned_data["code"],
                    birth_year=form.cleaned_data["birth_year"],
                    address=client_session.address(request),
                )
            except services.TooManyAttempts:
                form.add_error(None, SLOW_DOWN)
                status = 429
            except services.JoinRefused:
                form.add_error(None, REFUSED)
            else:
                client_session.start(request, client)
                if form.cleaned_data["consent"]:
                    services.set_consent(client=client, share=True)
                messages.success(request, f"Welcome. This is your program from {client.clinic}.")
                return redirect("today")
    return render(request, "footcore/clinic/join.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def my_clinic(request: HttpRequest) -> HttpResponse:
    client = client_record_for(request.user)
    if client is None:
        raise Http404("no clinic looks after you")
    form = AccountForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.attach_account(client=client, **form.cleaned_data)
            except Invalid as exc:
                for p in exc.problems:
                    form.add_error(p.field if p.field in form.fields else None, p.message)
            else:
                # A new password changes the session hash; sign the runner in again.
                client_session.start(request, client)
                messages.success(request, "Your account is ready; sign in with it from now on.")
                return redirect("my-clinic")
    return render(
        request,
        "footcore/clinic/my_clinic.html",
        {
            "client": client,
            "form": form,
            "has_account": client.runner.has_usable_password(),
            "cleared": last_clearance(client),
            "nav": "my-clinic",
        },
        status=status,
    )


@require_POST
def consent(request: HttpRequest) -> HttpResponse:
    client = client_record_for(request.user)
    if client is None:
        raise Http404("no clinic looks after you")
    share = request.POST.get("share") == "yes"
    services.set_consent(client=client, share=share)
    messages.success(
        request,
        f"{client.clinic} now sees your logs."
        if share
        else f"{client.clinic} no longer sees your logs.",
    )
    return redirect("my-clinic")


@require_POST
def unlink(request: HttpRequest) -> HttpResponse:
    client = client_record_for(request.user)
    if client is None:
        raise Http404("no clinic looks after you")
    had_account = client.runner.has_usable_password()
    services.unlink(client=client)
    if not had_account:
        logout(request)
        return redirect("join")
    messages.success(request, f"You are no longer linked to {client.clinic}.")
    return redirect("today")
