"""Sitemaps: every public page with its last change; Google News' sitemap of the last 48 hours."""

from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from authors.models import Author
from stories.models import Section, SitePage, Story
from stories.tests.helpers import credit, make_author, make_person, make_quote, make_story

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITE = "http://testserver"


def parse_sitemap(client, url: str) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    return root


def section_urls(client) -> list[str]:
    """The sections /sitemap.xml, a sitemap index, lists, relative to the site."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [loc.text.removeprefix(SITE) for loc in root.iter(f"{SITEMAP}loc")]


def lastmod_by_location(client) -> dict[str, str | None]:
    """Each URL of every section of /sitemap.xml, relative to the site, with its lastmod."""
    return {
        url.findtext(f"{SITEMAP}loc").removeprefix(SITE): url.findtext(f"{SITEMAP}lastmod")
        for section in section_urls(client)
        for url in parse_sitemap(client, section).findall(f"{SITEMAP}url")
    }


def day(moment: datetime) -> str:
    return timezone.localtime(moment).date().isoformat()


def set_updated_at(story: Story, moment: datetime) -> Story:
    """Back-date the story's last save, which auto_now would otherwise set to now."""
    Story.objects.filter(pk=story.pk).update(updated_at=moment)
    story.refresh_from_db()
    return story


def test_sitemap_lists_published_stories_tags_and_people_with_lastmod(client):
    story = make_story(tags=["Courts"])
    make_quote(story, make_person(slug="jane-roe"))
    assert lastmod_by_location(client) == {
        story.get_absolute_url(): day(story.modified_at),
        "/tags/courts/": day(story.modified_at),
        "/people/jane-roe/": day(story.modified_at),
    }


def test_sitemap_leaves_out_what_readers_cannot_see(client):
    now = timezone.now()
    make_story(tags=["Public"])
    hidden = [
        make_story(status=Story.Status.DRAFT, tags=["Drafts only"]),
        make_story(published_at=now + timedelta(days=1), tags=["Scheduled only"]),
        make_story(status=Story.Status.UNPUBLISHED, published_at=now, tags=["Withdrawn only"]),
    ]
    for story in hidden:
        make_quote(story, make_person(slug=f"quoted-in-{story.slug}"))
    make_quote(make_story(), make_person(slug="fragment-only"), is_fragment=True)
    listed = lastmod_by_location(client)
    assert "/tags/public/" in listed
    for story in hidden:
        assert story.get_absolute_url() not in listed
        assert f"/people/quoted-in-{story.slug}/" not in listed
    assert not {"/tags/drafts-only/", "/tags/scheduled-only/", "/tags/withdrawn-only/"} & set(
        listed
    )
    assert "/people/fragment-only/" not in listed


def test_lastmod_is_the_storys_last_change_and_for_tags_and_people_their_newest(client):
    now = timezone.now()
    speaker = make_person(slug="jane-roe")
    old = set_updated_at(
        make_story(tags=["Courts"], published_at=now - timedelta(days=10)),
        now - timedelta(days=10),
    )
    newer = set_updated_at(
        make_story(tags=["Courts"], published_at=now - timedelta(days=6)),
        now - timedelta(days=3),
    )
    draft = make_story(tags=["Courts"], status=Story.Status.DRAFT)
    for story in (old, newer, draft):
        make_quote(story, speaker)
    listed = lastmod_by_location(client)
    assert listed["/tags/courts/"] == day(now - timedelta(days=3))
    assert listed["/people/jane-roe/"] == day(now - timedelta(days=3))
    assert listed[old.get_absolute_url()] == day(now - timedelta(days=10))
    assert listed[newer.get_absolute_url()] == day(now - timedelta(days=3))


