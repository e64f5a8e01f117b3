"""A story's body as a sanitized HTML subset, and the one plain text every other use derives
from it (search, quote attribution, JSON-LD, feed summaries, descriptions, word counts).

The allow-list is the only thing trusted: whatever the editor sends, every save passes
through ``sanitized`` on the server.
"""

import html
import re
from collections.abc import Iterable
from html import escape
from html.parser import HTMLParser

import nh3

from .embeds import video_at
from .text import split_paragraphs

BLOCKS = {"p", "h2", "h3", "ul", "ol", "li", "blockquote", "figure", "figcaption"}
INLINE = {"a", "em", "strong", "br"}
ALLOWED_TAGS = BLOCKS | INLINE
# A figure holds a library image by its number, a video by its address, or a post (from X,
# Bluesky, Mastodon…) with its address, author, handle and date, its text in a blockquote.
FIGURE_ATTRIBUTES = {
    "data-image": re.compile(r"[1-9][0-9]{0,11}"),
    "data-post": None,  # an http or https address, checked as links are
    "data-video": None,  # a YouTube or Vimeo address (stories.embeds)
    "data-author": re.compile(r"[^\x00-\x1f]{1,200}"),
    "data-handle": re.compile(r"@?[\w.@-]{1,100}"),
    "data-date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "figure": set(FIGURE_ATTRIBUTES)}
URL_SCHEMES = {"http", "https", "mailto"}
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "svg", "math"}
SITE_PATH = re.compile(r"/(?!/)[^\s\\]*")


def is_kept_link(value: str) -> bool:
    """Links go to http, https and mailto addresses, or to the site's own paths: not to
    protocol-relative addresses (``//elsewhere``), which nh3 would take for paths."""
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    return scheme in URL_SCHEMES or bool(SITE_PATH.fullmatch(value))


def attribute_kept(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if is_kept_link(value) else None
    if tag != "figure":
        return value
    if attribute == "data-post":
        return value if value.split(":", 1)[0].lower() in ("http", "https") else None
    if attribute == "data-video":
        return value if video_at(value) else None
    return value if FIGURE_ATTRIBUTES[attribute].fullmatch(value) else None


def sanitized(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=attribute_kept,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


BLOCK_ELEMENT = re.compile(r"<(?:p|h2|h3|ul|ol|blockquote|figure)[\s>]", re.IGNORECASE)


def is_plain_text(body: str) -> bool:
    """A body with no block element is plain text written before bodies were HTML (an old
    revision, a sidecar): its blank lines separate paragraphs and its markup is text."""
    return not BLOCK_ELEMENT.search(body)


def body_html(body: str) -> str:
    """What a story stores as its body: sanitized HTML, plain text turned into paragraphs."""
    return sanitized(paragraphs_as_html(body) if is_plain_text(body) else body)


def lines_as_html(text: str) -> str:
    """Plain text escaped, its line breaks <br>."""
    return "<br>".join(escape(line, quote=False) for line in text.split("\n"))


def paragraph_elements(paragraphs: Iterable[str]) -> str:
    return "".join(f"<p>{lines_as_html(paragraph)}</p>" for paragraph in paragraphs)


def paragraphs_as_html(text: str) -> str:
    """Plain-text paragraphs (blank-line separated) as <p> elements, line breaks kept."""
    return paragraph_elements(split_paragraphs(text))


class PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.end_block()
        elif tag == "br":
            self.current.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.end_block()

    def handle_data(self, data):
        self.current.append(data)

    def end_block(self):
        text = "\n".join(" ".join(line.split()) for line in "".join(self.current).split("\n"))
        if text.strip():
            self.blocks.append(text.strip())
        self.current = []


def plain_text(html: str) -> str:
    """The body's text, one paragraph (or heading, list item, quotation) a block, blocks
    separated by a blank line, as the plain-text bodies were."""
    parser = PlainText()
    parser.feed(html)
    parser.close()
    parser.end_block()
    return "\n\n".join(parser.blocks)


# The sanitizer's output is serialized one way (html5ever's), so its figures are found by their
# exact form; a figure inside another is left as it is.
FIGURE = re.compile(
    r'<figure(?P<attributes>(?: data-[a-z]+="[^"]*")+)>'
    r"(?P<inner>(?:(?!<figure[\s>]).)*?)</figure>",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r' (?P<name>data-[a-z]+)="(?P<value>[^"]*)"')


def figure_attributes(match: re.Match) -> dict[str, str]:
    return {
        found["name"]: html.unescape(found["value"])
        for found in ATTRIBUTE.finditer(match["attributes"])
    }


def body_image_ids(body: str) -> set[int]:
    return {
        int(attributes["data-image"])
        for match in FIGURE.finditer(body)
        if "data-image" in (attributes := figure_attributes(match))
    }
