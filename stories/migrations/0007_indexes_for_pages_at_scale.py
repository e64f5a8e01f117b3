"""Indexes that keep pages cheap at a million stories: a speaker's newest quotes, and a tag's
newest stories (on taggit's table, which taggit indexes by tag alone)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_tag_keys"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(fields=["speaker", "story"], name="quote_speaker_story"),
        ),
        migrations.RunSQL(
            "CREATE INDEX stories_tagged_item_tag_story ON taggit_taggeditem (tag_id, object_id)",
            reverse_sql="DROP INDEX stories_tagged_item_tag_story",
        ),
    ]
