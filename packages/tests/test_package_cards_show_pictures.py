"""A package's page shows each story's lead image on its card, as every other list does."""

import pytest

from media.tests.pictures import make_image
from packages.models import Package, PackageItem
from stories.tests.helpers import make_story, page_html

pytestmark = pytest.mark.django_db


def test_a_package_card_shows_the_story_thumbnail(client):
    story = make_story(lead_image=make_image(alt_text="Flooded street"))
    package = Package.objects.create(name="The flood", slug="the-flood")
    PackageItem.objects.create(package=package, story=story, position=0)
    html = page_html(client, package.get_absolute_url())
    assert html.count('<img src="/images/') == 1
    assert 'alt="Flooded street"' in html
