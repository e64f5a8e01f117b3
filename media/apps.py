from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = "Images"
    default_auto_field = "django.db.models.BigAutoField"
