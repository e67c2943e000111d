"""`/progress`: adherence, streaks, minutes, pain and self-test trends; `/progress.pdf`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from footcore.domain.assessments import Grade
from footcore.domain.pain_bands import PAIN_GUIDE
from footcore.domain.progress_summary import LatestResult, TestTrend
from footcore.interchange.pdf_handout import PageSize
from footcore.interchange.progress_charts import (
    assessment_alt,
    day_label,
    minutes_alt,
    pain_alt,
)
from footcore.interchange.progress_report import cited_keys
from footcore.web.accounts.services import current_user
from footcore.web.library.selectors import catalog
from footcore.web.progress import charts
from footcore.web.progress.grid import STATUS_TEXT, grid_rows, minutes_rows, pain_rows
from footcore.web.progress.report import report_for
from footcore.web.progress.selectors import Progress, progress_for

PAGES: dict[str, PageSize] = {"A4": "A4", "Letter": "Letter"}
LEGEND = tuple((status.value, *STATUS_TEXT[status]) for status in STATUS_TEXT)


@dataclass(frozen=True, slots=True)
class TestRow:
    __test__ = False  # not a pytest test class, despite the name

    side: str
    date: str
    value: str
    sentence: str
    change: str


@dataclass(frozen=True, slots=True)
class TestPanel:
    __test__ = False

    trend: TestTrend
    chart_url: str
    alt: str
    rows: tuple[TestRow, ...]


@require_safe
def progress_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    progress = progress_for(user)
    parts = progress.derived.get("page")
    if parts is None:  # once per summary: the same rows give the same page
        parts = progress.derived["page"] = _page_parts(progress)
    context: dict[str, Any] = {
        "pain_guide": PAIN_GUIDE,
        "nav": "progress",
        "has_profile": progress.profile is not None,
        "legend": LEGEND,
        **parts,
    }
    return render(request, "footcore/progress.html", context)


def _page_parts(progress: Progress) -> dict[str, Any]:
    """The page's values worked out from the summary alone."""
    summary = progress.summary
    parts: dict[str, Any] = {
        "summary": summary,
        "empty": summary.is_empty,
        "weeks": grid_rows(summary),
        "tally": summary.tally,
        "percent": summary.adherence_percent,
        "minutes_rows": minutes_rows(summary),
        "pain_rows": pain_rows(summary),
        "tests": tuple(_panel(progress, trend) for trend in summary.tests),
        "flags": summary.flagged,
        "sources": tuple(_sources(summary_keys=cited_keys(summary))),
    }
    if summary.has_minutes:
        version = charts.minutes_version(progress)
        parts["minutes_chart"] = f"{reverse('progress-chart-minutes')}?v={version}"
        parts["minutes_alt"] = minutes_alt(summary.weekly_minutes)
    if summary.pain:
        parts["pain_chart"] = f"{reverse('progress-chart-pain')}?v={charts.pain_version(progress)}"
        parts["pain_alt"] = pain_alt(summary.pain)
    return parts


@require_safe
def progress_pdf(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    page = PAGES.get(request.GET.get("page", "A4"))
    if page is None:
        return HttpResponse("page: choose A4 or Letter", status=400, content_type="text/plain")
    body = report_for(user, page=page)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="footcore-progress.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _panel(progress: Progress, trend: TestTrend) -> TestPanel:
    version = charts.assessment_version(progress, trend.kind)
    url = reverse("progress-chart-test", args=[trend.kind.value])
    return TestPanel(
        trend=trend,
        chart_url=f"{url}?v={version}",
        alt=assessment_alt(trend),
        rows=tuple(_row(latest, trend) for latest in trend.latest),
    )


def _row(latest: LatestResult, trend: TestTrend) -> TestRow:
    value = latest.value
    shown = value.value if isinstance(value, Grade) else f"{value:g} {trend.unit.value}"
    return TestRow(
        side="both" if latest.side is None else latest.side.value,
        date=day_label(latest.date),
        value=shown,
        sentence=latest.interpretation.sentence,
        change="First result: retest in 4 weeks to see a change."
        if latest.change is None
        else latest.change.sentence,
    )


def _sources(*, summary_keys: list[str]) -> list[tuple[str, str]]:
    known = catalog().citations
    return [(key, known[key].text if key in known else "") for key in summary_keys]
