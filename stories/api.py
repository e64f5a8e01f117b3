"""The read-only JSON API: published stories as ninjs (see ``stories.ninjs``), a person's quotes.

GET /api/stories/             newest first; ?page, ?page_size (1–100), ?tag, ?person, ?since, ?until
GET /api/stories/<slug>/      one story; an old slug answers 301 to the current address
GET /api/people/<slug>/       a person and their quotes in published stories, newest story first

Lists answer ``{"count", "page", "pages", "next", "previous", "items"}``; errors answer
``{"error": "…"}`` with 400 (a bad parameter) or 404 (an unknown story, tag or person — a tag
or person that no published story shows counts as unknown, as on the public pages).
Every 200 carries ``ETag`` and ``Last-Modified`` and a matching conditional request gets 304.
Any origin may read (CORS); other methods than GET, HEAD and OPTIONS get 405.
"""

import hashlib
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import wraps

from django.conf import settings
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Greatest
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition
from taggit.models import Tag

from .models import (
    Person,
    Quote,
    SlugRedirect,
    Story,
    published_q,
)
from .ninjs import ninjs_story, person_facts, person_quote

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
DEFAULT_PAGE_SIZE = settings.NEWSROOM_STORIES_PER_PAGE
MAX_PAGE_SIZE = 100
EARLIEST_YEAR, LATEST_YEAR = 1000, 9000  # beyond these, time zone arithmetic overflows
READ_METHODS = ("GET", "HEAD")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
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
                response = json_response({"error": "This API is read-only: use GET."}, 405)
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


# --- query parameters --------------------------------------------------------------------


def whole_number(request, name: str, default: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()):
        raise ApiError(400, f"{name} must be a whole number; got {raw!r}.")
    return int(raw)


def page_size(request) -> int:
    size = whole_number(request, "page_size", DEFAULT_PAGE_SIZE)
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ApiError(400, f"page_size must be from 1 to {MAX_PAGE_SIZE}; got {size}.")
    return size


def page_number(request) -> int:
    number = whole_number(request, "page", 1)
    if number < 1:
        raise ApiError(400, "page starts at 1.")
    return number


def moment(request, name: str) -> date | datetime | None:
    """An ISO 8601 date or datetime; one without a time zone is in the site's."""
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        value = parse_date(raw) or parse_datetime(raw)
    except ValueError:
        value = None
    if value is None:
        raise ApiError(
            400,
            f"{name} must be an ISO 8601 date (2024-05-01) or date and time "
            f"(2024-05-01T14:30:00Z, 2024-05-01T16:30:00%2B02:00); got {raw!r}.",
        )
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ApiError(400, f"{name} is out of range; got {raw!r}.")
    if isinstance(value, datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def published_between(request) -> Q:
    """``since`` and ``until`` as a filter on published_at; a date means the whole day."""
    since, until = moment(request, "since"), moment(request, "until")
    window = Q()
    if isinstance(since, datetime):
        window &= Q(published_at__gte=since)
    elif since is not None:
        window &= Q(published_at__gte=start_of_day(since))
    if isinstance(until, datetime):
        window &= Q(published_at__lte=until)
    elif until is not None:
        window &= Q(published_at__lt=start_of_day(until + timedelta(days=1)))
    return window


def public_tag(slug: str) -> Tag:
    tag = Tag.objects.filter(published_q("story__"), slug=slug).first()
    if tag is None:
        raise ApiError(404, f"No published story has the tag {slug!r}.")
    return tag


def public_person(slug: str) -> Person:
    person = Person.objects.filter(
        published_q("quotes__story__"), slug=slug, quotes__is_fragment=False
    ).first()
    if person is None:
        raise ApiError(404, f"No published story quotes a person {slug!r}.")
    return person


# --- pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageSpan:
    number: int
    size: int
    count: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.size))

    def of(self, rows: QuerySet) -> QuerySet:
        start = (self.number - 1) * self.size
        return rows[start : start + self.size]

    def envelope(self, request) -> dict:
        return {
            "count": self.count,
            "page": self.number,
            "pages": self.pages,
            "next": page_url(request, self.number + 1) if self.number < self.pages else None,
            "previous": page_url(request, self.number - 1) if self.number > 1 else None,
        }


