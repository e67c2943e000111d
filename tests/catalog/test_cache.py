"""The validated-catalog cache: used only while every input's bytes are unchanged."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from footcore.catalog import cache
from footcore.catalog.cache import cache_key, cached_catalog, shipped_inputs
from footcore.catalog.loader import CatalogError, load_catalog
from footcore.domain.catalog import Catalog

DATA_FILES = ("exercises.yaml", "citations.yaml", "illustrations.yaml")


def copy_catalog(tmp_path: Path) -> list[Path]:
    """A private copy of the shipped data files, in loader order."""
    shipped = {path.name: path for path in shipped_inputs()}
    copies = []
    for name in DATA_FILES:
        target = tmp_path / name
        shutil.copyfile(shipped[name], target)
        copies.append(target)
    return copies


class CountingLoad:
    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.calls = 0

    def __call__(self) -> Catalog:
        self.calls += 1
        return load_catalog(*self.files)


def setup_cache(tmp_path: Path) -> tuple[Path, list[Path], CountingLoad]:
    files = copy_catalog(tmp_path)
    return tmp_path / "cache" / "catalog.pickle", files, CountingLoad(files)


def test_a_second_read_comes_from_the_cache_without_validating_again(tmp_path: Path) -> None:
    cache_file, files, load = setup_cache(tmp_path)
    first = cached_catalog(cache_file, files, load)
    second = cached_catalog(cache_file, files, load)
    assert load.calls == 1
    assert cache_file.is_file()
    assert second == first
    assert second.ids() == load_catalog(*files).ids()
    assert dict(second.citations) == dict(first.citations)


def test_changing_a_catalog_file_invalidates_the_cache(tmp_path: Path) -> None:
    cache_file, files, load = setup_cache(tmp_path)
    before = cached_catalog(cache_file, files, load)
    exercises = files[0]
    text = exercises.read_text(encoding="utf-8")
    old_name = before.get("toe-yoga").name
    exercises.write_text(text.replace(f"name: {old_name}", "name: Toe Yoga Renamed", 1))
    after = cached_catalog(cache_file, files, load)
    assert load.calls == 2
    assert after.get("toe-yoga").name == "Toe Yoga Renamed"
    assert cached_catalog(cache_file, files, load).get("toe-yoga").name == "Toe Yoga Renamed"
    assert load.calls == 2


def test_a_broken_catalog_file_is_still_rejected_after_a_good_one_was_cached(
    tmp_path: Path,
) -> None:
    cache_file, files, load = setup_cache(tmp_path)
    cached_catalog(cache_file, files, load)
    files[0].write_text(
        files[0].read_text(encoding="utf-8").replace("{sets: 3,", "{sets: three,", 1),
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="sets"):
        cached_catalog(cache_file, files, load)


def test_removing_the_illustrations_file_changes_the_key(tmp_path: Path) -> None:
    files = copy_catalog(tmp_path)
    with_drawings = cache_key(files)
    files[2].unlink()
    assert cache_key(files) != with_drawings


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda path: path.write_bytes(b"not a pickle at all"),
        lambda path: path.write_bytes(path.read_bytes()[:100]),
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(pickle.dumps(("a", "tuple", "of", "four"))),
        lambda path: path.write_bytes(pickle.dumps((1, "another key", None))),
    ],
    ids=["garbage", "truncated", "empty", "wrong-shape", "wrong-key"],
)
def test_a_corrupt_cache_file_is_ignored_and_rewritten(
    tmp_path: Path, corrupt: Callable[[Path], object]
) -> None:
    cache_file, files, load = setup_cache(tmp_path)
    good = cached_catalog(cache_file, files, load)
    corrupt(cache_file)
    assert cached_catalog(cache_file, files, load) == good
    assert load.calls == 2
    assert cached_catalog(cache_file, files, load) == good
    assert load.calls == 2


class Exploit:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("the cache ran code",))


def test_a_cache_that_names_any_other_callable_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache_file, files, load = setup_cache(tmp_path)
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(pickle.dumps((1, cache_key(files), Exploit())))
    assert isinstance(cached_catalog(cache_file, files, load), Catalog)
    assert "the cache ran code" not in capsys.readouterr().out
    assert load.calls == 1


def test_an_unwritable_cache_location_only_costs_the_speed_up(tmp_path: Path) -> None:
    files = copy_catalog(tmp_path)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    load = CountingLoad(files)
    catalog = cached_catalog(blocker / "catalog.pickle", files, load)
    assert catalog.ids() == load_catalog(*files).ids()
    assert list(tmp_path.glob("cache*")) == [blocker]


def test_the_key_covers_the_data_files_and_the_code_that_shapes_the_catalog() -> None:
    names = {path.name for path in shipped_inputs()}
    assert set(DATA_FILES) <= names
    assert {"loader.py", "schema.py", "poses.py", "sources.py", "catalog_rules.py"} <= names
    assert all(path.is_file() for path in shipped_inputs())


def test_a_cache_hit_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    env_code = (
        "import sys\n"
        "from footcore.catalog.cache import default_catalog\n"
        "default_catalog()\n"
        "print(sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))\n"
    )

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", env_code],
            env={"FOOTCORE_DATA_DIR": str(tmp_path), "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert run() == "['pydantic', 'yaml']"  # the first run validates
    assert (tmp_path / "cache" / cache.CACHE_FILE).is_file()
    assert run() == "[]"