def test_sitemap_query_count_is_independent_of_stories_tags_and_people(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    make_quote(make_story(tags=["Courts"]), make_person())
    sections = section_urls(client)
    with CaptureQueriesContext(connection) as few:
        for section in ["/sitemap.xml", *sections]:
            client.get(section)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(15):
            story = make_story(tags=[f"Tag {number}-{i}" for i in range(5)])
            make_quote(story, make_person())
            make_quote(story, make_person())
    assert section_urls(client) == sections
    with django_assert_max_num_queries(6):  # the years' counts kept, then per section its count
        client.get("/sitemap.xml")
    for section in sections:
        with django_assert_max_num_queries(2):  # the content generation or the count, the rows
            client.get(section)
    with CaptureQueriesContext(connection) as many:
        for section in ["/sitemap.xml", *sections]:
            client.get(section)
    assert len(lastmod_by_location(client)) == 1 + 1 + 1 + 15 + 75 + 30
    assert len(many) == len(few)


def news_urls(client) -> list[ElementTree.Element]:
    return parse_sitemap(client, "/sitemap-news.xml").findall(f"{SITEMAP}url")


def test_news_sitemap_lists_only_the_last_48_hours(client):
    now = timezone.now()
    fresh = make_story(published_at=now - timedelta(hours=1))
    day_old = make_story(published_at=now - timedelta(hours=47))
    make_story(published_at=now - timedelta(hours=49))
    make_story(published_at=now + timedelta(hours=1))
    make_story(status=Story.Status.DRAFT)
    make_story(status=Story.Status.UNPUBLISHED, published_at=now - timedelta(hours=2))
    locations = [url.findtext(f"{SITEMAP}loc") for url in news_urls(client)]
    assert locations == [
        f"{SITE}{fresh.get_absolute_url()}",
        f"{SITE}{day_old.get_absolute_url()}",
    ]


def test_news_sitemap_entry_has_publication_date_and_title(client):
    story = make_story(
        headline="Senate passes the budget", published_at=timezone.now() - timedelta(hours=1)
    )
    [url] = news_urls(client)
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == settings.NEWSROOM_SITE_NAME
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    published = datetime.fromisoformat(news.findtext(f"{NEWS}publication_date"))
    assert published.tzinfo is not None
    assert published == story.published_at.replace(microsecond=0)
    assert news.findtext(f"{NEWS}title") == "Senate passes the budget"


def test_news_sitemap_title_is_escaped_and_stripped_of_control_characters(client):
    hostile = '<script>alert(1)</script> </script> "quotes" & \u200fright-to-left\x0b control'
    make_story(headline=hostile, published_at=timezone.now() - timedelta(hours=1))
    response = client.get("/sitemap-news.xml")
    assert b"<script>" not in response.content
    assert b"</script>" not in response.content
    [url] = news_urls(client)
    assert url.findtext(f"{NEWS}news/{NEWS}title") == hostile.replace("\x0b", "")


@pytest.mark.parametrize("url", ["/sitemap-tags.xml", "/sitemap-people.xml", "/sitemap-news.xml"])
def test_sitemaps_are_empty_but_valid_when_nothing_is_published(client, url):
    make_quote(make_story(status=Story.Status.DRAFT, tags=["Courts"]), make_person())
    assert parse_sitemap(client, url).findall(f"{SITEMAP}url") == []
    assert section_urls(client) == [
        "/sitemap-tags.xml",
        "/sitemap-people.xml",
        "/sitemap-packages.xml",
        "/sitemap-site.xml",
    ]


def test_section_fronts_authors_and_site_pages_are_in_the_sitemap(client):
    Section.objects.create(name="World", slug="world")
    credit(make_story(), Author.objects.create(name="Jane Doe", slug="jane-doe"))
    credit(make_story(status=Story.Status.DRAFT), make_author(name="Only drafts"))
    make_author(name="Nothing yet")
    SitePage.objects.create(title="About", slug="about", body="<p>Us.</p>")
    entries = parse_sitemap(client, "/sitemap-site.xml").findall(f"{SITEMAP}url")
    assert [entry.findtext(f"{SITEMAP}loc") for entry in entries] == [
        "http://testserver/sections/world/",
        "http://testserver/authors/jane-doe/",
        "http://testserver/about/",
    ]
    assert entries[0].findtext(f"{SITEMAP}lastmod") is None
    assert entries[2].findtext(f"{SITEMAP}lastmod")


def test_stories_are_in_one_section_per_year_of_publication(client):
    now = timezone.now()
    this_year = make_story(published_at=now - timedelta(hours=1))
    three_years_ago = make_story(published_at=now - timedelta(days=3 * 366))
    years = range(now.year, timezone.localtime(three_years_ago.published_at).year - 1, -1)
    assert section_urls(client)[: len(years)] == [f"/sitemap-stories-{year}.xml" for year in years]
    newest = parse_sitemap(client, f"/sitemap-stories-{now.year}.xml")
    assert [loc.text for loc in newest.iter(f"{SITEMAP}loc")] == [
        SITE + this_year.get_absolute_url()
    ]
    next_year = parse_sitemap(client, f"/sitemap-stories-{now.year + 1}.xml")
    assert next_year.findall(f"{SITEMAP}url") == []
    for nonsense in ["x", "0000", "99999", "-1"]:
        assert client.get(f"/sitemap-stories-{nonsense}.xml").status_code == 404
    assert client.get("/sitemap-everything.xml").status_code == 404


def test_a_year_of_more_than_50000_stories_is_split_into_pages(client, monkeypatch):
    monkeypatch.setattr("reader.sitemaps.StoryYearSitemap.limit", 2)  # 2,000 in production
    for hours in range(1, 6):
        make_story(published_at=timezone.now() - timedelta(hours=hours))
    year = timezone.now().year
    pages = [url for url in section_urls(client) if url.startswith(f"/sitemap-stories-{year}")]
    assert pages == [f"/sitemap-stories-{year}.xml"] + [
        f"/sitemap-stories-{year}.xml?p={page}" for page in (2, 3)
    ]
    assert len(parse_sitemap(client, pages[2]).findall(f"{SITEMAP}url")) == 1


def test_the_years_are_counted_once_until_content_changes(
    client, django_capture_on_commit_callbacks
):
    make_story(published_at=timezone.now() - timedelta(days=800))
    make_story()

    def year_counts_made() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/sitemap.xml")
            client.get(section_urls(client)[0])
        return sum(
            "COUNT(" in query["sql"] and 'FROM "stories_story"' in query["sql"]
            for query in captured
        )

    assert year_counts_made() == 1  # every year in one query, then kept
    assert year_counts_made() == 0
    with django_capture_on_commit_callbacks(execute=True):
        make_story(published_at=timezone.now() - timedelta(days=2000))
    assert year_counts_made() == 1
    assert len([url for url in section_urls(client) if "stories-" in url]) == len(
        range(timezone.now().year, (timezone.now() - timedelta(days=2000)).year - 1, -1)
    )
