"""Bodies become HTML: each plain-text paragraph a <p> (its line breaks <br>), and the plain
text every other use reads is derived from it. Reversed, the HTML turns back into paragraphs
separated by blank lines."""

from django.db import migrations, models

from stories.body_html import body_html, plain_text

BATCH = 1000


def rewrite_bodies(apps, rewrite):
    Story = apps.get_model("stories", "Story")
    batch = []
    for story in Story.objects.only("pk", "body").order_by("pk").iterator(chunk_size=BATCH):
        story.body, story.body_text = rewrite(story.body)
        batch.append(story)
        if len(batch) == BATCH:
            Story.objects.bulk_update(batch, ["body", "body_text"])
            batch = []
    Story.objects.bulk_update(batch, ["body", "body_text"])


def paragraphs_to_html(apps, schema_editor):
    def rewrite(body):
        html = body_html(body)
        return html, plain_text(html)

    rewrite_bodies(apps, rewrite)


def html_to_paragraphs(apps, schema_editor):
    rewrite_bodies(apps, lambda body: (plain_text(body), ""))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0012_story_lead_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="body_text",
            field=models.TextField(
                blank=True,
                default="",
                editable=False,
                help_text="Derived from the body on every save: what search, feeds and counts read.",
                verbose_name="body as plain text",
            ),
        ),
        migrations.AlterField(
            model_name="story",
            name="body",
            field=models.TextField(
                help_text="Paragraphs, subheads, links, lists, quotations and pictures from the image library. Anything else is removed when the story is saved.",
                verbose_name="body",
            ),
        ),
        migrations.RunPython(paragraphs_to_html, html_to_paragraphs, elidable=True),
    ]