def page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@dataclass(frozen=True)
class Listing:
    """One page of a filtered list, and what its ETag and Last-Modified are made of."""

    rows: QuerySet
    span: PageSpan
    latest: datetime | None

    @property
    def etag(self) -> str:
        return etag_of(self.span.count, self.latest)


def listing(request, rows: QuerySet, modified_at: Greatest) -> Listing:
    size, number = page_size(request), page_number(request)
    totals = rows.aggregate(count=Count("pk"), latest=Max(modified_at))
    span = PageSpan(number, size, totals["count"])
    if span.number > span.pages:
        raise ApiError(400, f"page {span.number} is past the last page, {span.pages}.")
    return Listing(rows, span, totals["latest"])


# --- stories -------------------------------------------------------------------------------


@once_per_request
def story_listing(request) -> Listing:
    stories = Story.objects.published().filter(published_between(request))
    if (slug := request.GET.get("tag")) is not None:
        stories = stories.filter(tags=public_tag(slug))
    if (slug := request.GET.get("person")) is not None:
        quoted = Quote.objects.filter(speaker=public_person(slug), is_fragment=False)
        stories = stories.filter(pk__in=quoted.values("story_id"))
    return listing(request, stories, Greatest("published_at", "updated_at"))


@read_only_endpoint(
    etag=lambda request: story_listing(request).etag,
    last_modified=lambda request: story_listing(request).latest,
)
def story_list(request):
    found = story_listing(request)
    stories = found.span.of(found.rows.with_parts().order_by("-published_at", "-id"))
    items = [ninjs_story(story, request.build_absolute_uri) for story in stories]
    return json_response({**found.span.envelope(request), "items": items})


@once_per_request
def story_stamp(request, slug: str) -> dict | None:
    return (
        Story.objects.published()
        .filter(slug=slug)
        .values("pk", "version", "published_at", "updated_at")
        .first()
    )


def story_etag(request, slug: str) -> str | None:
    stamp = story_stamp(request, slug)
    return stamp and etag_of(stamp["pk"], stamp["version"], stamp["updated_at"])


def story_last_modified(request, slug: str) -> datetime | None:
    stamp = story_stamp(request, slug)
    return stamp and max(stamp["published_at"], stamp["updated_at"])


@read_only_endpoint(etag=story_etag, last_modified=story_last_modified)
def story_detail(request, slug: str):
    story = Story.objects.published().with_parts().filter(slug=slug).first()
    if story is not None:
        return json_response(ninjs_story(story, request.build_absolute_uri))
    moved = SlugRedirect.objects.filter(published_q("story__"), old_slug=slug)
    redirect = moved.select_related("story").first()
    if redirect is None:
        raise ApiError(404, f"No published story at {slug!r}.")
    return HttpResponsePermanentRedirect(
        reverse("api:story_detail", kwargs={"slug": redirect.story.slug})
    )


# --- people --------------------------------------------------------------------------------


@once_per_request
def person_listing(request, slug: str) -> tuple[Person, Listing]:
    person = public_person(slug)
    quotes = Quote.objects.filter(published_q("story__"), speaker=person, is_fragment=False)
    return person, listing(request, quotes, Greatest("story__published_at", "story__updated_at"))


def person_etag(request, slug: str) -> str:
    person, found = person_listing(request, slug)
    return etag_of(found.etag, person.name, person.title, person.handle)


@read_only_endpoint(
    etag=person_etag,
    last_modified=lambda request, slug: person_listing(request, slug)[1].latest,
)
def person_detail(request, slug: str):
    person, found = person_listing(request, slug)
    quotes = found.span.of(
        found.rows.select_related("story")
        .defer("story__body")
        .order_by("-story__published_at", "story_id", "position", "id")
    )
    absolute_url = request.build_absolute_uri
    return json_response(
        {
            "person": person_facts(person, absolute_url),
            **found.span.envelope(request),
            "items": [person_quote(quote, absolute_url) for quote in quotes],
        }
    )
