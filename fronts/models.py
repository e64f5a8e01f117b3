"""A front's lineups: each holds from its time until the next one of the same front."""

import reversion
from django.db import models
from django.db.models import Case, OuterRef, Subquery, When
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models.fields import by_user

FRONT_PAGE = _("Front page")


class LineupQuerySet(models.QuerySet):
    def of_front(self, section=None):
        """The lineups of a section front, or of the front page when ``section`` is None."""
        return self.filter(section=section)

    def with_state(self):
        """Each with ``in_effect_id``: the id of the lineup in effect on its front."""
        come = Lineup.objects.filter(takes_effect_at__lte=Now()).order_by("-takes_effect_at", "-id")
        in_effect = Case(
            When(section__isnull=True, then=Subquery(come.filter(section=None).values("pk")[:1])),
            default=Subquery(come.filter(section=OuterRef("section_id")).values("pk")[:1]),
        )
        return self.annotate(in_effect_id=in_effect)

    def in_effect(self):
        """Those whose time has come, the one in effect first."""
        return self.filter(takes_effect_at__lte=timezone.now()).order_by("-takes_effect_at", "-id")


class Lineup(models.Model):
    section = models.ForeignKey(
        "stories.Section",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lineups",
        verbose_name=_("front"),
        help_text=_("The section front it orders; empty, the front page."),
    )
    takes_effect_at = models.DateTimeField(
        _("takes effect at"),
        default=timezone.now,
        help_text=_(
            "Readers see this lineup from this moment until the next one of the same front. "
            "A time to come schedules the change."
        ),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("For the desk: why this lineup.")
    )
    is_announced = models.BooleanField(
        default=False,
        db_default=False,
        editable=False,
        help_text=_("Whether the page caches have been told it took effect."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = by_user(_("last changed by"))

    objects = LineupQuerySet.as_manager()

    class Meta:
        verbose_name = _("front lineup")
        verbose_name_plural = _("front lineups")
        ordering = ["-takes_effect_at", "-id"]
        indexes = [
            models.Index(fields=["section", "-takes_effect_at", "-id"], name="lineup_in_effect"),
            models.Index(
                fields=["takes_effect_at"],
                condition=models.Q(is_announced=False),
                name="lineup_unannounced",
            ),
        ]

    def __str__(self):
        when = timezone.localtime(self.takes_effect_at).strftime("%Y-%m-%d %H:%M")
        return f"{self.front_name}, {when}"

    def save(self, *args, **kwargs):
        # one in effect at once is seen through the save's own content change
        self.is_announced = self.takes_effect_at <= timezone.now()
        super().save(*args, **kwargs)

    @property
    def state(self) -> str:
        """Scheduled, in effect or replaced; reads ``in_effect_id`` where ``with_state()``
        annotated it."""
        if self.takes_effect_at > timezone.now():
            return str(_("Scheduled"))
        in_effect_id = getattr(self, "in_effect_id", None)
        if in_effect_id is None:
            in_effect_id = Lineup.objects.of_front(self.section_id).in_effect().values("pk")[:1]
            in_effect_id = next(iter(in_effect_id.values_list("pk", flat=True)), None)
        return str(_("In effect")) if in_effect_id == self.pk else str(_("Replaced"))

    @property
    def front_name(self) -> str:
        return str(self.section) if self.section_id else str(FRONT_PAGE)


class LineupSlot(models.Model):
    """A story's place in a lineup: the lowest position is the lead."""

    lineup = models.ForeignKey(
        Lineup, on_delete=models.CASCADE, related_name="slots", verbose_name=_("lineup")
    )
    story = models.ForeignKey(
        "stories.Story",
        on_delete=models.CASCADE,
        related_name="lineup_slots",
        verbose_name=_("story"),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("The lowest is the lead.")
    )

    class Meta:
        verbose_name = _("story on the front")
        verbose_name_plural = _("stories on the front (the first is the lead)")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lineup", "story"],
                name="lineup_story_once",
                violation_error_message=_("This story is already in the lineup."),
            )
        ]

    def __str__(self):
        return str(self.story)


reversion.register(Lineup, follow=["slots"])
reversion.register(LineupSlot)
