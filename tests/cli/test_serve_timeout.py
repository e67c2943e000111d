"""`footcore serve --timeout`: a request that runs past the limit loses its worker.

Real gunicorn, real threaded workers, and a real slow request: a training calendar
whose repeat rule never matches (February the 30th, daily), which the rule's library
walks towards the year 9999. The importer stops it at its own budget of 1.5 CPU
seconds, so the request runs for at least that long on any machine; the limit here
is 1 s, so the guard must act first.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, http.client.HTTPException):
        return False


def _large_calendar(events: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN"]
    for i in range(events):
        day = dt.date.today() - dt.timedelta(days=i % 50)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{i}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            "SUMMARY:Easy run 8 km",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _never_matching_calendar() -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//t//t//EN",
        "BEGIN:VEVENT",
        "UID:never",
        f"DTSTART:{dt.date.today():%Y%m%d}T070000Z",
        "SUMMARY:Easy run 8 km",
        "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def _post_calendar(port: int, data: bytes) -> int:
    """POST the calendar as the profile page's form does; the HTTP status, or 0 when
    the server dropped the connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/profile")
    page = conn.getresponse()
    cookie = next(
        v.split(";")[0]
        for k, v in page.getheaders()
        if k.lower() == "set-cookie" and v.startswith("csrftoken=")
    )
    body_html = page.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body_html)
    assert token is not None
    boundary = "footcoreboundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f'{token[1]}\r\n--{boundary}\r\nContent-Disposition: form-data; name="calendar"; '
            f'filename="t.ics"\r\nContent-Type: text/calendar\r\n\r\n'
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    conn.request(
        "POST",
        "/profile/calendar",
        body=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": cookie,
        },
    )
    try:
        response = conn.getresponse()
        response.read()
        return response.status
    except (http.client.RemoteDisconnected, ConnectionResetError):
        return 0
    finally:
        conn.close()


def test_a_request_past_the_limit_is_stopped_and_the_server_keeps_serving(
    tmp_path: Path,
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "FOOTCORE_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "FOOTCORE_MODE": "personal",
        "FOOTCORE_SECURE_COOKIES": "false",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "footcore.cli.main",
                "serve",
                "--port",
                str(port),
                "--workers",
                "1",
                "--threads",
                "4",
                "--timeout",
                "1",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while not _healthy(port):
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        assert _post_calendar(port, _large_calendar(60)) == 200  # a quick one passes
        begun = time.monotonic()
        assert _post_calendar(port, _never_matching_calendar()) == 0
        assert time.monotonic() - begun < 30
        deadline = time.monotonic() + 60
        while not _healthy(port):
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        assert "POST /profile/calendar ran past 1 s" in log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
