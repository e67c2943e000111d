from __future__ import annotations

from pathlib import Path

import pytest

from footcore import config


def test_it_rejects_a_boolean_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTCORE_DEBUG", "maybe")
    with pytest.raises(config.ConfigError, match="FOOTCORE_DEBUG='maybe' is not a boolean"):
        config.env_bool("FOOTCORE_DEBUG", False)


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("off", False), ("Yes", True)])
def test_it_reads_booleans_in_the_usual_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("FOOTCORE_DEBUG", raw)
    assert config.env_bool("FOOTCORE_DEBUG", not expected) is expected


def test_it_names_an_unknown_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTCORE_MODE", "public")
    with pytest.raises(config.ConfigError, match="FOOTCORE_MODE='public'"):
        config.env_mode()


def test_it_rejects_a_database_url_of_another_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://x@y/z")
    with pytest.raises(config.ConfigError, match="DATABASE_URL must start with"):
        config.database(tmp_path)


def test_the_default_database_is_a_sqlite_file_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    db = config.database(tmp_path)
    assert db.is_default_sqlite
    assert db.url == f"sqlite:///{tmp_path / 'footcore.sqlite3'}"


def test_the_secret_key_is_generated_once_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FOOTCORE_SECRET_KEY", raising=False)
    first = config.secret_key(tmp_path)
    assert len(first) >= 32
    assert config.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_a_short_secret_key_from_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FOOTCORE_SECRET_KEY", "short")
    with pytest.raises(config.ConfigError, match="at least 32"):
        config.secret_key(tmp_path)


def test_a_data_dir_that_is_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    afile = tmp_path / "file"
    afile.write_text("x")
    monkeypatch.setenv("FOOTCORE_DATA_DIR", str(afile))
    with pytest.raises(config.ConfigError, match="not a directory"):
        config.data_dir()


def test_mail_without_an_smtp_host_goes_to_the_log(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOOTCORE_SMTP_HOST", raising=False)
    assert config.mail().backend == "django.core.mail.backends.console.EmailBackend"


def test_mail_reads_smtp_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTCORE_SMTP_HOST", "smtp.example.org")
    monkeypatch.setenv("FOOTCORE_SMTP_SSL", "true")
    monkeypatch.setenv("FOOTCORE_SMTP_STARTTLS", "false")
    monkeypatch.setenv("FOOTCORE_EMAIL_FROM", "physio@example.org")
    mail = config.mail()
    assert mail.backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (mail.port, mail.use_ssl, mail.use_tls) == (465, True, False)
    assert mail.sender == "physio@example.org"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("FOOTCORE_SMTP_PORT", "smtp", "FOOTCORE_SMTP_PORT='smtp' is not a whole number"),
        ("FOOTCORE_SMTP_PORT", "70000", "not between 1 and 65535"),
        ("FOOTCORE_EMAIL_FROM", "nobody", "FOOTCORE_EMAIL_FROM='nobody' is not an e-mail"),
    ],
)
def test_a_bad_mail_setting_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(config.ConfigError, match=message):
        config.mail()


def test_the_base_url_is_read_without_a_trailing_slash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTCORE_BASE_URL", "https://feet.example/")
    assert config.base_url() == "https://feet.example"


def test_no_base_url_means_no_links(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOOTCORE_BASE_URL", raising=False)
    assert config.base_url() is None


@pytest.mark.parametrize("raw", ["feet.example", "ftp://feet.example", "https://", "https://a b"])
def test_a_base_url_that_is_no_site_address_is_refused(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("FOOTCORE_BASE_URL", raw)
    with pytest.raises(config.ConfigError, match="FOOTCORE_BASE_URL="):
        config.base_url()


def test_every_setting_read_from_the_environment_is_in_the_readme() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    source = (root / "src/footcore/config.py").read_text() + (
        root / "src/footcore/web/settings.py"
    ).read_text()
    readme = (root / "README.md").read_text()
    # Test-only settings are documented in "Test it", not in the configuration table.
    for name in set(re.findall(r"\"(FOOTCORE_[A-Z_]+)\"", source)) - {"FOOTCORE_TEST_DB_NAME"}:
        assert f"`{name}`" in readme, name
