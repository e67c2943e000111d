"""Reads for follow-up: one client's adherence, pain and alerts, and the clinic's roster.

A client who does not share logs shows no logs, pain or alerts: only the name, the code
and the program the clinic prescribed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from footcore.domain.differences import change
from footcore.domain.follow_up import (
    ADHERENCE_WINDOW_D,
    Alert,
    FollowUp,
    MorningEntry,
    PainEntry,
    TestChange,
    follow_up,
)
from footcore.domain.plan import SessionKind
from footcore.web.assessments.selectors import results_for
from footcore.web.clinic.models import Client, Clinician
from footcore.web.sessions.models import (
    ClearanceEntry,
    MorningCheckEntry,
    RedFlagScreen,
    SessionLogEntry,
)
from footcore.web.training.models import PlannedSession

LOOKBACK_D = 28


@dataclass(frozen=True, slots=True)
class RosterRow:
    client: Client
    follow: FollowUp | None
    """None while the client does not share logs."""
    next_review: dt.date | None


def open_red_flag(client: Client) -> dt.date | None:
    """The day of a red flag not cleared since, if any."""
    flag = (
        RedFlagScreen.objects.filter(user=client.runner, any_flag=True)
        .order_by("-created_at")
        .values_list("date", "created_at")
        .first()
    )
    if flag is None:
        return None
    cleared = ClearanceEntry.objects.filter(user=client.runner, created_at__gte=flag[1]).exists()
    return None if cleared else flag[0]


def test_changes(client: Client) -> list[TestChange]:
    by_test = defaultdict(list)
    for result in results_for(client.runner):
        by_test[(result.kind, result.side)].append(result)
    found: list[TestChange] = []
    for series in by_test.values():
        if len(series) < 2:
            continue
        before, after = series[-2], series[-1]
        try:
            moved = change(before.value, after.value, after.kind)
        except ValueError:
            continue
        side = f" ({after.side.value})" if after.side else ""
        found.append(TestChange(after.date, moved.sentence + side, bool(moved.real)))
    return found


def follow_up_for(client: Client, today: dt.date) -> FollowUp | None:
    if not client.shares_logs:
        return None
    runner = client.runner
    since = today - dt.timedelta(days=LOOKBACK_D)
    logs = [
        PainEntry(d, p)
        for d, p in SessionLogEntry.objects.filter(user=runner, date__gt=since).values_list(
            "date", "pain_0_10"
        )
    ]
    mornings = [
        MorningEntry(d, s)
        for d, s in MorningCheckEntry.objects.filter(
            user=runner, session_date__gt=since
        ).values_list("session_date", "settled")
    ]
    planned = list(
        PlannedSession.objects.filter(
            user=runner,
            kind=SessionKind.STRENGTH.value,
            date__gt=today - dt.timedelta(days=ADHERENCE_WINDOW_D),
            date__lte=today,
        ).values_list("date", flat=True)
    )
    began = client.created_at.date()
    return follow_up(
        today=today,
        since=began,
        logs=logs,
        mornings=mornings,
        planned=planned,
        red_flag_on=open_red_flag(client),
        test_changes=test_changes(client),
    )


def roster(clinician: Clinician, today: dt.date) -> list[RosterRow]:
    clients = Client.objects.filter(
        clinic=clinician.clinic, unlinked_at__isnull=True
    ).select_related("runner", "clinic")
    return [RosterRow(c, follow_up_for(c, today), next_review(c)) for c in clients]


def next_review(client: Client) -> dt.date | None:
    from footcore.web.clinic.models import Intake

    return (
        Intake.objects.filter(client=client, review_on__isnull=False)
        .order_by("-created_at")
        .values_list("review_on", flat=True)
        .first()
    )


def alerts(clinician: Clinician, today: dt.date) -> list[tuple[Client, Alert]]:
    return [
        (row.client, a) for row in roster(clinician, today) if row.follow for a in row.follow.alerts
    ]
