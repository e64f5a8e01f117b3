from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from importing.forms import (
    ParsedQuoteForm,
    ParsedQuoteFormSet,
    ParsedStoryForm,
    RawArticleForm,
    kept_quotes,
)
from importing.parsing import ArticleError
from importing.services import article_import, parse_with_vocabulary


class ImportArticleMixin:
    """The story list's "Import article" page: paste or upload raw copy, correct it, save."""

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
                    result = article_import(parsed=parsed, user=request.user)
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
