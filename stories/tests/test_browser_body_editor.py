"""In a real Chromium: an editor writes a body in the admin's rich-text editor (bold, a link,
a subhead, a picture from the library, a video) under the Content-Security-Policy, and readers
see exactly that, the video's player framed only once they press play."""

import pytest
from django.test import Client

from media.tests.pictures import make_image
from stories.models import Story
from stories.tests.body_editor_steps import (
    EDITOR,
    insert_library_picture,
    link_last_words,
    menu_button,
    start_over,
    wait_until_loaded,
    write_subhead,
)
from stories.tests.helpers import make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def signed_in(page, live_server, editor):
    client = Client()
    client.force_login(editor)
    page.add_init_script(RECORD_VIOLATIONS)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.cspViolations")


def test_an_editor_writes_a_rich_body_and_readers_see_exactly_that(
    signed_in, live_server, artifacts_dir
):
    page = signed_in
    photo = make_image(alt_text="Council chamber at night", title="Chamber", credit="Desk photo")
    story = make_story(headline="Council votes", body="Old text.")
    page.goto(f"{live_server.url}/admin/stories/story/{story.pk}/change/")
    start_over(page)
    write_subhead(page, "The vote")
    page.keyboard.type("The council ")
    page.keyboard.press("Control+b")
    page.keyboard.type("passed")
    page.keyboard.press("Control+b")
    page.keyboard.type(" the budget. Read the minutes")
    link_last_words(page, "the minutes", "https://council.example/minutes")
    page.keyboard.press("Enter")
    insert_library_picture(page, photo.pk, "chamber", caption="The chamber before the vote")
    wait_until_loaded(page, page.locator(".ProseMirror figure.body-picture img"))

    page.keyboard.press("Control+End")
    menu_button(page, "embed a post or a video").click()
    embed = page.locator("dialog.prose-editor-dialog[open]")
    embed.locator("input[name=url]").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    embed.locator("button[type=submit]").click()
    page.evaluate("() => new Promise(done => requestAnimationFrame(done))")
    menu_button(page, "embed a post or a video").click()
    post = page.locator("dialog.prose-editor-dialog[open]")
    post.locator("input[name=url]").fill("https://bsky.app/profile/desk.example/post/3k")
    post.locator("textarea[name=text]").fill("Polls close at <b>8</b>.")
    post.locator("input[name=author]").fill("City Desk")
    post.locator("input[name=handle]").fill("@desk.example")
    post.locator("input[name=date]").fill("2024-11-05")
    post.locator("button[type=submit]").click()
    page.screenshot(path=str(artifacts_dir / "admin-body-editor.png"), full_page=True)
    assert violations(page) == []

    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    assert page.locator(".messagelist .success").is_visible()
    story.refresh_from_db()
    assert story.body_text == (
        "The vote\n\nThe council passed the budget. Read the minutes\n\n"
        "The chamber before the vote\n\nPolls close at <b>8</b>."
    )

    page.goto(live_server.url + story.get_absolute_url())
    body = page.locator(".story__body")
    assert body.locator("h2").inner_text() == "The vote"
    assert body.locator("p strong").inner_text() == "passed"
    link = body.locator("a[href='https://council.example/minutes']")
    assert link.inner_text() == "the minutes"
    picture = body.locator("figure.story__figure img")
    assert picture.get_attribute("alt") == "Council chamber at night"
    assert picture.get_attribute("loading") == "lazy"
    wait_until_loaded(page, picture)
    caption = body.locator("figure.story__figure figcaption").inner_text()
    assert caption == "The chamber before the vote DESK PHOTO"  # the credit, in capitals
    assert body.locator("script, [onclick], [style]").count() == 0
    assert page.locator("iframe").count() == 0
    page.screenshot(path=str(artifacts_dir / "story-rich-body.png"), full_page=True)

    posted = body.locator("figure.embedded-post")
    assert posted.locator("blockquote").inner_text() == "Polls close at <b>8</b>."
    assert posted.locator("figcaption a").get_attribute("href") == (
        "https://bsky.app/profile/desk.example/post/3k"
    )
    assert posted.locator("figcaption").inner_text() == "— City Desk @desk.example Nov. 5, 2024"

    play = body.locator(".video-embed__play")
    assert play.inner_text() == "Play the video from YouTube"
    frames_asked = []
    page.on("request", lambda request: frames_asked.append(request.url))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="player"))
    play.click()
    player = body.locator("iframe.video-embed__player")
    assert player.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    page.wait_for_timeout(200)
    assert any(url.startswith("https://www.youtube-nocookie.com/") for url in frames_asked)
    assert violations(page) == []


def test_a_story_page_with_a_video_asks_nothing_of_the_provider_until_play(page, live_server):
    story = make_story(
        body='<p>Watch.</p><figure data-video="https://vimeo.com/76979871"></figure>'
    )
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url) if not request.url.startswith(live_server.url) else None
        ),
    )
    page.goto(live_server.url + story.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert page.locator(".video-embed__play").inner_text() == "Play the video from Vimeo"
    assert elsewhere == []
    assert Story.objects.get(pk=story.pk).body.count("data-video") == 1


WORD_PROCESSOR_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal {margin:0cm; font-family:"Calibri"}</style></head><body lang=EN-GB>
<p class=MsoNormal style='margin-bottom:0cm'><b><span style='font-size:12.0pt;
font-family:"Calibri",sans-serif;color:#C00000'>Budget</span></b><span
style='mso-spacerun:yes'> </span>passed <i>late</i><o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>·
</span>First point<o:p></o:p></p>
<table class=MsoTableGrid><tr><td>Cell</td></tr></table>
<p class=MsoNormal><span onclick="steal()" style='color:red'>Signed</span></p>
</body></html>"""

PASTE = """html => {
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", "Budget passed late");
  const editor = document.querySelector(".prose-editor .ProseMirror[contenteditable=true]");
  const paste = {clipboardData: data, bubbles: true, cancelable: true};
  editor.dispatchEvent(new ClipboardEvent("paste", paste));
}"""


def test_pasting_from_a_word_processor_gives_clean_markup(signed_in, live_server):
    page = signed_in
    story = make_story(body="<p>Old.</p>")
    page.goto(f"{live_server.url}/admin/stories/story/{story.pk}/change/")
    page.locator(EDITOR).click()
    page.keyboard.press("Control+a")
    page.evaluate(PASTE, WORD_PROCESSOR_HTML)
    pasted = page.locator("#id_body").input_value()
    assert pasted.startswith("<p><strong>Budget</strong> passed <em>late</em></p>")
    for leftover in ["class=", "style=", "Mso", "mso-", "<span", "<o:p", "onclick", "<table"]:
        assert leftover not in pasted
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    assert Story.objects.get(pk=story.pk).body == pasted
