"""Small builders for custom exercise tests: a valid document, pictures, a prescribed client."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import time_machine
from django.test import Client as HttpClient
from PIL import Image

from footcore.web.clinic.models import Client, Clinician
from tests.web.builders import profile_data, screen_user
from tests.web.clinic.builders import joined, make_client, post_json, put_json, signed_in

MON = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


def document(**over: Any) -> dict[str, Any]:
    """A banded toe spread, valid by the catalog's rules."""
    data: dict[str, Any] = {
        "slug": "banded-toe-spread",
        "name": "Banded toe spread",
        "purpose": "Strengthen the muscles that spread the toes against a band.",
        "role": "strength",
        "position": "seated",
        "sides": "each",
        "equipment": ["band"],
        "targets": ["abductor hallucis", "toe abductors"],
        "steps": [
            "Sit tall with a light band looped round all five toes.",
            "Spread the toes apart against the band and hold.",
            "Relax slowly and repeat.",
        ],
        "dose": {"sets": 2, "reps_min": 10, "hold_s": 3, "per_side": True, "rest_s": 30},
        "cautions": [{"text": "Stop if the arch cramps; rest and try a lighter band."}],
        "indications": ["flat-feet"],
        "figure_like": "toe-spreads",
    }
    data.update(over)
    return data


def picture(kind: str = "PNG", size: tuple[int, int] = (64, 48), **save: Any) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    image.save(out, format=kind, **save)
    return out.getvalue()


def create(desk: HttpClient, **over: Any) -> dict[str, Any]:
    response = post_json(desk, "/api/clinic/exercises", document(**over))
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


def upload(desk: HttpClient, exercise_id: str, data: bytes, name: str = "band.png") -> Any:
    return desk.post(f"/api/clinic/exercises/{exercise_id}/picture", {"picture": _file(data, name)})


def _file(data: bytes, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/png")


def intake(**over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "impression": "Flexible flat feet, both sides",
        "affected_side": "both",
        "irritability": "low",
        "concerns": ["flat-feet"],
        "pain": [],
    }
    body.update(over)
    return body


def prescribed_client(
    clinician: Clinician, exercise_id: str, *, name: str = "Ben Runner"
) -> tuple[Client, HttpClient, HttpClient]:
    """A client who joined by code, with an intake and `exercise_id` added to the program."""
    client = make_client(clinician, name=name)
    phone = joined(client)
    put_json(phone, "/api/my-clinic/consent", {"share": True})
    desk = signed_in(clinician.user)
    with time_machine.travel(MON, tick=False):
        assert put_json(phone, "/api/profile", profile_data(pain=[])).status_code == 200
        screen_user(client.runner, MON.date())
        assert (
            post_json(desk, f"/api/clinic/clients/{client.pk}/intake", intake()).status_code == 201
        )
        url = f"/api/clinic/clients/{client.pk}/prescription"
        rx = desk.get(url).json()
        rx["items"].append({"exercise": exercise_id, "frequency": "per-week", "per_week": 3})
        response = put_json(desk, url, rx)
        assert response.status_code == 200, response.content
    return client, desk, phone
