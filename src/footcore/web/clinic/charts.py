"""Charts on the clinician's client timeline: weekly pain and each self-test's trend.

The same SVG charts as the runner's progress page, drawn from the same summary
(`progress_for`), served as images so the page keeps its strict CSP. Only while the
client shares logs; every chart read is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from footcore.domain.assessments import TestKind
from footcore.interchange.progress_charts import (
    assessment_alt,
    assessment_chart,
    pain_alt,
    pain_chart,
)
from footcore.web.clinic import audit
from footcore.web.clinic.models import Client
from footcore.web.clinic.roles import client_of, require_clinician
from footcore.web.progress import charts as progress_charts
from footcore.web.progress.selectors import Progress, progress_for


@dataclass(frozen=True, slots=True)
class Chart:
    kind: str
    """`pain`, or the self-test's kind."""
    title: str
    url: str
    alt: str


def charts_for(client: Client) -> list[Chart]:
    """The client's charts with versioned URLs; none while logs are not shared."""
    if not client.shares_logs:
        return []
    progress = progress_for(client.runner)
    found: list[Chart] = []
    summary = progress.summary
    if summary.pain:
        url = reverse("clinic-chart-pain", args=[client.pk])
        version = progress_charts.pain_version(progress)
        found.append(Chart("pain", "Pain by week", f"{url}?v={version}", pain_alt(summary.pain)))
    for trend in summary.tests:
        url = reverse("clinic-chart-test", args=[client.pk, trend.kind.value])
        version = progress_charts.assessment_version(progress, trend.kind)
        found.append(
            Chart(trend.kind.value, trend.name, f"{url}?v={version}", assessment_alt(trend))
        )
    return found


def _shared_progress(request: HttpRequest, client_id: int, what: str) -> Progress:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    if not client.shares_logs:
        raise Http404("not found")
    audit.read(clinician, client, what)
    return progress_for(client.runner)


@require_safe
def pain_svg(request: HttpRequest, client_id: int) -> HttpResponse:
    progress = _shared_progress(request, client_id, "read the pain chart")
    if not progress.summary.pain:
        raise Http404("no pain answers yet")
    body = pain_chart(progress.summary.pain)
    # The progress page's own answer: the same caching by the data's digest.
    return progress_charts.svg_response(request, body, progress_charts.pain_version(progress))


@require_safe
def assessment_svg(request: HttpRequest, client_id: int, kind: str) -> HttpResponse:
    try:
        test = TestKind(kind)
    except ValueError:
        raise Http404("not found") from None
    progress = _shared_progress(request, client_id, f"read the {test.value} chart")
    trend = next((t for t in progress.summary.tests if t.kind is test), None)
    if trend is None:
        raise Http404("no results yet")
    body = assessment_chart(trend)
    return progress_charts.svg_response(
        request, body, progress_charts.assessment_version(progress, test)
    )
