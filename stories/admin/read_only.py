class ReadOnlyAdminMixin:
    """A record nobody edits in the admin: it can be listed and read, never added, changed or
    deleted there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
