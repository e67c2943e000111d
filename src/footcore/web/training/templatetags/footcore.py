from __future__ import annotations

from collections.abc import Mapping

from django import template

register = template.Library()


@register.filter
def get(mapping: Mapping[str, str], key: str) -> str:
    return mapping.get(key, key)


@register.filter
def minutes(seconds: int) -> int:
    """Whole minutes, rounded half up, never 0 for a non-empty session."""
    return max(1, (int(seconds) + 30) // 60) if seconds else 0


@register.filter
def words(slug: object) -> str:
    """A vocabulary slug in plain words: `balance-disk` -> `balance disk`; a member
    with a `label` (concerns) shows its label."""
    label = getattr(slug, "label", None)
    if isinstance(label, str):
        return label
    return str(getattr(slug, "value", slug)).replace("-", " ")
