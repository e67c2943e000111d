"""The PDF progress report of a stored runner (used by `/progress.pdf` and the CLI)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from footcore.interchange.pdf_handout import PageSize
from footcore.interchange.progress_report import progress_report_pdf
from footcore.web.library.selectors import catalog
from footcore.web.progress.selectors import progress_for


def report_for(user: User, *, page: PageSize = "A4", today: dt.date | None = None) -> bytes:
    """The report with the full references from the catalog's citations."""
    progress = progress_for(user, today=today)
    sources = {key: citation.text for key, citation in catalog().citations.items()}
    return progress_report_pdf(
        progress.summary,
        runner_name=user.get_full_name() or None,
        citations=sources,
        page=page,
    )
