from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from taggit.forms import TagWidget
from taggit.utils import parse_tags

from ..models import Person
from ..tag_suggestions import suggested_tags


class SuggestingTagWidget(TagWidget):
    """The tags field, with buttons for the existing tags that fit the story."""

    template_name = "stories/widgets/suggesting_tag_input.html"

    class Media:
        js = ["stories/admin/tag_suggestions.js"]

    def __init__(self, attrs=None, *, suggestions=(), suggestions_url=""):
        super().__init__(attrs)
        self.suggestions = list(suggestions)
        self.suggestions_url = suggestions_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggestions"] = self.suggestions
        context["widget"]["suggestions_url"] = self.suggestions_url
        return context


class TagSuggestionsMixin:
    """Suggests existing tags on the story form, and again whenever the headline changes."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("tags")
        if field is not None:
            field.widget = SuggestingTagWidget(
                field.widget.attrs,
                suggestions=self.tags_for(obj) if obj else (),
                suggestions_url=reverse("admin:stories_story_tag_suggestions"),
            )
        return form

    def tags_for(self, story):
        return suggested_tags(
            headline=story.headline,
            speakers=Person.objects.filter(quotes__story=story).distinct(),
            current=[tag.name for tag in story.tags.all()],
        )

    def get_urls(self):
        suggestions = self.admin_site.admin_view(self.tag_suggestions_view)
        return [
            path("tag-suggestions/", suggestions, name="stories_story_tag_suggestions"),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        try:
            current = parse_tags(request.GET.get("tags", ""))
        except ValueError:
            current = []
        tags = suggested_tags(
            headline=request.GET.get("headline", ""), speakers=(), current=current
        )
        return JsonResponse({"tags": [tag.name for tag in tags]})
