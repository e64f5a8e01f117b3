"""Share links for a story: plain addresses of each network's own share page, so reading the
story loads nothing from any of them; the copy-link button is the site's own script."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    network: str
    href: str


def share_links(url: str, headline: str) -> list[ShareLink]:
    text = f"{headline} {url}"
    return [
        ShareLink(
            "E-mail", "mailto:?" + urlencode({"subject": headline, "body": url}, quote_via=quote)
        ),
        ShareLink("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
        ShareLink(
            "Mastodon", "https://mastodonshare.com/?" + urlencode({"text": headline, "url": url})
        ),
        ShareLink(
            "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
        ),
        ShareLink("X", "https://x.com/intent/post?" + urlencode({"text": headline, "url": url})),
        ShareLink(
            "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})
        ),
    ]
