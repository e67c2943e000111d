"""Helpers for driving the session player: a planned runner, a short handmade
timeline swapped into the served page, and a drift probe read from the page."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from footcore.domain.catalog import Dose
from footcore.domain.swap import Alternative
from footcore.domain.timeline import build_timeline, timeline_to_dicts
from footcore.web.accounts.services import local_runner
from footcore.web.training import services
from footcore.web.training.models import PlannedSession
from tests.web.builders import profile_data, screen_user

DATA = re.compile(r'(<script id="player-data" type="application/json">)(.*?)(</script>)', re.S)

PROBE = """() => {
  const root = document.getElementById("player");
  window.__marks = [];
  new MutationObserver((records) => {
    const at = performance.now();
    for (const r of records) {
      window.__marks.push([r.attributeName, root.getAttribute(r.attributeName), at]);
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-step", "data-state"] });
  document.getElementById("player-start").addEventListener(
    "click", (e) => { window.__t0 = e.timeStamp; }, { capture: true });
}"""


def planned_session_url(**over: Any) -> str:
    """Plan the personal-mode runner's weeks from two weeks ago; the address of the
    latest strength session up to today (the server refuses logs of future days)."""
    today = dt.date.today()
    start = today - dt.timedelta(days=14)
    data = profile_data(start=start.isoformat(), races=[], **over)
    services.save_profile(user=local_runner(), data=data, today=start)
    # The default profile has pain now: the runner answers the screen before loading.
    screen_user(local_runner(), start)
    row = PlannedSession.objects.filter(kind="strength", date__lte=today).order_by("-date").first()
    assert row is not None
    return f"/session/{row.date.isoformat()}"


def short_steps(exercise: str, variant: str, name: str, seconds: int) -> list[dict[str, Any]]:
    """A handmade timeline of about `seconds` s mixing holds, relaxes of 0.5 s and rests."""
    holds = max(1, round((seconds - 1) / 3))  # 1 s ready + 2 sets of holds, relaxes, 1 rest
    dose = Dose(sets=2, reps_min=holds, hold_s=1, rest_s=1)
    item = Alternative(exercise, name, variant, dose)
    steps = build_timeline([item], names={exercise: name}, get_ready_s=1, relax_s=0.5)
    return timeline_to_dicts(steps[:-1])


def embed(data: dict[str, Any]) -> str:
    text = json.dumps(data)
    return text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")


def serve_short_session(page: Any, url: str, seconds: int) -> list[dict[str, Any]]:
    """Make `url` serve its page with a one-exercise timeline of about `seconds` s."""
    made: list[dict[str, Any]] = []

    def handle(route: Any) -> None:
        response = route.fetch()
        body = response.text()
        match = DATA.search(body)
        assert match is not None
        data = json.loads(match.group(2))
        first = data["items"][0]
        steps = short_steps(first["exercise"], first["variant"], first["name"], seconds)
        made[:] = steps
        data["items"] = [dict(first, steps=steps, alternatives=[])]
        body = DATA.sub(lambda m: m.group(1) + embed(data) + m.group(3), body)
        route.fulfill(response=response, body=body)

    page.route(f"**{url}", handle)
    return made


def drift_ms(page: Any, steps: list[dict[str, Any]]) -> tuple[float, float]:
    """(end drift, worst step-start drift) in ms, from the probe's marks."""
    t0 = page.evaluate("window.__t0")
    marks = page.evaluate("window.__marks")
    planned_ms = [sum(s["duration_s"] for s in steps[:i]) * 1000 for i in range(len(steps) + 1)]
    entered = {int(v): at for name, v, at in marks if name == "data-step"}
    ended = next(at for name, v, at in marks if name == "data-state" and v == "done")
    per_step = [abs(entered[i] - (t0 + planned_ms[i])) for i in range(1, len(steps))]
    return ended - (t0 + planned_ms[-1]), max(per_step, default=0.0)
