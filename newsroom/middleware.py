import time

from django.http import HttpResponseNotAllowed

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
