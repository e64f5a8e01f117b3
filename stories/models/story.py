"""A story and what hangs off it: related links, old addresses, corrections and updates."""

import functools
from datetime import timedelta

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from ..body_html import body_html, plain_text
from ..text import bidi_isolated, headline_key, split_paragraphs, unix_newlines
from .bylines import story_authors_as_json
from .children_as_json import ChildrenAsJSON, with_children_as_json
from .fields import by_user

SUGGESTION_LIMIT = 5
SPEAKER_WEIGHT = 2  # a person quoted in both stories ties them closer than a shared topic
UPDATE_SHOWN_AFTER = timedelta(minutes=1)  # a save within it is the publication's own
READING_WORDS_PER_MINUTE = 230
SUGGESTION_CANDIDATES = 50  # per tag and per speaker: the newest stories carrying or quoting them


def published_q(prefix: str = "") -> Q:
    """What readers may see, as a Q that combines with other filters.

    ``prefix`` reaches a story through a relation, e.g. ``published_q("story__")`` on quotes.
    """
    return Q(
        **{
            f"{prefix}status": Story.Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


def scheduled_q(prefix: str = "") -> Q:
    """Published with a time still to come: readers see it from that moment."""
    return Q(
        **{
            f"{prefix}status": Story.Status.PUBLISHED,
            f"{prefix}published_at__gt": timezone.now(),
        }
    )


def is_published_expression(prefix: str = "") -> ExpressionWrapper:
    """The published rule as a boolean column, for annotating rows with it."""
    return ExpressionWrapper(published_q(prefix), output_field=models.BooleanField())


class StoryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def scheduled(self):
        return self.filter(scheduled_q())

    def with_is_published(self):
        return self.annotate(is_public=is_published_expression())

    def tagged(self, tag):
        """Stories carrying ``tag``, as an IN over its tagged items: PostgreSQL reads that by
        index either way round, where a join through taggit's integer ``object_id`` casts the
        stories' bigint ids and can use no index on them."""
        return self.filter(pk__in=story_tagged_items().filter(tag=tag).values("object_id"))

    def cards(self):
        """Published stories, newest first, with what a story card shows; the byline's
        authors read in the stories' own query."""
        return with_children_as_json(
            self.published()
            .select_related("lead_image")
            .prefetch_related("tags")
            .order_by("-published_at", "-id"),
            story_authors_as_json(),
        )

    def for_feeds(self):
        """Published stories, newest first, with the authors, tags and corrections a feed
        entry shows."""
        return with_children_as_json(
            self.published()
            .select_related("lead_image")
            .prefetch_related("tags", "corrections")
            .order_by("-published_at", "-id"),
            story_authors_as_json(),
        )

    def with_parts(self):
        """With what a story page, its structured data and its ninjs show: authors, tags,
        corrections and the published stories linking to it read in the story's own row, then
        quotes with their speakers and the story's own related links: three queries, however
        many."""
        from .people import Quote  # people.py imports this module

        return with_children_as_json(
            self.select_related("lead_image", "section"),
            story_authors_as_json(),
            story_tags_as_json(),
            corrections_as_json(),
            inbound_links_as_json(),
        ).prefetch_related(
            models.Prefetch(
                "quotes", queryset=Quote.objects.not_fragments().select_related("speaker")
            ),
            models.Prefetch(
                "related_links",
                queryset=RelatedLink.objects.select_related("target")
                .defer("target__body", "target__body_text")
                .annotate(target_is_public=is_published_expression("target__")),
            ),
        )

    def suggested_for(self, story: "Story", *, limit: int = SUGGESTION_LIMIT):
        """Up to ``limit`` published stories ranked by shared speakers and tags, newest first
        on a tie, leaving out the story and those already related to it either way. One query.

        The candidates are the SUGGESTION_CANDIDATES newest stories carrying each of the
        story's tags and quoting each of its speakers, each read from an index on (tag, story)
        or (speaker, story), so the cost does not grow with the archive; their shared tags and
        speakers are then counted exactly.
        Reads the story's tags, quotes and links from its prefetch cache when it has one.
        """
        from .people import Quote  # people.py imports this module

        tag_ids = sorted({tag.pk for tag in story.tags.all()})
        speaker_ids = sorted(
            {quote.speaker_id for quote in story.quotes.all() if not quote.is_fragment}
        )
        if not tag_ids and not speaker_ids:
            return self.none()
        related_ids = {link.target_id for link in story.related_links.all() if link.target_id}
        related_ids |= {link.story_id for link in story.inbound_links.all()}
        tagged = story_tagged_items()
        quoting = Quote.objects.filter(is_fragment=False)
        candidates = [
            Story.objects.filter(pk__in=recent_ids(tagged.filter(tag=tag_id), "object_id"))
            for tag_id in tag_ids
        ] + [
            Story.objects.filter(pk__in=recent_ids(quoting.filter(speaker=speaker_id), "story_id"))
            for speaker_id in speaker_ids
        ]
        first, *others = (candidate.order_by().values("pk") for candidate in candidates)
        candidate_ids = first.union(*others)
        shared_tags = count_of(tagged.filter(object_id=OuterRef("pk"), tag__in=tag_ids))
        shared_speakers = count_of(
            quoting.filter(story=OuterRef("pk"), speaker__in=speaker_ids), distinct="speaker"
        )
        return (
            self.published()
            .filter(pk__in=candidate_ids)
            .exclude(pk__in={story.pk, *related_ids})
            .annotate(shared_tags=shared_tags, shared_speakers=shared_speakers)
            .annotate(score=F("shared_tags") + SPEAKER_WEIGHT * F("shared_speakers"))
            .order_by("-score", "-published_at", "-id")[:limit]
        )


@functools.cache
def story_tags_as_json() -> ChildrenAsJSON:
    items = "taggit_taggeditem_items"
    return ChildrenAsJSON(
        "tags",
        Tag.objects.filter(
            **{
                f"{items}__content_type__app_label": Story._meta.app_label,
                f"{items}__content_type__model": Story._meta.model_name,
                f"{items}__object_id": OuterRef("pk"),
            }
        ),
        parent=f"{items}__object_id",
        ordering=("name",),
    )


@functools.cache
def corrections_as_json() -> ChildrenAsJSON:
    return ChildrenAsJSON(
        "corrections",
        Correction.objects.filter(story=OuterRef("pk")),
        parent="story",
        ordering=("-created_at", "-id"),
    )


@functools.cache
def inbound_links_as_json() -> ChildrenAsJSON:
    """Links to the story from published stories, newest first, each with what a link to
    its story shows (related coverage, ninjs associations)."""
    return ChildrenAsJSON(
        "inbound_links",
        RelatedLink.objects.filter(
            story__status=Story.Status.PUBLISHED,
            story__published_at__lte=Now(),
            target=OuterRef("pk"),
        ),
        parent="target",
        ordering=("-story__published_at", "-story_id"),
        related="story",
        related_fields=("id", "headline", "slug", "status", "published_at", "updated_at"),
    )


def story_tagged_items():
    return TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Story))


