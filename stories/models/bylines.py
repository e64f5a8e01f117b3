"""Who wrote a story: its authors in byline order. Wire and guest copy keeps a free-text
credit on the story instead (``Story.byline``)."""

import functools

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from authors.models import Author

from .children_as_json import ChildrenAsJSON


class StoryAuthor(models.Model):
    story = models.ForeignKey(
        "stories.Story",
        on_delete=models.CASCADE,
        related_name="story_authors",
        verbose_name=_("story"),
    )
    author = models.ForeignKey(
        "authors.Author",
        on_delete=models.PROTECT,
        related_name="story_credits",
        verbose_name=_("author"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors (in byline order)")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "author"],
                name="story_author_once",
                violation_error_message=_("This author is already in the byline."),
            )
        ]
        indexes = [models.Index(fields=["author", "story"], name="story_author_stories")]

    def __str__(self):
        return str(self.author)


@functools.cache
def story_authors_as_json() -> ChildrenAsJSON:
    """A story's authors in byline order, each with what a byline link shows."""
    return ChildrenAsJSON(
        "story_authors",
        StoryAuthor.objects.filter(story=OuterRef("pk")),
        parent="story",
        ordering=("position", "id"),
        related="author",
        related_fields=("id", "name", "slug"),
    )


def authors_in_print():
    """The authors credited on at least one story readers may see: those the author list and
    the sitemap give (a profile with nothing published is a page with nothing to read)."""
    from .story import published_q  # which imports this module

    credits = StoryAuthor.objects.filter(published_q("story__"), author=OuterRef("pk"))
    return Author.objects.filter(Exists(credits))
