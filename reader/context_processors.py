from django.conf import settings

from .navigation import SiteNavigation


def site(request):
    return {"site_name": settings.NEWSROOM_SITE_NAME}


def navigation(request):
    """The sections and the featured tags with published stories, for the site's navigation:
    read, in one query, only by a page whose template shows them."""
    return {"navigation": SiteNavigation()}
