"""The story list's bulk actions: tags added to and removed from the selected stories with a
preview first, and the selected stories related to each other. Each is one transaction, keeps to
the workflow's permissions, moves the stories on a version and records a revision."""

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from reversion.models import Version
from taggit.models import Tag

from stories.admin.bulk import APPLY_BUTTON, PREVIEW_BUTTON
from stories.bulk import (
    ADDED_AND_REMOVED,
    FEW_TO_RELATE,
    NO_TAGS_CHOSEN,
    REFUSED,
    RELATED,
    TAGS_ADDED,
    TAGS_REMOVED,
    stories_relate,
    stories_tag,
)
from stories.models import RelatedLink, Story
from stories.tagging import NEAR_DUPLICATE
from stories.tests.helpers import make_link, make_person, make_quote, make_story, opened_form, save
from stories.workflow import CANNOT_CHANGE

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/stories/story/"
# Queries of one bulk action through the admin (session, permissions and the story list's
# own included), however many stories are selected. The tag action's includes the one INSERT
# that stores a new tag's key (TagKey).
TAG_ACTION_QUERIES = 48  # with the recount of the tags' stored counts
RELATE_ACTION_QUERIES = 36


def tag_action(client: Client, stories, button: str | None = APPLY_BUTTON, **fields):
    """The action's page posted with ``button``; without one, the action chosen in the list."""
    data = {"action": "tag_stories", "_selected_action": [story.pk for story in stories]}
    data |= {button: "1"} if button else {"index": "0"}
    return client.post(CHANGELIST, data | fields)


def relate_action(client: Client, stories):
    data = {"action": "relate_stories", "_selected_action": [story.pk for story in stories]}
    return client.post(CHANGELIST, data | {"index": "0"})


def messages_of(response) -> list[str]:
    """The messages shown by the page the action returns to, which also clears them."""
    assert response.status_code == 302
    page = response.client.get(response.url)
    return [str(message) for message in page.context["messages"]]


def tag_names(story: Story) -> set[str]:
    return set(Story.objects.get(pk=story.pk).tags.names())


def versions(stories) -> list[int]:
    return [Story.objects.get(pk=story.pk).version for story in stories]


def latest_revision(story: Story):
    return Version.objects.get_for_object(story).select_related("revision__user")[0].revision


def story_with_quote(**fields) -> Story:
    story = make_story(**fields)
    make_quote(story, make_person())
    return story


@pytest.fixture
def budget():
    return Tag.objects.create(name="Budget")


def test_the_action_shows_one_form_with_tag_autocomplete_and_keeps_the_selection(
    editor_client, budget
):
    stories = [make_story(), make_story()]
    response = tag_action(editor_client, stories, button=None)
    assert response.status_code == 200
    assert "admin/stories/story/bulk_tag.html" in [t.name for t in response.templates]
    page = response.content.decode()
    for story in stories:
        assert f'name="_selected_action" value="{story.pk}"' in page
    assert 'name="action" value="tag_stories"' in page
    assert page.count('class="admin-autocomplete"') == 2
    assert 'data-field-name="tags"' in page
    assert "admin/js/vendor/select2/select2.full" in page
    assert 'name="new_tags"' in page
    search = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "stories", "model_name": "story", "field_name": "tags", "term": "bud"},
    )
    assert search.json()["results"] == [{"id": str(budget.pk), "text": "Budget"}]


def test_adding_a_tag_changes_only_the_stories_that_lack_it(editor_client, editor, budget):
    has_it = make_story(tags=["Budget"])
    lacking = [make_story(), make_story(tags=["Transit"])]
    before = versions([has_it, *lacking])
    response = tag_action(editor_client, [has_it, *lacking], tags_to_add=[budget.pk])
    assert response.status_code == 302
    assert messages_of(response) == ["Tags changed on 2 of 3 stories: “Budget” added to 2."]
    assert tag_names(has_it) == {"Budget"}
    assert tag_names(lacking[0]) == {"Budget"}
    assert tag_names(lacking[1]) == {"Budget", "Transit"}
    assert versions([has_it, *lacking]) == [before[0], before[1] + 1, before[2] + 1]
    assert Version.objects.get_for_object(has_it).count() == 0
    assert LogEntry.objects.filter(user=editor).count() == 2


