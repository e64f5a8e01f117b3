"""Editors order the fronts; reporters see their lineups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER_CODENAMES = ["view_lineup", "view_lineupslot"]


def lineup_permissions(apps):
    app_config = apps.get_app_config("fronts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(content_type__app_label="fronts")


def grant(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permissions = lineup_permissions(apps)
    editor, _ = group_model.objects.get_or_create(name="Editor")
    editor.permissions.add(*permissions)
    reporter, _ = group_model.objects.get_or_create(name="Reporter")
    reporter.permissions.add(*permissions.filter(codename__in=REPORTER_CODENAMES))


def revoke(apps, schema_editor):
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="fronts"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Reporter"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("fronts", "0001_initial"),
        ("stories", "0017_authors_and_sections_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
