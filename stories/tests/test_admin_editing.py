"""Reporters and editors edit stories, quotes, related links, people and tags in the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import Correction, Quote, RelatedLink, Story
from stories.tests.factories import make_person, make_quote, make_rich_story, make_story
from stories.tests.pages import page_html
from stories.tests.test_fixture_stories import PENCE_LETTER

pytestmark = pytest.mark.django_db

INLINE_PREFIXES = ["quotes", "related_links", "corrections"]


def story_form_data(story: Story | None = None, **fields) -> dict:
    """The POST body of the story change form, with the story's existing inline rows."""
    data = {
        "headline": "Council passes the budget",
        "slug": "council-passes-the-budget",
        "dek": "",
        "body": "The council voted 7-2.\n\nThe mayor signed it.",
        "tags": "",
        "byline": "",
        "outlet": "",
        "source_url": "",
        "status": "published",
        "published_at_0": "2021-01-06",
        "published_at_1": "12:00:00",
    }
    for prefix in INLINE_PREFIXES:
        rows = list(getattr(story, prefix).all()) if story else []
        data |= {
            f"{prefix}-TOTAL_FORMS": str(len(rows)),
            f"{prefix}-INITIAL_FORMS": str(len(rows)),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        for index, row in enumerate(rows):
            data |= inline_row(prefix, index, row)
    if story:
        data |= {
            "headline": story.headline,
            "slug": story.slug,
            "body": story.body,
            "tags": ", ".join(f'"{tag.name}"' for tag in story.tags.all()),
            "status": story.status,
            "opened_version": story.version,
        }
        if story.published_at:
            data["published_at_0"] = story.published_at.strftime("%Y-%m-%d")
            data["published_at_1"] = story.published_at.strftime("%H:%M:%S")
        else:
            del data["published_at_0"], data["published_at_1"]
        if story.is_developing:
            data["is_developing"] = "on"
    return data | fields


def inline_row(prefix: str, index: int, row) -> dict:
    if isinstance(row, Quote):
        values = {"speaker": row.speaker_id, "text": row.text, "context": row.context}
        values |= {"position": row.position, "story": row.story_id}
    elif isinstance(row, Correction):
        values = {"kind": row.kind, "text": row.text, "story": row.story_id}
        values |= {
            "created_at_0": row.created_at.strftime("%Y-%m-%d"),
            "created_at_1": row.created_at.strftime("%H:%M:%S"),
        }
    else:
        values = {"title": row.title, "target": row.target_id or "", "position": row.position}
        values |= {"story": row.story_id}
    values["id"] = row.pk
    return {f"{prefix}-{index}-{name}": value for name, value in values.items()}


def add_inline_row(data: dict, prefix: str, values: dict) -> dict:
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data | {f"{prefix}-{index}-{name}": value for name, value in values.items()}


def test_changelist_lists_stories_with_tags(editor_client, fixture_stories):
    html = page_html(editor_client, "/admin/stories/story/")
    assert "In letter to Congress, Pence says" in html
    assert "2020 Election, Mike Pence, News, Politics, U.S." in html


def test_changelist_search_filters_and_date_hierarchy(editor_client, fixture_stories):
    make_story(headline="A draft about zoning", status=Story.Status.DRAFT, tags=["Zoning"])
    found = editor_client.get("/admin/stories/story/", {"q": "extreme courage"})
    assert found.context["cl"].result_count == 1
    body_match = editor_client.get("/admin/stories/story/", {"q": "Raphael Warnock"})
    assert body_match.context["cl"].result_count == 0  # RELATED lines are not in the body
    drafts = editor_client.get("/admin/stories/story/", {"status__exact": "draft"})
    assert [s.headline for s in drafts.context["cl"].result_list] == ["A draft about zoning"]
    tagged = editor_client.get("/admin/stories/story/", {"tags__id__exact": zoning_tag_id()})
    assert tagged.context["cl"].result_count == 1
    by_year = editor_client.get("/admin/stories/story/", {"published_at__year": "2021"})
    assert by_year.context["cl"].result_count == 2
    html = by_year.content.decode()
    assert 'class="xfull"' in html or "date-hierarchy" in html or "published_at__year" in html


def zoning_tag_id() -> int:
    from taggit.models import Tag

    return Tag.objects.get(name="Zoning").pk


def test_changelist_query_count_does_not_grow_with_rows(editor_client):
    make_rich_story(quotes=1, tags=3, links=0)
    with CaptureQueriesContext(connection) as few:
        editor_client.get("/admin/stories/story/")
    for _ in range(20):
        make_rich_story(quotes=1, tags=5, links=0)
    with CaptureQueriesContext(connection) as many:
        assert editor_client.get("/admin/stories/story/").status_code == 200
    assert len(many) == len(few)


@pytest.mark.parametrize(
    "url", ["/admin/stories/person/", "/admin/stories/quote/", "/admin/taggit/tag/"]
)
def test_other_changelists_query_count_does_not_grow_with_rows(editor_client, url):
    make_rich_story(quotes=2, tags=2, links=0)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(url)
    for _ in range(10):
        make_rich_story(quotes=3, tags=4, links=0)
    with CaptureQueriesContext(connection) as many:
        assert editor_client.get(url).status_code == 200
    assert len(many) == len(few)


def test_add_form_has_inlines_prepopulated_slug_and_autocomplete(editor_client):
    html = page_html(editor_client, "/admin/stories/story/add/")
    assert 'id="quotes-group"' in html
    assert 'id="related_links-group"' in html
    assert "prepopulated_fields" in html or "data-prepopulated-field" in html
    assert 'data-field-name="headline"' in html or "prepopulate" in html
    assert "admin-autocomplete" in html


def test_add_story_with_a_quote_a_link_and_tags(editor_client, fixture_stories):
    speaker = make_person(name="Jane Mayor")
    data = story_form_data(tags='Budget, "City Hall"')
    data = add_inline_row(
        data, "quotes", {"speaker": speaker.pk, "text": "We balanced it.", "position": 0}
    )
    data = add_inline_row(
        data, "related_links", {"title": "", "target": Story.objects.first().pk, "position": 0}
    )
    response = editor_client.post("/admin/stories/story/add/", data)
    assert response.status_code == 302, response.context["errors"]
    story = Story.objects.get(slug="council-passes-the-budget")
    assert {tag.name for tag in story.tags.all()} == {"Budget", "City Hall"}
    assert story.quotes.get().speaker == speaker
    assert story.related_links.get().title == Story.objects.first().headline


def test_change_story_adds_a_quote_inline_and_a_tag(editor_client, fixture_stories):
    story = Story.objects.get(slug=PENCE_LETTER)
    quotes_before = story.quotes.count()
    url = f"/admin/stories/story/{story.pk}/change/"
    assert editor_client.get(url).status_code == 200
    data = story_form_data(story)
    data["tags"] += ', "Joint Session"'
    data = add_inline_row(
        data,
        "quotes",
        {
            "speaker": story.quotes.first().speaker_id,
            "text": "A new line from the letter.",
            "context": "in the letter",
            "position": quotes_before,
        },
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    story.refresh_from_db()
    assert story.quotes.count() == quotes_before + 1
    assert story.quotes.last().text == "A new line from the letter."
    assert "Joint Session" in {tag.name for tag in story.tags.all()}
    assert story.related_links.count() == 3
    page = editor_client.get(story.get_absolute_url()).content.decode()
    assert "A new line from the letter." in page
    assert 'href="/tags/joint-session/"' in page


def test_change_form_refuses_a_self_link_with_a_message(editor_client):
    story = make_story()
    self_link = {"target": story.pk, "position": 0}
    data = add_inline_row(story_form_data(story), "related_links", self_link)
    response = editor_client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response.status_code == 200
    assert "A story cannot be related to itself." in response.content.decode()
    assert not RelatedLink.objects.exists()


def test_change_form_links_to_the_public_page_once(editor_client):
    story = make_story()
    make_quote(story, make_person())
    html = editor_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert "View on site" in html
    assert html.count("View on site") == 1


def test_speaker_and_related_story_autocomplete(editor_client, fixture_stories):
    speakers = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "stories", "model_name": "quote", "field_name": "speaker", "term": "Pen"},
    )
    assert [item["text"] for item in speakers.json()["results"]] == ["Mike Pence"]
    stories = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "stories",
            "model_name": "relatedlink",
            "field_name": "target",
            "term": "extreme courage",
        },
    )
    assert len(stories.json()["results"]) == 1


def test_person_admin_shows_quote_counts_and_quotes(editor_client, fixture_stories):
    listing = editor_client.get("/admin/stories/person/").content.decode()
    assert "Mike Pence" in listing
    pence = make_person(name="Pence Duplicate")
    make_quote(make_story(), pence, text="Unique words of a duplicate.")
    html = editor_client.get(f"/admin/stories/person/{pence.pk}/change/").content.decode()
    assert "Unique words of a duplicate." in html


def test_tag_admin_lists_story_counts_and_searches(editor_client, fixture_stories):
    response = editor_client.get("/admin/taggit/tag/", {"q": "Pence"})
    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert [(tag.name, tag.story_count) for tag in rows] == [("Mike Pence", 2)]


def test_anonymous_users_are_sent_to_the_login_page(client, db):
    response = client.get("/admin/stories/story/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_permissions_cannot_edit_stories(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get("/admin/stories/story/").status_code == 403
    story = make_story()
    assert client.get(f"/admin/stories/story/{story.pk}/change/").status_code == 403
