"""Reading a catalog data file and parsing its YAML, with problems named by file and line.

Parsing uses PyYAML's safe constructors (libyaml's parser when available) with one
addition: a key repeated inside a mapping is an error instead of a silent overwrite.
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

PathArg = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class Source:
    """One data file's text, under the name its problems are reported with."""

    name: str
    """The file name shown in messages."""
    text: str | None
    """The file's text, or None when an optional file does not exist."""


def read_source(
    path: PathArg | None, default_name: str, problems: list[str], *, optional: bool = False
) -> Source | None:
    """Read a data file as UTF-8 (default: the package's own file `default_name`).

    Returns None, with a problem appended, when the file cannot be read. An `optional`
    file that does not exist gives a Source whose text is None.
    """
    if path is None:
        resource = resources.files("footcore.catalog").joinpath(default_name)
        name = default_name
        if optional and not resource.is_file():
            return Source(name, None)
        reader = resource.read_text
    else:
        file_path = Path(path)
        name = file_path.name
        if optional and not file_path.exists():
            return Source(name, None)
        reader = file_path.read_text
    try:
        return Source(name, reader(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{name}: file not found")
    except UnicodeDecodeError as error:
        problems.append(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})")
    except OSError as error:
        problems.append(f"{name}: cannot be read ({error.strerror or error})")
    return None


# libyaml's parser when PyYAML was built with it (about 10x faster); same safe constructors.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictSafeLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """The safe loader, but a key repeated in one mapping is an error, not a silent
    overwrite (a second `dose:` would otherwise replace the first unnoticed)."""


def _construct_mapping_once(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Hashable] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            continue  # the base constructor reports unhashable keys itself
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                f"found duplicate key {key!r}",
                key_node.start_mark,
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_StrictSafeLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_once
)


def _construct_timestamp_at_its_line(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date such as 2024-13-45 is refused with its line, not as a bare ValueError."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a date ({error})", node.start_mark
        ) from error


_StrictSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_at_its_line)


def parse_yaml(source: Source, problems: list[str]) -> tuple[bool, object]:
    """(True, data) on success; (False, None) with a problem naming file and line."""
    try:
        # A SafeLoader subclass: same safety as yaml.safe_load, plus duplicate-key errors.
        return True, yaml.load(source.text or "", Loader=_StrictSafeLoader)  # noqa: S506
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        what = error.problem or error.context or "invalid YAML"
        problems.append(f"{source.name}: {where}{what}")
    except yaml.YAMLError as error:
        problems.append(f"{source.name}: invalid YAML ({error})")
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        # The safe constructors raise these for values such as the date 2024-13-45.
        problems.append(f"{source.name}: invalid YAML value ({error})")
    return False, None
