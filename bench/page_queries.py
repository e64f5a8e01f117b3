"""The Django side of `make bench`, run with the served site's settings and database:

    python bench/page_queries.py urls            # the pages to measure, as JSON
    python bench/page_queries.py queries [--explain] < urls.json

``urls`` picks the pages of this archive (its busiest tag, a deep page of it, a quoted person,
a package, a story in the middle of the archive) and makes the benchmark's editor. ``queries``
asks each page twice through Django's test client (the second time is counted, as a reader
after the first would see it) and gives its query count, its slowest query and, with
--explain, that query's EXPLAIN (ANALYZE, BUFFERS).
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EDITOR = "bench-editor"
PASSWORD = "bench-password-not-for-production"
COMMON_WORD = "council"  # in about one story in ten of the synthetic archive


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def page_urls() -> dict[str, str]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Count
    from taggit.models import Tag

    from packages.models import Package
    from reader.pagination import story_key
    from stories.models import Person, Story

    published = Story.objects.published().order_by("-published_at", "-id")
    total = published.count()
    story = published[total // 2]
    tag = Tag.objects.filter(published_count__stories__gt=0)
    tag = tag.order_by("-published_count__stories").first()
    deep = max(2, min(300, tag.published_count.stories // 20 // 2))
    # The story before the deep page, whose key its Older link carries, as a reader reaches it.
    before_deep = Story.objects.cards().tagged(tag)[(deep - 1) * 20 - 1]
    person = Person.objects.quoted().order_by("-public_quote_count").first()
    package = Package.objects.annotate(size=Count("items")).order_by("-size").first()
    editor, created = get_user_model().objects.get_or_create(username=EDITOR, is_staff=True)
    if created:
        editor.set_password(PASSWORD)
        editor.save()
        editor.groups.add(Group.objects.get(name="Editor"))
    return {
        "bare Django view": "/bench/bare",
        "static file (whitenoise)": "/static/reader/site.css",
        "story": story.get_absolute_url(),
        "front": "/",
        "tag, page 1": f"/tags/{tag.slug}/",
        "tag, deep page": f"/tags/{tag.slug}/?page={deep}&older={story_key(before_deep)}",
        "tag, deep page by number": f"/tags/{tag.slug}/?page={deep}",
        "person": person.get_absolute_url(),
        "/people/": "/people/",
        "/tags/": "/tags/",
        "search, common word": f"/search/?q={COMMON_WORD}",
        "/sitemap.xml": "/sitemap.xml",
        "sitemap, a year": f"/sitemap-stories-{story.published_at.year}.xml",
        "packages": "/packages/",
        "package": package.get_absolute_url() if package else "/packages/",
        "person feed": f"/people/{person.slug}/feed/",
        "API list": "/api/stories/",
        "API detail": f"/api/stories/{story.slug}/",
        "admin changelist": "/admin/stories/story/",
        "admin change form": f"/admin/stories/story/{story.pk}/change/",
    }


def page_queries(urls: dict[str, str], *, explain: bool) -> dict[str, dict]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    reader, editor = Client(), Client()
    editor.force_login(get_user_model().objects.get(username=EDITOR))
    figures = {}
    for name, url in urls.items():
        client = editor if url.startswith("/admin/") else reader
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = captured.captured_queries
        slowest = max(queries, key=lambda query: float(query["time"]), default=None)
        figures[name] = {"queries": len(queries)}
        if slowest is not None:
            figures[name] |= {"slowest_ms": float(slowest["time"]) * 1000, "sql": slowest["sql"]}
            if explain and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {slowest['sql']}")
                    figures[name]["plan"] = "\n".join(row[0] for row in cursor.fetchall())
    return figures


def main() -> None:
    setup()
    if sys.argv[1] == "urls":
        print(json.dumps(page_urls()))
    else:
        urls = json.load(sys.stdin)
        print(json.dumps(page_queries(urls, explain="--explain" in sys.argv)))


if __name__ == "__main__":
    main()
