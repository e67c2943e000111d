from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "footcore.web.training"
    label = "training"
