"""The guided-session player `/session/<date>` and the service worker `/sw.js`.

The page is thin: it unrolls the planned session (and each exercise's swap
alternatives) into timeline steps on the server, embeds them as JSON, and leaves
timing, speech and logging to `static/footcore/player.js`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from footcore.domain.catalog import Catalog, Exercise
from footcore.domain.plan import PlannedSession, SessionKind
from footcore.domain.planning import session_to_play
from footcore.domain.profile import Profile
from footcore.domain.swap import swap_options
from footcore.domain.timeline import TimelineInput, build_timeline, timeline_to_dicts
from footcore.domain.vocab import PainSite
from footcore.web.accounts.services import current_user
from footcore.web.custom_exercises.access import illustration_url
from footcore.web.custom_exercises.selectors import runner_catalog
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.selectors import gate_for
from footcore.web.training import selectors

SERVICE_WORKER = Path(__file__).resolve().parent.parent / "static" / "footcore" / "sw.js"
PLAYER_ASSETS = (
    "footcore/site.css",
    "footcore/icon.svg",
    "footcore/icon-192.png",
    "footcore/manifest.webmanifest",
    "footcore/offline-queue.js",
    "footcore/player-cues.js",
    "footcore/player.js",
)
TITLES = {SessionKind.STRENGTH: "Foot strength", SessionKind.ACTIVATION: "Activation"}


def parse_day(raw: str) -> dt.date:
    """The date in the address; anything but YYYY-MM-DD is a page that does not exist."""
    if len(raw) == 10:
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise Http404(f"{raw!r} is not a date: the address takes YYYY-MM-DD, e.g. /session/2027-01-04.")


def pick_session(sessions: Sequence[PlannedSession], kind: str | None) -> PlannedSession | None:
    """The session of `kind` (a `SessionKind` value); without one, `session_to_play`'s."""
    if kind is None:
        return session_to_play(sessions)
    try:
        return session_to_play(sessions, SessionKind(kind))
    except ValueError:
        return None


def _segment(
    item: TimelineInput, previous: TimelineInput | None, names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """`item`'s own steps (with the rest that leads into it), without the final DONE.

    Built through the whole-timeline function so the player's steps are exactly the
    ones a full `build_timeline` would give; the client joins segments back up.
    """
    if previous is None:
        return timeline_to_dicts(build_timeline([item], names=names)[:-1])
    lead = len(build_timeline([previous], names=names)) - 1
    return timeline_to_dicts(build_timeline([previous, item], names=names)[lead:-1])


def _choice(
    exercise: Exercise,
    variant: str,
    item: TimelineInput,
    previous: TimelineInput | None,
    names: Mapping[str, str],
) -> dict[str, Any]:
    dose = item.dose
    return {
        "exercise": exercise.id,
        "variant": variant,
        "name": exercise.name,
        "dose": dose.describe(),
        "counted": dose.reps_min is not None or dose.reps_max is not None,
        "per_side": dose.per_side,
        "illustration": illustration_url(exercise.id),
        "alt": exercise.illustration.alt,
        "steps": _segment(item, previous, names),
    }


def player_data(session: PlannedSession, *, profile: Profile, cat: Catalog) -> dict[str, Any]:
    """Everything the client needs to play, swap and log `session`, JSON-ready."""
    names = {e.id: e.name for e in cat.exercises}
    in_session = [item.exercise for item in session.items]
    items = []
    for position, item in enumerate(session.items):
        previous = session.items[position - 1] if position else None
        exercise = cat.get(item.exercise)
        options = swap_options(
            exercise, cat, pain=profile.pain, equipment=profile.equipment, exclude=in_session
        )
        choice = _choice(exercise, item.variant, item, previous, names)
        choice["alternatives"] = [
            _choice(cat.get(alt.exercise), alt.variant, alt, previous, names) for alt in options
        ]
        items.append(choice)
    (done,) = timeline_to_dicts(build_timeline([], names=names))
    return {
        "date": session.date.isoformat(),
        "kind": session.kind.value,
        "items": items,
        "done": done,
        "log_url": "/api/logs",
        "today_url": reverse("today"),
    }


def _precache(data: Mapping[str, Any], page_url: str) -> list[str]:
    """What the service worker stores so the session plays again without a network."""
    urls = [static(name) for name in PLAYER_ASSETS]
    for item in data["items"]:
        urls.append(item["illustration"])
        urls.extend(alt["illustration"] for alt in item["alternatives"])
    return [page_url, *dict.fromkeys(urls)]


@require_safe
def session_player(request: HttpRequest, day: str) -> HttpResponse:
    date = parse_day(day)
    user = current_user(request)
    profile = selectors.get_profile(user)
    if profile is None:
        return redirect("profile")
    kind = request.GET.get("kind")
    if kind is not None and kind not in {k.value for k in SessionKind}:
        choices = ", ".join(k.value for k in SessionKind)
        raise Http404(f"kind: {kind!r} is not a session kind; choose one of: {choices}.")
    gate = gate_for(user, runner_today(profile))
    if not gate.open:
        # The stop holds here too: no steps, no exercise names, only why.
        blocked = {"date": date, "kind": kind, "gate": gate, "nav": "today"}
        return render(request, "footcore/session_player.html", blocked, status=409)
    session = pick_session(selectors.sessions_on(user, date), kind)
    if session is None or not session.items:
        context: dict[str, Any] = {"date": date, "kind": kind, "nav": "today"}
        return render(request, "footcore/session_player.html", context, status=404)
    cat = runner_catalog(user, [item.exercise for item in session.items])
    data = player_data(session, profile=profile, cat=cat)
    data["precache"] = _precache(data, request.get_full_path())
    context = {
        "date": date,
        "title": TITLES.get(session.kind, session.kind.value),
        "player": data,
        "first": data["items"][0],
        "pain_sites": list(PainSite),
        "nav": "today",
    }
    return render(request, "footcore/session_player.html", context)


@cache
def _service_worker_source() -> bytes:
    return SERVICE_WORKER.read_bytes()


@require_safe
@login_not_required
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the root so it may control `/session/...` pages (scope `/`)."""
    response = HttpResponse(_service_worker_source(), content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response
