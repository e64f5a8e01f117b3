"""A post copied into raw copy with its signature line becomes an embedded post, shown by the
site as a quotation credited to its author, not as the reporter's paragraph."""

import pytest

from importing.body import article_body_html
from stories.models import Story

TWEET = (
    "Do it Mike, this is a time for extreme courage! "
    "— Donald J. Trump (@realDonaldTrump) January 6, 2021"
)


def test_a_signed_post_becomes_a_figure_with_its_author_handle_and_day():
    assert article_body_html(["Before.", TWEET, "After & more."]) == (
        "<p>Before.</p>"
        '<figure data-post="https://x.com/realDonaldTrump" data-author="Donald J. Trump" '
        'data-handle="@realDonaldTrump" data-date="2021-01-06">'
        "<blockquote>Do it Mike, this is a time for extreme courage!</blockquote></figure>"
        "<p>After &amp; more.</p>"
    )


def test_an_abbreviated_month_is_read_and_an_unreadable_day_left_out():
    html = article_body_html(["Polls close. — Desk (@desk) Jan. 3, 2024"])
    assert 'data-date="2024-01-03"' in html
    html = article_body_html(["Polls close. — Desk (@desk) Smarch 3, 2024"])
    assert "data-date" not in html
    assert 'data-handle="@desk"' in html


def test_markup_in_a_post_is_text():
    html = article_body_html(['<script>x</script> "hi" — A <b> (@a) January 6, 2021'])
    assert '<blockquote>&lt;script&gt;x&lt;/script&gt; "hi"</blockquote>' in html
    assert 'data-author="A &lt;b&gt;"' in html


@pytest.mark.django_db
def test_the_fixture_tweet_is_an_embedded_post_on_the_story_page(client, fixture_stories):
    story = Story.objects.get(body__contains="data-post")
    html = client.get(story.get_absolute_url()).content.decode()
    start = html.index('<figure class="embedded-post">')
    post = html[start : html.index("</figure>", start)]
    assert "AND WE WIN. Do it Mike, this is a time for extreme courage!" in post
    assert '<a href="https://x.com/realDonaldTrump">Donald J. Trump' in post
    assert "@realDonaldTrump" in post
    assert '<time datetime="2021-01-06">Jan. 6, 2021</time>' in post
    assert "(@realDonaldTrump) January 6, 2021</p>" not in html
