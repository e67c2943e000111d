"""footcore's one error model: a `Problem` names a field and says what is wrong with it,
and `Invalid` carries every problem found, so a form, the API and the CLI can show them
all at once, each next to its field.

A field is a path into the input as the API sees it: `weeks`, `races[1]`,
`exercises[0].sets[2].reps`, `adl[4]`; list positions count from 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    """Path of the field at fault; empty for a problem with the input as a whole."""
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class Invalid(ValueError):
    """Input that cannot be used; `problems` names every bad field, in input order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


def invalid(field: str, message: str) -> Invalid:
    """The error for one bad field."""
    return Invalid([Problem(field, message)])
