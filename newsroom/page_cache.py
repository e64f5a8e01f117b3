"""Public pages as readers get them, kept in Django's cache (local memory, or Redis when
REDIS_URL is set) under the content generation (stories.freshness): any change readers could
see raises the generation, so the next request on any app server builds the page anew.

Only anonymous GET and HEAD requests for 200 answers are kept: a request carrying a session
cookie (an editor, a preview) or an Authorization header is never answered from the cache, and
a response that sets a cookie or says private, no-cache or no-store is never kept.
Every kept page carries an ETag (the generation and a digest of the body) answered with 304;
Cache-Control lets browsers keep it only while it is still current (they revalidate each
time, cheaply) and a CDN or front cache keep it briefly: s-maxage is NEWSROOM_PAGE_MAX_AGE,
never reaching past the next scheduled publication; Surrogate-Key names it for a purge.
"""

import hashlib
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from fronts.lineups import NEXT_LINEUP
from stories.counts import NEXT_PUBLICATION
from stories.freshness import PURGE_EVERY_PAGE, content_generation

from .replica import is_public_read

CACHE_ALIAS = "default"
SET_ON_EACH_ANSWER = {"set-cookie", "vary", "cache-control", "expires", "etag", "content-length"}
SECTIONS = {"stories", "tags", "people", "packages", "api", "feeds", "search"}


def page_cache(get_response):
    def middleware(request):
        if not settings.NEWSROOM_PAGE_CACHE or not may_answer_from_cache(request):
            return get_response(request)
        generation = content_generation()
        key = cache_key(request, generation)
        kept = caches[CACHE_ALIAS].get(key)
        if kept is None:
            response = get_response(request)
            if not may_keep(response):
                return response
            kept = keep(response, generation)
            caches[CACHE_ALIAS].set(key, kept, settings.NEWSROOM_PAGE_CACHE_SECONDS)
        return answer(request, kept)

    return middleware


def may_answer_from_cache(request) -> bool:
    return is_public_read(request) and "HTTP_AUTHORIZATION" not in request.META


def cache_key(request, generation: int) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"newsroom:page:{generation}:{digest}"


def may_keep(response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def keep(response, generation: int) -> dict:
    content = response.content
    digest = hashlib.sha256(content).hexdigest()[:20]
    return {
        "content": content,
        "headers": {
            name: value
            for name, value in response.items()
            if name.lower() not in SET_ON_EACH_ANSWER
        },
        "etag": f'"{generation}-{digest}"',
    }


def answer(request, kept: dict) -> HttpResponse:
    if kept["etag"] in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(kept["content"])
        for name, value in kept["headers"].items():
            response[name] = value
    response["ETag"] = kept["etag"]
    response["Cache-Control"] = f"public, max-age=0, must-revalidate, s-maxage={shared_max_age()}"
    response["Surrogate-Key"] = surrogate_keys(request.path)
    patch_vary_headers(response, ["Cookie"])
    return response


def shared_max_age(now: datetime | None = None) -> int:
    """How long a CDN may keep a page: NEWSROOM_PAGE_MAX_AGE, but never past the next scheduled
    publication or front lineup, which may change any list."""
    max_age = settings.NEWSROOM_PAGE_MAX_AGE
    for due in (NEXT_PUBLICATION.get(), NEXT_LINEUP.get()):
        if due is not None:
            until_due = (due - (now or timezone.now())).total_seconds()
            max_age = min(max_age, max(0, int(until_due)))
    return max_age


def surrogate_keys(path: str) -> str:
    """The keys a CDN may purge this page by: every page, its section, and the page itself."""
    parts = [part for part in path.split("/") if part]
    keys = [PURGE_EVERY_PAGE]
    if not parts:
        keys.append("front")
    elif parts[0] in SECTIONS:
        keys.append(parts[0])
        if len(parts) > 1:
            keys.append(f"{parts[0]}/{parts[1]}")
    else:
        keys.append(parts[0].removesuffix(".xml"))
    return " ".join(keys)
