"""`footcore start --swap EXERCISE[=OTHER]`: do another exercise in a session's place.

The choices are the web player's (`domain.swap.swap_options`): same purpose, a rung
the runner's equipment allows, nothing ruled out by where it hurts, and nothing the
session already has. The log then records the exercise actually done.
"""

from __future__ import annotations

import dataclasses

from footcore.cli.output import fail
from footcore.domain.catalog import Catalog
from footcore.domain.plan import PlanItem, PlannedSession
from footcore.domain.profile import Profile
from footcore.domain.swap import swap_options


def apply_swaps(
    session: PlannedSession, specs: list[str], catalog: Catalog, profile: Profile
) -> PlannedSession:
    """`session` with each `EXERCISE` (or `EXERCISE=OTHER`) in `specs` replaced."""
    items = list(session.items)
    for spec in specs:
        old, _, new = (part.strip() for part in spec.partition("="))
        where = next((i for i, item in enumerate(items) if item.exercise == old), None)
        if where is None:
            planned = ", ".join(item.exercise for item in items)
            fail(f"--swap {spec!r}: {old!r} is not in this session (it has: {planned})")
        others = [item.exercise for i, item in enumerate(items) if i != where]
        options = swap_options(
            catalog.get(old), catalog, pain=profile.pain, equipment=profile.equipment,
            exclude=others,
        )  # fmt: skip
        if not options:
            fail(f"--swap {spec!r}: no other exercise fits in place of {old!r}")
        chosen = options[0] if not new else next((o for o in options if o.exercise == new), None)
        if chosen is None:
            choices = ", ".join(o.exercise for o in options)
            fail(f"--swap {spec!r}: {new!r} cannot replace {old!r} here; choose one of {choices}")
        items[where] = PlanItem(
            chosen.exercise, chosen.variant, chosen.dose, f"{chosen.name}: swapped in for {old}"
        )
    return dataclasses.replace(session, items=tuple(items))
