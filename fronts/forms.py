from stories.admin.stale_saves import UnchangedSinceOpenedForm

from .models import Lineup


class LineupForm(UnchangedSinceOpenedForm):
    class Meta:
        model = Lineup
        fields = ["section", "takes_effect_at", "note"]
