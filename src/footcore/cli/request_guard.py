"""A per-request time limit that holds under gunicorn's threaded workers.

Gunicorn's `--timeout` watches the worker's heartbeat, not its requests: with the
`gthread` worker the main loop keeps beating while one thread spins, so a request
that never ends is never stopped (a calendar with `INTERVAL=0` once grew a worker
to 3.6 GB this way). This guard tracks when each request began; a watchdog thread
in every worker kills the worker when one has run past the limit, as gunicorn does
for a silent `sync` worker. The arbiter then starts a fresh worker.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any

CHECK_EVERY_S = 0.1


class RequestGuard:
    """The gunicorn hooks `pre_request`, `post_request` and `post_worker_init`."""

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        self._started: dict[int, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def pre_request(self, worker: Any, req: Any) -> None:
        with self._lock:
            self._started[threading.get_ident()] = (time.monotonic(), f"{req.method} {req.path}")

    def post_request(self, worker: Any, req: Any, environ: Any, resp: Any) -> None:
        with self._lock:
            self._started.pop(threading.get_ident(), None)

    def post_worker_init(self, worker: Any) -> None:
        threading.Thread(target=self._watch, args=(worker,), daemon=True).start()

    def overdue(self, now: float) -> str | None:
        """The request that has run past the limit at `now`, if any."""
        with self._lock:
            for began, what in self._started.values():
                if now - began > self.limit_s:
                    return what
        return None

    def _watch(self, worker: Any) -> None:
        while True:
            time.sleep(CHECK_EVERY_S)
            what = self.overdue(time.monotonic())
            if what is not None:
                worker.log.error(
                    "request %s ran past %g s; stopping worker %s", what, self.limit_s, os.getpid()
                )
                # SIGKILL, as gunicorn does for a stuck worker: a spinning thread
                # cannot be stopped on its own, and a graceful exit would wait for it.
                os.kill(os.getpid(), signal.SIGKILL)