def test_removing_tags_and_adding_others_in_one_go(editor_client, budget):
    draft_tag = Tag.objects.create(name="Draft")
    tagged = make_story(tags=["Draft", "Budget"])
    untagged = make_story()
    response = tag_action(
        editor_client,
        [tagged, untagged],
        tags_to_add=[budget.pk],
        tags_to_remove=[draft_tag.pk],
    )
    assert response.status_code == 302
    assert messages_of(response) == [
        "Tags changed on 2 stories: “Budget” added to 1; “Draft” removed from 1."
    ]
    assert tag_names(tagged) == {"Budget"}
    assert tag_names(untagged) == {"Budget"}
    assert Tag.objects.filter(name="Draft").exists()  # the tag stays, only its use goes


def test_new_tags_are_created_and_a_known_name_reuses_its_tag(editor_client, budget):
    stories = [make_story(), make_story()]
    response = tag_action(editor_client, stories, new_tags="City hall, budget")
    assert response.status_code == 302
    assert Tag.objects.filter(name="City hall").count() == 1
    assert Tag.objects.filter(name__iexact="budget").count() == 1
    for story in stories:
        assert tag_names(story) == {"City hall", "Budget"}


def test_a_near_duplicate_new_tag_is_refused_and_the_selection_kept(editor_client):
    Tag.objects.create(name="U.S.")
    stories = [make_story(), make_story()]
    response = tag_action(editor_client, stories, new_tags="US, Economy")
    assert response.status_code == 200
    errors = response.context["form"].errors["new_tags"]
    assert errors == [NEAR_DUPLICATE.format(name="US", existing="U.S.")]
    page = response.content.decode()
    for story in stories:
        assert f'name="_selected_action" value="{story.pk}"' in page
    assert 'value="US, Economy"' in page
    assert not Tag.objects.filter(name__in=["US", "Economy"]).exists()
    assert all(tag_names(story) == set() for story in stories)


def test_the_form_asks_for_a_tag_and_refuses_one_both_added_and_removed(editor_client, budget):
    stories = [make_story(), make_story()]
    response = tag_action(editor_client, stories)
    assert response.context["form"].non_field_errors() == [NO_TAGS_CHOSEN]
    response = tag_action(
        editor_client, stories, tags_to_add=[budget.pk], tags_to_remove=[budget.pk]
    )
    assert response.context["form"].non_field_errors() == [
        ADDED_AND_REMOVED.format(names="“Budget”")
    ]
    assert all(tag_names(story) == set() for story in stories)


def test_preview_counts_what_would_change_and_changes_nothing(editor_client, budget):
    draft_tag = Tag.objects.create(name="Draft")
    stories = [
        make_story(tags=["Budget", "Draft"]),
        make_story(tags=["Budget"]),
        make_story(),
        make_story(),
        make_story(),
    ]
    before = versions(stories)
    response = tag_action(
        editor_client,
        stories,
        button=PREVIEW_BUTTON,
        tags_to_add=[budget.pk],
        tags_to_remove=[draft_tag.pk],
        new_tags="Fresh",
    )
    assert response.status_code == 200
    assert [effect.preview() for effect in response.context["preview"]] == [
        "“Budget” will be added to 3 of 5 stories; 2 have it already.",
        "“Fresh” will be added to 5 stories.",
        "“Draft” will be removed from 1 of 5 stories; 4 do not have it.",
    ]
    assert "“Budget” will be added to 3 of 5 stories; 2 have it already." in (
        response.content.decode()
    )
    assert not Tag.objects.filter(name="Fresh").exists()
    assert [tag_names(story) for story in stories[:3]] == [{"Budget", "Draft"}, {"Budget"}, set()]
    assert versions(stories) == before
    assert not Version.objects.exists()


