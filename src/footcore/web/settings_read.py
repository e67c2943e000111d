"""Settings for CLI commands that only read (`plan`, `progress`, ..., and `footcore today`
when its quick path, `footcore.cli.today_read`, cannot answer).

The same settings as `footcore.web.settings`, less the apps such a command never
touches: the admin site (importing it pulls in Django's forms, widgets and admin
filters), flash messages and static files. Starting Django this way costs about a
sixth less CPU; nothing of the data model changes, since those apps add no table a
read uses. The web server and every writing command use the full settings.
"""

from __future__ import annotations

from footcore.web.settings import *  # noqa: F403 - this module is those settings, trimmed
from footcore.web.settings import INSTALLED_APPS as _ALL_APPS

_NOT_FOR_READS = {
    "django.contrib.admin",
    "django.contrib.messages",
    "django.contrib.staticfiles",
}
INSTALLED_APPS = [app for app in _ALL_APPS if app not in _NOT_FOR_READS]
