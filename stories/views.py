from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from packages.story_page import story_packages

from .models import (
    Person,
    Quote,
    SlugRedirect,
    Story,
    TagRedirect,
    published_q,
)
from .related import suggested_stories
from .search import search_text, story_search
from .structured_data import json_ld_script, news_article
from .text import shorten, split_paragraphs

PREVIEW_PERMISSION = "stories.view_story"
META_DESCRIPTION_LENGTH = 160


def story_cards():
    """Published stories, newest first, with what a story card shows."""
    return Story.objects.published().prefetch_related("tags").order_by("-published_at", "-id")


class CanonicalUrlMixin:
    """Gives the page its ``canonical_url``: its absolute address, with ?page=N past the first
    page and no other query parameter."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        path = self.request.path
        page = context.get("page_obj")
        if page is not None and page.number > 1:
            path += f"?page={page.number}"
        context["canonical_url"] = self.request.build_absolute_uri(path)
        return context


class FrontPageView(CanonicalUrlMixin, ListView):
    template_name = "stories/front.html"
    context_object_name = "stories"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE

    def get_queryset(self):
        return story_cards()


class StoryDetailView(DetailView):
    template_name = "stories/story_detail.html"
    context_object_name = "story"

    def get_queryset(self):
        stories = Story.objects.with_is_published().with_parts()
        return stories if self.may_preview() else stories.published()

    def may_preview(self) -> bool:
        return self.request.user.has_perm(PREVIEW_PERMISSION)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            visible = Story.objects.all() if self.may_preview() else Story.objects.published()
            moved = SlugRedirect.objects.filter(old_slug=kwargs["slug"], story__in=visible)
            redirect = moved.select_related("story").first()
            if redirect is None:
                raise
            return HttpResponsePermanentRedirect(redirect.story.get_absolute_url())

    def get_context_data(self, **kwargs):
        """The head's description and dates; the canonical address and JSON-LD only for a
        published story, as a preview advertises nothing."""
        context = super().get_context_data(**kwargs)
        story = self.object
        context["meta_description"] = shorten(story.summary, META_DESCRIPTION_LENGTH)
        context["last_modified"] = story.modified_at
        context["suggested_stories"] = suggested_stories(story)
        context["story_packages"] = story_packages(story)
        if story.is_public:
            site_url = self.request.build_absolute_uri(reverse("stories:front"))
            article = news_article(story, site_url=site_url, site_name=settings.NEWSROOM_SITE_NAME)
            context["canonical_url"] = article["url"]
            context["json_ld"] = json_ld_script(article)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_public:
            response["X-Robots-Tag"] = "noindex, nofollow"
            add_never_cache_headers(response)
        return response


class TagListView(CanonicalUrlMixin, ListView):
    template_name = "stories/tag_list.html"
    context_object_name = "tags"
    paginate_by = 200

    def get_queryset(self):
        return (
            Tag.objects.filter(published_q("story__"))
            .annotate(story_count=Count("story", distinct=True))
            .order_by("name")
        )


class TagDetailView(CanonicalUrlMixin, ListView):
    template_name = "stories/tag_detail.html"
    context_object_name = "stories"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE
    allow_empty = False

    def get(self, request, *args, **kwargs):
        self.tag = Tag.objects.select_related("profile").filter(slug=kwargs["slug"]).first()
        if self.tag is None:
            return tag_moved(request, kwargs["slug"], "stories:tag_detail")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return story_cards().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        description = tag_description(self.tag)
        return super().get_context_data(
            tag=self.tag,
            description_paragraphs=split_paragraphs(description),
            meta_description=shorten(description, META_DESCRIPTION_LENGTH),
            **kwargs,
        )


def tag_description(tag: Tag) -> str:
    profile = getattr(tag, "profile", None)
    return profile.description if profile is not None else ""


def tag_moved(request, slug: str, url_name: str) -> HttpResponsePermanentRedirect:
    """301 from a tag's old slug to the same page of the tag it became, in one hop."""
    moved = TagRedirect.objects.filter(old_slug=slug).select_related("tag").first()
    if moved is None:
        raise Http404("No tag has this address.")
    url = reverse(url_name, kwargs={"slug": moved.tag.slug})
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def published_quotes():
    return Quote.objects.filter(published_q("story__"), is_fragment=False)


class PersonListView(CanonicalUrlMixin, ListView):
    template_name = "stories/person_list.html"
    context_object_name = "people"
    paginate_by = 200

    def get_queryset(self):
        quoted = Q(quotes__in=published_quotes())
        return (
            Person.objects.filter(quoted)
            .annotate(quote_count=Count("quotes", filter=quoted, distinct=True))
            .order_by("name")
        )


class PersonDetailView(CanonicalUrlMixin, ListView):
    template_name = "stories/person_detail.html"
    context_object_name = "quotes"
    paginate_by = 50
    allow_empty = False

    def get_queryset(self):
        self.person = get_object_or_404(Person, slug=self.kwargs["slug"])
        return (
            published_quotes()
            .filter(speaker=self.person)
            .select_related("story")
            .order_by("-story__published_at", "story_id", "position", "id")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)


class SearchView(ListView):
    template_name = "stories/search.html"
    context_object_name = "results"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE

    def get_queryset(self):
        self.query = search_text(self.request.GET.get("q", ""))
        if not self.query:
            return Story.objects.none()
        return story_search(self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})
