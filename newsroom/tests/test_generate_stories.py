"""`generate_stories` writes an archive shaped like a newsroom's that every page can serve,
and the same seed writes the same one."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from newsroom import synthetic_archive
from packages.models import Package
from stories.counts import people_recount, tags_recount
from stories.models import (
    Correction,
    Person,
    Quote,
    RelatedLink,
    SlugRedirect,
    Story,
    TagCount,
    TagKey,
)
from stories.search_vectors import search_vectors_refresh

pytestmark = pytest.mark.django_db(transaction=True)


def generate(count: int, seed: int = 7) -> str:
    out = StringIO()
    call_command("generate_stories", count=count, seed=seed, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_archive_has_the_shape_of_a_newsroom():
    assert "Generated 400 stories" in generate(400)
    assert Story.objects.count() == 400
    per_story = Story.objects.annotate(
        quote_count=Count("quotes", distinct=True), tag_count=Count("tags", distinct=True)
    )
    assert {row.quote_count for row in per_story} <= set(range(3, 9))
    assert {row.tag_count for row in per_story} <= set(range(3, 7))
    statuses = set(Story.objects.values_list("status", flat=True))
    assert statuses == set(Story.Status.values)
    assert Story.objects.scheduled().exists()
    assert Person.objects.count() == 5_000
    assert TagKey.objects.count() == 2_000
    top_speaker = Quote.objects.values("speaker").annotate(n=Count("id")).order_by("-n")[0]["n"]
    assert top_speaker > Quote.objects.count() / 20  # a few people are quoted far more
    assert RelatedLink.objects.exists()
    assert Correction.objects.exists()
    assert SlugRedirect.objects.exists()
    assert Package.objects.filter(items__isnull=False).exists()


def test_pages_serve_the_generated_archive(client):
    generate(300)
    story = Story.objects.published().order_by("-published_at").first()
    assert client.get(story.get_absolute_url()).status_code == 200
    assert client.get("/").status_code == 200
    person = Person.objects.quoted().first()
    assert client.get(person.get_absolute_url()).status_code == 200
    redirect = SlugRedirect.objects.first()
    assert client.get(f"/stories/{redirect.old_slug}/").status_code == 301
    if connection.vendor == "postgresql":
        assert not Story.objects.filter(search_vector__isnull=True).exists()
        found = client.get("/search/", {"q": story.headline}).content.decode()
        assert story.get_absolute_url() in found


def test_the_same_seed_writes_the_same_stories_again():
    generate(30, seed=11)
    first = list(Story.objects.order_by("pk").values_list("headline", "body", "status"))
    generate(30, seed=11)
    second = list(Story.objects.order_by("pk").values_list("headline", "body", "status"))[30:]
    assert first == second
    assert Person.objects.count() == 5_000  # people and tags are reused, not made again


def test_chunks_written_side_by_side_link_back_into_each_other(monkeypatch):
    monkeypatch.setattr(synthetic_archive, "CHUNK", 40)
    generate(400)
    assert Story.objects.count() == 400
    first = Story.objects.order_by("pk").values_list("pk", flat=True)[0]
    links = RelatedLink.objects.values_list("story_id", "target_id")
    across = [
        (story, target) for story, target in links if (story - first) // 40 > (target - first) // 40
    ]
    assert across  # every one of them checked by the foreign key when it was written
    assert Package.objects.count() == 10  # one for each chunk


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors are PostgreSQL's")
def test_the_written_search_vectors_are_the_ones_the_site_computes():
    generate(200)

    def vectors():
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, search_vector::text FROM stories_story ORDER BY id")
            return cursor.fetchall()

    written = vectors()
    search_vectors_refresh([story_id for story_id, _ in written])
    assert vectors() == written
    assert all(vector for _, vector in written)


def test_the_stored_counts_are_those_a_recount_gives():
    generate(120)
    generate(80)  # the second run adds to what the first counted

    def stored() -> tuple[dict, dict]:
        tags = dict(TagCount.objects.filter(stories__gt=0).values_list("tag", "stories"))
        people = dict(
            Person.objects.filter(public_quote_count__gt=0).values_list("pk", "public_quote_count")
        )
        return tags, people

    written = stored()
    tags_recount()
    people_recount()
    assert stored() == written
    assert sum(written[0].values()) >= Story.objects.filter(is_counted=True).count() * 3
