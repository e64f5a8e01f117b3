"""A reader and an editor use the site in a real headless Chromium."""

import pytest
from django.core.management import call_command

from stories.demo import demo_editor_create
from stories.models import Story
from stories.tests.helpers import PENCE_LETTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_HEADLINE = "Pence tells Congress he cannot reject electoral votes on his own"


@pytest.fixture
def site(live_server):
    call_command("loaddata", "fixtures/stories.json", verbosity=0)
    return live_server.url


def test_reader_goes_from_the_front_pages_lead_to_its_author_and_its_section(site, page):
    page.goto(site + "/")
    lead = page.locator(".lineup__lead")
    assert "In letter to Congress, Pence says" in lead.locator("h2").inner_text()
    lead.get_by_role("link", name="Newsroom Demo Desk").click()
    page.wait_for_url("**/authors/newsroom-demo-desk/")
    assert page.locator("h1").inner_text() == "Newsroom Demo Desk"
    assert page.locator("article").count() == 2
    page.goto(site + "/")
    lead.get_by_role("link", name="In letter to Congress, Pence says").click()
    page.wait_for_url(f"**/stories/{PENCE_LETTER}/")
    page.locator(".story__section").click()
    page.wait_for_url("**/sections/politics/")
    assert "Politics" in page.locator("h1").inner_text()
    nav_current = page.locator(".site-nav a[aria-current='page']")
    assert nav_current.inner_text() == "Politics"
    assert page.locator(".lineup__lead").count() == 0  # the section front has no lineup yet
    assert page.locator("article").count() == 2


def test_reader_goes_from_front_page_to_story_tag_person_and_search(site, page, artifacts_dir):
    page.goto(site + "/")
    assert page.locator("h1").inner_text() == "Newsroom: top stories"
    page.get_by_role("link", name="In letter to Congress, Pence says").click()
    page.wait_for_url(f"**/stories/{PENCE_LETTER}/")
    assert page.locator("h1").count() == 1
    assert "unilateral authority" in page.locator("h1").inner_text()
    assert page.get_by_text("This is a developing story.").is_visible()
    assert page.locator("q.said").count() == 8
    page.screenshot(path=artifacts_dir / "story-1280.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 812})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375, "the story page scrolls sideways on a phone"
    page.screenshot(path=artifacts_dir / "story-375.png", full_page=True)

    page.get_by_role("link", name="2020 Election", exact=True).click()
    page.wait_for_url("**/tags/2020-election/")
    assert page.locator("article").count() == 2
    page.goto(site + f"/stories/{PENCE_LETTER}/")
    page.get_by_role("link", name="Mike Pence", exact=True).first.click()
    page.wait_for_url("**/people/mike-pence/")
    assert "The presidency belongs to the American people" in page.content()

    page.fill("#site-search-query", "Pence")
    with page.expect_navigation():
        page.press("#site-search-query", "Enter")
    assert "/search/?q=Pence" in page.url
    result = page.locator(f".search-result a[href='/stories/{PENCE_LETTER}/']")
    assert result.count() == 1
    result.click()
    page.wait_for_url(f"**/stories/{PENCE_LETTER}/")


def test_keyboard_user_skips_to_content_and_sees_focus(site, page):
    page.goto(site + f"/stories/{PENCE_LETTER}/")
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.bounding_box()["y"] >= 0, "the focused skip link is visible"
    outline = skip_link.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_unknown_page_is_the_styled_404(site, page):
    response = page.goto(site + "/stories/nothing-here/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator(".site-header").is_visible()


def test_editor_edits_headline_tag_and_quote_in_the_admin_and_readers_see_them(site, page):
    editor, password = demo_editor_create_in_debug()
    page.goto(site + "/admin/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    story = Story.objects.get(slug=PENCE_LETTER)
    page.goto(site + f"/admin/stories/story/{story.pk}/change/")
    page.fill("#id_headline", NEW_HEADLINE)
    tags = page.locator("#id_tags")
    tags.fill(tags.input_value() + ', "Joint Session"')
    page.locator("#quotes-group .add-row a").click()
    new_quote = (
        page.locator(".inline-related:not(.empty-form)")
        .filter(has=page.locator("textarea[name$='-text']"))
        .last
    )
    new_quote.locator("textarea[name$='-text']").fill("Words added in the browser.")
    new_quote.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Pence")
    page.locator(".select2-results__option", has_text="Mike Pence").click()
    new_quote.locator("input[name$='-position']").fill("20")
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert page.locator(".messagelist .success").is_visible(), errors

    page.goto(site + f"/stories/{PENCE_LETTER}/")
    assert page.locator("h1").inner_text() == NEW_HEADLINE
    assert page.get_by_role("link", name="Joint Session", exact=True).is_visible()
    assert page.get_by_text("Words added in the browser.").is_visible()


def demo_editor_create_in_debug():
    from django.test import override_settings

    with override_settings(DEBUG=True, SECRET_KEY="django-insecure-browser-test"):
        return demo_editor_create(username="browser-editor")
