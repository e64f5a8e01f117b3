"""Permissions come from one query, and are the ones Django's model backend gives."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.permissions_backend import PermissionsInOneQueryBackend

pytestmark = pytest.mark.django_db


def permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="stories", codename=codename)


@pytest.fixture
def desk_member(django_user_model):
    user = django_user_model.objects.create_user("member", password="x", is_staff=True)
    user.user_permissions.add(permission("view_story"))
    desk = Group.objects.create(name="Desk")
    desk.permissions.add(permission("change_story"), permission("view_story"))
    user.groups.add(desk)
    return django_user_model.objects.get(pk=user.pk)


def test_own_and_group_permissions_are_read_in_one_query(desk_member):
    with CaptureQueriesContext(connection) as captured:
        held = PermissionsInOneQueryBackend().get_all_permissions(desk_member)
        assert desk_member.has_perm("stories.change_story")
    assert held == {"stories.view_story", "stories.change_story"}
    assert len(captured) == 1


@pytest.mark.parametrize("superuser", [False, True])
def test_the_permissions_are_those_of_djangos_model_backend(desk_member, superuser):
    desk_member.is_superuser = superuser
    assert PermissionsInOneQueryBackend().get_all_permissions(
        desk_member
    ) == ModelBackend().get_all_permissions(desk_member)


def test_inactive_users_and_object_permissions_hold_nothing(desk_member):
    backend = PermissionsInOneQueryBackend()
    assert backend.get_all_permissions(desk_member, obj=object()) == set()
    desk_member.is_active = False
    assert backend.get_all_permissions(desk_member) == set()
    assert not backend.has_perm(desk_member, "stories.view_story")
