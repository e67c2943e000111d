from django.apps import AppConfig


class RunnerConfig(AppConfig):
    name = "footcore.web.runner"
    label = "runner"
