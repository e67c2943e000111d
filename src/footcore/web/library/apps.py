from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "footcore.web.library"
    label = "library"