@pytest.mark.parametrize("action", ["tag", "relate"])
def test_each_service_is_one_transaction(action, editor, budget, monkeypatch):
    """Called from the admin, an action also runs inside the transaction VersionAdmin opens
    for the story list; the service is atomic whoever calls it."""
    stories = [make_story(), make_story(), make_story()]
    before = versions(stories)
    add_to_revision = reversion.add_to_revision
    calls = []

    def fail_on_the_second_story(obj, *args, **kwargs):
        calls.append(obj)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return add_to_revision(obj, *args, **kwargs)

    monkeypatch.setattr(reversion, "add_to_revision", fail_on_the_second_story)
    run = {
        "tag": lambda: stories_tag(stories=stories, add=[budget, "Fresh"], remove=[], user=editor),
        "relate": lambda: stories_relate(stories=stories, user=editor),
    }[action]
    with pytest.raises(RuntimeError, match="went away"):
        run()
    assert len(calls) == 2
    assert all(tag_names(story) == set() for story in stories)
    assert not Tag.objects.filter(name="Fresh").exists()
    assert not RelatedLink.objects.exists()
    assert versions(stories) == before
    assert not Version.objects.exists()


def test_the_service_refuses_a_tag_both_added_and_removed(editor, budget):
    story = make_story(tags=["Budget"])
    with pytest.raises(ValidationError, match="both added and removed"):
        stories_tag(stories=[story], add=["budget"], remove=[budget], user=editor)
    assert tag_names(story) == {"Budget"}


def test_a_reporter_is_refused_for_all_when_one_story_is_published(reporter_client, budget):
    draft = make_story(status=Story.Status.DRAFT, published_at=None)
    published = make_story(headline="Council passes budget")
    refusal = REFUSED.format(headlines="“Council passes budget”", reason=CANNOT_CHANGE)
    for button in [None, PREVIEW_BUTTON, APPLY_BUTTON]:
        response = tag_action(reporter_client, [draft, published], button, tags_to_add=[budget.pk])
        assert response.status_code == 302
        assert messages_of(response) == [refusal]
    assert tag_names(draft) == set()
    assert tag_names(published) == set()
    assert versions([draft, published]) == [1, 1]


def test_the_service_refuses_a_reporter_whatever_the_caller(reporter, budget):
    draft = make_story(status=Story.Status.DRAFT, published_at=None)
    published = make_story(headline="Council passes budget")
    refusal = REFUSED.format(headlines="“Council passes budget”", reason=CANNOT_CHANGE)
    with pytest.raises(PermissionDenied) as refused:
        stories_tag(stories=[draft, published], add=[budget], remove=[], user=reporter)
    assert str(refused.value) == refusal
    with pytest.raises(PermissionDenied) as refused:
        stories_relate(stories=[draft, published], user=reporter)
    assert str(refused.value) == refusal
    assert tag_names(draft) == set()
    assert not RelatedLink.objects.exists()


def test_a_reporter_tags_stories_still_on_the_desk(reporter_client, reporter, budget):
    draft = make_story(status=Story.Status.DRAFT, published_at=None)
    in_review = make_story(status=Story.Status.REVIEW, published_at=None)
    response = tag_action(reporter_client, [draft, in_review], tags_to_add=[budget.pk])
    assert response.status_code == 302
    assert tag_names(draft) == {"Budget"}
    assert tag_names(in_review) == {"Budget"}
    assert Story.objects.get(pk=draft.pk).updated_by == reporter


def test_the_changed_stories_move_on_a_version_in_one_revision_by_the_user(editor, budget):
    old = Tag.objects.create(name="Old")
    had_old, lacked_old = make_story(tags=["Old"]), make_story()
    report = stories_tag(stories=[had_old, lacked_old], add=[budget], remove=[old], user=editor)
    assert (report.tags_added, report.tags_removed) == (2, 1)
    assert {story.pk for story in report.stories} == {had_old.pk, lacked_old.pk}
    for story in [had_old, lacked_old]:
        story.refresh_from_db()
        assert story.version == 2
        assert story.updated_by == editor
    revision = latest_revision(had_old)
    assert latest_revision(lacked_old) == revision
    assert revision.user == editor
    assert revision.comment == " ".join(
        [TAGS_ADDED.format(names="Budget"), TAGS_REMOVED.format(names="Old")]
    )
    tagged = [
        (int(version.field_dict["object_id"]), version.field_dict["tag_id"])
        for version in revision.version_set.all()
        if version.content_type.model == "taggeditem"
    ]
    # the revision holds each story's tags after the change
    assert sorted(tagged) == sorted([(had_old.pk, budget.pk), (lacked_old.pk, budget.pk)])


