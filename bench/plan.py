"""How long does the planner take? Prints ms per 52-week plan (wall and CPU, medians) and
plans per second. On a shared machine the CPU time is the steadier number.

Run: uv run python bench/plan.py [--repeat N] [--warmup-s S]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from footcore.catalog.loader import default_catalog
from footcore.domain.planning import build_plan
from footcore.domain.profile import parse_profile

PROFILES = {
    "issue example, 52 weeks": {
        "start": "2026-12-07",
        "weeks": 52,
        "run_days": ["mon", "wed", "fri", "sun"],
        "long_run_day": "sun",
        "hard_days": ["wed"],
        "races": ["2027-01-24", "2027-04-25", "2027-10-10"],
        "sessions_per_week": 3,
        "minutes": 10,
        "concerns": ["shin-splints"],
        "pain": ["ball-of-foot"],
        "equipment": ["step", "towel", "chair"],
    },
    "every day a run, 60 min, 52 weeks": {
        "start": "2026-12-07",
        "weeks": 52,
        "run_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "long_run_day": "sat",
        "hard_days": ["tue", "thu"],
        "sessions_per_week": 3,
        "minutes": 60,
        "concerns": ["plantar-fasciitis", "achilles", "flat-feet"],
        "equipment": [
            "step",
            "towel",
            "chair",
            "wall",
            "dumbbells",
            "band",
            "balance-disk",
            "ball",
        ],
    },
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="plans per profile (default 200)")
    parser.add_argument(
        "--warmup-s",
        type=float,
        default=1.0,
        help="seconds of untimed plans first (default 1): on this shared machine the first "
        "fraction of a second after idling ran up to 1.6x slower",
    )
    args = parser.parse_args()
    catalog = default_catalog()
    for label, data in PROFILES.items():
        profile = parse_profile(data)
        warm_until = time.perf_counter() + args.warmup_s
        build_plan(profile, catalog)  # warm up caches, and the CPU
        while time.perf_counter() < warm_until:
            build_plan(profile, catalog)
        timings: list[float] = []
        cpus: list[float] = []
        for _ in range(args.repeat):
            start, cpu = time.perf_counter(), time.process_time()
            plan = build_plan(profile, catalog)
            cpus.append(time.process_time() - cpu)
            timings.append(time.perf_counter() - start)
        sessions = len(plan.sessions())
        median_ms = statistics.median(timings) * 1000
        print(
            f"{label}: {sessions} sessions; median {median_ms:.1f} ms per plan "
            f"({statistics.median(cpus) * 1000:.1f} ms CPU), "
            f"p95 {sorted(timings)[int(0.95 * len(timings)) - 1] * 1000:.1f} ms, "
            f"{1000 / median_ms:.0f} plans/s (n={args.repeat}, {dt.date.today()})"
        )


if __name__ == "__main__":
    main()
