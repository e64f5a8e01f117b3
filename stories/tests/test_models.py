import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from stories.models import Person, Quote, RelatedLink, Story
from stories.tests.helpers import make_link, make_person, make_quote, make_story

pytestmark = pytest.mark.django_db


def test_story_str_and_url():
    story = make_story(headline="Council approves budget", slug="council-approves-budget")
    assert str(story) == "Council approves budget"
    assert story.get_absolute_url() == "/stories/council-approves-budget/"


def test_story_slug_is_unique():
    make_story(slug="same-slug")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_story(slug="same-slug")


def derived(story: Story) -> Story:
    story.body_derive()
    return story


def test_a_plain_text_body_becomes_paragraphs_split_on_blank_lines():
    story = derived(Story(body="One.\n\nTwo\nstill two.\n   \nThree.\n\n\n"))
    assert story.body == "<p>One.</p><p>Two<br>still two.</p><p>Three.</p>"
    assert story.paragraphs == ["One.", "Two\nstill two.", "Three."]


def test_the_body_is_sanitized_and_its_plain_text_derived_on_save():
    body = '<h2>Vote</h2><p onclick="x()">It <b>passed</b>.</p><script>x()</script>'
    story = make_story(body=body)
    story.refresh_from_db()
    assert story.body == "<h2>Vote</h2><p>It passed.</p>"
    assert story.body_text == "Vote\n\nIt passed."


def test_summary_is_the_dek_or_the_first_paragraph():
    assert derived(Story(dek="The dek.", body="Para one.\n\nPara two.")).summary == "The dek."
    assert derived(Story(body="Para one.\n\nPara two.")).summary == "Para one."


def test_publishing_without_a_date_sets_it_on_clean():
    story = Story(headline="H", slug="h", body="B", status=Story.Status.PUBLISHED)
    story.full_clean()
    assert story.published_at is not None


def test_person_str_url_and_aliases():
    person = Person(name="Mike Pence", slug="mike-pence", aliases="Pence\n Mr. Pence \n\n")
    assert str(person) == "Mike Pence"
    assert person.get_absolute_url() == "/people/mike-pence/"
    assert person.alias_list == ["Pence", "Mr. Pence"]


def test_quotes_are_ordered_by_position():
    story, speaker = make_story(), make_person()
    third = make_quote(story, speaker, position=3)
    first = make_quote(story, speaker, position=1)
    second = make_quote(story, speaker, position=2)
    assert list(story.quotes.all()) == [first, second, third]


def test_quote_str_shortens_long_text():
    quote = Quote(text="x" * 100, speaker=Person(name="A. Speaker"))
    assert str(quote) == f"“{'x' * 59}…” (A. Speaker)"


def test_person_with_quotes_cannot_be_deleted():
    speaker = make_person()
    make_quote(make_story(), speaker)
    with pytest.raises(ProtectedError):
        speaker.delete()


def test_related_links_are_ordered_by_position():
    story = make_story()
    second = make_link(story, position=2)
    first = make_link(story, position=1)
    assert list(story.related_links.all()) == [first, second]


def test_related_link_takes_the_target_headline_when_untitled():
    story, target = make_story(), make_story(headline="Target headline")
    link = RelatedLink(story=story, target=target)
    link.full_clean()
    assert link.title == "Target headline"


def test_related_link_needs_a_title_or_a_target():
    link = RelatedLink(story=make_story())
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "title" in error.value.message_dict


def test_story_cannot_be_related_to_itself():
    story = make_story()
    with pytest.raises(ValidationError):
        RelatedLink(story=story, target=story, title="Me").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedLink.objects.create(story=story, target=story, title="Me")


def test_story_is_linked_to_a_target_only_once():
    story, target = make_story(), make_story()
    make_link(story, target)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_link(story, target)


def test_unresolved_links_may_repeat():
    story = make_story()
    make_link(story, title="Not on this site")
    make_link(story, title="Also not on this site")
    assert story.related_links.count() == 2


def test_deleting_a_target_leaves_the_link_unresolved():
    story, target = make_story(), make_story()
    link = make_link(story, target)
    target.delete()
    link.refresh_from_db()
    assert link.target is None
    assert link.title
