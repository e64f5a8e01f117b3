"""Figures in a body as readers get them: library pictures with their alt text, caption and
credit, posts quoted and credited, videos as links that load no player; hostile values in
any of them are dropped or escaped, and the page's query count does not grow with them."""

import pytest
from django.db.models import ProtectedError

from media.tests.pictures import make_image
from stories.body_html import sanitized
from stories.body_rendering import story_body_html
from stories.embeds import video_at
from stories.models import BodyImage, Story
from stories.tests.helpers import STORY_PAGE_QUERIES, count_queries, make_story

pytestmark = pytest.mark.django_db

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/"


def rendered(body: str, **options) -> str:
    return str(story_body_html(Story(body=sanitized(body)), **options))


def test_a_library_picture_comes_with_its_alt_text_caption_and_credit():
    image = make_image(alt_text="The chamber", caption="Library caption", credit="Desk photo")
    html = rendered(f'<figure data-image="{image.pk}"></figure>')
    assert html.startswith('<figure class="story__figure"><picture>')
    assert 'alt="The chamber"' in html
    assert 'loading="lazy"' in html
    assert '<figcaption>Library caption <span class="credit">Desk photo</span></figcaption>' in html


def test_the_story_may_give_a_picture_its_own_caption():
    image = make_image(caption="Library caption")
    html = rendered(
        f'<figure data-image="{image.pk}"><figcaption>Ours, <em>today</em></figcaption></figure>'
    )
    assert "<figcaption>Ours, <em>today</em></figcaption>" in html
    assert "Library caption" not in html


def test_a_decorative_picture_has_empty_alt_text_and_a_missing_one_is_left_out():
    image = make_image(alt_text="", is_decorative=True)
    assert 'alt=""' in rendered(f'<figure data-image="{image.pk}"></figure>')
    assert rendered('<p>Before.</p><figure data-image="987654"></figure>') == "<p>Before.</p>"


def test_syndication_gets_a_plain_image_at_an_absolute_address():
    image = make_image(alt_text="The chamber")
    html = rendered(
        f'<figure data-image="{image.pk}"></figure>',
        absolute_url=lambda path: f"https://n.ex{path}",
    )
    assert "<picture>" not in html
    assert f'<img src="https://n.ex/images/{image.pk}/' in html
    assert 'alt="The chamber"' in html


def test_a_post_is_quoted_and_credited_with_a_link_to_where_it_came_from():
    html = rendered(
        '<figure data-post="https://x.com/desk/status/1" data-author="The &lt;Desk&gt;" '
        'data-handle="desk" data-date="2021-01-06"><blockquote>Polls close at 8.</blockquote>'
        "</figure>"
    )
    assert html == (
        '<figure class="embedded-post"><blockquote cite="https://x.com/desk/status/1">'
        "Polls close at 8.</blockquote><figcaption>— "
        '<a href="https://x.com/desk/status/1">The &lt;Desk&gt; '
        '<span class="embedded-post__handle">@desk</span></a> '
        '<time datetime="2021-01-06">Jan. 6, 2021</time></figcaption></figure>'
    )


def test_a_video_is_a_link_with_the_player_address_for_after_play():
    html = rendered('<figure data-video="https://youtu.be/dQw4w9WgXcQ"></figure>')
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert (
        '<a class="video-embed__link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in html
    )
    assert "<iframe" not in html
    syndicated = rendered(
        '<figure data-video="https://youtu.be/dQw4w9WgXcQ"></figure>', absolute_url=str
    )
    assert "data-player" not in syndicated


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
            "youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "player.vimeo.com/video/76979871"),
        ("https://player.vimeo.com/video/76979871", "player.vimeo.com/video/76979871"),
    ],
)
def test_youtube_and_vimeo_addresses_are_recognised(url, player):
    assert player in video_at(url).player_url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D",
        "https://evil.example/vimeo.com/76979871",
        "ftp://vimeo.com/76979871",
    ],
)
def test_other_addresses_are_no_video_and_the_sanitizer_drops_them(url):
    assert video_at(url) is None
    assert sanitized(f'<figure data-video="{url}"></figure>') == "<figure></figure>"


@pytest.mark.parametrize(
    "hostile",
    [
        '<figure data-post="javascript:alert(1)"><blockquote>x</blockquote></figure>',
        '<figure data-post="data:text/html,&lt;script&gt;"><blockquote>x</blockquote></figure>',
        '<figure data-image="1 onerror=alert(1)"></figure>',
        '<figure data-image="-1"></figure>',
        '<figure data-date="2021-01-06T00:00&quot;&gt;"></figure>',
        '<figure data-handle="&lt;script&gt;"></figure>',
        '<figure data-onload="alert(1)" style="x" class="y"></figure>',
    ],
)
def test_hostile_figure_attributes_are_dropped(hostile):
    assert sanitized(hostile).startswith("<figure>")


def test_markup_in_a_post_author_is_text():
    html = rendered(
        '<figure data-post="https://x.com/a" data-author="&lt;img src=x onerror=alert(1)&gt;">'
        "<blockquote>x</blockquote></figure>"
    )
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_story_page_reads_a_bodys_pictures_in_one_query_however_many(client):
    none = make_story(body="<p>No picture.</p>")
    one = make_story(body=f'<figure data-image="{make_image().pk}"></figure>')
    many = make_story(
        body="".join(f'<figure data-image="{make_image().pk}"></figure>' for _ in range(8))
    )
    without = count_queries(client, none.get_absolute_url())
    assert without <= STORY_PAGE_QUERIES
    assert count_queries(client, one.get_absolute_url()) == without + 1
    assert count_queries(client, many.get_absolute_url()) == without + 1
    assert client.get(many.get_absolute_url()).content.decode().count("story__figure") == 8


def test_a_picture_a_body_shows_cannot_be_deleted_from_the_library():
    image = make_image()
    story = make_story(body=f'<p>x</p><figure data-image="{image.pk}"></figure>')
    assert list(BodyImage.objects.filter(story=story).values_list("image", flat=True)) == [image.pk]
    with pytest.raises(ProtectedError):
        image.delete()
    story.body = "<p>No picture now.</p>"
    story.save()
    assert not BodyImage.objects.filter(story=story).exists()
    image.delete()
