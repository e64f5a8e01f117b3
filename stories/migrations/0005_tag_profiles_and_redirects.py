"""Tag descriptions, old tag addresses and the record of tag merges and renames.

Editors get every permission on them; reporters may look at descriptions and the record.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

NEW_MODELS = ["tagprofile", "tagredirect", "tagchange"]
REPORTER_CODENAMES = ["view_tagprofile", "view_tagchange"]


def new_model_permissions(apps):
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="stories", content_type__model__in=NEW_MODELS
    )


def grant(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permissions = new_model_permissions(apps)
    editor, _ = group_model.objects.get_or_create(name="Editor")
    editor.permissions.add(*permissions)
    reporter, _ = group_model.objects.get_or_create(name="Reporter")
    reporter.permissions.add(*permissions.filter(codename__in=REPORTER_CODENAMES))


def revoke(apps, schema_editor):
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="stories", content_type__model__in=NEW_MODELS
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Reporter"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0004_search_vector"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="TagChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("merge", "Merge"), ("rename", "Rename")],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "old_names",
                    models.TextField(help_text="One per line.", verbose_name="old names"),
                ),
                (
                    "old_slugs",
                    models.TextField(help_text="One per line.", verbose_name="old slugs"),
                ),
                ("new_name", models.CharField(max_length=100, verbose_name="new name")),
                ("new_slug", models.CharField(max_length=100, verbose_name="new slug")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="time"),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        blank=True,
                        help_text="The tag that was renamed, or the one the others were merged into.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="changes",
                        to="taggit.tag",
                        verbose_name="tag",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag change",
                "verbose_name_plural": "tag changes",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="TagProfile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="Plain text, shown on the tag's page and to search engines. Separate paragraphs with a blank line.",
                        verbose_name="description",
                    ),
                ),
                (
                    "is_featured",
                    models.BooleanField(
                        default=False,
                        help_text="Listed in the site's navigation.",
                        verbose_name="featured",
                    ),
                ),
                (
                    "position",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Order among the featured tags, lowest first.",
                        verbose_name="position",
                    ),
                ),
                (
                    "tag",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="profile",
                        to="taggit.tag",
                        verbose_name="tag",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag description",
                "verbose_name_plural": "tag descriptions",
                "ordering": ["position", "tag__name"],
            },
        ),
        migrations.CreateModel(
            name="TagRedirect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "old_slug",
                    models.SlugField(
                        allow_unicode=True, max_length=100, unique=True, verbose_name="old slug"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="redirects",
                        to="taggit.tag",
                        verbose_name="tag",
                    ),
                ),
            ],
            options={
                "verbose_name": "old tag address",
                "verbose_name_plural": "old tag addresses",
                "ordering": ["-created_at"],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
