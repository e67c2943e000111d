"""The shipped catalog, validated once and then read back from a cache file.

Validating the catalog (YAML parsing, the strict pydantic models, the cross-checks)
costs more than everything else `footcore today` does, so the validated result is
kept in a pickle. The file is keyed by a hash of the bytes of the three data files and
of the code that reads, checks and defines the catalog (this package and the domain's
catalog modules), so a changed data file or a new footcore version validates the
shipped files again from scratch. A cache that is missing, stale, truncated or not
ours is ignored and rewritten; writing is atomic (a temporary file, then a rename),
and a cache directory that cannot be written only costs the speed-up.
`footcore catalog check` never reads the cache.

This module imports neither pydantic nor YAML: the loader is imported only on a miss.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from footcore.domain.catalog import Catalog

CACHE_FILE = "catalog.pickle"
_FORMAT = 1
_DATA_FILES = ("exercises.yaml", "citations.yaml", "illustrations.yaml")
_DOMAIN_MODULES = ("catalog.py", "catalog_rules.py", "vocab.py")
_ALLOWED_MODULE_PREFIX = "footcore.domain."


def shipped_inputs() -> list[Path]:
    """The files whose bytes decide the shipped catalog: its data files and the code
    that parses, checks and defines it."""
    package = Path(str(resources.files("footcore.catalog")))
    domain = package.parent / "domain"
    code = sorted(package.glob("*.py"))
    return [package / name for name in _DATA_FILES] + code + [domain / m for m in _DOMAIN_MODULES]


def cache_key(inputs: Iterable[Path]) -> str:
    """A hash of every input's name and bytes (a missing file counts as absent), and of
    the Python version, since pickles and bytecode are tied to it."""
    digest = hashlib.sha256(f"footcore-catalog-{_FORMAT}-{sys.version}".encode())
    for path in inputs:
        digest.update(path.name.encode() + b"\0")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            digest.update(b"absent\0")
            continue
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def cached_catalog(
    cache_file: Path, inputs: Iterable[Path], load: Callable[[], Catalog]
) -> Catalog:
    """The catalog from `cache_file` when its key matches `inputs`; otherwise `load()`
    (which validates in full and raises on bad data) and store the result."""
    key = cache_key(inputs)
    found = _read(cache_file, key)
    if found is not None:
        return found
    catalog = load()
    _write(cache_file, key, catalog)
    return catalog


@functools.cache
def default_catalog() -> Catalog:
    """The package's own catalog, loaded once per process and cached on disk between
    processes (in the data directory's `cache/` folder)."""
    from footcore import config

    def load() -> Catalog:
        from footcore.catalog.loader import load_catalog

        return load_catalog()

    return cached_catalog(config.data_dir() / "cache" / CACHE_FILE, shipped_inputs(), load)


def _read(cache_file: Path, key: str) -> Catalog | None:
    try:
        with cache_file.open("rb") as stream:
            stored = _SafeUnpickler(stream).load()
    except Exception:  # any unreadable cache (bad bytes, a refused name) is only a miss
        return None
    if (
        isinstance(stored, tuple)
        and len(stored) == 3
        and stored[0] == _FORMAT
        and stored[1] == key
        and isinstance(stored[2], Catalog)
    ):
        return stored[2]
    return None


def _write(cache_file: Path, key: str, catalog: Catalog) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{cache_file.name}.", suffix=".tmp", dir=cache_file.parent
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump((_FORMAT, key, catalog))
            os.replace(temporary, cache_file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except Exception:  # a read-only or full disk costs the speed-up, never the command
        return


def _proxy(items: Mapping[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(dict(items))


class _Pickler(pickle.Pickler):
    # A read-only mapping cannot be pickled as such; store it as a dict and wrap it again.
    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, MappingProxyType):
            return _proxy, (dict(obj),)
        return NotImplemented


class _SafeUnpickler(pickle.Unpickler):
    """Rebuilds only the domain's catalog types: a tampered cache cannot name any
    other callable."""

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "_proxy":
            return _proxy
        if module.startswith(_ALLOWED_MODULE_PREFIX) and module in sys.modules:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"the catalog cache names {module}.{name}")
