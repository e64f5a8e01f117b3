"""The read-only JSON API: published stories as ninjs (see ``api.ninjs``), a person's quotes.

GET /api/                     this index: each endpoint, its address and its parameters
GET /api/stories/             newest first; ?page, ?page_size (1–100), ?tag, ?person, ?since, ?until
GET /api/stories/<slug>/      one story; an old slug answers 301 to the current address
GET /api/people/<slug>/       a person and their quotes in published stories, newest story first

Lists answer ``{"count", "page", "pages", "next", "previous", "items"}``; errors answer
``{"error": "…"}`` with 400 (a bad parameter) or 404 (an unknown story, tag or person — a tag
or person that no published story shows counts as unknown, as on the public pages).
Every 200 carries ``ETag`` and ``Last-Modified`` and a matching conditional request gets 304.
Any origin may read (CORS); other methods than GET, HEAD and OPTIONS get 405.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import EmptyPage, Page
from django.db.models import Count, Max, QuerySet
from django.db.models.functions import Greatest
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from taggit.models import Tag

from stories.body_rendering import body_images
from stories.freshness import until_content_changes
from stories.models import Person, Quote, SlugRedirect, Story, published_tags
from stories.pagination import CountedPaginator

from .forms import PageForm, StoryListForm
from .http import ApiError, etag_of, json_response, once_per_request, read_only_endpoint
from .ninjs import ninjs_story, person_facts, person_quote
from .pagination import envelope

PAST_THE_LAST_PAGE = "page {number} is past the last page, {pages}."


def valid(form: PageForm) -> PageForm:
    if not form.is_valid():
        raise ApiError(400, form.error_message())
    return form


def public_tag(slug: str) -> Tag:
    tag = published_tags().filter(slug=slug).first()
    if tag is None:
        raise ApiError(404, f"No published story has the tag {slug!r}.")
    return tag


def public_person(slug: str) -> Person:
    person = Person.objects.quoted().filter(slug=slug).first()
    if person is None:
        raise ApiError(404, f"No published story quotes a person {slug!r}.")
    return person


@dataclass(frozen=True)
class Listing:
    """One page of a filtered list, and what its ETag and Last-Modified are made of."""

    page: Page
    latest: datetime | None

    @property
    def etag(self) -> str:
        return etag_of(self.page.paginator.count, self.latest)


def listing(form: PageForm, name: str, rows: QuerySet, modified_at: Greatest) -> Listing:
    """The page the form asks for of ``rows`` (ordered), counted with their latest change:
    counted once each time public content changes, for the list ``name`` with its filters."""
    totals = until_content_changes(
        f"api:{name}:{form.filters()}",
        lambda: rows.aggregate(count=Count("pk"), latest=Max(modified_at)),
    )
    paginator = CountedPaginator(rows, form.size(), count=totals["count"])
    number = form.number()
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        message = PAST_THE_LAST_PAGE.format(number=number, pages=paginator.num_pages)
        raise ApiError(400, message) from error
    return Listing(page, totals["latest"])


# --- stories -------------------------------------------------------------------------------


@once_per_request
def story_listing(request) -> Listing:
    form = valid(StoryListForm(request.GET))
    stories = Story.objects.published().filter(form.published_between())
    if (slug := form.cleaned_data["tag"]) is not None:
        stories = stories.tagged(public_tag(slug))
    if (slug := form.cleaned_data["person"]) is not None:
        quoted = Quote.objects.not_fragments().filter(speaker=public_person(slug))
        stories = stories.filter(pk__in=quoted.values("story_id"))
    ordered = stories.with_parts().order_by("-published_at", "-id")
    return listing(form, "stories", ordered, Greatest("published_at", "updated_at"))


@read_only_endpoint(
    etag=lambda request: story_listing(request).etag,
    last_modified=lambda request: story_listing(request).latest,
)
def story_list(request):
    page = story_listing(request).page
    images = body_images(page)
    items = [ninjs_story(story, request.build_absolute_uri, images) for story in page]
    return json_response({**envelope(request, page), "items": items})


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
    moved = SlugRedirect.objects.story_at(slug)
    if moved is None:
        raise ApiError(404, f"No published story at {slug!r}.")
    return HttpResponsePermanentRedirect(reverse("api:story_detail", kwargs={"slug": moved.slug}))


# --- people --------------------------------------------------------------------------------


@once_per_request
def person_listing(request, slug: str) -> tuple[Person, Listing]:
    person = public_person(slug)
    form = valid(PageForm(request.GET))
    quotes = (
        Quote.objects.public()
        .filter(speaker=person)
        .select_related("story")
        .defer("story__body", "story__body_text")
        .order_by("-story__published_at", "story_id", "position", "id")
    )
    modified_at = Greatest("story__published_at", "story__updated_at")
    return person, listing(form, f"person:{person.pk}", quotes, modified_at)


def person_etag(request, slug: str) -> str:
    person, found = person_listing(request, slug)
    return etag_of(found.etag, person.name, person.title, person.handle)


@read_only_endpoint(
    etag=person_etag,
    last_modified=lambda request, slug: person_listing(request, slug)[1].latest,
)
def person_detail(request, slug: str):
    person, found = person_listing(request, slug)
    absolute_url = request.build_absolute_uri
    return json_response(
        {
            "person": person_facts(person, absolute_url),
            **envelope(request, found.page),
            "items": [person_quote(quote, absolute_url) for quote in found.page],
        }
    )


API_VERSION = "1"


def api_index_etag(request) -> str:
    return etag_of(API_VERSION, request.build_absolute_uri("/"))


@read_only_endpoint(etag=api_index_etag, last_modified=lambda request: None)
def api_index(request):
    """What the API offers, so a client starting at /api/ finds every endpoint."""

    def address(name: str, **kwargs) -> str:
        return request.build_absolute_uri(reverse(f"api:{name}", kwargs=kwargs or None))

    def template(name: str, slug_name: str) -> str:
        return address(name, slug="SLUG").replace("SLUG", "{" + slug_name + "}")

    return json_response(
        {
            "name": "Newsroom API",
            "version": API_VERSION,
            "format": "IPTC ninjs 2.1 (https://www.iptc.org/std/ninjs/)",
            "read_only": True,
            "endpoints": {
                "stories": {
                    "href": address("story_list"),
                    "description": "Published stories, newest first, as ninjs items.",
                    "parameters": {
                        "page": "the page number, from 1",
                        "page_size": "stories a page, 1 to 100",
                        "tag": "a tag's slug",
                        "person": "a quoted person's slug",
                        "since": "published at or after this time or day (ISO 8601)",
                        "until": "published at or before this time, or on or before this day",
                    },
                },
                "story": {
                    "href_template": template("story_detail", "slug"),
                    "description": "One published story as a full ninjs item.",
                },
                "person": {
                    "href_template": template("person_detail", "slug"),
                    "description": "A quoted person and their quotes in published stories.",
                },
            },
        }
    )
