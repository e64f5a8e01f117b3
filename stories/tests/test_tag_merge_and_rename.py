"""Editors merge and rename tags in the admin: stories keep one copy of the surviving tag, old
addresses answer 301 in one hop, and every change is recorded."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from taggit.models import Tag, TaggedItem

from stories.admin.tag_forms import OPEN_EXISTING_TAG
from stories.admin.tags import MERGE_NEEDS_TWO_TAGS
from stories.bulk import tag_named
from stories.models import Story, TagChange, TagProfile, TagRedirect
from stories.tag_services import (
    MERGE_NEEDS_ANOTHER_TAG,
    NAME_TAKEN,
    NAME_UNCHANGED,
    tag_rename,
    tags_merge,
)
from stories.tagging import NEAR_DUPLICATE
from stories.tests.helpers import make_story, story_form_data

pytestmark = pytest.mark.django_db

TAGS_URL = "/admin/taggit/tag/"


def tag(name: str) -> Tag:
    return Tag.objects.get(name=name)


def tag_names(story: Story) -> list[str]:
    return sorted(TaggedItem.objects.filter(object_id=story.pk).values_list("tag__name", flat=True))


def merge_in_admin(client, names: list[str], into: str):
    """Choose the merge action for ``names``, then confirm it on its page, keeping ``into``."""
    selected = [tag(name).pk for name in names]
    page = client.post(
        TAGS_URL, {"action": "merge_tags", "_selected_action": selected, "index": "0"}
    )
    assert page.status_code == 200
    merged = client.post(
        TAGS_URL,
        {
            "action": "merge_tags",
            "_selected_action": selected,
            "into": tag(into).pk,
            "merge": "Merge",
        },
    )
    assert merged.status_code == 302
    return merged


NO_PROFILE = {"profile-TOTAL_FORMS": "0", "profile-INITIAL_FORMS": "0"}


def rename_in_admin(client, name: str, new_name: str):
    return client.post(f"{TAGS_URL}{tag(name).pk}/change/", {"name": new_name, **NO_PROFILE})


def test_the_merge_page_offers_the_selected_tags_as_survivors(editor_client):
    make_story(tags=["Election", "Elections", "Vote"])
    selected = [tag("Election").pk, tag("Elections").pk]
    page = editor_client.post(
        TAGS_URL, {"action": "merge_tags", "_selected_action": selected, "index": "0"}
    )
    choices = [label for _, label in page.context["form"].fields["into"].choices]
    assert choices == [
        "Election (/tags/election/, 1 story)",
        "Elections (/tags/elections/, 1 story)",
    ]
    assert Tag.objects.filter(name__in=["Election", "Elections"]).count() == 2


def test_merge_keeps_exactly_one_copy_of_the_surviving_tag(editor_client):
    all_three = make_story(tags=["Election", "Elections", "Vote 2020", "Congress"])
    two_merged = make_story(tags=["Elections", "Vote 2020"])
    survivor_only = make_story(tags=["Election"])
    untouched = make_story(tags=["Congress"])

    response = merge_in_admin(
        editor_client, ["Election", "Elections", "Vote 2020"], into="Election"
    )

    assert response.status_code == 302
    assert tag_names(all_three) == ["Congress", "Election"]
    assert tag_names(two_merged) == ["Election"]
    assert tag_names(survivor_only) == ["Election"]
    assert tag_names(untouched) == ["Congress"]
    assert not Tag.objects.filter(name__in=["Elections", "Vote 2020"]).exists()
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Congress", "Election"]


def test_merge_needs_two_tags(editor_client):
    make_story(tags=["Election"])
    response = editor_client.post(
        TAGS_URL,
        {"action": "merge_tags", "_selected_action": [tag("Election").pk], "index": "0"},
        follow=True,
    )
    assert MERGE_NEEDS_TWO_TAGS in [str(message) for message in response.context["messages"]]
    with pytest.raises(ValidationError) as refusal:
        tags_merge(tags=[tag("Election")], into=tag("Election"), user=response.context["user"])
    assert refusal.value.messages == [MERGE_NEEDS_ANOTHER_TAG.format(into="Election")]


def test_old_addresses_and_feeds_lead_to_the_survivor_in_one_hop_after_merge_then_rename(
    editor_client,
):
    make_story(tags=["Elections", "Election"])
    make_story(tags=["Vote"])
    merge_in_admin(editor_client, ["Elections", "Vote", "Election"], into="Election")
    rename_in_admin(editor_client, "Election", "Election 2020")
    public = Client()

    for old_slug in ["elections", "vote", "election"]:
        for suffix in ["", "feed/", "feed/atom/"]:
            response = public.get(f"/tags/{old_slug}/{suffix}")
            assert response.status_code == 301
            assert response["Location"] == f"/tags/election-2020/{suffix}"
            assert public.get(response["Location"]).status_code == 200
    paged = public.get("/tags/vote/?page=1")
    assert paged["Location"] == "/tags/election-2020/?page=1"
    assert public.get("/tags/never-a-tag/").status_code == 404
    assert public.get("/tags/never-a-tag/feed/").status_code == 404


def test_a_tag_that_takes_back_its_old_name_takes_back_its_address(editor):
    make_story(tags=["Election"])
    tag_rename(tag=tag("Election"), name="Elections", user=editor)
    assert TagRedirect.objects.filter(old_slug="election").exists()
    tag_rename(tag=tag("Elections"), name="Election", user=editor)
    assert list(TagRedirect.objects.values_list("old_slug", flat=True)) == ["elections"]
    assert Client().get("/tags/election/").status_code == 200


def test_merges_and_renames_are_recorded_and_listed_in_the_admin(editor_client, editor):
    make_story(tags=["Elections", "Vote", "Election"])
    merge_in_admin(editor_client, ["Elections", "Vote", "Election"], into="Election")
    rename_in_admin(editor_client, "Election", "Election 2020")

    rename, merge = TagChange.objects.all()
    assert (merge.kind, merge.created_by, merge.tag) == ("merge", editor, tag("Election 2020"))
    assert merge.old_names.splitlines() == ["Elections", "Vote"]
    assert merge.old_slugs.splitlines() == ["elections", "vote"]
    assert (merge.new_name, merge.new_slug) == ("Election", "election")
    assert (rename.kind, rename.created_by) == ("rename", editor)
    assert (rename.old_names, rename.old_slugs) == ("Election", "election")
    assert (rename.new_name, rename.new_slug) == ("Election 2020", "election-2020")

    listing = editor_client.get("/admin/stories/tagchange/")
    assert list(listing.context["cl"].result_list) == [rename, merge]
    html = listing.content.decode()
    assert "Elections, Vote" in html
    assert "desk" in html
    renames = editor_client.get("/admin/stories/tagchange/", {"kind__exact": "rename"})
    assert list(renames.context["cl"].result_list) == [rename]
    by_editor = editor_client.get("/admin/stories/tagchange/", {"created_by__id__exact": editor.pk})
    assert by_editor.context["cl"].result_count == 2
    assert editor_client.get(f"/admin/stories/tagchange/{merge.pk}/change/").status_code == 200
    assert editor_client.get("/admin/stories/tagchange/add/").status_code == 403


def test_merge_and_rename_move_the_version_of_the_tagged_stories_only(editor_client, editor):
    merged = make_story(tags=["Elections"])
    survivor = make_story(tags=["Election"])
    other = make_story(tags=["Congress"])

    merge_in_admin(editor_client, ["Elections", "Election"], into="Election")
    versions = dict(Story.objects.values_list("pk", "version"))
    assert (versions[merged.pk], versions[survivor.pk], versions[other.pk]) == (2, 1, 1)
    assert Story.objects.get(pk=merged.pk).updated_by == editor

    rename_in_admin(editor_client, "Election", "Election 2020")
    versions = dict(Story.objects.values_list("pk", "version"))
    assert (versions[merged.pk], versions[survivor.pk], versions[other.pk]) == (3, 2, 1)


def test_a_story_form_opened_before_a_merge_cannot_put_the_old_tag_back(editor_client):
    story = make_story(tags=["Elections", "Congress"])
    opened = story_form_data(story)
    merge_in_admin(editor_client, ["Elections", "Congress"], into="Congress")

    response = editor_client.post(f"/admin/stories/story/{story.pk}/change/", opened)

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("__all__", code="changed_meanwhile")
    assert not Tag.objects.filter(name="Elections").exists()
    assert tag_names(story) == ["Congress"]


def test_rename_through_the_change_form(editor_client):
    story = make_story(tags=["Elections"])
    response = rename_in_admin(editor_client, "Elections", "Election 2020")
    assert response.status_code == 302
    renamed = Tag.objects.get(pk=story.tags.get().pk)
    assert (renamed.name, renamed.slug) == ("Election 2020", "election-2020")
    assert TagRedirect.objects.get(old_slug="elections").tag == renamed
    unchanged = rename_in_admin(editor_client, "Election 2020", "Election 2020")
    assert unchanged.status_code == 302
    assert TagChange.objects.count() == 1


def test_the_slug_follows_the_name_and_cannot_be_edited_apart_from_it(editor_client):
    make_story(tags=["Elections"])
    elections = tag("Elections")
    editor_client.post(
        f"{TAGS_URL}{elections.pk}/change/",
        {"name": "Elections", "slug": "somewhere-else", **NO_PROFILE},
    )
    assert tag("Elections").slug == "elections"


def test_rename_refuses_a_name_or_slug_another_tag_has(editor):
    make_story(tags=["Election", "Vote"])
    with pytest.raises(ValidationError) as same_name:
        tag_rename(tag=tag("Vote"), name="ELECTION", user=editor)
    assert same_name.value.messages == [NAME_TAKEN.format(name="ELECTION", existing="Election")]
    with pytest.raises(ValidationError) as same_slug:
        tag_rename(tag=tag("Vote"), name="Election!", user=editor)
    assert same_slug.value.messages == [NAME_TAKEN.format(name="Election!", existing="Election")]
    with pytest.raises(ValidationError) as unchanged:
        tag_rename(tag=tag("Vote"), name="Vote", user=editor)
    assert unchanged.value.messages == [NAME_UNCHANGED.format(name="Vote")]
    tag_rename(tag=tag("Vote"), name="VOTE", user=editor)
    assert (tag("VOTE").slug, TagRedirect.objects.count()) == ("vote", 0)


def test_near_duplicate_names_are_refused_in_the_tag_admin(editor_client):
    make_story(tags=["U.S. Senate", "Congress"])
    senate = tag("U.S. Senate")

    added = editor_client.post(
        f"{TAGS_URL}add/", {"name": "U S Senate", "slug": "u-s-senate", **NO_PROFILE}
    )
    renamed = rename_in_admin(editor_client, "Congress", "u. s. senate!")

    for response, name in [(added, "U S Senate"), (renamed, "u. s. senate!")]:
        assert response.status_code == 200
        errors = str(response.context["adminform"].form.errors["name"])
        assert NEAR_DUPLICATE.format(name=name, existing="U.S. Senate") in errors
        assert f'href="{TAGS_URL}{senate.pk}/change/"' in errors
        assert OPEN_EXISTING_TAG.format(name="U.S. Senate") in errors
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Congress", "U.S. Senate"]


def test_a_name_differing_only_in_case_is_refused_as_the_same_tag(editor_client):
    make_story(tags=["Congress"])
    response = editor_client.post(
        f"{TAGS_URL}add/",
        {"name": "congress", "slug": "congress-2", **NO_PROFILE},
    )
    errors = str(response.context["adminform"].form.errors["name"])
    assert NAME_TAKEN.format(name="congress", existing="Congress") in errors
    assert Tag.objects.count() == 1


def test_reporters_cannot_merge_or_rename(reporter_client, reporter):
    make_story(tags=["Elections", "Election"])
    selected = [tag("Elections").pk, tag("Election").pk]

    listing = reporter_client.get(TAGS_URL)
    assert listing.status_code == 200
    assert 'value="merge_tags"' not in listing.content.decode()
    reporter_client.post(
        TAGS_URL,
        {"action": "merge_tags", "_selected_action": selected, "into": selected[1], "merge": "1"},
    )
    renamed = rename_in_admin(reporter_client, "Elections", "Election 2020")
    view = reporter_client.get(f"{TAGS_URL}{selected[0]}/change/")

    assert renamed.status_code == 403
    assert view.status_code == 200
    assert 'name="name"' not in view.content.decode()
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Election", "Elections"]
    assert not TagChange.objects.exists()
    with pytest.raises(PermissionDenied):
        tags_merge(tags=[tag("Elections")], into=tag("Election"), user=reporter)
    with pytest.raises(PermissionDenied):
        tag_rename(tag=tag("Elections"), name="Election 2020", user=reporter)


def test_editors_and_reporters_side_by_side(editor, reporter):
    """Reporters still add tags; only the editor's merge goes through."""
    make_story(tags=["Elections", "Election"])
    desk, cub = Client(), Client()
    desk.force_login(editor)
    cub.force_login(reporter)
    added = cub.post(f"{TAGS_URL}add/", {"name": "Zoning", "slug": "zoning", **NO_PROFILE})
    assert added.status_code == 302
    merge_in_admin(desk, ["Elections", "Election"], into="Election")
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Election", "Zoning"]


