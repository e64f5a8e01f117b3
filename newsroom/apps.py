from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class NewsroomConfig(AppConfig):
    """The project itself, as an app only so that its signal handlers are connected at
    start-up, before the first sign-in, whatever loads first."""

    name = "newsroom"

    def ready(self):
        from .middleware import renewed_at_login

        user_logged_in.connect(renewed_at_login, dispatch_uid="session_renewed_at_login")
