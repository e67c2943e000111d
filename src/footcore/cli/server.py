"""`footcore serve` and account administration."""

from __future__ import annotations

import ipaddress
import math
import os
import sys
from typing import Annotated, Any

import typer

from footcore.cli.django_setup import setup
from footcore.cli.output import console, fail


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("rebuild-state")(rebuild_state)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    multi_user: Annotated[
        bool,
        typer.Option(
            "--multi-user",
            help="Require sign-in (accounts via `footcore user add`). Needed to bind "
            "anything but loopback.",
        ),
    ] = False,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 2,
    # 1 thread per worker: requests are CPU-bound Python, so more threads only take
    # turns on the GIL. With 2 workers on 2 cores, 10 s runs of POST /api/logs past
    # 2,000 logs gave 262-403 logs/s with 1 thread and 200-397 with 4; the catalog API
    # 3,000-3,300 requests/s either way (bench/log_throughput.py). gthread keeps the
    # connections open between requests with either.
    threads: Annotated[int, typer.Option(help="Threads per worker.", min=1, max=64)] = 1,
    timeout: Annotated[
        float,
        typer.Option(
            help="Seconds a request may run before its worker is stopped and replaced.",
            min=0.1,
            max=3600,
        ),
    ] = 30,
) -> None:
    """Apply migrations, then serve footcore with gunicorn (a production WSGI server)."""
    from footcore.config import ConfigError, Mode, env_mode

    if multi_user:
        os.environ["FOOTCORE_MODE"] = Mode.MULTI_USER.value
    try:
        mode = env_mode()  # the same parse the settings use, so "Personal" is personal here too
    except ConfigError as exc:
        fail(str(exc))
    if mode is Mode.PERSONAL and not _is_loopback(host):
        fail(
            f"--host {host}: personal mode has no sign-in, so it only binds loopback "
            "(127.0.0.1, ::1, localhost). Use --multi-user to serve other machines."
        )
    setup(migrate=True)
    from django.conf import settings

    console.print(
        f"footcore ({settings.MODE.value} mode) on [bold]http://{_url_host(host)}:{port}/[/]"
        f"  data: {settings.DATA_DIR}",
        highlight=False,
    )
    _warm_up()
    _run_gunicorn(host=host, port=port, workers=workers, threads=threads, timeout_s=timeout)


def _warm_up() -> None:
    """Import every view and load the catalog once, before gunicorn forks its workers,
    so each worker starts with them in memory and the first request is not slow."""
    from django.urls import get_resolver

    from footcore.web.library.selectors import catalog

    get_resolver().url_patterns  # noqa: B018 - the property imports every URL module
    catalog()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _run_gunicorn(*, host: str, port: int, workers: int, threads: int, timeout_s: float) -> None:
    from gunicorn.app.base import BaseApplication

    from footcore.cli.request_guard import RequestGuard
    from footcore.web.wsgi import application

    bind = f"{_url_host(host)}:{port}"
    guard = RequestGuard(timeout_s)

    class FootcoreServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": bind,
                "workers": workers,
                "threads": threads,
                # gthread even for one thread: it keeps connections alive (the sync
                # worker closes each after one request).
                "worker_class": "gthread",
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                # gunicorn's heartbeat timeout (whole seconds) is a backstop: under
                # gthread the main loop beats on while a request runs, so the guard
                # is what stops a request past the limit.
                "timeout": max(1, math.ceil(timeout_s)) + 5,
                "graceful_timeout": 10,
                "forwarded_allow_ips": "127.0.0.1,::1",
                "pre_request": guard.pre_request,
                "post_request": guard.post_request,
                "post_worker_init": guard.post_worker_init,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    FootcoreServer().run()
    sys.exit(0)


def rebuild_state() -> None:
    """Recompute every runner's stored adaptation state from their whole history.

    A repair tool: each change already keeps the state up to date, so this is for
    data written around footcore (an import, a manual fix) or a damaged state row.
    """
    setup(migrate=True)
    from django.contrib.auth.models import User

    from footcore.web.runner.services import rebuild_state as rebuild

    users = list(User.objects.order_by("id"))
    for user in users:
        rebuild(user=user)
    console.print(f"rebuilt the stored state of {len(users)} user(s)", highlight=False)
