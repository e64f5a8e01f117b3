"""Two editors in two browser contexts edit one story; the second save is refused, not lost."""

import pytest
from django.contrib.auth import get_user_model

from stories.models import Story
from stories.tests.helpers import editor_group, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in_page(browser, site: str, username: str):
    user = get_user_model().objects.create_user(username, password="correct horse", is_staff=True)
    user.groups.add(editor_group())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return context, page


def test_second_editor_is_told_who_changed_the_story_and_keeps_their_text(
    browser, live_server, artifacts_dir
):
    story = make_story(headline="Council meets", status=Story.Status.DRAFT, published_at=None)
    change_url = f"{live_server.url}/admin/stories/story/{story.pk}/change/"
    alice_context, alice = logged_in_page(browser, live_server.url, "alice")
    bob_context, bob = logged_in_page(browser, live_server.url, "bob")
    try:
        alice.goto(change_url)
        bob.goto(change_url)
        alice.fill("#id_headline", "Council passes budget")
        with alice.expect_navigation():
            alice.locator("input[name=_continue]").click()
        assert alice.locator(".messagelist .success").is_visible()

        bob.fill("#id_headline", "Council delays vote")
        with bob.expect_navigation():
            bob.locator("input[name=_continue]").click()
        error = bob.locator(".errorlist.nonfield").inner_text()
        assert "alice saved this story at" in error
        assert "Council passes budget" in error
        assert bob.locator("#id_headline").input_value() == "Council delays vote"
        bob.screenshot(path=str(artifacts_dir / "admin-concurrent-edit.png"), full_page=True)
        story.refresh_from_db()
        assert story.headline == "Council passes budget"

        with bob.expect_navigation():  # saving again, having seen alice's change
            bob.locator("input[name=_continue]").click()
        assert bob.locator(".messagelist .success").is_visible()
        story.refresh_from_db()
        assert story.headline == "Council delays vote"
    finally:
        alice_context.close()
        bob_context.close()
