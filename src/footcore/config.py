"""Settings read from the environment, failing loudly on bad values.

Both the Django settings module and the CLI read configuration through here so a
bad value produces the same message wherever footcore starts.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import platformdirs


class ConfigError(ValueError):
    """A configuration value is missing or malformed; the message names the variable."""


class Mode(StrEnum):
    PERSONAL = "personal"
    """One local runner, no sign-in; only ever served on loopback."""
    MULTI_USER = "multi-user"
    """Sign-in required; every record belongs to its user."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean; use one of: true, false, 1, 0, yes, no")


def env_int(name: str, default: int, *, low: int, high: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}={raw!r} is not between {low} and {high}")
    return value


@dataclass(frozen=True, slots=True)
class MailConfig:
    backend: str
    host: str
    port: int
    user: str
    password: str
    use_tls: bool
    use_ssl: bool
    sender: str


def mail() -> MailConfig:
    """SMTP from the environment; without `FOOTCORE_SMTP_HOST` mail is written to the log."""
    host = os.environ.get("FOOTCORE_SMTP_HOST", "").strip()
    use_ssl = env_bool("FOOTCORE_SMTP_SSL", False)
    use_tls = env_bool("FOOTCORE_SMTP_STARTTLS", not use_ssl)
    if use_ssl and use_tls:
        raise ConfigError("FOOTCORE_SMTP_SSL and FOOTCORE_SMTP_STARTTLS cannot both be true")
    sender = os.environ.get("FOOTCORE_EMAIL_FROM", "").strip() or "footcore@localhost"
    if "@" not in sender:
        raise ConfigError(f"FOOTCORE_EMAIL_FROM={sender!r} is not an e-mail address")
    return MailConfig(
        backend=(
            "django.core.mail.backends.smtp.EmailBackend"
            if host
            else "django.core.mail.backends.console.EmailBackend"
        ),
        host=host,
        port=env_int("FOOTCORE_SMTP_PORT", 465 if use_ssl else 587, low=1, high=65535),
        user=os.environ.get("FOOTCORE_SMTP_USER", ""),
        password=os.environ.get("FOOTCORE_SMTP_PASSWORD", ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
        sender=sender,
    )


def env_mode() -> Mode:
    raw = os.environ.get("FOOTCORE_MODE", Mode.PERSONAL.value).strip().lower()
    try:
        return Mode(raw)
    except ValueError:
        choices = ", ".join(m.value for m in Mode)
        raise ConfigError(f"FOOTCORE_MODE={raw!r} is not one of: {choices}") from None


def base_url() -> str | None:
    """`FOOTCORE_BASE_URL`: the address the site is reached at (`https://feet.example`),
    used for links that leave the site, such as calendar events. Unset: no links."""
    raw = os.environ.get("FOOTCORE_BASE_URL", "").strip()
    if not raw:
        return None
    scheme, sep, rest = raw.partition("://")
    host = rest.split("/", 1)[0]
    if not sep or scheme not in ("http", "https") or not host or any(c in raw for c in " ?#"):
        raise ConfigError(
            f"FOOTCORE_BASE_URL={raw!r} is not a site address like https://feet.example"
        )
    return raw.rstrip("/")


def data_dir() -> Path:
    """Where the SQLite file and the generated secret key live.

    `FOOTCORE_DATA_DIR` wins; otherwise the platform's per-user data directory.
    """
    raw = os.environ.get("FOOTCORE_DATA_DIR")
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("footcore"))
    if path.exists() and not path.is_dir():
        raise ConfigError(f"FOOTCORE_DATA_DIR={str(path)!r} exists and is not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"FOOTCORE_DATA_DIR={str(path)!r} cannot be created: {exc}") from None
    return path


def secret_key(directory: Path) -> str:
    """The install's secret key: `FOOTCORE_SECRET_KEY`, else generated once and kept on disk."""
    from_env = os.environ.get("FOOTCORE_SECRET_KEY")
    if from_env is not None:
        if len(from_env) < 32:
            raise ConfigError("FOOTCORE_SECRET_KEY must be at least 32 characters long")
        return from_env
    key_file = directory / "secret_key"
    if key_file.exists():
        key = key_file.read_text(encoding="utf-8").strip()
        if len(key) < 32:
            raise ConfigError(f"{key_file} holds a key shorter than 32 characters; delete it")
        return key
    key = secrets.token_urlsafe(50)
    # O_EXCL: two processes starting together must not overwrite each other's key.
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


@dataclass(frozen=True, slots=True)
class DatabaseConfig:
    url: str
    is_default_sqlite: bool


def database(directory: Path) -> DatabaseConfig:
    raw = os.environ.get("DATABASE_URL", "").strip()
    if not raw:
        return DatabaseConfig(f"sqlite:///{directory / 'footcore.sqlite3'}", True)
    if not raw.startswith(("sqlite://", "postgres://", "postgresql://")):
        raise ConfigError(
            "DATABASE_URL must start with sqlite://, postgres:// or postgresql:// "
            f"(got {raw.split(':', 1)[0]!r})"
        )
    return DatabaseConfig(raw, False)
