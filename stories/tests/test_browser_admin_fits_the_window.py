"""In a real Chromium at 1280 px: the import preview and the revision comparison fit the
window, with no sideways scrolling."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from reversion.models import Version

from stories.models import Story
from stories.tests.helpers import make_story, story_form_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = Path(settings.BASE_DIR) / "fixtures" / "articles" / "003_6001d2dea13a1716.txt"
SIDEWAYS = "document.documentElement.scrollWidth - innerWidth"


@pytest.fixture
def desk(page, live_server, editor):
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return client


def test_the_import_preview_fits_a_1280_pixel_window(page, live_server, desk):
    page.goto(live_server.url + "/admin/stories/story/import/")
    page.fill("textarea[name=text]", ARTICLE.read_text())
    with page.expect_navigation():
        page.click("input[name=preview]")
    assert page.locator("#parsed-quotes tbody tr").count() >= 5
    assert page.evaluate(SIDEWAYS) == 0


def test_the_revision_comparison_fits_a_1280_pixel_window(page, live_server, desk):
    story = make_story(body="<p>" + "word " * 300 + "</p>")
    for headline, word in [
        ("A headline long enough to wrap in its column " * 3, "other"),
        ("B", "x"),
    ]:
        data = story_form_data(
            Story.objects.get(pk=story.pk), headline=headline, body=f"<p>{(word + ' ') * 300}</p>"
        )
        assert desk.post(f"/admin/stories/story/{story.pk}/change/", data).status_code == 302
    newest, *_, oldest = Version.objects.get_for_object(story)
    page.goto(
        f"{live_server.url}/admin/stories/story/{story.pk}/history/compare/"
        f"?older={oldest.pk}&newer={newest.pk}"
    )
    assert page.locator("td.word-changes del").count() >= 1
    assert page.evaluate(SIDEWAYS) == 0
