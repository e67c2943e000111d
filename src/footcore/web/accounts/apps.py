from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "footcore.web.accounts"
    label = "accounts"

    def ready(self) -> None:
        from footcore.web.accounts import signin_log  # noqa: F401 - connects its receivers
