"""`footcore serve` end to end: a real gunicorn process on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footcore.cli.main import app


def test_personal_mode_refuses_to_bind_a_public_address() -> None:
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--host 0.0.0.0" in result.output
    assert "loopback" in result.output


@pytest.mark.parametrize("mode", ["Personal", "PERSONAL", " personal "])
def test_personal_mode_in_any_case_refuses_a_public_address(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTCORE_MODE", mode)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "loopback" in result.output


def test_an_unknown_mode_is_refused_before_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTCORE_MODE", "public")
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "FOOTCORE_MODE" in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_migrates_a_fresh_data_dir_and_answers_on_loopback(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "FOOTCORE_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "footcore.cli.main", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline:
            try:
                status, _ = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    break
                time.sleep(0.3)
        assert status == 200, proc.stdout.read().decode() if proc.stdout and proc.poll() else ""
        status, body = _get(f"http://127.0.0.1:{port}/exercises")
        assert status == 200
        assert b"short-foot" in body
        assert (tmp_path / "footcore.sqlite3").exists()
        assert (tmp_path / "secret_key").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if proc.stdout is not None:
            proc.stdout.close()
