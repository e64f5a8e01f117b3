"""The people stories quote, and their quotes."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..text import QuoteWords, bidi_isolated, quote_words_kept
from .fields import by_user
from .story import Story, published_q


def public_quote_q(prefix: str = "") -> Q:
    """Quotes readers see, as a Q: full quotations in published stories. ``prefix`` reaches
    quotes through a relation, e.g. ``public_quote_q("quotes__")`` on people."""
    return Q(**{f"{prefix}is_fragment": False}) & published_q(f"{prefix}story__")


class PersonQuerySet(models.QuerySet):
    def quoted(self):
        """People with at least one public quote: what readers may look up."""
        return self.filter(public_quote_count__gt=0)


class QuoteQuerySet(models.QuerySet):
    def not_fragments(self):
        return self.filter(is_fragment=False)

    def public(self):
        return self.filter(public_quote_q())

    def public_newest_first(self):
        """Public quotes, the newest story's first. The story's time kept on the quote bounds
        the (speaker, newest) index scan at now, so the quotes of drafts (no time yet: first
        in a descending index) and of stories still to come are never walked."""
        return (
            self.public()
            .filter(story_published_at__lte=timezone.now())
            .order_by("-story_published_at", "story_id", "position", "id")
        )


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200, help_text=_("Example: “Mike Pence”."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Example: “Vice President”.")
    )
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other forms texts use for this person, one per line: “Pence”, “Mr. Pence”."),
    )
    handle = models.CharField(
        _("social media handle"),
        max_length=100,
        blank=True,
        help_text=_("Without the @. Example: “realDonaldTrump”."),
    )
    public_quote_count = models.PositiveIntegerField(
        _("public quotes"),
        default=0,
        db_default=0,
        editable=False,
        help_text=_("Full quotations in published stories; kept by stories.counts."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        indexes = [
            models.Index(
                fields=["name", "id"], condition=Q(public_quote_count__gt=0), name="person_quoted"
            )
        ]

    def __str__(self):
        return bidi_isolated(self.name)

    def save(self, *args, **kwargs):
        """Writes every field but the stored count, which stories.counts keeps: an instance
        read before one of the person's quotes changed must not write its old number back."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "public_quote_count"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:person_detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Quote(models.Model):
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("story")
    )
    speaker = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="quotes", verbose_name=_("speaker")
    )
    text = models.TextField(_("text"), help_text=_("The words inside the quotation marks."))
    context = models.CharField(
        _("context"),
        max_length=255,
        blank=True,
        help_text=_("Where or how it was said. Example: “in a letter to Congress”, “on Twitter”."),
    )
    said_on = models.DateField(_("said on"), null=True, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_featured = models.BooleanField(
        _("pull quote"), default=False, help_text=_("Shown larger on the story page.")
    )
    is_fragment = models.BooleanField(
        _("fragment"),
        default=False,
        help_text=_(
            "A scare quote or a few quoted words (“fake news”) rather than a full quotation; "
            "kept, but not shown as a quote on the public pages."
        ),
    )

    story_published_at = models.DateTimeField(
        null=True,
        editable=False,
        help_text=_("The story's publication time, kept with each quote for a person's page."),
    )
    words = models.TextField(editable=False, blank=True, default="", db_default="")
    words_key = models.CharField(
        max_length=64, editable=False, blank=True, default="", db_default=""
    )
    words_head = models.CharField(
        max_length=64, editable=False, blank=True, default="", db_default=""
    )
    words_tail = models.CharField(
        max_length=64, editable=False, blank=True, default="", db_default=""
    )
    first_said = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="repeats",
        verbose_name=_("first said in"),
        help_text=_("The same words published earlier, in another story."),
    )
    attribution_doubted = models.BooleanField(
        _("possible misattribution"),
        default=False,
        db_default=False,
        editable=False,
        help_text=_("The same words are given to someone else in another quote."),
    )
    attribution_confirmed_by = by_user(_("attribution confirmed by"))
    attribution_confirmed_at = models.DateTimeField(
        _("attribution confirmed at"), null=True, blank=True, editable=False
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["speaker", "story"], name="quote_speaker_story"),
            models.Index(fields=["speaker", "-story_published_at"], name="quote_speaker_newest"),
            models.Index(fields=["words_key"], name="quote_same_words"),
            models.Index(fields=["words_head"], name="quote_same_first_words"),
            models.Index(fields=["words_tail"], name="quote_same_last_words"),
            models.Index(
                fields=["story"], condition=Q(attribution_doubted=True), name="quote_doubted"
            ),
        ]

    def __str__(self):
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"“{bidi_isolated(text)}” ({self.speaker})"

    def save(self, *args, **kwargs):
        self.story_published_at = self.story.published_at
        self.words_keep()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.story.get_absolute_url()

    def words_keep(self) -> QuoteWords:
        """The words and their key, kept with the text for finding the same words elsewhere
        (a save does it; bulk writes call it)."""
        kept = quote_words_kept(self.text)
        for field, value in kept._asdict().items():
            setattr(self, field, value)
        return kept
