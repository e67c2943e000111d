"""Schemathesis over every API operation of a live `footcore serve`.

Starts the real server (gunicorn, multi-user mode so sign-in is really checked),
signs a runner in, stores a profile so the plan operations have a plan, then runs
`schemathesis run` against `/api/openapi.json` and reads back its counts.

Used by `tests/web/test_schemathesis.py` (a small CI budget) and by
`scripts/schemathesis-long` (a long run). The database is SQLite in a scratch data
dir, or a scratch database on the PostgreSQL server named by `--postgres URL`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
USERNAME = "fuzz-runner"
PROFILE = {
    "run_days": ["mon", "wed", "sat"],
    "long_run_day": "sat",
    "concerns": ["shin-splints"],
    "equipment": ["step", "towel"],
}
"""The runner's profile; the plan starts on the day of the run."""

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "ignored_auth",
)
"""Everything but `positive_data_acceptance`: the domain refuses values the schema
allows on purpose (ranges, dates in the past, one field against another), and says so
with a 422 naming the field; the schema documents that 422."""


@dataclass(frozen=True, slots=True)
class FuzzResult:
    returncode: int
    generated: int
    failures: int
    output: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("footcore serve exited early:\n" + log.read_text(errors="replace"))
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("footcore serve did not start within 90 s")


def _environment(data_dir: Path, database_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "FOOTCORE_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "FOOTCORE_MODE": "multi-user",
        # Plain http on loopback: a Secure cookie would never come back.
        "FOOTCORE_SECURE_COOKIES": "0",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


@contextmanager
def _scratch_postgres(server_url: str) -> Iterator[str]:
    import psycopg

    parts = urllib.parse.urlsplit(server_url)
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    name = f"footcore_fuzz_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def live_server(data_dir: Path, *, postgres: str = "") -> Iterator[str]:
    """`footcore serve` in multi-user mode for the block; yields its base URL."""
    with _scratch_postgres(postgres) if postgres else _no_database() as database_url:
        env = _environment(data_dir, database_url)
        password = secrets.token_urlsafe(18)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "footcore.cli.main",
                "user",
                "add",
                USERNAME,
                "--password-stdin",
            ],
            input=password + "\n",
            env=env,
            text=True,
            capture_output=True,
            timeout=180,
            check=True,
        )
        port = _free_port()
        log = data_dir / "serve.log"
        with log.open("wb") as errors:
            proc = subprocess.Popen(
                [sys.executable, "-m", "footcore.cli.main", "serve", "--port", str(port)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, proc, log)
            (data_dir / "password").write_text(password)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextmanager
def _no_database() -> Iterator[str]:
    yield ""


def sign_in(base: str, password: str) -> tuple[str, str]:
    """Sign the fuzz runner in through the login form; returns (sessionid, csrftoken)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/accounts/login/", timeout=30) as page:
        html = page.read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if match is None:
        raise RuntimeError("the login page has no CSRF token")
    form = urllib.parse.urlencode(
        {"username": USERNAME, "password": password, "csrfmiddlewaretoken": match.group(1)}
    ).encode()
    request = urllib.request.Request(
        base + "/accounts/login/", data=form, headers={"Referer": base}
    )
    with opener.open(request, timeout=30):
        pass
    cookies = {c.name: c.value or "" for c in jar}
    if "sessionid" not in cookies:
        raise RuntimeError("signing in gave no session cookie")
    return cookies["sessionid"], cookies["csrftoken"]


def store_profile(base: str, session: str, csrf: str) -> None:
    request = urllib.request.Request(
        base + "/api/profile",
        method="PUT",
        data=json.dumps({**PROFILE, "start": dt.date.today().isoformat()}).encode(),
        headers={
            "Content-Type": "application/json",
            "X-CSRFToken": csrf,
            "Cookie": f"sessionid={session}; csrftoken={csrf}",
        },
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        if response.status != 200:
            raise RuntimeError(f"PUT /api/profile answered {response.status}")


def _config(path: Path, session: str) -> None:
    # The session cookie is the schema's `SessionAuth` scheme, so schemathesis itself
    # leaves it out when it checks that a request without it is refused.
    path.write_text(
        f'[auth.openapi.SessionAuth]\napi_key = "{session}"\n',
        encoding="utf-8",
    )


_GENERATED = re.compile(r"(\d+) generated")


def run_schemathesis(
    base: str, session: str, csrf: str, *, max_examples: int, seed: int | None, work: Path
) -> FuzzResult:
    config = work / "schemathesis.toml"
    _config(config, session)
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(config),
        "run",
        f"{base}/api/openapi.json",
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        str(max_examples),
        "--workers",
        "1",
        "--phases",
        "examples,coverage,fuzzing",
        "--request-timeout",
        "30",
        "--report",
        "junit",
        "--report-dir",
        str(work / "report"),
    ]
    if seed is not None:
        command += ["--seed", str(seed)]
    env = {
        **os.environ,
        # The hooks add the CSRF cookie and header every write needs (see the module).
        "SCHEMATHESIS_HOOKS": "tests.support.schemathesis_hooks",
        "FOOTCORE_FUZZ_CSRF": csrf,
        "PYTHONPATH": str(ROOT),
        "NO_COLOR": "1",
        "COLUMNS": "120",
    }
    done = subprocess.run(
        command, env=env, cwd=work, capture_output=True, text=True, timeout=3600, check=False
    )
    output = done.stdout + done.stderr
    generated = sum(int(n) for n in _GENERATED.findall(output))
    failures = _count_failures(output)
    return FuzzResult(done.returncode, generated, failures, output)


def _count_failures(output: str) -> int:
    summary = output.rsplit("SUMMARY", 1)[-1]
    match = re.search(r"(\d+) unique failures", summary)
    if match:
        return int(match.group(1))
    match = re.search(r"=+ (\d+) failures?", summary)
    return int(match.group(1)) if match else 0


def fuzz(*, max_examples: int, seed: int | None = None, postgres: str = "") -> FuzzResult:
    with tempfile.TemporaryDirectory(prefix="footcore-fuzz-") as tmp:
        work = Path(tmp)
        with live_server(work, postgres=postgres) as base:
            session, csrf = sign_in(base, (work / "password").read_text())
            store_profile(base, session, csrf)
            return run_schemathesis(
                base, session, csrf, max_examples=max_examples, seed=seed, work=work
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=1000, help="cases per operation")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--postgres", default="", help="a PostgreSQL server URL")
    args = parser.parse_args(argv)
    result = fuzz(max_examples=args.max_examples, seed=args.seed, postgres=args.postgres)
    print(result.output)
    print(f"schemathesis: {result.generated} cases generated, {result.failures} failures")
    return 0 if result.returncode == 0 and result.failures == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
