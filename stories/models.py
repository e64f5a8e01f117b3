import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from .text import headline_key, split_paragraphs, unix_newlines


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


def is_published_expression(prefix: str = "") -> ExpressionWrapper:
    """The published rule as a boolean column, for annotating rows with it."""
    return ExpressionWrapper(published_q(prefix), output_field=models.BooleanField())


def by_user(verbose_name) -> models.ForeignKey:
    """Who did something to a row; kept as empty when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=verbose_name,
    )


class StoryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def with_is_published(self):
        return self.annotate(is_public=is_published_expression())

    def with_parts(self):
        """With what a story page, its structured data and its ninjs show: tags, quotes with
        their speakers, related links both ways and corrections, in a fixed number of queries."""
        return self.prefetch_related(
            "tags",
            models.Prefetch(
                "quotes",
                queryset=Quote.objects.filter(is_fragment=False).select_related("speaker"),
            ),
            models.Prefetch(
                "related_links",
                queryset=RelatedLink.objects.select_related("target")
                .defer("target__body")
                .annotate(target_is_public=is_published_expression("target__")),
            ),
            "corrections",
            models.Prefetch(
                "inbound_links",
                queryset=RelatedLink.objects.filter(published_q("story__"))
                .select_related("story")
                .defer("story__body")
                .order_by("-story__published_at", "-story_id"),
            ),
        )


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
        help_text=_("The story's address: /stories/<slug>/. Example: “pence-letter-to-congress”."),
    )
    dek = models.TextField(
        _("dek"),
        blank=True,
        help_text=_("A sentence or two under the headline; empty, the first paragraph is used."),
    )
    body = models.TextField(
        _("body"), help_text=_("Plain text. Separate paragraphs with a blank line.")
    )
    byline = models.CharField(
        _("byline"), max_length=255, blank=True, help_text=_("Example: “Jane Doe and John Roe”.")
    )
    outlet = models.CharField(
        _("outlet"),
        max_length=255,
        blank=True,
        help_text=_("The publication the story first ran in, if not this site."),
    )
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
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

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "-published_at"], name="story_status_published")]
        permissions = [("publish_story", _("Can publish, schedule and unpublish stories"))]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.headline_key = headline_key(self.headline)
        self.body, self.dek = unix_newlines(self.body), unix_newlines(self.dek)
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

    @property
    def modified_at(self):
        """When readers last saw the story change: its publication or its latest save, which
        includes any correction or update appended to it."""
        if self.published_at is None:
            return self.updated_at
        return max(self.published_at, self.updated_at)

    @property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.body)

    @property
    def summary(self) -> str:
        if self.dek:
            return self.dek
        paragraphs = self.paragraphs
        return paragraphs[0] if paragraphs else ""

    def related_coverage(self) -> list["Coverage"]:
        """The story's own related links, then the published stories that link to it.

        Reads the ``related_links`` and ``inbound_links`` prefetched by the story page.
        """
        items = []
        linked_story_ids = set()
        for link in self.related_links.all():
            if link.target_id:
                linked_story_ids.add(link.target_id)
            items.append(Coverage(title=link.title, url=link.public_url))
        for link in self.inbound_links.all():
            if link.story_id not in linked_story_ids:
                linked_story_ids.add(link.story_id)
                items.append(Coverage(title=link.story.headline, url=link.story.get_absolute_url()))
        return items


class Coverage:
    """One entry of a story's related coverage: a headline, and its address when it has one."""

    def __init__(self, title: str, url: str | None):
        self.title = title
        self.url = url

    def __repr__(self):
        return f"Coverage({self.title!r}, {self.url!r})"


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

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

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

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["position", "id"]

    def __str__(self):
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"“{text}” ({self.speaker})"

    def get_absolute_url(self):
        return self.story.get_absolute_url()


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
        return self.title or str(self.target)

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


class SlugRedirect(models.Model):
    """An address a published story had before its slug changed; it answers 301 forever.

    It points at the story, not at the next slug, so it is always one hop.
    """

    old_slug = models.SlugField(_("old slug"), max_length=255, unique=True)
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="slug_redirects", verbose_name=_("story")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

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
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.story_touch()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.story_touch()
        return result

    def story_touch(self):
        """The story changed for its readers, so its modified time moves on too."""
        Story.objects.filter(pk=self.story_id).update(updated_at=timezone.now())


class TagProfile(models.Model):
    """What a tag's page says about it and whether the site's navigation lists it.

    A companion to taggit's Tag rather than a custom tag model: taggit's Tag stays the one
    vocabulary, so there is no through-model swap, no data migration of the existing tags and
    tagged items, and third-party code written for taggit keeps working.
    """

    tag = models.OneToOneField(
        Tag, on_delete=models.CASCADE, related_name="profile", verbose_name=_("tag")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "Plain text, shown on the tag's page and to search engines. Separate paragraphs "
            "with a blank line."
        ),
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Listed in the site's navigation.")
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Order among the featured tags, lowest first.")
    )

    class Meta:
        verbose_name = _("tag description")
        verbose_name_plural = _("tag descriptions")
        ordering = ["position", "tag__name"]

    def __str__(self):
        return str(self.tag)


class TagRedirect(models.Model):
    """An address a tag had before it was renamed or merged; it answers 301 forever.

    It points at the tag, not at the next slug, so it is always one hop.
    """

    old_slug = models.SlugField(_("old slug"), max_length=100, unique=True, allow_unicode=True)
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="redirects", verbose_name=_("tag")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("old tag address")
        verbose_name_plural = _("old tag addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return f"/tags/{self.old_slug}/ → /tags/{self.tag.slug}/"


class TagChange(models.Model):
    """A merge or a rename of tags: who made it, when, and the names and slugs before and after."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Merge")
        RENAME = "rename", _("Rename")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    tag = models.ForeignKey(
        Tag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name=_("tag"),
        help_text=_("The tag that was renamed, or the one the others were merged into."),
    )
    old_names = models.TextField(_("old names"), help_text=_("One per line."))
    old_slugs = models.TextField(_("old slugs"), help_text=_("One per line."))
    new_name = models.CharField(_("new name"), max_length=100)
    new_slug = models.CharField(_("new slug"), max_length=100)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = by_user(_("by"))

    class Meta:
        verbose_name = _("tag change")
        verbose_name_plural = _("tag changes")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        old = ", ".join(f"“{name}”" for name in self.old_names.splitlines())
        return f"{self.get_kind_display()}: {old} → “{self.new_name}”"


# Each save of a story keeps one revision of it with its quotes, links, corrections and tags.
reversion.register(
    Story,
    exclude=["search_vector"],
    follow=["quotes", "related_links", "corrections", "tagged_items"],
)
reversion.register(Quote)
reversion.register(RelatedLink)
reversion.register(Correction)
reversion.register(TaggedItem)
