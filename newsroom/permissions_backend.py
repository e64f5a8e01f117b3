"""Django's model backend, reading a user's own and their groups' permissions in one query
rather than two: every admin page asks for them."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class PermissionsInOneQueryBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = {
                f"{app_label}.{codename}" for app_label, codename in held_by(user_obj)
            }
        return user_obj._perm_cache


def held_by(user):
    named = ("content_type__app_label", "codename")
    permissions = Permission.objects.order_by()
    if user.is_superuser:
        return permissions.values_list(*named)
    own = permissions.filter(user=user).values_list(*named)
    through_groups = permissions.filter(group__user=user).values_list(*named)
    return own.union(through_groups)