def test_taggit_merge_action_is_replaced(editor_client):
    make_story(tags=["Elections"])
    choices = dict(editor_client.get(TAGS_URL).context["action_form"].fields["action"].choices)
    assert "merge_tags" in choices
    assert "render_tag_form" not in choices
    assert editor_client.get(f"{TAGS_URL}merge-tags/").status_code != 200


def tags_with_stories(count: int) -> None:
    """``count`` tags, half of them with a description, each on one of ten stories."""
    stories = [make_story() for _ in range(10)]
    tags = Tag.objects.bulk_create(
        [Tag(name=f"Topic {number:04}", slug=f"topic-{number:04}") for number in range(count)]
    )
    TagProfile.objects.bulk_create(
        [TagProfile(tag=tag, description="About it.") for tag in tags[::2]]
    )
    story_type = ContentType.objects.get_for_model(Story)
    TaggedItem.objects.bulk_create(
        [
            TaggedItem(tag=tag, content_type=story_type, object_id=stories[number % 10].pk)
            for number, tag in enumerate(tags)
        ]
    )


TAG_LIST_QUERIES = 6  # session, user, the user's and their groups' permissions in one query,
# filtered and total counts, one page of rows with their descriptions and story counts


@pytest.mark.parametrize("count", [10, 1000])
def test_tag_list_query_count_does_not_grow_with_tags(
    editor_client, django_assert_max_num_queries, count
):
    tags_with_stories(count)
    with django_assert_max_num_queries(TAG_LIST_QUERIES) as captured:
        response = editor_client.get(TAGS_URL)
    rows = response.context["cl"].result_list
    assert len(rows) == min(count, 100)
    assert rows[0].story_count == 1
    assert len(captured) == TAG_LIST_QUERIES


@pytest.mark.parametrize("name", ['The "Squad" vote', '"Budget"'])
def test_a_tag_name_with_a_straight_double_quote_is_refused_where_tags_are_named(
    editor_client, editor, name
):
    """The story form's tags field uses the quote to group words: such a tag would be split
    apart, and dropped, the next time the story is saved unchanged."""
    with pytest.raises(ValidationError, match="straight double quote"):
        tag_named(name)
    response = editor_client.post("/admin/taggit/tag/add/", {"name": name, "slug": "squad"})
    assert response.status_code == 200
    assert "straight double quote" in " ".join(response.context["adminform"].form.errors["name"])
    budget = Tag.objects.create(name="Budget")
    with pytest.raises(ValidationError, match="straight double quote"):
        tag_rename(tag=budget, name=name, user=editor)
    assert not Tag.objects.filter(name__contains='"').exists()
