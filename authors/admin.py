from django.contrib import admin
from reversion.admin import VersionAdmin

from .models import Author

EDITOR_PERMISSION = "stories.publish_story"


def can_change_author(user, author: Author | None) -> bool:
    """Reporters change their own profile and those of no staff account (guest and wire
    writers); a colleague's profile, and which account a profile belongs to, are editors'."""
    if not user.has_perm("authors.change_author"):
        return False
    if author is None or user.has_perm(EDITOR_PERMISSION):
        return True
    return author.user_id in (None, user.pk)


@admin.register(Author)
class AuthorAdmin(VersionAdmin):
    list_display = ["name", "role", "email", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "role", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]
    fields = ["name", "slug", "role", "bio", "photo", "email", "links", "user"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and can_change_author(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        if request.user.has_perm(EDITOR_PERMISSION):
            return []
        return ["user"]
