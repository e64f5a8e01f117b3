"""The story form's "Find quotes in the body": the form is saved, the importer's attribution
reads the body and proposes the quotes the story does not have, with speakers matched to the
site's people; the reporter keeps, corrects or discards each, and the story page then marks
the kept ones where they stand."""

import pytest
from reversion.models import Version

from stories.models import Person, Quote, Story
from stories.tests.helpers import make_person, make_quote, make_story, story_form_data

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Mayor Karen Oduya defended the plan on Tuesday.</p>"
    "<p>“This is what a compromise looks like,” Oduya told reporters. “We kept every "
    'branch open.”</p><p>Council member <a href="https://example.org/lutz">Abe Lutz</a> '
    'called it "a real win" for the residents who spoke.</p>'
    "<p>“People came here after work, with their kids,” Lutz said.</p>"
)


def find_page(client, story: Story):
    return client.get(f"/admin/stories/story/{story.pk}/find-quotes/")


def proposals(response) -> list[dict]:
    forms = response.context["quote_forms"]
    return (
        [
            {"speaker": form["speaker"].value(), "text": form["text"].value(), "person": person}
            for form, person in response.context["rows"]
        ]
        if forms is not None
        else []
    )


def kept_form(response, keep: dict[int, dict], version: int) -> dict:
    """The find page's POST: row ``index`` kept with ``keep[index]``'s changes, others not."""
    rows = response.context["quote_forms"]
    data = {
        "version": version,
        "quotes-TOTAL_FORMS": str(len(rows.forms)),
        "quotes-INITIAL_FORMS": str(len(rows.forms)),
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
    }
    for index, form in enumerate(rows):
        fields = {
            name: form[name].value() or ""
            for name in ("speaker", "text", "context", "said_on", "handle", "title")
        }
        if form["is_fragment"].value():
            fields["is_fragment"] = "on"
        if index in keep:
            fields |= {"keep": "on"} | keep[index]
        data |= {f"quotes-{index}-{name}": value for name, value in fields.items()}
    return data


@pytest.fixture
def story():
    return make_story(headline="Budget passes", body=BODY, status=Story.Status.DRAFT)


def test_the_button_saves_the_form_then_proposes_the_quotes_of_the_saved_body(editor_client, story):
    data = story_form_data(Story.objects.get(pk=story.pk), status="draft", body=BODY)
    data["body"] = BODY + "<p>“Saturday hours come back first,” the mayor said.</p>"
    data["_find_quotes"] = "1"
    response = editor_client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response["Location"] == f"/admin/stories/story/{story.pk}/find-quotes/"
    assert "Saturday hours" in Story.objects.get(pk=story.pk).body
    found = proposals(find_page(editor_client, story))
    assert [(row["speaker"], row["text"][:24]) for row in found] == [
        ("Karen Oduya", "This is what a compromis"),
        ("Karen Oduya", "We kept every branch ope"),
        ("Abe Lutz", "a real win"),
        ("Abe Lutz", "People came here after w"),
        ("Karen Oduya", "Saturday hours come back"),
    ]


def test_the_story_form_offers_the_button(editor_client, story):
    html = editor_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'name="_find_quotes"' in html
    assert "Find quotes in the body" in html


def test_speakers_are_matched_to_the_sites_people_by_name_alias_or_surname(editor_client, story):
    mayor = make_person(name="Karen Oduya", aliases="the mayor")
    found = proposals(find_page(editor_client, story))
    assert [row["person"] for row in found] == [mayor, mayor, None, None]
    html = find_page(editor_client, story).content.decode()
    assert html.count("A new person") == 2
    assert f'href="/admin/stories/person/{mayor.pk}/change/">Karen Oduya</a>' in html


def test_quotes_the_story_already_has_are_not_proposed(editor_client, story):
    lutz = make_person(name="Abe Lutz")
    make_quote(story, lutz, text="People came here after work, with their kids.")
    found = proposals(find_page(editor_client, story))
    assert [row["text"][:10] for row in found] == ["This is wh", "We kept ev", "a real win"]


def test_kept_quotes_are_added_after_the_storys_own_as_corrected_and_discarded_ones_are_not(
    editor_client, story, editor
):
    existing = make_quote(story, make_person(name="Dana Whitcombe"), text="Not in the body.")
    page = find_page(editor_client, story)
    corrected = {"speaker": "Abraham Lutz"}
    data = kept_form(page, {0: {}, 2: corrected, 3: corrected}, story.version)
    response = editor_client.post(f"/admin/stories/story/{story.pk}/find-quotes/", data)
    assert response["Location"] == f"/admin/stories/story/{story.pk}/change/"
    quotes = list(Quote.objects.filter(story=story).order_by("position"))
    assert [(q.speaker.name, q.text[:10], q.position) for q in quotes] == [
        ("Dana Whitcombe", "Not in the", existing.position),
        ("Karen Oduya", "This is wh", existing.position + 1),
        ("Abraham Lutz", "a real win", existing.position + 2),
        ("Abraham Lutz", "People cam", existing.position + 3),
    ]
    assert quotes[2].is_fragment
    assert Person.objects.filter(name="Abraham Lutz").count() == 1
    stored = Story.objects.get(pk=story.pk)
    assert (stored.version, stored.updated_by) == (story.version + 1, editor)
    latest = Version.objects.get_for_object(stored).first()
    assert latest.revision.comment == "Quotes found in the body."
    assert (
        "3 quotes added from the body." in editor_client.get(response["Location"]).content.decode()
    )


def test_the_story_page_marks_the_kept_quotes_where_they_stand_but_not_a_fragment(
    editor_client, client, story
):
    page = find_page(editor_client, story)
    editor_client.post(
        f"/admin/stories/story/{story.pk}/find-quotes/",
        kept_form(page, {0: {}, 1: {}, 2: {}, 3: {}}, story.version),
    )
    Story.objects.filter(pk=story.pk).update(status=Story.Status.PUBLISHED)
    html = client.get(Story.objects.get(pk=story.pk).get_absolute_url()).content.decode()
    assert html.count('<q class="said"') == 3
    assert '<q class="said"><a href="/people/abe-lutz/">People came here' in html


def test_a_story_changed_since_the_page_was_opened_gets_nothing_added(editor_client, story):
    page = find_page(editor_client, story)
    data = kept_form(page, {0: {}}, story.version)
    Story.objects.filter(pk=story.pk).update(version=story.version + 1)  # another save
    response = editor_client.post(f"/admin/stories/story/{story.pk}/find-quotes/", data)
    assert response.status_code == 200
    assert "was changed since this page was opened" in response.content.decode()
    assert not Quote.objects.filter(story=story).exists()
    assert response.context["opened"]["version"].value() == story.version + 1


def test_a_reporter_may_not_add_quotes_to_a_published_story(reporter_client):
    published = make_story(body=BODY)
    assert find_page(reporter_client, published).status_code == 403
    drafted = make_story(body=BODY, status=Story.Status.DRAFT)
    assert find_page(reporter_client, drafted).status_code == 200


def test_what_a_speaker_or_quote_says_is_escaped_on_the_page(editor_client):
    hostile = make_story(
        status=Story.Status.DRAFT,
        body="<p>“&lt;script&gt;alert(1)&lt;/script&gt; is what I said,” said Abe Lutz.</p>",
    )
    html = find_page(editor_client, hostile).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
