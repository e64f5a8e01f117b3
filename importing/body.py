"""The body the importer writes: each paragraph a <p>; a post copied from a social network,
which raw copy gives as its text followed by the signature line Twitter's embed code leaves
(“— Donald J. Trump (@realDonaldTrump) January 6, 2021”), an embedded post the site shows as
a quotation credited to its author, not as the reporter's own words."""

import re
from datetime import date, datetime
from html import escape

from stories.body_html import lines_as_html, paragraphs_as_html

from .parsing.quotes import TWEET_SIGNATURE

DATE_FORMATS = ["%B %d, %Y", "%b. %d, %Y", "%b %d, %Y"]
ACCOUNT_URL = "https://x.com/{handle}"


def article_body_html(paragraphs: list[str]) -> str:
    return "".join(
        embedded_post(paragraph, signature)
        if (signature := TWEET_SIGNATURE.search(paragraph)) and paragraph[: signature.start()]
        else paragraphs_as_html(paragraph)
        for paragraph in paragraphs
    )


def embedded_post(paragraph: str, signature: re.Match) -> str:
    """The post's text in a figure naming its author, handle and day, linked to the account
    (the signature line carries no address of the post itself)."""
    handle = signature["handle"]
    day = posted_on(signature["date"])
    attributes = {
        "data-post": ACCOUNT_URL.format(handle=handle),
        "data-author": " ".join(signature["name"].split()),
        "data-handle": f"@{handle}",
        "data-date": day.isoformat() if day else "",
    }
    text = paragraph[: signature.start()].strip()
    return "<figure{}><blockquote>{}</blockquote></figure>".format(
        "".join(f' {name}="{escape(value)}"' for name, value in attributes.items() if value),
        lines_as_html(text),
    )


def posted_on(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
