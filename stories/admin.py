from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from .forms import ParsedQuoteForm, ParsedQuoteFormSet, ParsedStoryForm, RawArticleForm, kept_quotes
from .importer import ArticleError
from .models import Person, Quote, RelatedLink, Story
from .services import article_import, parse_with_vocabulary, related_links_resolve

# Django 6 makes https the default scheme of typed-in addresses; say so now.
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class QuoteInline(admin.StackedInline):
    formfield_overrides = HTTPS_URL_FIELDS
    model = Quote
    view_on_site = False
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [
        ("speaker", "position"),
        "text",
        ("context", "said_on"),
        "source_url",
        ("is_featured", "is_fragment"),
    ]


class RelatedLinkInline(admin.TabularInline):
    formfield_overrides = HTTPS_URL_FIELDS
    model = RelatedLink
    fk_name = "story"
    extra = 0
    autocomplete_fields = ["target"]
    fields = ["position", "title", "target", "url"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = [
        "headline",
        "status",
        "published_at",
        "is_developing",
        "tag_names",
        "updated_at",
    ]
    list_filter = ["status", "is_developing", "tags", "published_at"]
    search_fields = ["headline", "dek", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [QuoteInline, RelatedLinkInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "body", "tags"]}),
        (_("Credit"), {"fields": ["byline", "outlet", "source_url"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "is_developing", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        related_links_resolve(story=obj)

    def get_urls(self):
        import_view = self.admin_site.admin_view(self.import_article_view)
        return [path("import/", import_view, name="stories_story_import"), *super().get_urls()]

    def import_article_view(self, request):
        """Paste or upload raw text, check and correct what was found, save it as a draft."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        raw_form, story_form, quote_forms = RawArticleForm(), None, None
        if request.method == "POST" and "save" in request.POST:
            story_form = ParsedStoryForm(request.POST)
            quote_forms = ParsedQuoteFormSet(request.POST, prefix="quotes")
            if story_form.is_valid() and quote_forms.is_valid():
                parsed = story_form.to_article(kept_quotes(quote_forms))
                try:
                    result = article_import(parsed=parsed)
                except ValidationError as error:
                    story_form.add_error(None, " ".join(error.messages))
                else:
                    return self.imported(request, result)
        elif request.method == "POST":
            raw_form = RawArticleForm(request.POST, request.FILES)
            if raw_form.is_valid():
                try:
                    parsed = parse_with_vocabulary(raw_form.cleaned_data["raw_text"])
                except ArticleError as error:
                    raw_form.add_error(None, str(error).capitalize() + ".")
                else:
                    story_form = ParsedStoryForm(initial=ParsedStoryForm.initial_from(parsed))
                    quote_forms = ParsedQuoteFormSet(
                        initial=[ParsedQuoteForm.initial_from(q) for q in parsed.quotes],
                        prefix="quotes",
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import article"),
            "raw_form": raw_form,
            "story_form": story_form,
            "quote_forms": quote_forms,
        }
        return TemplateResponse(request, "admin/stories/story/import.html", context)

    def imported(self, request, result):
        story = result.story
        if result.created:
            self.log_addition(request, story, [{"added": {}}])
        else:
            self.log_change(request, story, [{"changed": {"fields": ["imported text"]}}])
        verb = _("Imported") if result.created else _("Updated")
        quotes = story.quotes.count()
        messages.success(
            request, f"{verb} “{story.headline}” with {quotes} quotes. Check it, then publish."
        )
        return redirect(reverse("admin:stories_story_change", args=[story.pk]))

    @admin.display(description=_("tags"))
    def tag_names(self, story):
        return ", ".join(tag.name for tag in story.tags.all())


class PersonQuoteInline(admin.TabularInline):
    model = Quote
    fk_name = "speaker"
    view_on_site = False
    extra = 0
    autocomplete_fields = ["story"]
    fields = ["story", "text", "context", "said_on", "position"]
    verbose_name_plural = _("quotes by this person")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "quote_count"]
    search_fields = ["name", "aliases", "title"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonQuoteInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, person):
        return person.quote_count


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ["__str__", "speaker", "story", "said_on", "is_featured", "is_fragment"]
    list_filter = ["is_featured", "is_fragment", "said_on"]
    list_select_related = ["speaker", "story"]
    search_fields = ["text", "context", "speaker__name", "story__headline"]
    autocomplete_fields = ["story", "speaker"]


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    """taggit's tag admin (search, merge action) with story counts and no raw tagged-item rows."""

    inlines = []
    list_display = ["name", "slug", "story_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("story"))

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, tag):
        return tag.story_count
