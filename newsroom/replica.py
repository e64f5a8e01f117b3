"""Reads of public pages from a PostgreSQL replica when DATABASE_REPLICA_URL names one.

An anonymous GET or HEAD of a public page reads from the replica: its content and the content
generation the page cache keys it by both come from there, so a page is never kept under a
generation newer than its content. Writes, the admin, signed-in requests and everything else
(management commands, the scheduled-story sweep) use the primary.
"""

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_public_read = ContextVar("public_read", default=False)


NOT_PAGES = ("/healthz", "/bench/")  # the health check and the benchmark's reference


def is_public_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith((f"/{settings.NEWSROOM_ADMIN_PATH}", *NOT_PAGES))
    )


def public_reads_from_replica(get_response):
    def middleware(request):
        if REPLICA not in settings.DATABASES or not is_public_read(request):
            return get_response(request)
        token = _public_read.set(True)
        try:
            return get_response(request)
        finally:
            _public_read.reset(token)

    return middleware


class PublicReadsRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _public_read.get() else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
