"""Every document the API sends validates against api/schemas/newsroom-ninjs.schema.json: at
each level only the properties ninjs 2.1 defines there, of the types and formats it gives them
(the official schema refuses any other property as unevaluated)."""

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from media.tests.pictures import make_image
from stories.tests.helpers import (
    make_hostile_story,
    make_person,
    make_quote,
    make_rich_story,
    make_story,
)

pytestmark = pytest.mark.django_db

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "newsroom-ninjs.schema.json"
HOSTILE = '</script><script>alert("x")</script> & \'quoted\' "double" \u200fright-to-left'


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(validator: Draft202012Validator, item: dict) -> list[str]:
    errors = validator.iter_errors(item)
    return [f"{list(error.absolute_path)}: {error.message}" for error in errors]


@pytest.fixture
def documents(client) -> list[dict]:
    """Each story of the list and each detail: a picture, quotes (one featured, one with a
    day), related stories, corrections, authors, and hostile text everywhere."""
    pictured = make_rich_story(quotes=4, tags=3, links=2, corrections=2)
    pictured.lead_image = make_image(credit="Jane Doe/Reuters", licence="© Reuters")
    pictured.save()
    pictured.quotes.filter(position=0).update(is_featured=True)
    make_quote(make_story(), make_person(), said_on=pictured.published_at.date())
    make_hostile_story(HOSTILE)
    listed = client.get("/api/stories/").json()["items"]
    assert len(listed) == 7  # with the stories the rich one links to and from
    details = [client.get(f"/api/stories/{item['slugline']}/").json() for item in listed]
    return listed + details


def test_every_api_document_is_ninjs_2_1(validator, documents):
    for item in documents:
        assert problems(validator, item) == [], item["slugline"]
    kinds = {a["name"].rstrip("0123456789") for item in documents for a in item["associations"]}
    assert kinds == {"leadimage", "related", "quote", "correction"}


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda item: item.update(quotes=[]), id="a property of our own"),
        pytest.param(
            lambda item: item["associations"][-1].update(kind="correction"),
            id="a property of our own in an association",
        ),
        pytest.param(lambda item: item["people"][0].update(title="Mayor"), id="in a person"),
        pytest.param(lambda item: item.update(firstcreated="2024-05-01"), id="a date, no time"),
        pytest.param(lambda item: item.update(uri="not a uri"), id="a uri that is none"),
        pytest.param(lambda item: item.update(type="story"), id="a type ninjs lacks"),
        pytest.param(lambda item: item["bodies"][0].pop("value"), id="a body without value"),
    ],
)
def test_the_schema_refuses_what_ninjs_2_1_does_not_define(validator, documents, spoil):
    item = copy.deepcopy(documents[-1])
    assert problems(validator, item) == []
    spoil(item)
    assert problems(validator, item) != []
