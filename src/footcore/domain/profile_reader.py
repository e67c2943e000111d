"""Reading a JSON object field by field, collecting every problem instead of
stopping at the first, so a form or an API can show them all at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TypeVar

from footcore.domain.problems import Problem

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


class FieldReader:
    """Reads one field at a time, recording problems instead of stopping at the first."""

    def __init__(self, data: Mapping[str, object]) -> None:
        self.data = data
        self.problems: list[Problem] = []
        self.failed: set[str] = set()
        self.partial: set[str] = set()
        self.positions: dict[str, list[int]] = {}

    def fail(self, field: str, root: str | None, message: str) -> None:
        """Record a problem; `root` is the field that is now unusable (None when only
        one element of a list is bad)."""
        self.problems.append(Problem(field, message))
        if root is not None:
            self.failed.add(root)

    def whole(self, field: str, default: int | None) -> int | None:
        value = self.data.get(field, default)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self.fail(field, field, f"must be a whole number, got {type(value).__name__}")
        return default

    def text(self, field: str, default: str | None) -> str | None:
        value = self.data.get(field, default)
        if value is None or isinstance(value, str):
            return value
        self.fail(field, field, f"must be text, got {type(value).__name__}")
        return default

    def date(self, field: str, value: object, root: str | None) -> dt.date | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                if len(value) == 10:
                    return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(field, root, f"not a date in the form YYYY-MM-DD: {value!r}")
        return None

    def choice(self, field: str, value: object, kind: type[E], root: str | None) -> E | None:
        if isinstance(value, str):
            try:
                return kind(value)
            except ValueError:
                pass
        allowed = ", ".join(member.value for member in kind)
        self.fail(field, root, f"unknown value {value!r} (allowed: {allowed})")
        return None

    def items(self, field: str) -> list[object]:
        value = self.data.get(field, [])
        if isinstance(value, list | tuple):
            return list(value)
        self.fail(field, field, f"must be a list, got {type(value).__name__}")
        return []

    def each(self, field: str, parse: Callable[[str, object], T | None]) -> tuple[T, ...]:
        """Parse every element; bad ones are reported and dropped, the rest kept
        with their input positions so later messages can name them."""
        kept: list[T] = []
        where: list[int] = []
        for i, raw in enumerate(self.items(field)):
            value = parse(f"{field}[{i}]", raw)
            if value is None:
                self.partial.add(field)
            else:
                kept.append(value)
                where.append(i)
        self.positions[field] = where
        return tuple(kept)

    def choices(self, field: str, kind: type[E]) -> tuple[E, ...]:
        return self.each(field, lambda at, raw: self.choice(at, raw, kind, None))
