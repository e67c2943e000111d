from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "footcore.web.assessments"
    label = "assessments"
