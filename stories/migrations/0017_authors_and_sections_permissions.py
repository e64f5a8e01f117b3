"""Editors keep the author profiles and the sections; reporters add and edit author profiles
(a guest writer's, their own), credit authors on their stories and see the sections."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER = {
    "authors": ["add_author", "change_author", "view_author"],
    "stories": [
        "add_storyauthor",
        "change_storyauthor",
        "delete_storyauthor",
        "view_storyauthor",
        "view_section",
    ],
}
EDITOR = {
    "authors": ["add_author", "change_author", "delete_author", "view_author"],
    "stories": [
        "add_storyauthor",
        "change_storyauthor",
        "delete_storyauthor",
        "view_storyauthor",
        "add_section",
        "change_section",
        "delete_section",
        "view_section",
    ],
}


def permissions(apps, granted: dict):
    for label in granted:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    permission_model = apps.get_model("auth", "Permission")
    return [
        permission
        for label, codenames in granted.items()
        for permission in permission_model.objects.filter(
            content_type__app_label=label, codename__in=codenames
        )
    ]


def grant(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name, granted in (("Reporter", REPORTER), ("Editor", EDITOR)):
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.add(*permissions(apps, granted))


def revoke(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name, granted in (("Reporter", REPORTER), ("Editor", EDITOR)):
        group = group_model.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*permissions(apps, granted))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0016_authors_and_sections"),
        ("authors", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
