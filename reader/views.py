"""The public pages: the front page, stories, tags, people and search."""

from django.conf import settings
from django.db.models import Subquery, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from authors.models import Author
from fronts.lineups import lineup_stories, outside_lineup
from stories.body_rendering import story_body_html
from stories.models import (
    Person,
    Quote,
    Section,
    SitePage,
    SlugRedirect,
    Story,
    StoryAuthor,
    published_tags,
)
from stories.models.bylines import authors_in_print
from stories.models.story import story_tagged_items
from stories.text import split_paragraphs

from .lead_images import social_image
from .pages import CanonicalUrlMixin, meta_description, tag_moved
from .pagination import UncountedPagesMixin
from .quotes_in_body import people_quoted, quotes_in_body
from .related import related_coverage
from .search import RANKED_MATCHES, search_text, story_search
from .share import share_links
from .structured_data import json_ld_script, news_article

PREVIEW_PERMISSION = "stories.view_story"


class EditedFrontMixin:
    """A front: on its first page the stories of its lineup in effect, the lead first, then the
    others newest first; later pages only the others. Editors may put a story of any section on
    a section front; the others are the section's. The tags of both lists are read in one
    query."""

    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE
    paged_by_key = True
    context_object_name = "stories"
    section = None  # the front page's; a section front's view sets its own

    def front_stories(self):
        stories = Story.objects.cards().prefetch_related(None)
        return stories if self.section is None else stories.filter(section=self.section)

    def get_queryset(self):
        return outside_lineup(self.front_stories(), self.section)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first_page = context["page_obj"].number == 1
        stories = Story.objects.cards().prefetch_related(None)
        lineup = list(lineup_stories(stories, self.section)) if first_page else []
        prefetch_related_objects([*lineup, *context["stories"]], "tags")
        context["lineup"] = lineup
        return context


class FrontPageView(EditedFrontMixin, UncountedPagesMixin, CanonicalUrlMixin, ListView):
    template_name = "reader/front.html"


class StoryDetailView(DetailView):
    template_name = "reader/story_detail.html"
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
            moved = SlugRedirect.objects.story_at(
                kwargs["slug"], unpublished_too=self.may_preview()
            )
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())

    def get_context_data(self, **kwargs):
        """The head's description and dates; the canonical address and JSON-LD only for a
        published story, as a preview advertises nothing."""
        context = super().get_context_data(**kwargs)
        story = self.object
        context["meta_description"] = meta_description(story.summary)
        context["last_modified"] = story.modified_at
        quotes = story.quotes.all()
        in_body = quotes_in_body(story_body_html(story), quotes)
        context["story_body"] = in_body.html
        context["quotes_elsewhere"] = in_body.elsewhere
        context["people_quoted"] = people_quoted(quotes)
        context["body_has_video"] = "data-video=" in story.body
        context["related_coverage"] = related_coverage(story)
        context["suggested_stories"] = Story.objects.suggested_for(story)
        if story.lead_image is not None:
            context["social_image"] = social_image(
                story.lead_image, self.request.build_absolute_uri
            )
        if story.is_public:
            site_url = self.request.build_absolute_uri(reverse("stories:front"))
            article = news_article(story, site_url=site_url, site_name=settings.NEWSROOM_SITE_NAME)
            context["canonical_url"] = article["url"]
            context["share_links"] = share_links(article["url"], story.headline)
            context["json_ld"] = json_ld_script(article)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_public:
            response["X-Robots-Tag"] = "noindex, nofollow"
            add_never_cache_headers(response)
        return response


class TagListView(UncountedPagesMixin, CanonicalUrlMixin, ListView):
    template_name = "reader/tag_list.html"
    context_object_name = "tags"
    paginate_by = 200

    def get_queryset(self):
        return published_tags().order_by("name", "pk")


class TagDetailView(UncountedPagesMixin, CanonicalUrlMixin, ListView):
    template_name = "reader/tag_detail.html"
    context_object_name = "stories"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE
    allow_empty = False
    paged_by_key = True

    def get(self, request, *args, **kwargs):
        self.tag = Tag.objects.select_related("profile").filter(slug=kwargs["slug"]).first()
        if self.tag is None:
            return tag_moved(request, kwargs["slug"], "stories:tag_detail")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Story.objects.cards().tagged(self.tag)

    def get_context_data(self, **kwargs):
        description = tag_description(self.tag)
        return super().get_context_data(
            tag=self.tag,
            description_paragraphs=split_paragraphs(description),
            meta_description=meta_description(description),
            **kwargs,
        )


