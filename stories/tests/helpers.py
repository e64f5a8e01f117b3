"""What the tests share: builders of saved test data with sensible defaults, the demo fixture's
stories, reading pages, the admin's story form as a browser posts it, desk accounts, and the
query counts pages are held to."""

import itertools
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify

from authors.models import Author
from stories.demo import EDITOR_APPS, EDITOR_GROUP
from stories.models import Correction, Person, Quote, RelatedLink, Story, StoryAuthor

ARTICLES = Path(settings.BASE_DIR) / "fixtures" / "articles"

PENCE_LETTER = (
    "in-letter-to-congress-pence-says-he-cant-claim-unilateral-authority-to-reject-electoral-votes"
)
EXTREME_COURAGE = "time-for-extreme-courage-trump-urges-mike-pence-to-send-votes-back-to-the-states"


# Text with every kind of markup a reader must see as text.
HOSTILE = '</script><script>alert("x")</script> & <b>bold</b> \u202eevil'

STORY_PAGE_QUERIES = 6  # story (with its tags, corrections and inbound links), quotes with
# speakers, own links, suggested stories, its packages with their stories, featured tags
LIST_PAGE_QUERIES = 5  # count, rows, tags (or the tag/person lookup), the prefetch, featured tags


_counter = itertools.count(1)


def make_story(**fields) -> Story:
    number = next(_counter)
    fields.setdefault("headline", f"Story number {number}")
    fields.setdefault("slug", f"{slugify(fields['headline'])}-{number}")
    fields.setdefault("body", f"First paragraph of story {number}.\n\nSecond paragraph.")
    fields.setdefault("status", Story.Status.PUBLISHED)
    if fields["status"] == Story.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - timedelta(hours=number))
    tags = fields.pop("tags", [])
    story = Story.objects.create(**fields)
    if tags:
        story.tags.add(*tags)
    return story


def make_person(**fields) -> Person:
    number = next(_counter)
    fields.setdefault("name", f"Person {number}")
    fields.setdefault("slug", f"{slugify(fields['name'])}-{number}")
    return Person.objects.create(**fields)


def make_author(**fields) -> Author:
    number = next(_counter)
    fields.setdefault("name", f"Author {number}")
    fields.setdefault("slug", f"{slugify(fields['name'])}-{number}")
    return Author.objects.create(**fields)


def credit(story: Story, *authors: Author) -> Story:
    for position, author in enumerate(authors):
        StoryAuthor.objects.create(story=story, author=author, position=position)
    return story


def make_quote(story: Story, speaker: Person, **fields) -> Quote:
    fields.setdefault("text", f"Words number {next(_counter)} said out loud.")
    return Quote.objects.create(story=story, speaker=speaker, **fields)


def make_link(story: Story, target: Story | None = None, **fields) -> RelatedLink:
    fields.setdefault("title", target.headline if target else f"Elsewhere {next(_counter)}")
    return RelatedLink.objects.create(story=story, target=target, **fields)


def make_rich_story(
    *, quotes: int, tags: int, links: int, speakers: int = 3, corrections: int = 0
) -> Story:
    """A published story with many quotes (several speakers), tags, related links both ways
    and corrections."""
    story = make_story(tags=[f"Topic {next(_counter)}" for _ in range(tags)])
    people = [make_person() for _ in range(speakers)]
    for position in range(quotes):
        make_quote(story, people[position % speakers], position=position, context="on the record")
    for position in range(links):
        make_link(story, make_story(), position=position)
        make_link(make_story(), story)
    for number in range(corrections):
        Correction.objects.create(story=story, text=f"Correction {number}.")
    return story


