"""Reporters and editors edit stories, quotes, related links, people and tags in the admin."""

import json
from datetime import UTC, datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.admin.story import BusiestTagsFilter
from stories.models import RelatedLink, Story
from stories.tests.helpers import (
    PENCE_LETTER,
    add_inline_row,
    between,
    make_person,
    make_quote,
    make_rich_story,
    make_story,
    page_html,
    story_form_data,
)

pytestmark = pytest.mark.django_db


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
    hierarchy = between(by_year.content.decode(), '<nav class="toplinks">', "</nav>")
    assert 'class="date-back"' in hierarchy  # back to all years
    assert "published_at__month=1&amp;published_at__year=2021" in hierarchy  # drill into January


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
    prepopulated = json.loads(unescape(between(html, 'data-prepopulated-fields="', '"')))
    assert [(field["name"], field["dependency_list"]) for field in prepopulated] == [
        ("slug", ["headline"])
    ]
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


def test_a_tag_longer_than_a_tag_may_be_is_a_form_error(editor_client):
    data = story_form_data(tags=f'Budget, "{"x" * 101}"')
    response = editor_client.post("/admin/stories/story/add/", data)
    assert response.status_code == 200
    assert "longer than a tag may be" in " ".join(response.context["adminform"].form.errors["tags"])
    assert not Story.objects.exists()


TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK", "BEGIN", "COMMIT")
SIGNED_IN_REQUEST = ('FROM "django_session"', 'FROM "auth_user" WHERE', 'FROM "auth_permission"')
SIGNED_IN_QUERIES = 3  # session, user, permissions
CHANGELIST_QUERIES = 5  # tag filter, editor filter, count, rows with their tags, the years


def statements_of(captured) -> list[str]:
    return [q["sql"] for q in captured if not q["sql"].startswith(TRANSACTION_CONTROL)]


def test_changelist_needs_at_most_eight_queries_in_all(editor_client):
    """The signed-in request's session, user and permissions, which every admin page reads,
    and five of the list's own, however many stories, tags and quotes there are."""
    for _ in range(3):
        make_rich_story(quotes=1, tags=4, links=0)
    editor_client.get("/admin/stories/story/")
    with CaptureQueriesContext(connection) as captured:
        assert editor_client.get("/admin/stories/story/").status_code == 200
    statements = statements_of(captured)
    own = [sql for sql in statements if not any(part in sql for part in SIGNED_IN_REQUEST)]
    assert len(own) <= CHANGELIST_QUERIES
    assert len(statements) <= CHANGELIST_QUERIES + SIGNED_IN_QUERIES


def test_changelist_shows_each_story_with_its_own_tags(editor_client):
    first = make_story(headline="First", tags=["Budget", "Zoning"])
    second = make_story(headline="Second", tags=["Transit"])
    response = editor_client.get("/admin/stories/story/")
    shown = {story.pk: story.tags.all() for story in response.context["cl"].result_list}
    assert [tag.name for tag in shown[first.pk]] == ["Budget", "Zoning"]
    assert [tag.name for tag in shown[second.pk]] == ["Transit"]
    assert "Budget, Zoning" in response.content.decode()


def change_form_statements(client, story) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/admin/stories/story/{story.pk}/change/").status_code == 200
    return statements_of(captured)


def test_change_form_query_count_does_not_grow_with_quotes_links_or_tags(editor_client):
    few = change_form_statements(editor_client, make_rich_story(quotes=1, tags=1, links=1))
    many = change_form_statements(
        editor_client, make_rich_story(quotes=12, tags=8, links=6, speakers=6, corrections=3)
    )
    assert len(many) == len(few)


def test_change_form_choosers_show_each_rows_speaker_and_target(editor_client):
    story = make_rich_story(quotes=2, tags=1, links=1, speakers=2)
    html = page_html(editor_client, f"/admin/stories/story/{story.pk}/change/")
    for quote in story.quotes.select_related("speaker"):
        chooser = between(html, f'name="quotes-{quote.position}-speaker"', "</select>")
        assert f'<option value="{quote.speaker_id}" selected>' in chooser
        assert quote.speaker.name in chooser
    link = story.related_links.select_related("target").get()
    chooser = between(html, 'name="related_links-0-target"', "</select>")
    assert f'<option value="{link.target_id}" selected>' in chooser
    assert link.target.headline in chooser


def test_changelist_years_run_from_the_first_story_to_the_last(editor_client):
    for year in (2019, 2021):
        make_story(published_at=datetime(year, 6, 1, tzinfo=UTC))
    hierarchy = between(
        page_html(editor_client, "/admin/stories/story/"), '<nav class="toplinks">', "</nav>"
    )
    for year in (2019, 2020, 2021):
        assert f"?published_at__year={year}" in hierarchy
    assert "2018" not in hierarchy
    assert "2022" not in hierarchy


def test_changelist_tag_filter_offers_the_busiest_tags_and_the_chosen_one(
    editor_client, monkeypatch
):
    from taggit.models import Tag

    for _ in range(2):
        make_story(tags=["Busy"])
    make_story(tags=["Rare"])
    rare = Tag.objects.get(name="Rare")
    monkeypatch.setattr(BusiestTagsFilter, "shown", 1)
    listing = page_html(editor_client, "/admin/stories/story/")
    assert "Busy" in listing
    assert f"tags__id__exact={rare.pk}" not in listing
    chosen = editor_client.get("/admin/stories/story/", {"tags__id__exact": rare.pk})
    assert chosen.context["cl"].result_count == 1
    assert f"tags__id__exact={rare.pk}" in chosen.content.decode()
