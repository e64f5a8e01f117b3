"""Long work that need not hold up a request, through Django's tasks framework (django-tasks):
with the database backend any number of `manage.py db_worker` processes, on any machine,
take the tasks in turn."""

import urllib.request

from django.conf import settings
from django_tasks import task

from .counts import counts_rebuild
from .models import Story
from .search_vectors import search_vectors_refresh

SEARCH_VECTOR_BATCH = 2_000


def add_background_option(parser) -> None:
    parser.add_argument(
        "--background", action="store_true", help="leave it to a db_worker (stories.tasks)"
    )


def queued(work) -> str:
    """Queue ``work`` (a task) and say so, for a command run with --background."""
    return f"Queued as task {work.enqueue().id}: manage.py db_worker will run it."


@task()
def rebuild_search_vectors(story_ids: list[int] | None = None) -> int:
    """Rebuild the search vectors of ``story_ids`` (all stories when None), in batches."""
    stories = Story.objects.order_by("pk").values_list("pk", flat=True)
    ids = list(stories) if story_ids is None else sorted(story_ids)
    for start in range(0, len(ids), SEARCH_VECTOR_BATCH):
        search_vectors_refresh(ids[start : start + SEARCH_VECTOR_BATCH])
    return len(ids)


@task()
def rebuild_counts() -> None:
    counts_rebuild()


@task()
def purge_pages(keys: list[str]) -> int:
    """Ask the front cache or CDN at NEWSROOM_PURGE_URL to drop the pages with these
    Surrogate-Keys: a PURGE request carrying them, as Varnish (xkey) and Fastly take it."""
    request = urllib.request.Request(
        settings.NEWSROOM_PURGE_URL, method="PURGE", headers={"Surrogate-Key": " ".join(keys)}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status
