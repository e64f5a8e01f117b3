"""Pages, feeds and JSON sent gzip-compressed to clients that accept it. Django's
GZipMiddleware pads each compressed response with random bytes (Heal the BREACH), so a page
holding a CSRF token or session data does not leak it through its compressed length; pictures
and other binary files, compressed already, pass as they are (static files never reach this:
whitenoise answers them, precompressed, before it)."""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "image/svg+xml",
)


class CompressTextMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if not content_type.startswith(COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)