def recent_ids(rows, story_column: str):
    """The SUGGESTION_CANDIDATES highest story ids of ``rows``, as a subquery."""
    return rows.order_by(f"-{story_column}").values(story_column)[:SUGGESTION_CANDIDATES]


def count_of(rows, distinct: str = "id") -> Subquery:
    """The number of ``rows`` (correlated by an OuterRef) as an integer subquery, 0 if none."""
    counted = rows.order_by().annotate(group=Value(1)).values("group")
    counted = counted.annotate(number=Count(distinct, distinct=True)).values("number")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


class Story(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    headline = models.CharField(_("headline"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        help_text=_(
            "The last part of the story's address, after /stories/. "
            "Example: “pence-letter-to-congress”."
        ),
    )
    dek = models.TextField(
        _("dek"),
        blank=True,
        help_text=_("A sentence or two under the headline; empty, the first paragraph is used."),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Paragraphs, subheads, links, lists, quotations and pictures from the image library. "
            "Anything else is removed when the story is saved."
        ),
    )
    body_text = models.TextField(
        _("body as plain text"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Derived from the body on every save: what search, feeds and counts read."),
    )
    section = models.ForeignKey(
        "stories.Section",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("section"),
        help_text=_("The story's primary section: its section front lists it."),
    )
    authors = models.ManyToManyField(
        "authors.Author",
        through="stories.StoryAuthor",
        related_name="stories",
        blank=True,
        verbose_name=_("authors"),
    )
    byline = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            "Free text for wire and guest copy, shown after the authors, or alone without them. "
            "Examples: “Associated Press”, “Jane Doe in Kyiv”."
        ),
    )
    outlet = models.CharField(
        _("outlet"),
        max_length=255,
        blank=True,
        help_text=_("The publication the story first ran in, if not this site."),
    )
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    lead_image = models.ForeignKey(
        "media.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
        verbose_name=_("lead image"),
        help_text=_(
            "Shown above the story, on its cards, in social previews and feeds. "
            "Choose from the image library or upload one there."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("Readers see a published story from this moment on."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = by_user(_("created by"))
    updated_by = by_user(_("last changed by"))
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Goes up with every save; a form opened at an older version cannot save."),
    )
    is_developing = models.BooleanField(
        _("developing story"),
        default=False,
        help_text=_("Shows readers a notice that the story is still being updated."),
    )
    tags = TaggableManager(_("tags"), blank=True, ordering=["name"])
    tagged_items = GenericRelation(TaggedItem)  # so a story's revisions keep its tags
    headline_key = models.CharField(max_length=255, db_index=True, editable=False, default="")
    source_key = models.CharField(
        _("import key"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Identifies the raw article this story was imported from."),
    )

    search_vector = SearchVectorField(null=True, editable=False)
    is_counted = models.BooleanField(
        default=False,
        db_default=False,
        editable=False,
        help_text=_("Whether its tags and quotes are in the stored counts (stories.counts)."),
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="story_status_published"),
            models.Index(fields=["-published_at", "-id"], name="story_published_newest"),
            models.Index(fields=["section", "-published_at", "-id"], name="story_section_newest"),
            models.Index(
                fields=["published_at"],
                condition=Q(status="published", is_counted=False),
                name="story_published_uncounted",
            ),
        ]
        permissions = [("publish_story", _("Can publish, schedule and unpublish stories"))]

    def __str__(self):
        return bidi_isolated(self.headline)

    def save(self, *args, **kwargs):
        self.headline_key = headline_key(self.headline)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:  # a status change leaves it
            self.body_derive()
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_text"}
        self.dek = unix_newlines(self.dek)
        previous = (
            None
            if self._state.adding
            else Story.objects.filter(pk=self.pk).values("slug", "status").first()
        )
        super().save(*args, **kwargs)
        if previous and previous["slug"] != self.slug and previous["status"] != self.Status.DRAFT:
            SlugRedirect.objects.update_or_create(
                old_slug=previous["slug"], defaults={"story": self}
            )
        SlugRedirect.objects.filter(old_slug=self.slug).delete()

    def get_absolute_url(self):
        return reverse("stories:story_detail", kwargs={"slug": self.slug})

    def body_derive(self) -> None:
        """The body sanitized (a plain-text body from before rich bodies becomes paragraphs)
        and its plain text derived from it."""
        self.body = body_html(unix_newlines(self.body))
        self.body_text = plain_text(self.body)

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def state(self) -> str:
        """The status as readers experience it: a published story not yet out is scheduled."""
        return _("Scheduled") if self.is_scheduled else self.get_status_display()

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.status == self.Status.PUBLISHED and self.lead_image_needs_alt_text:
            raise ValidationError(
                {
                    "lead_image": _(
                        "The lead image needs alt text before the story is published: add it "
                        "in the image library, or mark the image decorative there."
                    )
                },
                code="lead_image_alt_text",
            )

    @property
    def lead_image_needs_alt_text(self) -> bool:
        return self.lead_image_id is not None and self.lead_image.needs_alt_text

    @property
    def modified_at(self):
        """When readers last saw the story change: its publication or its latest save, which
        includes any correction or update appended to it."""
        if self.published_at is None:
            return self.updated_at
        return max(self.published_at, self.updated_at)

    @property
    def updated_after_publication(self):
        """When the story last changed, if that was after readers first saw it (an edit, a
        correction or an update; the corrections are the ones the page reads anyway); else
        None."""
        if self.published_at is None:
            return None
        latest = max([self.updated_at, *(c.created_at for c in self.corrections.all())])
        return latest if latest - self.published_at > UPDATE_SHOWN_AFTER else None

    @property
    def byline_authors(self) -> list:
        """The authors in byline order (from the row's own query where it read them)."""
        return [credit.author for credit in self.story_authors.all()]

    @property
    def byline_text(self) -> str:
        """The byline as plain text: “Jane Doe and John Roe, Associated Press”."""
        names = [author.name for author in self.byline_authors]
        written = " and ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))
        return ", ".join(filter(None, [written, self.byline.strip()]))

    @property
    def reading_minutes(self) -> int:
        return max(1, round(len(self.body_text.split()) / READING_WORDS_PER_MINUTE))

    @property
    def paragraphs(self) -> list[str]:
        """The body's blocks as plain text: paragraphs, subheads, list items, quotations."""
        return split_paragraphs(self.body_text)

    @property
    def summary(self) -> str:
        if self.dek:
            return self.dek
        paragraphs = self.paragraphs
        return paragraphs[0] if paragraphs else ""


class RelatedLinkQuerySet(models.QuerySet):
    def resolve_to(self, story: Story) -> int:
        """Point every unresolved link whose title is ``story``'s headline at it, unless the
        linking story already links to it."""
        return (
            self.filter(target__isnull=True, title_key=story.headline_key)
            .exclude(story=story)
            .exclude(story__related_links__target=story)
            .update(target=story)
        )


class RelatedLink(models.Model):
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="related_links", verbose_name=_("story")
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("The related headline as written. Left empty, the linked story's headline."),
    )
    target = models.ForeignKey(
        Story,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_links",
        verbose_name=_("related story"),
        help_text=_("The story on this site it points to; empty while none matches."),
    )
    url = models.URLField(
        _("external URL"), max_length=500, blank=True, help_text=_("For coverage on another site.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    title_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    objects = RelatedLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("related link")
        verbose_name_plural = _("related links")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(target=F("story")), name="related_link_not_self"),
            models.UniqueConstraint(
                fields=["story", "target"],
                condition=Q(target__isnull=False),
                name="related_link_unique_target",
                violation_error_message=_("This story is already linked."),
            ),
        ]

    def __str__(self):
        return bidi_isolated(self.title) if self.title else str(self.target)

    def save(self, *args, **kwargs):
        self.title_key = headline_key(self.title)
        super().save(*args, **kwargs)

    def clean(self):
        if self.target_id and self.story_id and self.target_id == self.story_id:
            raise ValidationError({"target": _("A story cannot be related to itself.")})
        if not self.title:
            if self.target is None:
                raise ValidationError({"title": _("Give a headline or choose a related story.")})
            self.title = self.target.headline

    @property
    def public_url(self) -> str | None:
        """Where a reader may follow this link, or None when it would be a dead end.

        Expects ``target_is_public`` annotated by the story page's prefetch; without it the
        target is looked up.
        """
        if self.target_id:
            is_public = getattr(self, "target_is_public", None)
            if is_public is None:
                is_public = Story.objects.published().filter(pk=self.target_id).exists()
            if is_public:
                return self.target.get_absolute_url()
        return self.url or None


class SlugRedirectQuerySet(models.QuerySet):
    def story_at(self, old_slug: str, *, unpublished_too: bool = False) -> Story | None:
        """The story that had this address, if readers (or, ``unpublished_too``, staff) may
        see it now."""
        moved = self.filter(old_slug=old_slug)
        if not unpublished_too:
            moved = moved.filter(published_q("story__"))
        redirect = moved.select_related("story").first()
        return redirect.story if redirect is not None else None


class SlugRedirect(models.Model):
    """An address a published story had before its slug changed; it answers 301 forever.

    It points at the story, not at the next slug, so it is always one hop.
    """

    old_slug = models.SlugField(_("old slug"), max_length=255, unique=True)
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="slug_redirects", verbose_name=_("story")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SlugRedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return f"/stories/{self.old_slug}/ → {self.story.get_absolute_url()}"


class Correction(models.Model):
    """A correction or an update appended to a published story, shown at its foot."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("story")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        _("text"),
        help_text=_("Example: “An earlier version misstated the date of the vote.”"),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = by_user(_("by"))

    class Meta:
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {bidi_isolated(self.text[:60])}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.story_modified()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.story_modified()
        return result

    def story_modified(self):
        """The story changed for its readers, so its modified time moves on too."""
        Story.objects.filter(pk=self.story_id).update(updated_at=timezone.now())
