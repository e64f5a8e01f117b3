"""A story as a ninjs 2.1 object: the fields, their types, and what each is made of."""

from datetime import datetime

import pytest
from django.utils import timezone

from api.ninjs import language, ninjs_story, rfc3339
from stories.models import Correction, Story
from stories.tests.helpers import make_link, make_person, make_quote, make_story

pytestmark = pytest.mark.django_db

SITE = "https://news.example"

# The top-level properties of https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json.
NINJS_2_1_PROPERTIES = {
    "uri", "type", "representationtype", "profile", "version", "firstcreated", "versioncreated",
    "contentcreated", "embargoed", "pubstatus", "urgency", "copyrightholder", "copyrightnotice",
    "usageterms", "ednote", "language", "descriptions", "bodies", "headlines", "people",
    "organisations", "places", "subjects", "events", "objects", "infosources", "title", "by",
    "slugline", "located", "renditions", "associations", "altids", "trustindicators",
    "standard", "genres", "expires", "rightsinfo",
}  # fmt: skip


def absolute(path: str) -> str:
    return SITE + path


def as_ninjs(story: Story) -> dict:
    return ninjs_story(Story.objects.filter(pk=story.pk).with_parts().get(), absolute)


def parse_rfc3339(value: str) -> datetime:
    assert value.endswith("Z")
    return datetime.fromisoformat(value)


def associated(item: dict, kind: str) -> list[dict]:
    return [a for a in item["associations"] if a["name"].rstrip("0123456789") == kind]


@pytest.fixture
def covered_story():
    """A published story with tags, quotes by two people, links both ways and a correction."""
    story = make_story(
        headline="Council passes the budget",
        dek="A late vote.",
        body="The council voted.\n\nIt was late.",
        byline="Jane Doe",
        outlet="The Daily Planet",
        source_url="https://planet.example/budget",
        tags=["Budget", "City Hall"],
    )
    mayor = make_person(name="Ada Mayor", slug="ada-mayor")
    clerk = make_person(name="Bo Clerk", slug="bo-clerk")
    make_quote(story, clerk, text="Order.", position=1, context="at the meeting")
    make_quote(story, mayor, text="We did it.", position=2, said_on=datetime(2024, 5, 1).date())
    make_quote(story, clerk, text="Adjourned.", position=3)
    make_quote(story, mayor, text="fake news", position=4, is_fragment=True)
    earlier = make_story(headline="Budget talks begin")
    make_link(story, earlier, position=1)
    make_link(story, make_story(status=Story.Status.DRAFT, published_at=None), position=2)
    make_link(story, title="Elsewhere", url="https://elsewhere.example/", position=3)
    follow_up = make_story(headline="What the budget means")
    make_link(follow_up, story)
    make_link(make_story(status=Story.Status.UNPUBLISHED), story)
    Correction.objects.create(story=story, kind="correction", text="The vote was 5-4.")
    story.refresh_from_db()
    return story


def test_a_story_uses_only_ninjs_2_1_properties(covered_story):
    item = as_ninjs(covered_story)
    assert set(item) <= NINJS_2_1_PROPERTIES
    for association in item["associations"]:
        assert set(association) - {"name"} <= NINJS_2_1_PROPERTIES, association["name"]
    assert item["standard"] == {
        "name": "ninjs",
        "version": "2.1",
        "schema": "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
    }


def test_identity_dates_and_status(covered_story):
    item = as_ninjs(covered_story)
    assert item["uri"] == f"{SITE}/stories/{covered_story.slug}/"
    assert item["slugline"] == covered_story.slug
    assert item["type"] == "text"
    assert item["representationtype"] == "full"
    assert item["pubstatus"] == "usable"
    assert item["language"] == "en-US"
    assert item["version"] == str(covered_story.version)
    for field, moment in [
        ("firstcreated", covered_story.published_at),
        ("versioncreated", covered_story.modified_at),
        ("contentcreated", covered_story.created_at),
    ]:
        assert parse_rfc3339(item[field]) == moment.replace(microsecond=0), field


def test_texts_are_plain_text_with_roles_and_the_body_is_also_html(covered_story):
    item = as_ninjs(covered_story)
    assert item["headlines"] == [
        {"role": "main", "contenttype": "text/plain", "value": "Council passes the budget"}
    ]
    assert item["descriptions"] == [
        {"role": "summary", "contenttype": "text/plain", "value": "A late vote."}
    ]
    assert item["bodies"] == [
        {
            "role": "main",
            "contenttype": "text/plain",
            "value": "The council voted.\n\nIt was late.",
            "charcount": 32,
            "wordcount": 6,
        },
        {
            "role": "main",
            "contenttype": "text/html",
            "value": "<p>The council voted.</p><p>It was late.</p>",
            "charcount": 32,
            "wordcount": 6,
        },
    ]
    assert item["by"] == "Jane Doe"
    assert item["infosources"] == [
        {"name": "The Daily Planet", "uri": "https://planet.example/budget"}
    ]


def test_without_a_dek_the_description_is_the_first_paragraph():
    story = make_story(body="Opening lines.\n\nMore.")
    assert as_ninjs(story)["descriptions"][0]["value"] == "Opening lines."


