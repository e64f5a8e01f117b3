from django.conf import settings
from django.db.models import Exists, OuterRef
from taggit.models import Tag

from .models import Story


def site(request):
    return {"site_name": settings.NEWSROOM_SITE_NAME}


def navigation(request):
    """The featured tags with published stories, for the site's navigation.

    A queryset is lazy: it is read, in one query, only by a page whose template shows it.
    """
    has_published_story = Exists(Story.objects.published().filter(tags=OuterRef("pk")))
    featured = Tag.objects.filter(has_published_story, profile__is_featured=True)
    return {"featured_tags": featured.order_by("profile__position", "name")}
