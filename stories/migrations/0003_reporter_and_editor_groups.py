"""The Reporter and Editor groups with their permissions.

Reporters write, edit, submit and delete drafts; editors may also publish, schedule, unpublish, delete
and correct. What each may do with a story's status is enforced in stories/workflow.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER = {
    "stories": [
        "add_story",
        "change_story",
        "delete_story",
        "view_story",
        "add_quote",
        "change_quote",
        "delete_quote",
        "view_quote",
        "add_relatedlink",
        "change_relatedlink",
        "delete_relatedlink",
        "view_relatedlink",
        "add_person",
        "change_person",
        "view_person",
        "view_correction",
    ],
    "taggit": ["add_tag", "view_tag", "add_taggeditem", "change_taggeditem", "delete_taggeditem"],
}
EDITOR_APPS = ["stories", "taggit"]  # every permission of these apps


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    reporter, _ = group_model.objects.get_or_create(name="Reporter")
    for app_label, codenames in REPORTER.items():
        reporter.permissions.add(
            *permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
    editor, _ = group_model.objects.get_or_create(name="Editor")
    editor.permissions.add(
        *permission_model.objects.filter(content_type__app_label__in=EDITOR_APPS)
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Reporter", "Editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
