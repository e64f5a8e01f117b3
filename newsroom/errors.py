"""What a reader, an editor and an API client see when the site itself fails."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from newsroom.request_log import current_request_id

RETRY_AFTER_SECONDS = 30
# OperationalError covers a database that is down, restarting, refusing connections or
# cancelling a query; InterfaceError a connection it dropped. Both pass by themselves.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def page(template: str, status: int) -> HttpResponse:
    """An error page rendered without the request's context processors: those read the
    database, which may be the thing that failed."""
    context = {"site_name": settings.NEWSROOM_SITE_NAME, "request_id": current_request_id.get()}
    return HttpResponse(render_to_string(template, context), status=status)


def database_unavailable(request) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {
                "error": "The database is unavailable; try again shortly.",
                "request_id": current_request_id.get(),
            },
            status=503,
        )
    elif request.path.startswith("/" + settings.NEWSROOM_ADMIN_PATH):
        response = page("admin_503.html", status=503)
    else:
        response = page("503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request) -> HttpResponse:
    """handler500: a database outage is a 503 the client may retry, anything else a 500."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": "Server error.", "request_id": current_request_id.get()}, status=500
        )
    return page("500.html", status=500)
