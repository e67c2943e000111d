from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "footcore.web.clinic"
    label = "clinic"
