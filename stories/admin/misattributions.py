from ..models import Quote
from ..quote_integrity import same_words_elsewhere


class MisattributionNoticeMixin:
    """The story form says which of its quotes give words to one speaker that another quote
    gives to someone else, until an editor confirms or corrects one (a query, and one more
    only when there are such quotes)."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            doubted = list(Quote.objects.filter(story=obj, attribution_doubted=True))
            elsewhere = same_words_elsewhere(doubted) if doubted else {}
            context["misattributions"] = [(quote, elsewhere.get(quote.pk, [])) for quote in doubted]
        return super().render_change_form(request, context, add, change, form_url, obj)
