"""How long does the `footcore` command take to start? Prints milliseconds per run for
`footcore --help` and `footcore today` against `python -c pass`, and the ratio.

Two columns: "bytecode" is the normal case after an install that compiles bytecode
(`UV_COMPILE_BYTECODE=1 uv sync`, as .ci/run does, or any run after the first);
"no bytecode" points Python at an empty pycache
(`PYTHONPYCACHEPREFIX`), so every imported module is compiled from source, as on an
install without bytecode. The goal: `--help` and `today` within 300 ms with bytecode.
Each column is wall-clock time and, beside it, the CPU time (user + system) of the
child process, which moves much less than wall time on a busy machine.
"today, no catalog cache" deletes the validated-catalog cache before every run, so
it pays for reading and validating the YAML files as the first run after an
upgrade does. "today, no profile yet" runs in a fresh data dir (it fails, asking
for a profile, and creates nothing). "goal" says whether the bytecode wall time of
`--help` and `today` is within 300 ms.

Run: uv run python bench/cli_startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROFILE = {
    "start": "2026-12-07",
    "run_days": ["mon", "wed", "sat"],
    "long_run_day": "sat",
    "timezone": "Europe/Berlin",
}


def footcore_command() -> list[str]:
    script = Path(sys.executable).with_name("footcore")
    return [str(script)] if script.exists() else [sys.executable, "-m", "footcore.cli.main"]


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


GOAL_MS = 300
"""Issue 12's budget for `footcore --help` and `footcore today`, with bytecode."""
NO_PROFILE_EXIT = 2
"""`footcore today` without a stored profile exits with this code, by design."""


def run_ms(
    argv: list[str], env: dict[str, str], *, fresh_cache: bool, drop: Path | None = None
) -> tuple[float, float]:
    """Wall and CPU milliseconds of one run; `drop` is a file deleted first."""
    run_env = dict(env)
    cache = None
    if fresh_cache:
        cache = tempfile.mkdtemp(prefix="footcore-pycache-")
        run_env["PYTHONPYCACHEPREFIX"] = cache
    if drop is not None:
        drop.unlink(missing_ok=True)
    cpu_before = _children_cpu_s()
    started = time.perf_counter()
    done = subprocess.run(argv, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in (0, NO_PROFILE_EXIT):
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()}")
    elapsed = (time.perf_counter() - started) * 1000
    cpu = (_children_cpu_s() - cpu_before) * 1000
    if cache:
        shutil.rmtree(cache, ignore_errors=True)
    return elapsed, cpu


def median_ms(
    argv: list[str],
    env: dict[str, str],
    repeat: int,
    *,
    fresh_cache: bool,
    drop: Path | None = None,
) -> tuple[float, float]:
    run_ms(argv, env, fresh_cache=fresh_cache, drop=drop)  # warm the file cache (and bytecode)
    runs = [run_ms(argv, env, fresh_cache=fresh_cache, drop=drop) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="footcore-bench-") as tmp:
        data = Path(tmp)
        env = {**os.environ, "FOOTCORE_DATA_DIR": str(data), "DATABASE_URL": ""}
        profile = data / "profile.json"
        profile.write_text(json.dumps(PROFILE), encoding="utf-8")
        footcore = footcore_command()
        subprocess.run(
            [*footcore, "profile", "set", str(profile)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        today = [*footcore, "today", "--date", "2026-12-09"]
        fresh = data / "fresh"
        fresh.mkdir()
        fresh_env = {**env, "FOOTCORE_DATA_DIR": str(fresh)}
        cases: dict[str, tuple[list[str], Path | None, dict[str, str]]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], None, env),
            "footcore --help": ([*footcore, "--help"], None, env),
            "footcore today": (today, None, env),
            "today, no catalog cache": (today, data / "cache" / "catalog.pickle", env),
            "today, no profile yet": ([*footcore, "today"], None, fresh_env),
        }
        base = {
            mode: median_ms([sys.executable, "-c", "pass"], env, args.repeat, fresh_cache=mode)
            for mode in (False, True)
        }
        print(
            f"{'':<24} {'--- bytecode ---':>30}   {'--- no bytecode ---':>30}\n"
            f"{'command':<24} {'wall ms':>8} {'ratio':>6} {'cpu ms':>7} {'ratio':>6}"
            f"   {'wall ms':>8} {'ratio':>6} {'cpu ms':>7} {'ratio':>6}   goal"
        )
        for name, (argv, drop, case_env) in cases.items():
            warm = median_ms(argv, case_env, args.repeat, fresh_cache=False, drop=drop)
            cold = median_ms(argv, case_env, max(1, args.repeat // 3), fresh_cache=True, drop=drop)
            goal = ""
            if name in ("footcore --help", "footcore today"):
                goal = "met" if warm[0] <= GOAL_MS else f"over {GOAL_MS} ms"
            print(f"{name:<24} {_cells(warm, base[False])}   {_cells(cold, base[True])}   {goal}")
        assert not (fresh / "footcore.sqlite3").exists(), "a read created the database"


def _cells(measured: tuple[float, float], base: tuple[float, float]) -> str:
    wall, cpu = measured
    return f"{wall:>8.0f} {wall / base[0]:>6.1f} {cpu:>7.0f} {cpu / base[1]:>6.1f}"


if __name__ == "__main__":
    main()
