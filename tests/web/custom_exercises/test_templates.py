"""A clinic template saved from a program with a custom exercise keeps it for the next
client of the same clinic."""

from __future__ import annotations

import pytest
import time_machine
from pytest_django.fixtures import Settings as SettingsWrapper

from footcore.domain.templates import ApplyMode
from footcore.web.clinic.rx_templates import save_template, start_from_template
from footcore.web.training.selectors import current_prescription
from tests.web.clinic.builders import make_clinician, signed_in
from tests.web.custom_exercises.builders import MON, create, prescribed_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False


def test_a_template_with_a_custom_exercise_brings_it_to_the_next_client() -> None:
    clinician = make_clinician()
    # No band: the clients' profiles have none, and footcore leaves out what they cannot do.
    made = create(signed_in(clinician.user), equipment=[])
    first, _, _ = prescribed_client(clinician, made["id"])
    second, _, _ = prescribed_client(clinician, "toe-yoga", name="Cy Second")
    with time_machine.travel(MON, tick=False):
        template = save_template(clinician=clinician, client=first, name="Flat feet")
        rx = start_from_template(
            clinician=clinician, client=second, template_id=template.id,
            mode=ApplyMode.REPLACE, why="as for Ben", today=MON.date(),
        )  # fmt: skip
    assert made["id"] in {i.exercise for i in rx.items}
    stored = current_prescription(second.runner)
    assert stored is not None
    assert made["id"] in {i.exercise for i in stored.items}
