"""The progress charts as SVG images (`<img src>` on the progress page).

Each chart URL carries `?v=` with a digest of the chart's data; when it matches the
current data the image may be cached for a day, since new data gives a new URL.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from footcore.domain.assessments import TestKind
from footcore.interchange.progress_charts import assessment_chart, minutes_chart, pain_chart
from footcore.web.accounts.services import current_user
from footcore.web.progress.selectors import Progress, progress_for


def minutes_version(progress: Progress) -> str:
    # Plain numbers, not the values' own repr (a dozen dataclass and date reprs a page).
    weeks = [(w.week_start.toordinal(), w.minutes) for w in progress.summary.weekly_minutes]
    return progress.chart_version("minutes", weeks)


def pain_version(progress: Progress) -> str:
    weeks = [
        (w.week_start.toordinal(), w.max_0_10, w.mean_0_10, w.sessions)
        for w in progress.summary.pain
    ]
    return progress.chart_version("pain", weeks)


def assessment_version(progress: Progress, kind: TestKind) -> str:
    trend = next(t for t in progress.summary.tests if t.kind is kind)
    return progress.chart_version("test", trend.series, trend.reference)


@require_safe
def minutes_svg(request: HttpRequest) -> HttpResponse:
    progress = progress_for(current_user(request))
    if not progress.summary.has_minutes:
        raise Http404("No minutes logged yet.")
    body = minutes_chart(progress.summary.weekly_minutes)
    return svg_response(request, body, minutes_version(progress))


@require_safe
def pain_svg(request: HttpRequest) -> HttpResponse:
    progress = progress_for(current_user(request))
    if not progress.summary.pain:
        raise Http404("No pain answers logged yet.")
    return svg_response(request, pain_chart(progress.summary.pain), pain_version(progress))


@require_safe
def assessment_svg(request: HttpRequest, kind: str) -> HttpResponse:
    try:
        test = TestKind(kind)
    except ValueError:
        raise Http404(f"kind: no self-test called {kind!r}") from None
    progress = progress_for(current_user(request))
    trend = next((t for t in progress.summary.tests if t.kind is test), None)
    if trend is None:
        raise Http404(f"No {test.value} results yet.")
    return svg_response(request, assessment_chart(trend), assessment_version(progress, test))


def svg_response(request: HttpRequest, body: bytes, version: str) -> HttpResponse:
    response = HttpResponse(body, content_type="image/svg+xml")
    fresh = request.GET.get("v") == version
    response["Cache-Control"] = "private, max-age=86400" if fresh else "private, no-cache"
    response["ETag"] = f'"{version}"'
    return response
