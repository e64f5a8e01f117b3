"""The story form shows the suggested related stories; one click makes one a related link."""

import pytest

from stories.models import Story
from stories.tests.helpers import between, make_link, make_story, page_html, story_form_data

pytestmark = pytest.mark.django_db


def change_url(story: Story) -> str:
    return f"/admin/stories/story/{story.pk}/change/"


@pytest.fixture
def story_with_candidates():
    story = make_story(headline="Main story", tags=["Harbour", "Budget"])
    make_story(headline="Shares two tags", tags=["Harbour", "Budget"])
    make_story(headline="Shares one tag", tags=["Harbour"])
    make_story(headline="Draft sharing", tags=["Harbour"], status=Story.Status.DRAFT)
    return story


def test_change_form_lists_suggestions_with_a_button_each(editor_client, story_with_candidates):
    html = page_html(editor_client, change_url(story_with_candidates))

    section = between(html, "Suggested related stories", "</fieldset>")
    assert section.index("Shares two tags") < section.index("Shares one tag")
    assert "Draft sharing" not in section
    assert section.count('name="_relate"') == 2
    assert html.index('name="_save"') < html.index('name="_relate"'), "Enter still saves"


def test_add_as_related_link_saves_the_form_and_links_the_story(
    editor_client, story_with_candidates
):
    story = story_with_candidates
    target = Story.objects.get(headline="Shares one tag")
    existing = make_link(story, title="Elsewhere", position=4)
    data = story_form_data(story, headline="Main story, edited")
    data["_relate"] = str(target.pk)

    response = editor_client.post(change_url(story), data)

    assert response.status_code == 302
    assert response["Location"] == change_url(story)
    story.refresh_from_db()
    assert story.headline == "Main story, edited"
    link = story.related_links.get(target=target)
    assert link.title == "Shares one tag"
    assert link.position == existing.position + 1
    html = page_html(editor_client, change_url(story))
    assert "“Shares one tag” is now a related link." in html
    assert "Shares one tag" not in between(html, "Suggested related stories", "</fieldset>")


def test_a_story_that_is_not_published_cannot_be_promoted(editor_client, story_with_candidates):
    draft = Story.objects.get(headline="Draft sharing")
    data = story_form_data(story_with_candidates)
    data["_relate"] = str(draft.pk)

    editor_client.post(change_url(story_with_candidates), data)

    assert not story_with_candidates.related_links.exists()
    html = page_html(editor_client, change_url(story_with_candidates))
    assert "That story cannot be related: it is not published." in html


def test_a_stale_form_promotes_nothing(editor_client, story_with_candidates):
    story = story_with_candidates
    data = story_form_data(story)
    data["_relate"] = str(Story.objects.get(headline="Shares one tag").pk)
    Story.objects.filter(pk=story.pk).update(version=story.version + 1)

    response = editor_client.post(change_url(story), data)

    assert response.status_code == 200
    assert not story.related_links.exists()


def test_reporter_sees_no_buttons_on_a_published_story(reporter_client, story_with_candidates):
    html = page_html(reporter_client, change_url(story_with_candidates))

    assert 'name="_relate"' not in html
