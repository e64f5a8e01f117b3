"""In a real Chromium, as an editor works: upload a photo with its alt text, caption and credit,
make it a story's lead image, write a body with a subhead, a link and an inline photo, publish;
then the picture is on the story page, the front page, the social preview tags, the JSON-LD,
the feed and the API, and the page is photographed at a desktop's and a phone's width."""

import json

import feedparser
import pytest
from django.contrib.auth import get_user_model

from media.models import Image
from media.tests.pictures import harbour_at_dawn
from stories.models import Story
from stories.tests.body_editor_steps import (
    insert_library_picture,
    link_last_words,
    start_over,
    wait_until_loaded,
    write_subhead,
)
from stories.tests.helpers import editor_group, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(page, live_server):
    get_user_model().objects.create_user(
        "photo-desk", password="correct horse", is_staff=True
    ).groups.add(editor_group())
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "photo-desk")
    page.fill("#id_password", "correct horse")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_an_editor_publishes_a_story_with_pictures_that_reach_every_reader(
    desk, live_server, tmp_path, artifacts_dir
):
    page, site = desk, live_server.url
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    photo = tmp_path / "harbour.jpg"
    photo.write_bytes(harbour_at_dawn(2400, 1600))

    page.goto(site + "/admin/media/image/add/")
    page.set_input_files("#id_upload", str(photo))
    page.fill("#id_alt_text", "Fishing boats moored in the harbour at dawn")
    page.fill("#id_caption", "The harbour before the storm.")
    page.fill("#id_credit", "Jo Roe/Desk")
    page.fill("#id_title", "Harbour")
    with page.expect_navigation():
        page.click("input[name=_save]")
    image = Image.objects.get(title="Harbour")
    assert (image.width, image.height) == (2400, 1600)

    story = make_story(
        headline="Storm closes the harbour", body="<p>Draft.</p>", status=Story.Status.DRAFT
    )
    page.goto(f"{site}/admin/stories/story/{story.pk}/change/")
    page.click("#id_lead_image + .select2 .select2-selection")
    page.keyboard.type("Harbour")
    page.click(".select2-results__option:has-text('Harbour')")
    start_over(page)
    write_subhead(page, "Boats stay in")
    page.keyboard.type("The port authority closed the harbour. See the notice")
    link_last_words(page, "the notice", "https://port.example/notice")
    page.keyboard.press("Enter")
    insert_library_picture(page, image.pk, "harbour")
    page.select_option("#id_status", "published")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    assert page.locator(".messagelist .success").is_visible()
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    assert story.lead_image == image

    page.goto(site + story.get_absolute_url())
    lead = page.locator(".story__lead img")
    wait_until_loaded(page, lead)
    assert lead.get_attribute("alt") == "Fishing boats moored in the harbour at dawn"
    assert lead.get_attribute("loading") == "eager"
    assert "The harbour before the storm." in page.locator(".story__lead figcaption").inner_text()
    body = page.locator(".story__body")
    assert body.locator("h2").inner_text() == "Boats stay in"
    assert body.locator("a[href='https://port.example/notice']").inner_text() == "the notice"
    wait_until_loaded(page, body.locator("figure.story__figure img"))
    og_image = page.locator("meta[property='og:image']").get_attribute("content")
    assert og_image.startswith(f"{site}/images/{image.pk}/")
    assert page.locator("meta[name='twitter:card']").get_attribute("content") == (
        "summary_large_image"
    )
    article = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert len(article["image"]) == 3  # 16:9, 4:3 and 1:1
    assert all(picture["width"] >= 1200 for picture in article["image"])
    assert article["articleBody"].startswith("Boats stay in\n\nThe port authority closed")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts_dir / "story-with-lead-image-1280.png"))
    page.set_viewport_size({"width": 375, "height": 812})
    wait_until_loaded(page, lead)
    page.screenshot(path=str(artifacts_dir / "story-with-lead-image-375.png"))

    page.goto(site + "/")
    wait_until_loaded(page, page.locator(".story-card__picture img").first)

    feed = feedparser.parse(page.request.get(site + "/feeds/latest/").body())
    entry = next(entry for entry in feed.entries if entry.title == "Storm closes the harbour")
    assert entry.media_content[0]["url"].startswith(f"{site}/images/{image.pk}/")
    document = page.request.get(f"{site}/api/stories/{story.slug}/").json()
    lead_association = document["associations"][0]
    assert (lead_association["name"], lead_association["type"]) == ("leadimage", "picture")
    html_body = next(body for body in document["bodies"] if body["contenttype"] == "text/html")
    assert f'<img src="{site}/images/{image.pk}/' in html_body["value"]
    assert errors == []
