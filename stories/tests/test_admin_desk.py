"""The admin's front page shows the desk's work: my drafts, stories in review, the scheduled
ones and the latest published, with their state and who changed them, in a bounded number
of queries however large the archive."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from stories.models import Story
from stories.tests.helpers import count_queries, make_story

pytestmark = pytest.mark.django_db


def desk_section(html: str, title: str) -> str:
    start = html.index(f">{title}</a></h2>")
    return html[start : html.index("</section>", start)]


def test_the_desk_lists_each_kind_of_work(editor_client, editor, reporter):
    mine = make_story(headline="My own draft", status=Story.Status.DRAFT, published_at=None)
    Story.objects.filter(pk=mine.pk).update(created_by=editor, updated_by=editor)
    make_story(headline="Someone else's draft", status=Story.Status.DRAFT, published_at=None)
    review = make_story(
        headline="Awaiting an editor", status=Story.Status.REVIEW, published_at=None
    )
    Story.objects.filter(pk=review.pk).update(updated_by=reporter)
    make_story(headline="Out tomorrow", published_at=timezone.now() + timedelta(days=1))
    make_story(headline="Out this morning", published_at=timezone.now() - timedelta(hours=3))
    html = editor_client.get("/admin/").content.decode()

    drafts = desk_section(html, "My drafts")
    assert "My own draft" in drafts
    assert "Someone else" not in drafts
    assert f"updated_by__id__exact={editor.pk}" in html
    in_review = desk_section(html, "In review")
    assert "Awaiting an editor" in in_review
    assert f"by {reporter.get_username()}" in in_review
    assert "Out tomorrow" in desk_section(html, "Scheduled")
    published = desk_section(html, "Recently published")
    assert "Out this morning" in published
    assert "Out tomorrow" not in published
    assert f'href="/admin/stories/story/{review.pk}/change/"' in in_review


def test_the_desk_links_to_the_story_list_filtered_the_same_way(editor_client):
    html = editor_client.get("/admin/").content.decode()
    for query in ["state=review", "state=scheduled", "state=published"]:
        assert f'href="/admin/stories/story/?{query}"' in html
        assert editor_client.get(f"/admin/stories/story/?{query}").status_code == 200


def test_staff_without_stories_see_no_desk(db):
    nobody = Client()
    nobody.force_login(get_user_model().objects.create_user("nobody", is_staff=True))
    assert "My drafts" not in nobody.get("/admin/").content.decode()


def test_the_desk_reads_the_same_queries_however_many_stories(editor_client):
    make_story(status=Story.Status.REVIEW, published_at=None)
    few = count_queries(editor_client, "/admin/")
    for number in range(30):
        make_story(status=Story.Status.REVIEW if number % 2 else Story.Status.PUBLISHED)
    assert count_queries(editor_client, "/admin/") == few
