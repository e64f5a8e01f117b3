from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from .models import (
    Person,
    Quote,
    RelatedLink,
    SlugRedirect,
    Story,
    is_published_expression,
    published_q,
)

PREVIEW_PERMISSION = "stories.view_story"


def story_cards():
    """Published stories, newest first, with what a story card shows."""
    return Story.objects.published().prefetch_related("tags").order_by("-published_at", "-id")


class FrontPageView(ListView):
    template_name = "stories/front.html"
    context_object_name = "stories"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE

    def get_queryset(self):
        return story_cards()


class StoryDetailView(DetailView):
    template_name = "stories/story_detail.html"
    context_object_name = "story"

    def get_queryset(self):
        stories = Story.objects.with_is_published().prefetch_related(
            "tags",
            Prefetch(
                "quotes",
                queryset=Quote.objects.filter(is_fragment=False).select_related("speaker"),
            ),
            Prefetch(
                "related_links",
                queryset=RelatedLink.objects.select_related("target").annotate(
                    target_is_public=is_published_expression("target__")
                ),
            ),
            "corrections",
            Prefetch(
                "inbound_links",
                queryset=RelatedLink.objects.filter(published_q("story__"))
                .select_related("story")
                .order_by("-story__published_at"),
            ),
        )
        if self.request.user.has_perm(PREVIEW_PERMISSION):
            return stories
        return stories.published()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = SlugRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("story")
            redirect = moved.first()
            if redirect is None:
                raise
            return HttpResponsePermanentRedirect(redirect.story.get_absolute_url())

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_public:
            response["X-Robots-Tag"] = "noindex, nofollow"
            add_never_cache_headers(response)
        return response


class TagListView(ListView):
    template_name = "stories/tag_list.html"
    context_object_name = "tags"
    paginate_by = 200

    def get_queryset(self):
        return (
            Tag.objects.filter(published_q("story__"))
            .annotate(story_count=Count("story", distinct=True))
            .order_by("name")
        )


class TagDetailView(ListView):
    template_name = "stories/tag_detail.html"
    context_object_name = "stories"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE
    allow_empty = False

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return story_cards().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


def published_quotes():
    return Quote.objects.filter(published_q("story__"), is_fragment=False)


class PersonListView(ListView):
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


class PersonDetailView(ListView):
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


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})
