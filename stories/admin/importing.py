from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from importing.forms import (
    ParsedQuoteForm,
    ParsedQuoteFormSet,
    ParsedStoryForm,
    RawArticleForm,
    kept_quotes,
)
from importing.parsing import ArticleError
from importing.quotes_from_body import quotes_keep, quotes_proposed, speakers_matched
from importing.services import article_import, parse_with_vocabulary

from ..models import Story

FIND_QUOTES_BUTTON = "_find_quotes"
CHANGED_SINCE_OPENED = _(
    "The story was changed since this page was opened: nothing was added. Here are the quotes "
    "in its body now."
)


def quote_rows(quote_forms) -> list:
    """Each quote's form with the existing person its speaker means (None: a new person)."""
    if quote_forms is None:
        return []
    speakers = [(form["speaker"].value() or "").strip() for form in quote_forms]
    return list(zip(quote_forms, speakers_matched(speakers), strict=True))


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
            "rows": quote_rows(quote_forms),
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


class OpenedVersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class FindQuotesMixin:
    """The story form's "Find quotes in the body": saves the form, then proposes the quotes the
    importer's attribution finds in the body, for the reporter to keep, correct or discard."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.find_quotes_view)
        return [
            path("<int:story_id>/find-quotes/", view, name="stories_story_find_quotes"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["find_quotes_button"] = FIND_QUOTES_BUTTON
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        if FIND_QUOTES_BUTTON in request.POST:
            return redirect("admin:stories_story_find_quotes", obj.pk)
        return super().response_change(request, obj)

    def find_quotes_view(self, request, story_id):
        story = get_object_or_404(Story, pk=story_id)
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        if request.method == "POST":
            opened = OpenedVersionForm(request.POST)
            quote_forms = ParsedQuoteFormSet(request.POST, prefix="quotes")
            if opened.is_valid() and quote_forms.is_valid():
                if opened.cleaned_data["version"] == story.version:
                    return self.quotes_kept(request, story, kept_quotes(quote_forms))
                messages.error(request, CHANGED_SINCE_OPENED)
                opened, quote_forms = self.quotes_proposed_forms(story)
        else:
            opened, quote_forms = self.quotes_proposed_forms(story)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": story,
            "title": _("Quotes in the body of “%s”") % story.headline,
            "opened": opened,
            "quote_forms": quote_forms,
            "rows": quote_rows(quote_forms),
        }
        return TemplateResponse(request, "admin/stories/story/find_quotes.html", context)

    @staticmethod
    def quotes_proposed_forms(story):
        initial = [ParsedQuoteForm.initial_from(found) for found in quotes_proposed(story)]
        opened = OpenedVersionForm(initial={"version": story.version})
        return opened, ParsedQuoteFormSet(initial=initial, prefix="quotes")

    def quotes_kept(self, request, story, quotes):
        added = quotes_keep(story, quotes, user=request.user) if quotes else []
        if added:
            change = [{"added": {"name": "quote", "object": str(quote)}} for quote in added]
            self.log_change(request, story, change)
        count = len(added)
        message = ngettext(
            "%(count)d quote added from the body.", "%(count)d quotes added from the body.", count
        )
        messages.success(request, message % {"count": count})
        return redirect(reverse("admin:stories_story_change", args=[story.pk]))
