import django.contrib.postgres.search
from django.db import migrations

# The GIN index exists on PostgreSQL only, so it is created here rather than declared on the
# model, where SQLite would be asked to build it too.
CREATE_INDEX = "CREATE INDEX story_search_vector_gin ON stories_story USING gin (search_vector)"
DROP_INDEX = "DROP INDEX IF EXISTS story_search_vector_gin"
FILL_VECTORS = """
UPDATE stories_story SET search_vector =
    setweight(to_tsvector(%(config)s::regconfig, coalesce(headline, '')), 'A')
    || setweight(to_tsvector(%(config)s::regconfig, coalesce((
        SELECT string_agg(quote.text || ' ' || person.name, E'\\n')
        FROM stories_quote quote JOIN stories_person person ON person.id = quote.speaker_id
        WHERE quote.story_id = stories_story.id
    ), '')), 'B')
    || setweight(to_tsvector(%(config)s::regconfig, coalesce(dek, '')), 'C')
    || setweight(to_tsvector(%(config)s::regconfig, coalesce(body, '')), 'D')
"""


def index_and_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.conf import settings

    schema_editor.execute(CREATE_INDEX)
    schema_editor.execute(FILL_VECTORS, {"config": settings.NEWSROOM_SEARCH_CONFIG})


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_reporter_and_editor_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(index_and_fill, drop_index),
    ]
