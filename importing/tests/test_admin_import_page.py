"""The admin's "Import article" page: paste or upload, check and correct, save a draft."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from importing.forms import PASTE_OR_UPLOAD
from stories.models import Person, Quote, Story
from stories.tests.helpers import EXTREME_COURAGE

pytestmark = pytest.mark.django_db

URL = "/admin/stories/story/import/"
ARTICLE = Path(settings.BASE_DIR) / "fixtures" / "articles" / "003_6001d2dea13a1716.txt"


def preview(client, **data):
    response = client.post(URL, {"preview": "1", **data})
    assert response.status_code == 200
    return response


def save_data(response, **changes) -> dict:
    """The preview's form as the editor submits it, with their corrections."""
    story_form, quote_forms = response.context["story_form"], response.context["quote_forms"]
    data = {f"quotes-{key}": value for key, value in quote_forms.management_form.initial.items()}
    data["save"] = "1"
    for name, value in story_form.initial.items():
        if name == "is_developing":
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else str(value)
    for index, form in enumerate(quote_forms):
        for name, value in form.initial.items():
            if isinstance(value, bool):
                if value:
                    data[f"quotes-{index}-{name}"] = "on"
            else:
                data[f"quotes-{index}-{name}"] = "" if value is None else str(value)
    return data | changes


def test_changelist_offers_the_import_page(editor_client):
    html = editor_client.get("/admin/stories/story/").content.decode()
    assert f'href="{URL}"' in html
    assert editor_client.get(URL).status_code == 200


def test_pasted_text_is_shown_parsed_for_checking(editor_client):
    response = preview(editor_client, text=ARTICLE.read_text(encoding="utf-8"))
    html = response.content.decode()
    assert "7 quotes found" in html
    assert "Do it Mike, this is a time for extreme courage!" in html
    assert response.context["story_form"].initial["published_on"].isoformat() == "2021-01-06"
    assert not Story.objects.exists()


def test_upload_is_parsed_like_pasted_text(editor_client):
    upload = SimpleUploadedFile("article.txt", ARTICLE.read_bytes(), content_type="text/plain")
    response = preview(editor_client, upload=upload)
    assert len(response.context["quote_forms"]) == 7


def test_editor_corrects_a_speaker_drops_a_quote_and_saves_a_draft(editor_client):
    response = preview(editor_client, text=ARTICLE.read_text(encoding="utf-8"))
    data = save_data(
        response,
        headline="Trump urges Pence to send votes back",
        tags='Politics, "Mike Pence"',
        **{"quotes-0-keep": "", "quotes-1-speaker": "Donald J. Trump Sr."},
    )
    data.pop("quotes-0-keep")
    saved = editor_client.post(URL, data)
    assert saved.status_code == 302
    story = Story.objects.get()
    assert saved["Location"] == f"/admin/stories/story/{story.pk}/change/"
    assert story.status == Story.Status.DRAFT
    assert story.headline == "Trump urges Pence to send votes back"
    assert {tag.name for tag in story.tags.all()} == {"Politics", "Mike Pence"}
    assert story.quotes.count() == 6
    assert not Quote.objects.filter(text="fake news").exists()
    assert story.quotes.first().speaker.name == "Donald J. Trump Sr."
    assert Person.objects.filter(name="Donald Trump").exists()


def test_bad_input_is_refused_with_a_message(editor_client):
    empty = preview(editor_client, text="   ")
    assert escape(str(PASTE_OR_UPLOAD)) in empty.content.decode()
    binary = SimpleUploadedFile("x.txt", b"\x00\x01", content_type="application/octet-stream")
    assert "The file is binary" in preview(editor_client, upload=binary).content.decode()
    assert not Story.objects.exists()


def test_invalid_corrections_keep_the_form_and_write_nothing(editor_client):
    response = preview(editor_client, text=ARTICLE.read_text(encoding="utf-8"))
    data = save_data(response, headline="", **{"quotes-2-speaker": ""})
    again = editor_client.post(URL, data)
    assert again.status_code == 200
    assert again.context["story_form"].errors["headline"]
    assert again.context["quote_forms"].errors[2]["speaker"]
    assert not Story.objects.exists()


def test_import_page_needs_the_add_permission(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(URL).status_code == 403


def test_a_reporter_importing_a_published_storys_text_is_refused_and_changes_nothing(
    reporter_client, fixture_stories
):
    published = Story.objects.get(slug=EXTREME_COURAGE)
    body, quotes = published.body, published.quotes.count()
    response = preview(reporter_client, text=ARTICLE.read_text(encoding="utf-8"))
    refused = reporter_client.post(URL, save_data(response, body="A reporter's own text."))
    assert refused.status_code == 200
    assert "which you may not change: nothing was imported" in refused.content.decode()
    published.refresh_from_db()
    assert (published.body, published.quotes.count()) == (body, quotes)
    assert published.status == Story.Status.PUBLISHED


def test_a_reporter_may_import_again_over_their_draft(reporter_client):
    first = preview(reporter_client, text=ARTICLE.read_text(encoding="utf-8"))
    assert reporter_client.post(URL, save_data(first)).status_code == 302
    again = preview(reporter_client, text=ARTICLE.read_text(encoding="utf-8"))
    assert reporter_client.post(URL, save_data(again, body="Edited again.")).status_code == 302
    assert Story.objects.get().body == "<p>Edited again.</p>"


def test_a_tag_longer_than_a_tag_may_be_is_an_import_form_error(editor_client):
    response = preview(editor_client, text=ARTICLE.read_text(encoding="utf-8"))
    refused = editor_client.post(URL, save_data(response, tags=f'Politics, "{"x" * 101}"'))
    assert refused.status_code == 200
    assert "longer than a tag may be" in " ".join(refused.context["story_form"].errors["tags"])
    assert not Story.objects.exists()


def test_the_import_page_gives_the_commands_reasons_as_form_errors(editor_client):
    bad_date = preview(editor_client, text=" date 2021-13-45 Council meets\n\nThe council met.")
    assert "2021-13-45 is not a day of the calendar" in bad_date.content.decode()
    text = "Council meets\n\nThe council met.\n\nRELATED: " + "word " * 60
    response = preview(editor_client, text=text)
    refused = editor_client.post(URL, save_data(response))
    assert refused.status_code == 200
    assert "longer than a headline may be" in refused.content.decode()
    assert not Story.objects.exists()


def test_the_preview_says_which_speakers_are_already_people_of_the_site(editor_client):
    trump = Person.objects.create(name="Donald Trump", slug="donald-trump")
    response = preview(editor_client, text=ARTICLE.read_text(encoding="utf-8"))
    matched = [person for _, person in response.context["rows"]]
    assert trump in matched
    assert f'href="/admin/stories/person/{trump.pk}/change/">Donald Trump</a>' in (
        response.content.decode()
    )
