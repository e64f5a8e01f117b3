"""HTTP plumbing of the read-only API: JSON responses, conditional GET, CORS, 405 and errors."""

import hashlib
from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
READ_METHODS = ("GET", "HEAD")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
READ_ONLY = "This API is read-only: use GET."
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def json_response(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data,
        status=status,
        content_type=JSON_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def read_only_endpoint(*, etag, last_modified):
    """A GET view answering conditional requests, CORS preflights, 405 and ``ApiError``s."""

    def decorate(view):
        conditional_view = condition(etag_func=etag, last_modified_func=last_modified)(view)

        @csrf_exempt  # nothing is written, so a POST is refused with 405 rather than 403
        @wraps(view)
        def endpoint(request, *args, **kwargs):
            if request.method == "OPTIONS":
                response = HttpResponse(status=204, headers=PREFLIGHT_HEADERS)
            elif request.method not in READ_METHODS:
                response = json_response({"error": READ_ONLY}, 405)
            else:
                try:
                    response = conditional_view(request, *args, **kwargs)
                except ApiError as error:
                    response = json_response({"error": error.message}, error.status)
            response["Allow"] = ALLOWED_METHODS
            for header, value in CORS_HEADERS.items():
                response[header] = value
            # Without it, a browser may reuse a response it holds for a while without asking;
            # with it, it always asks and gets a cheap 304 when nothing changed.
            patch_cache_control(response, no_cache=True)
            return response

        return endpoint

    return decorate


def once_per_request(compute):
    """Computes a value once per request, so the ETag, Last-Modified and the view share it.

    The arguments are the view's, the same throughout a request, so they are not part of the key.
    """
    attribute = f"_api_{compute.__name__}"

    @wraps(compute)
    def cached(request, *args, **kwargs):
        if not hasattr(request, attribute):
            setattr(request, attribute, compute(request, *args, **kwargs))
        return getattr(request, attribute)

    return cached


def etag_of(*parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f'"{digest}"'
