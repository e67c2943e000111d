from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "footcore.web.accounts"
    label = "accounts"
