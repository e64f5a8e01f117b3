"""Videos a body may embed, recognised from the address a reporter pastes: YouTube and Vimeo,
played from their privacy-enhanced player addresses only once a reader asks."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com"}
YOUTUBE_HOSTS |= {"www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
# The frame origins the Content-Security-Policy allows, exactly those the players load from.
PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


@dataclass(frozen=True)
class Video:
    provider: str
    video_id: str

    @property
    def watch_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"

    @property
    def player_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1"
        return f"https://player.vimeo.com/video/{self.video_id}?autoplay=1&dnt=1"


def video_at(url: str) -> Video | None:
    """The YouTube or Vimeo video at ``url``, or None for any other address."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host, path = (parts.hostname or "").lower(), parts.path.strip("/").split("/")
    if host in YOUTUBE_HOSTS:
        if path == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif len(path) == 2 and path[0] in ("embed", "shorts", "live"):
            candidate = path[1]
        else:
            return None
        return Video("YouTube", candidate) if YOUTUBE_ID.fullmatch(candidate) else None
    if host == "youtu.be" and len(path) == 1 and YOUTUBE_ID.fullmatch(path[0]):
        return Video("YouTube", path[0])
    if host in VIMEO_HOSTS:
        candidate = path[-1] if path[:1] in (["video"], [path[-1]]) else ""
        return Video("Vimeo", candidate) if VIMEO_ID.fullmatch(candidate) else None
    return None
