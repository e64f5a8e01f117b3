"""An editor tags two stories at once from the admin's story list, in a real headless Chromium."""

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag

from stories.models import Story
from stories.tests.helpers import editor_group, make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_picks_a_tag_with_autocomplete_previews_and_applies_it(
    page, live_server, artifacts_dir
):
    Tag.objects.create(name="Budget")
    Tag.objects.create(name="Buses")
    first = make_story(headline="Council passes the budget")
    second = make_story(headline="Mayor signs the spending plan")
    third = make_story(headline="Library opens late")
    user = get_user_model().objects.create_user("desk", password="correct horse", is_staff=True)
    user.groups.add(editor_group())

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "correct horse")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/stories/story/")
    for story in [first, second]:
        page.check(f"input[name=_selected_action][value='{story.pk}']")
    page.select_option("select[name=action]", "tag_stories")
    with page.expect_navigation():
        page.locator("button[name=index]").first.click()

    page.locator(".form-row", has=page.locator("#id_tags_to_add")).locator(
        ".select2-selection"
    ).click()
    page.locator(".select2-search__field:focus").fill("bud")
    page.locator(".select2-results__option", has_text="Budget").click()
    assert page.locator("#id_tags_to_add").evaluate(
        "select => Array.from(select.selectedOptions, option => option.text)"
    ) == ["Budget"]

    with page.expect_navigation():
        page.locator("input[name=_preview]").click()
    preview = page.locator("#bulk-tag-preview").inner_text()
    assert "“Budget” will be added to 2 stories." in preview
    assert not Story.objects.filter(tags__name="Budget").exists()
    page.screenshot(path=str(artifacts_dir / "admin-bulk-tagging.png"), full_page=True)

    with page.expect_navigation():
        page.locator("input[name=_apply]").click()
    assert "“Budget” added to 2" in page.locator(".messagelist .success").inner_text()

    page.goto(live_server.url + "/tags/budget/")
    listed = page.locator("main").inner_text()
    assert first.headline in listed
    assert second.headline in listed
    assert third.headline not in listed
