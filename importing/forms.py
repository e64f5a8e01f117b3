"""Forms of the admin's "Import article" page: raw text in, a corrected parsed story out."""

from types import SimpleNamespace

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags, parse_tags

from stories.tagging import name_problems
from stories.text import split_paragraphs

from .parsing import ArticleError, ParsedArticle, ParsedQuote, decode_article

PASTE_OR_UPLOAD = _("Paste the article's text or choose a .txt file.")


class RawArticleForm(forms.Form):
    text = forms.CharField(
        label=_("Raw text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text=_("First line: the headline. Paragraphs separated by blank lines."),
    )
    upload = forms.FileField(label=_("or a file"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("upload"), cleaned.get("text")
        if upload:
            raw = upload.read()
        elif text and text.strip():
            raw = text.encode("utf-8")
        else:
            raise forms.ValidationError(PASTE_OR_UPLOAD)
        try:
            cleaned["raw_text"] = decode_article(raw)
        except ArticleError as error:
            raise forms.ValidationError(str(error).capitalize() + ".") from error
        return cleaned


class ParsedStoryForm(forms.Form):
    headline = forms.CharField(max_length=255, widget=forms.TextInput(attrs={"size": 100}))
    published_on = forms.DateField(required=False, help_text=_("YYYY-MM-DD"))
    is_developing = forms.BooleanField(required=False, label=_("Developing story"))
    tags = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"size": 100}),
        help_text=_("Comma-separated; quote a name that has a comma."),
    )
    related = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 100}),
        help_text=_("Related headlines, one per line."),
    )
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 12, "cols": 100}))

    def clean_tags(self) -> str:
        try:
            names = parse_tags(self.cleaned_data["tags"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        if problems := name_problems(names):
            raise forms.ValidationError(problems)
        return self.cleaned_data["tags"]

    @classmethod
    def initial_from(cls, article: ParsedArticle) -> dict:
        return {
            "headline": article.headline,
            "published_on": article.published_on,
            "is_developing": article.is_developing,
            "tags": edit_string_for_tags_names(article.tags),
            "related": "\n".join(article.related),
            "body": article.body,
        }

    def to_article(self, quotes: list[ParsedQuote]) -> ParsedArticle:
        data = self.cleaned_data
        return ParsedArticle(
            headline=data["headline"].strip(),
            published_on=data["published_on"],
            paragraphs=split_paragraphs(data["body"]),
            related=[line.strip() for line in data["related"].splitlines() if line.strip()],
            tags=parse_tags(data["tags"]),
            is_developing=data["is_developing"],
            quotes=quotes,
        )


class ParsedQuoteForm(forms.Form):
    keep = forms.BooleanField(required=False, initial=True)
    speaker = forms.CharField(max_length=200)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))
    context = forms.CharField(max_length=255, required=False)
    said_on = forms.DateField(required=False)
    is_fragment = forms.BooleanField(required=False, label=_("Fragment"))
    handle = forms.CharField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(required=False, widget=forms.HiddenInput)

    @staticmethod
    def initial_from(quote: ParsedQuote) -> dict:
        return {
            "keep": True,
            "speaker": quote.speaker,
            "text": quote.text,
            "context": quote.context,
            "said_on": quote.said_on,
            "is_fragment": quote.is_fragment,
            "handle": quote.handle,
            "title": quote.title,
        }

    def to_quote(self) -> ParsedQuote:
        data = self.cleaned_data
        return ParsedQuote(
            text=data["text"].strip(),
            speaker=data["speaker"].strip(),
            context=data["context"].strip(),
            said_on=data["said_on"],
            is_fragment=data["is_fragment"],
            handle=data["handle"],
            title=data["title"],
        )


ParsedQuoteFormSet = forms.formset_factory(ParsedQuoteForm, extra=0)


def edit_string_for_tags_names(names: list[str]) -> str:
    """taggit's tag-editing string ("News, "2020 Election"") for plain names."""
    return edit_string_for_tags([SimpleNamespace(name=name) for name in names])


def kept_quotes(formset) -> list[ParsedQuote]:
    return [form.to_quote() for form in formset if form.cleaned_data.get("keep")]