def test_a_story_form_opened_before_the_bulk_change_cannot_save_over_it(editor_client, budget):
    story = make_story(status=Story.Status.DRAFT, published_at=None)
    form = opened_form(editor_client, story)
    tag_action(editor_client, [story, make_story()], tags_to_add=[budget.pk])
    response = save(editor_client, story, form | {"headline": "A stale headline"})
    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("__all__", code="changed_meanwhile")
    story.refresh_from_db()
    assert story.headline != "A stale headline"
    assert tag_names(story) == {"Budget"}


def test_the_tag_action_costs_the_same_queries_for_two_or_six_stories(editor_client, budget):
    old = Tag.objects.create(name="Old")
    tag_action(editor_client, [story_with_quote()], tags_to_add=[budget.pk])  # fills caches
    counts = []
    for size in [2, 6]:
        stories = [story_with_quote(tags=["Old"]) for _ in range(size)]
        with CaptureQueriesContext(connection) as captured:
            response = tag_action(
                editor_client,
                stories,
                tags_to_add=[budget.pk],
                tags_to_remove=[old.pk],
                new_tags=f"New {size}",
            )
        assert response.status_code == 302
        assert [tag_names(story) for story in stories] == [{"Budget", f"New {size}"}] * size
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert counts[1] <= TAG_ACTION_QUERIES


def test_relating_links_every_pair_both_ways_after_existing_links(editor_client, editor):
    first, second, third = make_story(), make_story(), make_story()
    make_link(first, second, position=0)
    make_link(first, None, position=4, url="https://example.com/elsewhere")
    response = relate_action(editor_client, [first, second, third])
    assert response.status_code == 302
    assert messages_of(response) == ["Linked 3 pairs; 0 were already linked."]
    links = RelatedLink.objects.filter(target__isnull=False)
    assert sorted(links.values_list("story_id", "target_id")) == sorted(
        (a.pk, b.pk) for a in [first, second, third] for b in [first, second, third] if a != b
    )
    assert all(link.title == link.target.headline for link in links)
    assert list(first.related_links.values_list("target_id", "position")) == [
        (second.pk, 0),
        (None, 4),
        (third.pk, 5),
    ]
    assert list(second.related_links.values_list("position", flat=True)) == [0, 1]
    assert versions([first, second, third]) == [2, 2, 2]
    comment = RELATED.format(
        headlines=", ".join(f"“{story.headline}”" for story in [first, second, third])
    )
    assert {latest_revision(story).comment for story in [first, second, third]} == {comment}
    assert latest_revision(first).user == editor


def test_relating_again_adds_nothing(editor_client):
    stories = [make_story(), make_story(), make_story()]
    assert messages_of(relate_action(editor_client, stories)) == [
        "Linked 3 pairs; 0 were already linked."
    ]
    response = relate_action(editor_client, stories)
    assert messages_of(response) == ["Linked 0 pairs; 3 were already linked."]
    assert RelatedLink.objects.count() == 6
    assert versions(stories) == [2, 2, 2]


def test_relating_needs_two_stories(editor_client):
    story = make_story()
    response = relate_action(editor_client, [story])
    assert messages_of(response) == [FEW_TO_RELATE]
    assert not RelatedLink.objects.exists()
    assert versions([story]) == [1]


def test_a_reporter_cannot_relate_a_published_story(reporter_client):
    draft = make_story(status=Story.Status.DRAFT, published_at=None)
    published = make_story(headline="Out already")
    response = relate_action(reporter_client, [draft, published])
    assert messages_of(response) == [
        REFUSED.format(headlines="“Out already”", reason=CANNOT_CHANGE)
    ]
    assert not RelatedLink.objects.exists()


def test_the_relate_action_costs_the_same_queries_for_two_or_six_stories(editor_client):
    relate_action(editor_client, [story_with_quote(), story_with_quote()])  # fills caches
    counts = []
    for size in [2, 6]:
        stories = [story_with_quote(tags=["Topic"]) for _ in range(size)]
        with CaptureQueriesContext(connection) as captured:
            relate_action(editor_client, stories)
        assert RelatedLink.objects.filter(story__in=stories).count() == size * (size - 1)
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert counts[1] <= RELATE_ACTION_QUERIES
