from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def lineup_changed(sender, **kwargs):
    from .lineups import NEXT_LINEUP

    NEXT_LINEUP.changed()


class FrontsConfig(AppConfig):
    name = "fronts"
    label = "fronts"
    verbose_name = "Fronts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        for signal in (post_save, post_delete):
            signal.connect(
                lineup_changed, sender="fronts.Lineup", dispatch_uid=f"lineup_due_{signal}"
            )
