"""fixtures/stories.json holds the two articles as a careful editor would enter them."""

import re

import pytest

from stories.models import Person, Quote, RelatedLink, Story
from stories.tests.helpers import ARTICLES, EXTREME_COURAGE, PENCE_LETTER

pytestmark = pytest.mark.usefixtures("fixture_stories")


def article_text(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def pence_letter() -> Story:
    return Story.objects.get(slug=PENCE_LETTER)


def extreme_courage() -> Story:
    return Story.objects.get(slug=EXTREME_COURAGE)


def test_both_stories_are_published_on_january_6_2021():
    stories = Story.objects.published()
    assert {story.slug for story in stories} == {PENCE_LETTER, EXTREME_COURAGE}
    assert {story.published_at.date().isoformat() for story in stories} == {"2021-01-06"}


def test_headlines_are_as_written_without_the_date_prefix():
    assert pence_letter().headline == (
        "In letter to Congress, Pence says he can't claim 'unilateral authority' "
        "to reject electoral votes"
    )
    assert extreme_courage().headline == (
        "'Time for Extreme Courage!' Trump Urges Mike Pence to Send Votes Back to the States"
    )


def test_body_is_the_articles_paragraphs_verbatim_without_the_extras():
    for story, name in [
        (pence_letter(), "000_9f7251af82e3b226.txt"),
        (extreme_courage(), "003_6001d2dea13a1716.txt"),
    ]:
        text = article_text(name)
        paragraphs = story.paragraphs
        assert paragraphs
        for paragraph in paragraphs:
            assert paragraph in text
            assert not paragraph.startswith(("RELATED:", "date ", "News2020"))
            assert paragraph != "This is a developing story."
        assert story.headline not in paragraphs


def test_developing_line_sets_the_flag_instead_of_staying_in_the_body():
    assert pence_letter().is_developing
    assert not extreme_courage().is_developing


def test_people_quoted_with_their_titles():
    assert {(p.name, p.title) for p in Person.objects.all()} == {
        ("Mike Pence", "Vice President"),
        ("Donald Trump", "President"),
    }
    assert "Mr. Pence" in Person.objects.get(name="Mike Pence").alias_list
    assert Person.objects.get(name="Donald Trump").handle == "realDonaldTrump"


@pytest.mark.parametrize(
    ("words", "speaker", "context"),
    [
        (
            "The presidency belongs to the American people, and to them alone",
            "Mike Pence",
            "in the three-page letter",
        ),
        ("Do it Mike, this is a time for extreme courage!", "Donald Trump", "on Twitter"),
        (
            "We will not let them silence your voices",
            "Donald Trump",
            "at a rally near the White House",
        ),
    ],
)
def test_quotes_have_the_right_speaker_and_context(words, speaker, context):
    quote = Quote.objects.get(text=words)
    assert quote.speaker.name == speaker
    assert quote.context == context


def test_every_quotation_is_kept_in_reading_order():
    for story, name in [
        (pence_letter(), "000_9f7251af82e3b226.txt"),
        (extreme_courage(), "003_6001d2dea13a1716.txt"),
    ]:
        text = article_text(name)
        quotes = list(story.quotes.all())
        assert [q.position for q in quotes] == list(range(len(quotes)))
        offsets = [text.find(first_words(q.text)) for q in quotes]
        assert -1 not in offsets, [q.text for q, at in zip(quotes, offsets, strict=True) if at < 0]
        assert offsets == sorted(offsets)
    assert pence_letter().quotes.filter(is_fragment=False).count() == 8
    assert extreme_courage().quotes.filter(is_fragment=False).count() == 4


def first_words(text: str) -> str:
    return " ".join(re.split(r"\s+", text)[:3])


def test_short_quoted_words_and_the_sidecars_flagged_ones_are_fragments_not_quotes():
    fragments = set(Quote.objects.filter(is_fragment=True).values_list("text", flat=True))
    assert fragments == {
        "unilateral authority",
        "never concede",
        "fake news",
        "correct their votes",
        # words lifted into the reporter's own sentences, flagged in the sidecars
        "the courage to do what should have been done.",
        "to come for us",
    }


def test_embedded_tweet_is_a_dated_quote_of_its_author():
    tweet = Quote.objects.get(text__startswith="States want to correct their votes")
    assert tweet.speaker.name == "Donald Trump"
    assert tweet.said_on.isoformat() == "2021-01-06"
    assert tweet.text.endswith("Do it Mike, this is a time for extreme courage!")
    assert tweet.context.startswith("on Twitter")


def test_related_lines_are_unresolved_links_and_the_stories_relate_to_each_other():
    links = list(pence_letter().related_links.all())
    assert [(link.title, link.target_id) for link in links[:2]] == [
        (
            "Congress meets to certify Biden's win over Trump; "
            "GOP allies challenge Arizona results",
            None,
        ),
        ("Democrat Raphael Warnock wins Senate race; 2nd too early to call", None),
    ]
    assert links[2].target == extreme_courage()
    assert RelatedLink.objects.get(story=extreme_courage()).target == pence_letter()


def test_tags_from_the_trailing_line_and_the_shared_vocabulary():
    first = {tag.name for tag in pence_letter().tags.all()}
    second = {tag.name for tag in extreme_courage().tags.all()}
    assert first == {"News", "2020 Election", "Politics", "U.S.", "Mike Pence"}
    assert first < second
    assert "Donald Trump" in second
