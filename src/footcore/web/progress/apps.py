from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "footcore.web.progress"
    label = "progress"
