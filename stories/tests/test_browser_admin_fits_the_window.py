"""In a real Chromium at 1280 px: the import preview, the quotes found in a story's body and
the revision comparison fit the window, with no sideways scrolling; an editor adds the quotes
found in the body from the story form."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from reversion.models import Version

from stories.models import Quote, Story
from stories.tests.helpers import make_story, story_form_data
from stories.tests.test_find_quotes_in_the_body import BODY

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


def test_an_editor_finds_the_quotes_in_the_body_and_keeps_all_but_one(page, live_server, desk):
    story = make_story(headline="Budget passes", body=BODY, status=Story.Status.DRAFT)
    page.goto(f"{live_server.url}/admin/stories/story/{story.pk}/change/")
    with page.expect_navigation():
        page.click("button[name=_find_quotes]")
    rows = page.locator("#parsed-quotes tbody tr")
    assert rows.count() == 4
    assert page.evaluate(SIDEWAYS) == 0
    rows.nth(1).locator("input[name$=keep]").uncheck()
    rows.nth(3).locator("input[name$=speaker]").fill("Abraham Lutz")
    with page.expect_navigation():
        page.click("text=Add the kept quotes")
    assert "3 quotes added from the body." in page.locator(".messagelist").inner_text()
    texts = [quote.text[:10] for quote in Quote.objects.filter(story=story).order_by("position")]
    assert texts == ["This is wh", "a real win", "People cam"]
    assert Quote.objects.get(text__startswith="People").speaker.name == "Abraham Lutz"
