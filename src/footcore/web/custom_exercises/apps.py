from django.apps import AppConfig


class CustomExercisesConfig(AppConfig):
    name = "footcore.web.custom_exercises"
    label = "custom_exercises"