def make_hostile_story(hostile: str) -> Story:
    """A published story (slug “hostile”) with ``hostile`` in every text a reader can see:
    headline, dek, body, byline, outlet, a tag, a quote with its speaker and context, a related
    link and a correction."""
    story = make_story(
        slug="hostile",
        headline=f"Headline {hostile}",
        dek=f"Dek {hostile}",
        body=f"Body {hostile}\n\nSecond {hostile}",
        byline=f"Byline {hostile}",
        outlet=f"Outlet {hostile}",
        tags=[f"Tag {hostile}"],
    )
    speaker = make_person(name=f"Person {hostile}", title=f"Title {hostile}", slug="hostile")
    make_quote(story, speaker, text=f"Quote {hostile}", context=f"Context {hostile}")
    make_link(story, title=f"Link {hostile}")
    Correction.objects.create(story=story, text=f"Correction {hostile}")
    return story


# Pages


def page_html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def between(html: str, start: str, end: str) -> str:
    """The text after the first ``start`` up to the next ``end``."""
    return html.split(start, 1)[1].split(end, 1)[0]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


# The admin's story form

INLINE_PREFIXES = ["story_authors", "quotes", "related_links", "corrections"]


def story_form_data(story: Story | None = None, **fields) -> dict:
    """The POST body of the story change form, with the story's existing inline rows."""
    data = {
        "headline": "Council passes the budget",
        "slug": "council-passes-the-budget",
        "dek": "",
        "body": "The council voted 7-2.\n\nThe mayor signed it.",
        "tags": "",
        "byline": "",
        "outlet": "",
        "source_url": "",
        "lead_image": "",
        "section": "",
        "status": "published",
        "published_at_0": "2021-01-06",
        "published_at_1": "12:00:00",
    }
    for prefix in INLINE_PREFIXES:
        rows = list(getattr(story, prefix).all()) if story else []
        data |= {
            f"{prefix}-TOTAL_FORMS": str(len(rows)),
            f"{prefix}-INITIAL_FORMS": str(len(rows)),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        for index, row in enumerate(rows):
            data |= inline_row(prefix, index, row)
    if story:
        data |= {
            "headline": story.headline,
            "slug": story.slug,
            "body": story.body,
            "tags": ", ".join(f'"{tag.name}"' for tag in story.tags.all()),
            "status": story.status,
            "opened_version": story.version,
            "lead_image": story.lead_image_id or "",
            "section": story.section_id or "",
        }
        if story.published_at:
            data["published_at_0"] = story.published_at.strftime("%Y-%m-%d")
            data["published_at_1"] = story.published_at.strftime("%H:%M:%S")
        else:
            del data["published_at_0"], data["published_at_1"]
        if story.is_developing:
            data["is_developing"] = "on"
    return data | fields


def inline_row(prefix: str, index: int, row) -> dict:
    if isinstance(row, Quote):
        values = {"speaker": row.speaker_id, "text": row.text, "context": row.context}
        values |= {"position": row.position, "story": row.story_id}
    elif isinstance(row, StoryAuthor):
        values = {"author": row.author_id, "position": row.position, "story": row.story_id}
    elif isinstance(row, Correction):
        values = {"kind": row.kind, "text": row.text, "story": row.story_id}
        values |= {
            "created_at_0": row.created_at.strftime("%Y-%m-%d"),
            "created_at_1": row.created_at.strftime("%H:%M:%S"),
        }
    else:
        values = {"title": row.title, "target": row.target_id or "", "position": row.position}
        values |= {"story": row.story_id}
    values["id"] = row.pk
    return {f"{prefix}-{index}-{name}": value for name, value in values.items()}


def add_inline_row(data: dict, prefix: str, values: dict) -> dict:
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data | {f"{prefix}-{index}-{name}": value for name, value in values.items()}


def opened_form(client: Client, story: Story) -> dict:
    """The form as its page gives it: the data of the story, at the version it was opened."""
    response = client.get(f"/admin/stories/story/{story.pk}/change/")
    assert response.status_code == 200
    opened = response.context["adminform"].form["opened_version"].value()
    return story_form_data(Story.objects.get(pk=story.pk), opened_version=opened)


def save(client: Client, story: Story, data: dict):
    return client.post(f"/admin/stories/story/{story.pk}/change/", data)


# Desk accounts


def desk_client(username: str, group: str = "Editor") -> Client:
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def editor_group():
    """The migrations' Editor group, made again if an earlier transactional test flushed it."""
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    return group
