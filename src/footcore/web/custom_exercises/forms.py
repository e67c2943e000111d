"""The custom exercise page's form, read into the document the API takes.

A plain parser rather than a Django form: the document's rules are the catalog's
(`validation.check`), so this only turns text fields into the document's types and
names a field that is not a number. Lists are one entry a line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from footcore.domain.problems import Invalid, Problem

DOSE_NUMBERS = ("sets", "reps_min", "reps_max", "hold_s", "duration_s", "rest_s", "rep_s")
LINES = ("targets", "steps", "cautions")
MAX_FIELD = 5_000
MAX_LINES = 40


class Post(Protocol):
    def get(self, key: str, default: Any = None, /) -> Any: ...
    def getlist(self, key: str, default: Any = None, /) -> list[Any]: ...


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()[:MAX_LINES] if line.strip()]


def document_from_form(post: Post) -> dict[str, Any]:
    """The document the form's fields describe; `Invalid` for a field that is not a
    whole number or is far too long (the rest is for the catalog's rules)."""
    problems: list[Problem] = []

    def text(name: str) -> str:
        value = str(post.get(name) or "")
        if len(value) > MAX_FIELD:
            problems.append(Problem(name, f"at most {MAX_FIELD} characters"))
            return ""
        return value.strip()

    document: dict[str, Any] = {
        key: text(key) for key in ("slug", "name", "purpose", "role", "position", "sides")
    }
    for key in LINES:
        document[key] = _lines(text(key))
    document["equipment"] = [str(v) for v in post.getlist("equipment")][:MAX_LINES]
    document["indications"] = [str(v) for v in post.getlist("indications")][:MAX_LINES]
    dose: dict[str, Any] = {"per_side": document["sides"] == "each"}
    for key in DOSE_NUMBERS:
        raw = text(f"dose.{key}")
        if raw == "":
            continue
        if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
            problems.append(Problem(f"dose.{key}", f"{raw[:20]!r} is not a whole number"))
            continue
        dose[key] = int(raw)
    note = text("dose.note")
    if note:
        dose["note"] = note
    document["dose"] = dose
    figure_like = text("figure_like")
    if figure_like:
        document["figure_like"] = figure_like
    if problems:
        raise Invalid(problems)
    return document


def form_values(document: Mapping[str, Any]) -> dict[str, Any]:
    """A stored document as the form shows it again."""
    dose = document.get("dose") or {}
    values: dict[str, Any] = {
        key: document.get(key, "")
        for key in ("slug", "name", "purpose", "role", "position", "sides")
    }
    for key in ("targets", "steps"):
        values[key] = "\n".join(str(v) for v in document.get(key) or ())
    values["cautions"] = "\n".join(
        str(c.get("text", "")) if isinstance(c, Mapping) else str(c)
        for c in document.get("cautions") or ()
    )
    values["equipment"] = list(document.get("equipment") or ())
    values["indications"] = list(document.get("indications") or ())
    values["dose"] = {k: dose.get(k, "") for k in (*DOSE_NUMBERS, "note")}
    values["figure_like"] = document.get("figure_like", "")
    return values
