"""How long does the `footcore` command take to start? Prints milliseconds per run for
`footcore --help` and `footcore today` against `python -c pass`, and the ratio.

Two columns: "bytecode" is the normal case after an install that compiles bytecode
(`UV_COMPILE_BYTECODE=1 uv sync`, as .ci/run does, or any run after the first);
"no bytecode" points Python at an empty pycache
(`PYTHONPYCACHEPREFIX`), so every imported module is compiled from source, as on an
install without bytecode. The goal: `--help` and `today` within 300 ms with bytecode.

Run: uv run python bench/cli_startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
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


def run_ms(argv: list[str], env: dict[str, str], *, fresh_cache: bool) -> float:
    run_env = dict(env)
    cache = None
    if fresh_cache:
        cache = tempfile.mkdtemp(prefix="footcore-pycache-")
        run_env["PYTHONPYCACHEPREFIX"] = cache
    started = time.perf_counter()
    subprocess.run(argv, env=run_env, check=True, stdout=subprocess.DEVNULL)
    elapsed = (time.perf_counter() - started) * 1000
    if cache:
        shutil.rmtree(cache, ignore_errors=True)
    return elapsed


def median_ms(argv: list[str], env: dict[str, str], repeat: int, *, fresh_cache: bool) -> float:
    run_ms(argv, env, fresh_cache=fresh_cache)  # warm the file cache (and bytecode)
    return statistics.median(run_ms(argv, env, fresh_cache=fresh_cache) for _ in range(repeat))


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
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "footcore --help": [*footcore, "--help"],
            "footcore today": [*footcore, "today", "--date", "2026-12-09"],
        }
        base = {
            mode: median_ms(cases["python -c pass"], env, args.repeat, fresh_cache=mode)
            for mode in (False, True)
        }
        print(
            f"{'command':<18} {'bytecode ms':>12} {'ratio':>7} {'no bytecode ms':>15} {'ratio':>7}"
        )
        for name, argv in cases.items():
            warm = median_ms(argv, env, args.repeat, fresh_cache=False)
            cold = median_ms(argv, env, max(1, args.repeat // 3), fresh_cache=True)
            print(
                f"{name:<18} {warm:>12.0f} {warm / base[False]:>7.1f} "
                f"{cold:>15.0f} {cold / base[True]:>7.1f}"
            )


if __name__ == "__main__":
    main()
