"""The pages editors keep besides the stories, at their own address and in the footer of every
page, which reads them with the navigation in one query."""

import pytest
from django.core.exceptions import ValidationError

from stories.models import SitePage
from stories.tests.helpers import HOSTILE, between, count_queries, make_story, page_html

pytestmark = pytest.mark.django_db


def make_page(**fields) -> SitePage:
    fields.setdefault("title", "About")
    fields.setdefault("slug", "about")
    fields.setdefault("body", "<p>Who we are.</p>")
    return SitePage.objects.create(**fields)


def footer_of(html: str) -> str:
    return between(html, '<footer class="site-footer">', "</footer>")


def test_a_site_page_is_at_its_address_with_its_body_sanitized(client):
    make_page(body='<p>Who we are.</p><script>alert("x")</script><p onclick="x()">Here.</p>')
    html = page_html(client, "/about/")
    assert "<h1>About</h1>" in html
    assert "<p>Who we are.</p>" in html
    assert "<script>alert" not in html
    assert "onclick" not in html
    assert '<meta name="description" content="Who we are.">' in html
    assert '<link rel="canonical" href="http://testserver/about/">' in html


def test_the_footer_links_the_pages_in_the_editors_order_on_every_page(client):
    make_page(title="Ethics", slug="ethics", position=2)
    make_page(title="About", slug="about", position=1)
    make_page(title="Hidden", slug="hidden", in_footer=False)
    story = make_story()
    for url in ("/", story.get_absolute_url(), "/tags/", "/search/?q=x"):
        footer = footer_of(page_html(client, url))
        assert footer.index(">About<") < footer.index(">Ethics<")
        assert "Hidden" not in footer
    assert '<a href="/about/" aria-current="page">About</a>' in footer_of(
        page_html(client, "/about/")
    )
    page_html(client, "/hidden/")  # not in the footer, still at its address


def test_the_footer_adds_no_query_to_a_page(client):
    story = make_story()
    client.get(story.get_absolute_url())
    without = count_queries(client, story.get_absolute_url()), count_queries(client, "/")
    for number in range(6):
        make_page(title=f"Page {number}", slug=f"page-{number}", position=number)
    client.get("/")
    assert (count_queries(client, story.get_absolute_url()), count_queries(client, "/")) == without


def test_a_page_title_is_escaped_in_the_footer_and_on_its_page(client):
    make_page(title=HOSTILE, slug="hostile")
    for url in ("/", "/hostile/"):
        html = page_html(client, url)
        assert '<script>alert("x")</script>' not in html


@pytest.mark.parametrize("slug", ["tags", "admin", "api", "stories", "search", "sections"])
def test_a_slug_another_page_has_is_refused(slug):
    page = SitePage(title="Taken", slug=slug, body="<p>x</p>")
    with pytest.raises(ValidationError) as refusal:
        page.full_clean()
    assert "is another page of the site" in str(refusal.value)


def test_an_unknown_page_is_404(client):
    page_html(client, "/no-such-page/", status=404)


def test_editors_edit_a_page_and_a_stale_save_is_refused(editor_client):
    page = make_page()
    form = editor_client.get(f"/admin/stories/sitepage/{page.pk}/change/").context["adminform"]
    opened = form.form["opened_at"].value()
    data = {
        "title": "About us",
        "slug": "about",
        "body": "<p>Who we are, again.</p>",
        "in_footer": "on",
        "position": "0",
        "opened_at": opened,
    }
    assert editor_client.post(f"/admin/stories/sitepage/{page.pk}/change/", data).status_code == 302
    page.refresh_from_db()
    assert (page.title, page.updated_by.username) == ("About us", "desk")
    stale = editor_client.post(f"/admin/stories/sitepage/{page.pk}/change/", data | {"title": "X"})
    assert stale.status_code == 200
    assert "was changed by desk since you opened it" in stale.content.decode()
    page.refresh_from_db()
    assert page.title == "About us"


def test_the_demo_has_the_usual_pages(client, fixture_site_pages):
    footer = footer_of(page_html(client, "/"))
    for title in ("About", "Contact", "Corrections policy", "Ethics"):
        assert f">{title}<" in footer
    assert "corrected" in page_html(client, "/corrections-policy/")
