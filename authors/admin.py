from django.contrib import admin
from reversion.admin import VersionAdmin

from .models import Author


@admin.register(Author)
class AuthorAdmin(VersionAdmin):
    list_display = ["name", "role", "email", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "role", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]
    fields = ["name", "slug", "role", "bio", "photo", "email", "links", "user"]
