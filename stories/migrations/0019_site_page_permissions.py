"""Editors keep the site pages."""

from django.db import migrations


EDITOR_CODENAMES = ["add_sitepage", "change_sitepage", "delete_sitepage", "view_sitepage"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="stories", codename__in=EDITOR_CODENAMES
    )
    editor, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Editor")
    editor.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="stories", codename__in=EDITOR_CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.filter(name="Editor"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0018_site_pages"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
