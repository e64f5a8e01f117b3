from django.conf import settings

from stories.models import featured_tags


def site(request):
    return {"site_name": settings.NEWSROOM_SITE_NAME}


def navigation(request):
    """The featured tags with published stories, for the site's navigation.

    A queryset is lazy: it is read, in one query, only by a page whose template shows it.
    """
    return {"featured_tags": featured_tags()}
