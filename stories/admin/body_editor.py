"""The story body's rich-text editor in the admin: django-prose-editor (ProseMirror), bundled
in its package so it needs no network, with the site's own preset
(static/stories/admin/body_editor.js) offering what the allow-list of ``stories.body_html``
keeps. The server sanitizes every save whatever the editor sends."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django_prose_editor.widgets import (
    AdminProseEditorWidget,
    prose_editor_admin_media,
    prose_editor_js,
)
from js_asset import Media, Script

from media.models import Image
from media.renditions import largest, served_prefix

from ..body_html import FIGURE, body_html, body_image_ids, plain_text

PRESET = "newsroom"
IMAGES_LISTED = 24
MAX_SEARCH_WORDS = 8


class BodyEditorWidget(AdminProseEditorWidget):
    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, preset=PRESET)

    def get_config(self):
        return {
            "imageSearch": reverse("admin:stories_story_body_images"),
            "imagePreview": served_prefix(),
        }

    @property
    def media(self):
        return prose_editor_admin_media + Media(
            js=[prose_editor_js, Script("stories/admin/body_editor.js", type="module")],
            css={"all": ["stories/admin/body_editor.css"]},
        )


class BodyField(forms.CharField):
    """The body as the story will store it: sanitized, plain text turned into paragraphs, so
    the form compares and shows what a save keeps."""

    widget = BodyEditorWidget

    def clean(self, value):
        cleaned = body_html(super().clean(value) or "")
        if self.required and not (plain_text(cleaned) or FIGURE.search(cleaned)):
            raise forms.ValidationError(self.error_messages["required"], code="required")
        held = body_image_ids(cleaned)
        if missing := held - set(Image.objects.filter(pk__in=held).values_list("pk", flat=True)):
            raise forms.ValidationError(
                _("The body holds a picture the image library does not have (number %(numbers)s).")
                % {"numbers": ", ".join(map(str, sorted(missing)))},
                code="unknown_image",
            )
        return cleaned


class BodyEditorMediaMixin:
    """An admin whose form has the editor: its media with the CSP nonce the editor's import
    map (an inline script) needs."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)


class BodyEditorMixin(BodyEditorMediaMixin):
    """The story admin's side of the editor: the media, and the image library searched from
    the editor (for every form with the editor)."""

    def get_urls(self):
        search = self.admin_site.admin_view(self.body_images_view)
        return [
            path("body-images/", search, name="stories_story_body_images"),
            *super().get_urls(),
        ]

    def body_images_view(self, request):
        if not request.user.has_perm("media.view_image"):
            raise PermissionDenied
        return JsonResponse({"results": [image_choice(image) for image in images_found(request)]})


def images_found(request) -> list[Image]:
    """The newest library images whose title, alt text, caption or credit hold every word
    asked for."""
    images = Image.objects.order_by("-uploaded_at", "-pk")
    for word in request.GET.get("q", "").split()[:MAX_SEARCH_WORDS]:
        images = images.filter(
            Q(title__icontains=word)
            | Q(alt_text__icontains=word)
            | Q(caption__icontains=word)
            | Q(credit__icontains=word)
        )
    return list(images[:IMAGES_LISTED])


def image_choice(image: Image) -> dict:
    thumbnail = largest(image, "original", "jpg", at_most=320)
    return {
        "id": image.pk,
        "label": str(image),
        "alt": image.alt_text,
        "needsAltText": image.needs_alt_text,
        "thumbnail": thumbnail.url,
    }
