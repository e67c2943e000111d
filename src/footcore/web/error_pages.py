"""Error pages in the site's layout, with a way on from each.

Django calls the handlers below for 400, 403, 404 and 500 (see `urls.py`) and
`csrf_failure` for a refused form. A 405 is not an exception in Django (the
`require_POST` decorators answer it directly), so `FriendlyMethodNotAllowed` turns
those answers into a page that says where the address's form is.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.template import loader
from django.urls import Resolver404, resolve, reverse

from footcore.web.errors import error_body

TITLES = {
    400: "That request could not be read",
    403: "Not allowed",
    404: "Page not found",
    405: "This address takes a form",
    500: "Something went wrong on our side",
}
SENTENCES = {
    400: "The page got a request it could not make sense of. Go back and try again.",
    403: "You may not open this page. If you were filling in a form, reload the page "
    "and send it again.",
    404: "There is no page at this address. It may have moved, or the address has a typo.",
    405: "This address receives a form; it is not a page to open.",
    500: "footcore hit an error and could not show this page. Try again in a moment; "
    "your logged sessions are safe.",
}
FORM_HOMES: dict[str, tuple[str, str, str]] = {
    "checkin": ("today", "Today", "The morning check is on Today when one is due."),
    "clearance": (
        "today",
        "Today",
        "The clearance form shows on Today while training is stopped.",
    ),
    "feed-create": ("plan", "your plan", "Create the calendar feed on the plan page."),
    "feed-revoke": ("plan", "your plan", "Turn the calendar feed off on the plan page."),
    "profile-calendar": (
        "profile",
        "your profile",
        "Import a training calendar from the profile page.",
    ),
}
"""POST-only addresses by URL name: (the page with the form, its name, a sentence)."""


def _page(
    request: HttpRequest | None, status: int, *, detail: str | None = None, **extra: object
) -> HttpResponse:
    if request is not None and request.path_info.startswith("/api/"):
        # The API answers in its own error shape, never with a page.
        return JsonResponse(error_body([], detail=detail or TITLES[status]), status=status)
    context = {
        "status": status,
        "title": TITLES[status],
        "sentence": SENTENCES[status],
        "detail": detail,
        **extra,
    }
    body = loader.render_to_string("footcore/error.html", context, request=request)
    return HttpResponse(body, status=status)


def _detail(exception: Exception | None) -> str | None:
    """An `Http404("...")` message written for people; never Django's internals."""
    if not isinstance(exception, Http404) or isinstance(exception, Resolver404):
        return None
    message = exception.args[0] if exception.args else None
    return message if isinstance(message, str) and message else None


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404, detail=_detail(exception))


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request's context processors: they may be what failed.
    api = request.path_info.startswith("/api/")
    return _page(request if api else None, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(
        request,
        403,
        detail="The form was sent without its security token, or the page was open too "
        "long. Reload the page and send the form again.",
    )


def method_not_allowed(request: HttpRequest, allow: str) -> HttpResponse:
    try:
        name = resolve(request.path_info).url_name or ""
    except Resolver404:
        name = ""
    home = FORM_HOMES.get(name)
    response = _page(
        request,
        405,
        detail=None if home is None else home[2],
        form_home=None if home is None else reverse(home[0]),
        form_home_name=None if home is None else home[1],
    )
    response["Allow"] = allow
    return response


class FriendlyMethodNotAllowed:
    """Pages (not the API) answer a wrong method with the error page and its way on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith("/api/")
        ):
            return method_not_allowed(request, response.get("Allow", ""))
        return response
