"""Every tag keeps its name's key in an indexed column, so near duplicates and the tags a
headline names are found in one lookup, not by reading the whole vocabulary."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from taggit.models import Tag

from stories.models import TagKey
from stories.tag_services import tag_rename, tags_merge
from stories.tag_suggestions import suggested_tags
from stories.tagging import near_duplicate
from stories.tests.helpers import make_person, make_story

BEFORE_TAG_KEYS = [("stories", "0005_tag_profiles_and_redirects")]
WITH_TAG_KEYS = [("stories", "0006_tag_keys")]


def vocabulary(size: int) -> None:
    Tag.objects.bulk_create(Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(size))
    for tag in Tag.objects.filter(name__startswith="Topic "):
        TagKey.keep(tag)


@pytest.mark.django_db
def test_a_tag_gets_its_key_when_created_by_a_story_and_when_renamed(editor):
    story = make_story(tags=["U.S. Senate"])
    tag = story.tags.get()
    assert TagKey.objects.get(tag=tag).key == "ussenate"
    tag_rename(tag=tag, name="Senate (U.S.)", user=editor)
    assert TagKey.objects.get(tag=tag).key == "senateus"


@pytest.mark.django_db
def test_a_merged_tag_takes_its_key_with_it(editor):
    keep, merged = Tag.objects.create(name="Budget"), Tag.objects.create(name="City budget")
    tags_merge(tags=[keep, merged], into=keep, user=editor)
    assert list(TagKey.objects.values_list("key", flat=True)) == ["budget"]


@pytest.mark.django_db
def test_near_duplicate_is_one_query_however_large_the_vocabulary(django_assert_num_queries):
    vocabulary(300)
    Tag.objects.create(name="U.S.")
    with django_assert_num_queries(1):
        assert near_duplicate("US").name == "U.S."
    with django_assert_num_queries(1):
        assert near_duplicate("Topic 7") is None  # the tag's own name, case aside
    with django_assert_num_queries(1):
        assert near_duplicate("topic-77!").name == "Topic 77"


@pytest.mark.django_db
def test_suggested_tags_read_only_the_tags_they_suggest(django_assert_num_queries):
    vocabulary(300)
    Tag.objects.create(name="Electoral College")
    Tag.objects.create(name="Mike Pence")
    pence = make_person(name="Mike Pence", aliases="Pence")
    with django_assert_num_queries(1):
        found = suggested_tags(
            headline="Congress counts the Electoral College votes of Topic 12", speakers=[pence]
        )
    assert [tag.name for tag in found] == ["Mike Pence", "Electoral College", "Topic 12"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_tags_their_keys():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_TAG_KEYS)
    old_tag = executor.loader.project_state(BEFORE_TAG_KEYS).apps.get_model("taggit", "Tag")
    old_tag.objects.create(name="Election 2020", slug="election-2020")
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(WITH_TAG_KEYS)
        assert TagKey.objects.get(tag__slug="election-2020").key == "election2020"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
