"""The image library in the admin: upload with a preview, alt text and credits, a focal point
set by clicking the picture, and a searchable list with thumbnails that story forms choose from."""

from functools import partial

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Image
from .renditions import ensure_all_stored, largest
from .uploads import ACCEPTED_NAMES, checked_master

THUMBNAIL_WIDTH = 320


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Picture"),
        help_text=_(
            f"A {ACCEPTED_NAMES} file. It is turned upright and stripped of its metadata "
            "(camera, GPS position) before anyone sees it."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "data-image-preview": ""}),
    )

    class Meta:
        model = Image
        fields = [
            "upload",
            "title",
            "alt_text",
            "is_decorative",
            "caption",
            "credit",
            "licence",
            "source_url",
            "focal_x",
            "focal_y",
        ]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
        }
        field_classes = {"source_url": partial(forms.URLField, assume_scheme="https")}

    class Media:
        js = ["media/admin/image_form.js"]
        css = {"all": ["media/admin/image_form.css"]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["upload"].required = False
            self.fields["upload"].label = _("Replace the picture")
        self.master = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.master = checked_master(upload)
        return upload

    def save(self, commit=True):
        if self.master is not None:
            self.instance.keep(self.master)
        return super().save(commit)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "described_as", "credit", "dimensions", "uploaded_at"]
    list_display_links = ["thumbnail", "described_as"]
    list_filter = ["is_decorative", "uploaded_at"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    readonly_fields = ["preview", "dimensions", "file_size", "uploaded_by", "uploaded_at"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["preview", "upload", "focal_x", "focal_y"]}),
        (_("For readers"), {"fields": ["alt_text", "is_decorative", "caption", "credit"]}),
        (_("Rights and source"), {"fields": ["licence", "source_url"]}),
        (
            _("In the library"),
            {"fields": ["title", "dimensions", "file_size", "uploaded_by", "uploaded_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if settings.NEWSROOM_IMAGE_URLS_FROM_STORAGE:
            ensure_all_stored(obj)  # pages link the bucket: nothing there would make them

    @admin.display(description=_("picture"))
    def thumbnail(self, image: Image):
        rendition = largest(image, "4x3", "jpg", at_most=THUMBNAIL_WIDTH)
        return format_html(
            '<img class="image-thumbnail" src="{}" width="{}" height="{}" alt="">',
            rendition.url,
            rendition.width // 2,
            rendition.height // 2,
        )

    @admin.display(description=_("preview"))
    def preview(self, image: Image):
        if not image.pk:
            return _("Choose a picture below: it shows here before you save.")
        rendition = largest(image, "original", "jpg", at_most=640)
        return format_html(
            '<div class="image-preview" data-focal-point>'
            '<img src="{}" width="{}" height="{}" alt="">'
            '<span class="image-preview__focus" data-x="{}" data-y="{}"></span></div>'
            '<p class="help">Click the picture to set its focal point.</p>',
            rendition.url,
            rendition.width,
            rendition.height,
            image.focal_x,
            image.focal_y,
        )

    @admin.display(description=_("described as"), ordering="alt_text")
    def described_as(self, image: Image):
        if image.needs_alt_text:
            return format_html(
                '{} <strong class="needs-alt">{}</strong>', image, _("needs alt text")
            )
        return str(image)

    @admin.display(description=_("size"))
    def dimensions(self, image: Image):
        return f"{image.width} × {image.height}" if image.pk else "–"
