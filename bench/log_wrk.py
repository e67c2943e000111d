"""`wrk` as the client of bench/log_throughput.py: POSTs from a Lua script, so the
client's own CPU (a Python client's JSON and HTTP work under one GIL) does not take
the server's cores. One wrk thread drives all the connections (one event loop is far
faster than the server) and numbers its requests: the n-th logs index `base + n`, so
every log is a session of its own, two a day, walking forward as a runner's logs do.
(Two wrk threads would each walk their own days, and the slower one's logs would land
weeks behind the latest: a refold of the history each, which no runner causes.)"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

LUA = r"""
local base, first_epoch = %(base)d, %(first_epoch)d
local token, exercises = "%(token)s", '%(exercises)s'
local kinds = {"activation", "strength"}
local counter = 0
function request()
  local index = base + counter
  counter = counter + 1
  local day = os.date("!%%Y-%%m-%%d", first_epoch + math.floor(index / 2) * 86400)
  local body = '{"date":"' .. day .. '","kind":"' .. kinds[index %% 2 + 1] ..
    '","idempotency_key":"wrk-log-' .. index .. '","exercises":' .. exercises ..
    ',"difficulty":"just-right","pain_0_10":1,"pain_site":null,"notes":""}'
  return wrk.format("POST", "/api/logs", {
    ["Content-Type"] = "application/json",
    ["X-CSRFToken"] = token,
    ["Cookie"] = "csrftoken=" .. token,
    ["Referer"] = "http://127.0.0.1/",
  }, body)
end
"""


def wrk_logs(
    port: int,
    token: str,
    exercises: list[dict[str, Any]],
    *,
    first_day: dt.date,
    base: int,
    seconds: int,
    connections: int,
) -> int:
    """Run wrk for `seconds`; answers the number of logs it stored (every answer must be
    a 2xx, else the bench stops). Indexes from `base` up to a little past `base + answer`
    may be used, so the caller moves past that."""
    first_epoch = int(dt.datetime.combine(first_day, dt.time(), dt.UTC).timestamp())
    script = LUA % {
        "base": base,
        "first_epoch": first_epoch,
        "token": token,
        "exercises": json.dumps(exercises).replace("'", "\\'"),
    }
    return _run(script, port, threads=1, connections=connections, seconds=seconds)[0]


def _run(
    script: str, port: int, *, threads: int, connections: int, seconds: int
) -> tuple[int, str]:
    """Run wrk with the Lua `script`; answers the requests it made and its output. Every
    answer must be a 2xx, else the bench stops."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "logs.lua"
        path.write_text(script)
        out = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "-s",
                str(path),
                f"http://127.0.0.1:{port}/api/logs",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"wrk: {errors.group(1)} logs refused\n{out}")
    done = re.search(r"(\d+) requests in", out)
    if not done:
        raise SystemExit(f"wrk printed no request count:\n{out}")
    return int(done.group(1)), out


RUNNERS_LUA = r"""
local runners = {%(runners)s}
local base, first_epoch = %(base)d, %(first_epoch)d
local exercises = '%(exercises)s'
local kinds = {"activation", "strength"}
local made, threads = 0, {}
function setup(thread)
  made = made + 1
  thread:set("runner", made)
  table.insert(threads, thread)
end
function init(args)
  counter = 0
  me = runners[runner]
end
function request()
  local index = base + counter
  counter = counter + 1
  local day = os.date("!%%Y-%%m-%%d", first_epoch + math.floor(index / 2) * 86400)
  local body = '{"date":"' .. day .. '","kind":"' .. kinds[index %% 2 + 1] ..
    '","idempotency_key":"wrk-runner-' .. runner .. '-' .. index .. '","exercises":' .. exercises ..
    ',"difficulty":"just-right","pain_0_10":1,"pain_site":null,"notes":""}'
  return wrk.format("POST", "/api/logs", {
    ["Content-Type"] = "application/json",
    ["X-CSRFToken"] = me[2],
    ["Cookie"] = "sessionid=" .. me[1] .. "; csrftoken=" .. me[2],
    ["Referer"] = "http://127.0.0.1/",
  }, body)
end
function response(status, headers, body)
  if status >= 300 and not shown then
    shown = true
    io.write("first refused: " .. status .. " " .. body .. "\n")
  end
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    io.write("runner " .. thread:get("runner") .. " sent " .. thread:get("counter") .. "\n")
  end
end
"""


def wrk_runner_logs(
    port: int,
    runners: list[tuple[str, str]],
    exercises: list[dict[str, Any]],
    *,
    first_day: dt.date,
    base: int,
    seconds: int,
) -> tuple[int, int]:
    """wrk for `seconds` with one thread and one connection per runner ((session key,
    CSRF token) each), so each runner's logs go in order, as one runner's phone sends
    them. Answers the logs stored in all and the most any one runner sent (indexes from
    `base` up to `base` + that may be used)."""
    first_epoch = int(dt.datetime.combine(first_day, dt.time(), dt.UTC).timestamp())
    script = RUNNERS_LUA % {
        "runners": ", ".join(f'{{"{key}", "{token}"}}' for key, token in runners),
        "base": base,
        "first_epoch": first_epoch,
        "exercises": json.dumps(exercises).replace("'", "\\'"),
    }
    stored, out = _run(
        script, port, threads=len(runners), connections=len(runners), seconds=seconds
    )
    sent = [int(n) for n in re.findall(r"runner \d+ sent (\d+)", out)]
    if len(sent) != len(runners):
        raise SystemExit(f"wrk printed no count per runner:\n{out}")
    return stored, max(sent)
