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