def tag_description(tag: Tag) -> str:
    profile = getattr(tag, "profile", None)
    return profile.description if profile is not None else ""


class PersonListView(UncountedPagesMixin, CanonicalUrlMixin, ListView):
    template_name = "reader/person_list.html"
    context_object_name = "people"
    paginate_by = 200

    def get_queryset(self):
        return Person.objects.quoted().order_by("name", "pk")


class PersonDetailView(UncountedPagesMixin, CanonicalUrlMixin, ListView):
    """A person's quotes, newest first, and on the first page the coverage about them: the
    stories carrying the tag of their name. The person comes with their quotes' rows; only a
    person with no public quote is read on their own."""

    template_name = "reader/person_detail.html"
    context_object_name = "quotes"
    paginate_by = 50
    about_shown = 10

    def get_queryset(self):
        return (
            Quote.objects.public_newest_first()
            .filter(speaker__slug=self.kwargs["slug"])
            .select_related("speaker", "story__lead_image", "first_said__story")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quotes = context["quotes"]
        first_page = context["page_obj"].number == 1
        about = list(stories_about(self.kwargs["slug"])[: self.about_shown]) if first_page else []
        if not quotes and not about:
            raise Http404("No one quoted or covered has this address.")
        person = (
            quotes[0].speaker if quotes else get_object_or_404(Person, slug=self.kwargs["slug"])
        )
        context.update(person=person, stories_about=about)
        return context


def stories_about(person_slug: str):
    """Published stories carrying the tag named as the person, newest first."""
    name = Person.objects.filter(slug=person_slug).values("name")[:1]
    tagged = story_tagged_items().filter(tag__name=Subquery(name)).values("object_id")
    return (
        Story.objects.published()
        .filter(pk__in=tagged)
        .only("headline", "slug", "published_at")
        .order_by("-published_at", "-id")
    )


class SectionDetailView(EditedFrontMixin, UncountedPagesMixin, CanonicalUrlMixin, ListView):
    """A section front: its lineup, then its other stories newest first."""

    template_name = "reader/section_detail.html"

    def get(self, request, *args, **kwargs):
        self.section = get_object_or_404(Section, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            meta_description=meta_description(self.section.description),
            **kwargs,
        )


class AuthorListView(UncountedPagesMixin, CanonicalUrlMixin, ListView):
    template_name = "reader/author_list.html"
    context_object_name = "authors"
    paginate_by = 200

    def get_queryset(self):
        return authors_in_print().select_related("photo").order_by("name", "pk")


class AuthorDetailView(UncountedPagesMixin, CanonicalUrlMixin, ListView):
    """An author's profile and stories, newest first."""

    template_name = "reader/author_detail.html"
    context_object_name = "stories"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE
    paged_by_key = True

    def get(self, request, *args, **kwargs):
        self.author = get_object_or_404(Author.objects.select_related("photo"), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        credited = StoryAuthor.objects.filter(author=self.author).values("story_id")
        return Story.objects.cards().filter(pk__in=credited)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author,
            bio_paragraphs=split_paragraphs(self.author.bio),
            meta_description=meta_description(self.author.bio),
            **kwargs,
        )


class SitePageView(DetailView):
    template_name = "reader/site_page.html"
    context_object_name = "site_page"

    def get_queryset(self):
        return SitePage.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["page_body"] = story_body_html(page)
        context["meta_description"] = meta_description(page.summary)
        context["canonical_url"] = self.request.build_absolute_uri(page.get_absolute_url())
        context["last_modified"] = page.updated_at
        return context


class SearchView(UncountedPagesMixin, ListView):
    template_name = "reader/search.html"
    context_object_name = "results"
    paginate_by = settings.NEWSROOM_STORIES_PER_PAGE

    def get_queryset(self):
        self.query = search_text(self.request.GET.get("q", ""))
        if not self.query:
            return Story.objects.none()
        return story_search(self.query)

    def get_context_data(self, **kwargs):
        match_count = self.object_list.count() if self.query else 0
        return super().get_context_data(
            query=self.query,
            match_count=match_count,
            ranked_matches=RANKED_MATCHES,
            **kwargs,
        )
