"""The rules written once, on the querysets: scheduled stories, public quotes, quoted people,
published and featured tags, old addresses, related links resolving, suggested stories."""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from stories.models import (
    Person,
    Quote,
    RelatedLink,
    SlugRedirect,
    Story,
    TagProfile,
    TagRedirect,
    featured_tags,
    published_tags,
)
from stories.tests.helpers import make_link, make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


def draft(**fields) -> Story:
    return make_story(status=Story.Status.DRAFT, published_at=None, **fields)


def scheduled(**fields) -> Story:
    return make_story(published_at=timezone.now() + timedelta(hours=2), **fields)


def test_scheduled_is_published_with_a_time_to_come_and_says_so_as_its_state():
    later = scheduled()
    make_story()
    draft()
    assert list(Story.objects.scheduled()) == [later]
    assert later.is_scheduled
    assert later.state == "Scheduled"
    assert make_story(status=Story.Status.REVIEW).state == "In review"


def test_public_quotes_are_full_quotations_in_published_stories():
    speaker = make_person()
    shown = make_quote(make_story(), speaker)
    make_quote(make_story(), speaker, is_fragment=True)
    make_quote(draft(), speaker)
    make_quote(scheduled(), speaker)
    assert list(Quote.objects.public()) == [shown]


def test_quoted_people_have_a_public_quote_and_count_only_those():
    busy, fragment_only, drafted = make_person(), make_person(), make_person()
    story = make_story()
    make_quote(story, busy)
    make_quote(make_story(), busy)
    make_quote(make_story(), busy, is_fragment=True)
    make_quote(draft(), busy)
    make_quote(story, fragment_only, is_fragment=True)
    make_quote(draft(), drafted)
    people = Person.objects.quoted()
    assert [(person, person.public_quote_count) for person in people] == [(busy, 2)]


def test_published_tags_are_on_a_published_story_each_once():
    make_story(tags=["Budget", "Transit"])
    make_story(tags=["Budget"])
    draft(tags=["Embargoed"])
    scheduled(tags=["Tomorrow"])
    assert sorted(published_tags().values_list("name", flat=True)) == ["Budget", "Transit"]


def test_featured_tags_are_published_ones_in_the_editors_order():
    make_story(tags=["Budget", "Transit", "Weather"])
    draft(tags=["Embargoed"])
    for position, name in [(2, "Budget"), (1, "Transit"), (0, "Embargoed")]:
        TagProfile.objects.create(
            tag=Tag.objects.get(name=name), is_featured=True, position=position
        )
    assert [tag.name for tag in featured_tags()] == ["Transit", "Budget"]


def test_an_old_address_leads_to_a_published_story_and_to_staff_only_otherwise():
    story = make_story(slug="first")
    story.slug = "second"
    story.save()
    assert SlugRedirect.objects.story_at("first") == story
    story.status = Story.Status.UNPUBLISHED
    story.save()
    assert SlugRedirect.objects.story_at("first") is None
    assert SlugRedirect.objects.story_at("first", unpublished_too=True) == story
    assert SlugRedirect.objects.story_at("never") is None


def test_an_old_tag_address_leads_to_the_tag():
    tag = Tag.objects.create(name="Budget")
    TagRedirect.objects.create(old_slug="city-budget", tag=tag)
    assert TagRedirect.objects.tag_at("city-budget") == tag
    assert TagRedirect.objects.tag_at("budget") is None


def test_unresolved_links_resolve_to_the_story_with_their_headline_once():
    target = make_story(headline="Council passes the budget")
    waiting = make_link(make_story(), title="Council passes the budget!")
    already = make_story()
    make_link(already, target)
    make_link(already, title="Council passes the budget")
    assert RelatedLink.objects.resolve_to(target) == 1
    waiting.refresh_from_db()
    assert waiting.target == target


def test_a_story_with_no_tags_or_speakers_gets_no_suggestions_without_a_query(
    django_assert_num_queries,
):
    story = Story.objects.with_parts().get(pk=make_story().pk)
    with django_assert_num_queries(0):
        assert list(Story.objects.suggested_for(story)) == []