def test_optional_strings_a_story_lacks_are_left_out():
    item = as_ninjs(make_story(byline="", outlet=""))
    assert "by" not in item
    assert "infosources" not in item
    for always in ["subjects", "people", "associations"]:
        assert item[always] == [], always


def test_tags_are_subjects_linking_to_their_pages(covered_story):
    assert as_ninjs(covered_story)["subjects"] == [
        {"name": "Budget", "uri": f"{SITE}/tags/budget/", "literal": "budget"},
        {"name": "City Hall", "uri": f"{SITE}/tags/city-hall/", "literal": "city-hall"},
    ]


def test_people_are_the_speakers_once_each_in_order_of_first_quote(covered_story):
    assert as_ninjs(covered_story)["people"] == [
        {"name": "Bo Clerk", "rel": "quoted", "uri": f"{SITE}/people/bo-clerk/",
         "literal": "bo-clerk"},
        {"name": "Ada Mayor", "rel": "quoted", "uri": f"{SITE}/people/ada-mayor/",
         "literal": "ada-mayor"},
    ]  # fmt: skip


def test_associations_are_published_stories_linked_either_way(covered_story):
    associations = associated(as_ninjs(covered_story), "related")
    earlier = Story.objects.get(headline="Budget talks begin")
    assert [(a["name"], a["headlines"][0]["value"]) for a in associations] == [
        ("related1", "Budget talks begin"),
        ("related2", "What the budget means"),
    ]
    assert associations[0] == {
        "name": "related1",
        "uri": f"{SITE}/stories/{earlier.slug}/",
        "type": "text",
        "representationtype": "partial",
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": earlier.headline}],
        "firstcreated": rfc3339(earlier.published_at),
        "versioncreated": rfc3339(earlier.modified_at),
    }
    for association in associations:
        assert set(association) - {"name"} <= NINJS_2_1_PROPERTIES


def test_a_story_linked_both_ways_is_associated_once():
    story, other = make_story(), make_story()
    make_link(story, other)
    make_link(other, story)
    assert len(associated(as_ninjs(story), "related")) == 1


def test_quotes_are_component_associations_without_fragments(covered_story):
    item = as_ninjs(covered_story)
    quotes = associated(item, "quote")
    assert [q["bodies"][0]["value"] for q in quotes] == ["Order.", "We did it.", "Adjourned."]
    second = quotes[1]
    assert second["uri"].startswith(f"{SITE}/stories/{covered_story.slug}/#quote-")
    assert second == {
        "name": "quote2",
        "uri": second["uri"],
        "type": "component",
        "representationtype": "full",
        "profile": "quote",
        "bodies": [{"role": "quote", "contenttype": "text/plain", "value": "We did it."}],
        "people": [
            {
                "name": "Ada Mayor",
                "rel": "speaker",
                "uri": f"{SITE}/people/ada-mayor/",
                "literal": "ada-mayor",
            }
        ],
        "descriptions": [{"role": "said-on", "contenttype": "text/plain", "value": "2024-05-01"}],
    }
    assert quotes[0]["descriptions"] == [
        {"role": "context", "contenttype": "text/plain", "value": "at the meeting"}
    ]
    assert len({q["uri"] for q in quotes}) == 3
    assert [a["name"] for a in item["associations"]] == [
        "related1", "related2", "quote1", "quote2", "quote3", "correction1"
    ]  # fmt: skip


def test_a_featured_quote_is_a_pull_quote(covered_story):
    covered_story.quotes.filter(text="Adjourned.").update(is_featured=True)
    profiles = [q["profile"] for q in associated(as_ninjs(covered_story), "quote")]
    assert profiles == ["quote", "quote", "pull-quote"]


def test_corrections_are_component_associations(covered_story):
    correction = covered_story.corrections.get()
    assert associated(as_ninjs(covered_story), "correction") == [
        {
            "name": "correction1",
            "uri": f"{SITE}/stories/{covered_story.slug}/#correction-{correction.pk}",
            "type": "component",
            "representationtype": "full",
            "profile": "correction",
            "versioncreated": rfc3339(correction.created_at),
            "bodies": [
                {"role": "correction", "contenttype": "text/plain", "value": "The vote was 5-4."}
            ],
        }
    ]


def test_renditions_point_at_the_page_and_the_api(covered_story):
    assert as_ninjs(covered_story)["renditions"] == [
        {"name": "html", "href": f"{SITE}/stories/{covered_story.slug}/",
         "contenttype": "text/html"},
        {"name": "ninjs", "href": f"{SITE}/api/stories/{covered_story.slug}/",
         "contenttype": "application/json"},
    ]  # fmt: skip


def test_dates_are_utc_to_the_second():
    eastern = timezone.get_fixed_timezone(-300)
    moment = datetime(2024, 3, 9, 22, 30, 15, 999, tzinfo=eastern)
    assert rfc3339(moment) == "2024-03-10T03:30:15Z"


@pytest.mark.parametrize(
    ("language_code", "tag"), [("en-us", "en-US"), ("fr", "fr"), ("pt-br", "pt-BR")]
)
def test_language_is_a_bcp_47_tag(settings, language_code, tag):
    settings.LANGUAGE_CODE = language_code
    assert language() == tag
