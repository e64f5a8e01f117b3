"""A story's body as readers and syndication get it: the stored HTML passed through the
allow-list once more (a row written by COPY, SQL or an old release is held to the same rules
as a save), with its figures built by the site: library pictures as responsive <picture>s,
posts as quotations credited and linked to the original, videos as players that load nothing
from their provider until the reader asks.
"""

import re
from collections.abc import Callable, Iterable
from datetime import date

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from media.models import Image
from media.renditions import largest
from media.templatetags.pictures import picture

from .body_html import FIGURE, body_image_ids, figure_attributes, sanitized
from .embeds import video_at
from .models import Story

CAPTION = re.compile(r"<figcaption>(?P<caption>.*?)</figcaption>", re.DOTALL)
QUOTED = re.compile(r"<blockquote>(?P<quoted>.*)</blockquote>", re.DOTALL)
BODY_PICTURE_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"

AbsoluteUrl = Callable[[str], str]


def body_images(stories: Iterable[Story]) -> dict[int, Image]:
    """The library images the bodies of ``stories`` hold, read in one query (none if none)."""
    ids = set().union(*(body_image_ids(story.body) for story in stories))
    return Image.objects.in_bulk(ids) if ids else {}


def story_body_html(
    story: Story,
    absolute_url: AbsoluteUrl | None = None,
    images: dict[int, Image] | None = None,
) -> SafeString:
    """The body for the story page; with ``absolute_url``, for syndication (ninjs): pictures
    as a plain <img> at absolute addresses, videos as links. A list of stories passes the
    ``images`` of all their bodies (``body_images``), so it reads them once."""
    body = sanitized(story.body)
    if images is None:
        images = body_images([story])

    def figure(match: re.Match) -> str:
        attributes = figure_attributes(match)
        if "data-image" in attributes:
            image = images.get(int(attributes["data-image"]))
            return body_picture(image, match["inner"], absolute_url) if image else ""
        if "data-video" in attributes:
            return body_video(attributes["data-video"], syndicated=absolute_url is not None)
        if "data-post" in attributes:
            return body_post(attributes, match["inner"])
        return match[0]

    return mark_safe(FIGURE.sub(figure, body))


def body_picture(image: Image, inner: str, absolute_url: AbsoluteUrl | None) -> str:
    """A library picture with the caption the story gave it (else the library's) and the
    credit; lazily loaded, as the lead picture comes first."""
    found = CAPTION.search(inner)
    caption = mark_safe(found["caption"]) if found and found["caption"].strip() else image.caption
    credit = format_html(' <span class="credit">{}</span>', image.credit) if image.credit else ""
    figcaption = format_html("<figcaption>{}{}</figcaption>", caption, credit)
    if absolute_url is None:
        shown = picture(image, "original", BODY_PICTURE_SIZES, "lazy")
    else:
        rendition = largest(image, "original")
        shown = format_html(
            '<img src="{}" width="{}" height="{}" alt="{}">',
            absolute_url(rendition.url),
            rendition.width,
            rendition.height,
            "" if image.is_decorative else image.alt_text,
        )
    return format_html(
        '<figure class="story__figure">{}{}</figure>',
        shown,
        figcaption if caption or credit else "",
    )


def body_video(address: str, *, syndicated: bool) -> str:
    """A link to the video that reader/static/reader/video_embeds.js turns into a button: the
    provider's player is framed only once it is pressed."""
    video = video_at(address)
    if video is None:
        return ""
    link = format_html(
        '<a class="video-embed__link" href="{}">{}</a>',
        video.watch_url,
        _("Watch the video on %(provider)s") % {"provider": video.provider},
    )
    if syndicated:
        return format_html('<figure class="video-embed">{}</figure>', link)
    return format_html(
        '<figure class="video-embed" data-player="{}" data-provider="{}">{}'
        '<figcaption class="video-embed__note">{}</figcaption></figure>',
        video.player_url,
        video.provider,
        link,
        _("Playing it loads the %(provider)s player, which may set cookies.")
        % {"provider": video.provider},
    )


def body_post(attributes: dict[str, str], inner: str) -> str:
    """A post from a social network as the site shows it: its text quoted, then who posted it
    and when, linked to the post (or the account) it came from; no script of theirs."""
    author, handle = attributes.get("data-author", ""), attributes.get("data-handle", "")
    if handle and not handle.startswith("@"):
        handle = f"@{handle}"
    day = post_day(attributes.get("data-date", ""))
    when = (
        format_html(' <time datetime="{}">{}</time>', day.isoformat(), date_format(day, "N j, Y"))
        if day
        else ""
    )
    who = format_html(
        "{}{}",
        author or handle or _("A post"),
        format_html(' <span class="embedded-post__handle">{}</span>', handle)
        if author and handle
        else "",
    )
    return format_html(
        '<figure class="embedded-post"><blockquote cite="{}">{}</blockquote>'
        '<figcaption>— <a href="{}">{}</a>{}</figcaption></figure>',
        attributes["data-post"],
        mark_safe(quoted["quoted"] if (quoted := QUOTED.fullmatch(inner)) else inner),
        attributes["data-post"],
        who,
        when,
    )


def post_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
