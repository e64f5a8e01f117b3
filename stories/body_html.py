"""A story's body as a sanitized HTML subset, and the one plain text every other use derives
from it (search, quote attribution, JSON-LD, feed summaries, descriptions, word counts).

The allow-list is the only thing trusted: whatever the editor sends, every save passes
through ``sanitized`` on the server.
"""

import re
from html import escape
from html.parser import HTMLParser

import nh3

from .text import split_paragraphs

BLOCKS = {"p", "h2", "h3", "ul", "ol", "li", "blockquote", "figure", "figcaption"}
INLINE = {"a", "em", "strong", "br"}
ALLOWED_TAGS = BLOCKS | INLINE
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "svg", "math"}
SITE_PATH = re.compile(r"/(?!/)[^\s\\]*")


def kept_href(tag: str, attribute: str, value: str) -> str | None:
    """Links go to http, https and mailto addresses, or to the site's own paths: not to
    protocol-relative addresses (``//elsewhere``), which nh3 would take for paths."""
    if tag == "a" and attribute == "href":
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme in URL_SCHEMES or SITE_PATH.fullmatch(value):
            return value
        return None
    return value


def sanitized(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=kept_href,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def paragraphs_as_html(text: str) -> str:
    """Plain-text paragraphs (blank-line separated) as <p> elements, line breaks kept."""
    return "".join(
        "<p>" + "<br>".join(escape(line, quote=False) for line in paragraph.split("\n")) + "</p>"
        for paragraph in split_paragraphs(text)
    )


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
