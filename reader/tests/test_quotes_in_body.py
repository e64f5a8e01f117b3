"""The story page marks each quote where it stands in the body, sets featured quotes as pull
quotes after their paragraph, and lists only the quotes the body does not hold."""

import pytest

from reader.quotes_in_body import quotes_in_body, words_pattern
from stories.tests.helpers import HOSTILE, between, make_person, make_quote, make_story, page_html

pytestmark = pytest.mark.django_db


def body_of(html: str) -> str:
    return between(html, '<div class="story__body">', "</div>")


def test_a_featured_quote_is_a_pull_quote_after_its_paragraph_hidden_from_screen_readers(client):
    story = make_story(body="<p>“We did it,” the mayor said.</p><p>Then she left.</p>")
    mayor = make_person(name="Ada Mayor", slug="ada-mayor")
    make_quote(story, mayor, text="We did it,", is_featured=True)
    body = body_of(page_html(client, story.get_absolute_url()))
    assert body.index("the mayor said.</p>") < body.index('<aside class="pull-quote"')
    assert body.index('<aside class="pull-quote"') < body.index("<p>Then she left.</p>")
    assert '<aside class="pull-quote" aria-hidden="true"><p>“We did it,”</p>' in body
    assert "<a" not in between(body, '<aside class="pull-quote"', "</aside>")


def test_a_quote_the_body_does_not_hold_is_listed_with_its_speaker(client):
    story = make_story(body="<p>The council met.</p>")
    make_quote(story, make_person(name="Ada Mayor", slug="ada-mayor"), text="Said at the door.")
    html = page_html(client, story.get_absolute_url())
    elsewhere = between(html, '<section class="story__quotes"', "</section>")
    assert "Also quoted" in elsewhere
    assert "<blockquote><p>Said at the door.</p></blockquote>" in elsewhere
    assert '<a href="/people/ada-mayor/">Ada Mayor</a>' in elsewhere
    assert 'class="said"' not in body_of(html)


@pytest.mark.parametrize(
    ("in_body", "quoted"),
    [
        ("“We didn’t  blink,” she said.", "We didn't blink,"),
        ('"We didn\'t blink," she said.', "We didn’t blink,"),
        ("“Call it a ‘win’,” she said.", "Call it a 'win',"),
    ],
)
def test_apostrophes_quotation_marks_and_spaces_do_not_stop_a_match(in_body, quoted):
    speaker = make_person()
    quote = make_quote(make_story(), speaker, text=quoted)
    result = quotes_in_body(f"<p>{in_body}</p>", [quote])
    assert result.elsewhere == []
    assert result.html.count('<q class="said">') == 1


def test_the_words_of_a_quote_are_escaped_where_they_are_marked():
    speaker = make_person(name=HOSTILE)
    quote = make_quote(make_story(), speaker, text='<script>alert("x")</script> & more')
    body = '<p>She wrote &lt;script&gt;alert("x")&lt;/script&gt; &amp; more, then left.</p>'
    html = quotes_in_body(body, [quote]).html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    assert "&lt;/script&gt;&lt;script&gt;alert" in html  # the speaker's name, escaped


def test_words_inside_a_link_or_a_heading_are_left_alone():
    quote = make_quote(make_story(), make_person(), text="Read all about it")
    body = '<h2>Read all about it</h2><p><a href="/x/">Read all about it</a></p>'
    result = quotes_in_body(body, [quote])
    assert result.html == body
    assert result.elsewhere == [quote]


def test_the_longest_quote_is_marked_first_and_a_quote_within_it_is_not_marked_inside_it():
    story, speaker = make_story(), make_person()
    long = make_quote(story, speaker, text="We will win this, and we will win it soon.")
    short = make_quote(story, speaker, text="we will win it soon.")
    result = quotes_in_body("<p>“We will win this, and we will win it soon.”</p>", [short, long])
    assert result.html.count('<q class="said">') == 1
    assert result.elsewhere == [short]


def test_each_quote_is_marked_once_where_it_first_stands():
    quote = make_quote(make_story(), make_person(), text="Never.")
    result = quotes_in_body("<p>“Never.”</p><p>“Never.”</p>", [quote])
    assert result.html.count('<q class="said">') == 1


def test_a_pattern_matches_the_words_and_nothing_around_them():
    pattern = words_pattern("Vote  now.")
    assert pattern.search("they said: Vote\nnow. Then")[0] == "Vote\nnow."
    assert pattern.search("Vote later.") is None
