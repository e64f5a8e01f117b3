import time

from django.http import HttpResponseNotAllowed

from fronts.lineups import lineups_due_sweep
from stories.counts import publications_due_sweep

# TRACE echoes a request back (cookies included, to a script that can read the answer) and
# CONNECT opens a tunnel: no page of this site answers either.
REFUSED_METHODS = frozenset({"TRACE", "CONNECT"})
ANSWERED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]


def refuse_trace_and_connect(get_response):
    def middleware(request):
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(ANSWERED_METHODS)
        return get_response(request)

    return middleware


HEALTH_CHECK_PATH = "/healthz"


def publish_what_is_due(get_response):
    """Before any page is built, the scheduled stories whose time has come are brought into
    the stored counts, and the front lineups whose time has come into the caches, so no worker
    is needed for a story or a lineup to appear at its time."""

    def middleware(request):
        if request.path != HEALTH_CHECK_PATH:  # which answers for the database itself
            publications_due_sweep()
            lineups_due_sweep()
        return get_response(request)

    return middleware


RENEWED_AT = "newsroom_renewed_at"
RENEW_EVERY = 300  # seconds: often enough for an idle timeout counted in hours


def renew_signed_in_sessions(get_response):
    """A signed-in session lasts SESSION_COOKIE_AGE after its latest request. It is renewed at
    most every few minutes, so an editor's requests do not each write the session."""

    def middleware(request):
        if request.user.is_authenticated:
            now = time.time()
            if now - request.session.get(RENEWED_AT, 0) > RENEW_EVERY:
                request.session[RENEWED_AT] = now  # saved, with a new expiry, by the session
        return get_response(request)

    return middleware


def renewed_at_login(sender, request, user, **kwargs):
    """Signing in saves the session anyway: it starts the renewal clock."""
    request.session[RENEWED_AT] = time.time()
