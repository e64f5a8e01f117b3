"""In a real Chromium: the pages and the admin run under their Content-Security-Policy without
one violation, the policy stops injected script and framing, the JSON-LD block still parses,
and bidi controls in user text do not reorder the text around them."""

import pytest
from django.core.management import call_command
from django.test import Client

from stories.models import Story
from stories.tests.helpers import HOSTILE, PENCE_LETTER, make_hostile_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""

# Whether a text node's characters are laid out left to right, as English reads: its first
# character starts left of its last.
READS_LEFT_TO_RIGHT = """([selector, text]) => {
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(text);
      if (at < 0) continue;
      const edge = offset => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return edge(at) < edge(at + text.length - 1);
    }
  }
  throw new Error(`no text ${text} in ${selector}`);
}"""


# The headline a page shows inside a frame of another page, or null when the frame is refused.
FRAMED_HEADLINE = """url => new Promise(resolve => {
  const frame = document.createElement("iframe");
  frame.src = url;
  frame.onload = () => {
    try {
      resolve(frame.contentDocument?.querySelector("h1")?.textContent ?? null);
    } catch (error) {
      resolve(null);
    }
  };
  document.body.append(frame);
})"""


@pytest.fixture
def site(live_server):
    call_command("loaddata", "fixtures/stories.json", verbosity=0)
    return live_server.url


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)
    return page


@pytest.fixture
def signed_in(watched, site, editor):
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    watched.context.add_cookies([{"name": "sessionid", "value": session, "url": site}])
    return watched


def violations(page) -> list[str]:
    return page.evaluate("window.cspViolations")


def test_public_pages_run_without_a_policy_violation(site, watched):
    for path in [
        "/",
        f"/stories/{PENCE_LETTER}/",
        "/tags/",
        "/people/mike-pence/",
        "/search/?q=Pence",
        "/packages/",
        "/stories/nothing-here/",
    ]:
        watched.goto(site + path)
        assert violations(watched) == [], path


def test_the_admin_runs_without_a_policy_violation(site, signed_in):
    story = Story.objects.get(slug=PENCE_LETTER)
    for path in [
        "/admin/",
        "/admin/stories/story/",
        f"/admin/stories/story/{story.pk}/change/",
        "/admin/stories/story/import/",
        "/admin/taggit/tag/",
        "/admin/stories/person/",
    ]:
        signed_in.goto(site + path)
        assert violations(signed_in) == [], path
    signed_in.goto(site + f"/admin/stories/story/{story.pk}/change/")
    signed_in.locator(".select2-selection").first.click()  # the admin's own scripts still run
    assert signed_in.locator(".select2-results__option").first.is_visible()


def test_injected_inline_script_is_refused_and_json_ld_still_parses(site, watched):
    watched.goto(site + f"/stories/{PENCE_LETTER}/")
    watched.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
    }""")
    assert watched.evaluate("window.injected === undefined")
    assert violations(watched) == ["script-src-elem inline"]
    article = watched.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert article["@type"] == "NewsArticle"
    assert "unilateral authority" in article["headline"]


def test_no_page_of_the_site_can_be_framed(site, watched):
    watched.goto(site + "/healthz")
    story_url = site + f"/stories/{PENCE_LETTER}/"
    framed_headline = watched.evaluate(FRAMED_HEADLINE, story_url)
    assert framed_headline is None


def test_a_right_to_left_override_in_user_text_reorders_nothing_around_it(site, watched):
    make_hostile_story(HOSTILE)
    watched.goto(site + "/stories/hostile/")
    assert watched.evaluate(READS_LEFT_TO_RIGHT, [".quote figcaption", "Title"])
    assert watched.evaluate(READS_LEFT_TO_RIGHT, [".quote figcaption", "Context"])
    watched.goto(site + "/people/")
    assert watched.evaluate(READS_LEFT_TO_RIGHT, ["main li", "quote"])


def test_a_right_to_left_override_in_a_headline_leaves_admin_messages_readable(site, signed_in):
    story = make_hostile_story(HOSTILE)
    signed_in.goto(site + f"/admin/stories/story/{story.pk}/change/")
    with signed_in.expect_navigation():
        signed_in.locator("input[name=_continue]").click()
    assert signed_in.evaluate(READS_LEFT_TO_RIGHT, [".messagelist", "was changed successfully"])
