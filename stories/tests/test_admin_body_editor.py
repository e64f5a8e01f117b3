"""The story form's body: a rich-text editor loaded under the CSP, sanitized on the server
whatever is posted, refusing pictures the library does not have, and the library searched
from the editor."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from media.tests.pictures import make_image
from stories.models import Story
from stories.tests.helpers import make_story, story_form_data

pytestmark = pytest.mark.django_db

SEARCH = "/admin/stories/story/body-images/"


def post_body(client, story: Story, body: str):
    data = story_form_data(Story.objects.get(pk=story.pk), body=body)
    return client.post(f"/admin/stories/story/{story.pk}/change/", data)


def test_the_form_loads_the_editor_and_its_import_map_carries_the_csp_nonce(editor_client):
    story = make_story()
    response = editor_client.get(f"/admin/stories/story/{story.pk}/change/")
    html = response.content.decode()
    assert 'data-django-prose-editor-newsroom="' in html
    assert "stories/admin/body_editor.js" in html
    nonce = re.search(r'<script type="importmap" nonce="([^"]+)"', html)[1]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_a_body_without_markup_is_plain_text_whose_tags_readers_see_as_text(editor_client):
    story = make_story()
    assert post_body(editor_client, story, "1 < 2 and <script>x</script>").status_code == 302
    assert (
        Story.objects.get(pk=story.pk).body == "<p>1 &lt; 2 and &lt;script&gt;x&lt;/script&gt;</p>"
    )


@pytest.mark.parametrize(
    ("posted", "kept"),
    [
        ('<p onclick="steal()">Hi<script>steal()</script></p>', "<p>Hi</p>"),
        ('<p style="color:red">Red</p><style>p{}</style>', "<p>Red</p>"),
        ('<p><a href="javascript:steal()">x</a></p>', '<p><a rel="noopener noreferrer">x</a></p>'),
        (
            '<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a></p>',
            '<p><a rel="noopener noreferrer">x</a></p>',
        ),
        ('<p>a</p><iframe src="https://evil.example/"></iframe>', "<p>a</p>"),
        ('<p class="MsoNormal"><span style="mso-x"><o:p>Word</o:p></span></p>', "<p>Word</p>"),
    ],
)
def test_whatever_is_posted_the_body_keeps_only_the_allow_list(editor_client, posted, kept):
    story = make_story()
    assert post_body(editor_client, story, posted).status_code == 302
    assert Story.objects.get(pk=story.pk).body == kept


@pytest.mark.parametrize(
    ("posted", "error"),
    [
        ("<p><script>steal()</script></p><h2> </h2>", "This field is required."),
        (
            '<p>x</p><figure data-image="4242"></figure>',
            "the image library does not have (number 4242)",
        ),
    ],
)
def test_a_body_empty_once_sanitized_or_holding_an_unknown_picture_is_refused(
    editor_client, posted, error
):
    story = make_story(body="<p>Before.</p>")
    response = post_body(editor_client, story, posted)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert Story.objects.get(pk=story.pk).body == "<p>Before.</p>"


def test_the_editor_searches_the_library_by_every_word(editor_client):
    chamber = make_image(title="Council chamber", credit="Desk photo")
    make_image(title="Harbour at dawn")
    answer = editor_client.get(SEARCH, {"q": "chamber desk"}).json()["results"]
    assert [found["id"] for found in answer] == [chamber.pk]
    assert answer[0]["label"] == "Council chamber"
    assert answer[0]["thumbnail"].startswith(f"/images/{chamber.pk}/")
    assert editor_client.get(answer[0]["thumbnail"]).status_code == 200
    assert len(editor_client.get(SEARCH).json()["results"]) == 2


def test_only_staff_who_may_view_images_search_the_library(db):
    assert Client().get(SEARCH).status_code == 302  # to the login page
    nobody = Client()
    nobody.force_login(get_user_model().objects.create_user("nobody", is_staff=True))
    assert nobody.get(SEARCH).status_code == 403
