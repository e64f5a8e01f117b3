"""Coverage packages: editors group the stories about one event in an order; readers get the
package's page and, on each of its stories, the package's other stories in that order."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from packages.models import Package, PackageItem
from stories.models import Story
from stories.tests.helpers import (
    EXTREME_COURAGE,
    HOSTILE,
    PENCE_LETTER,
    STORY_PAGE_QUERIES,
    between,
    count_queries,
    make_story,
    page_html,
)

pytestmark = pytest.mark.django_db

PACKAGE_PAGE_QUERIES = 4  # the package, its published stories, their tags, featured tags
PACKAGE_LIST_QUERIES = 3  # count, rows, featured tags (the site's navigation)
ADMIN_ADD = "/admin/packages/package/add/"
FIXTURE_PACKAGE = "congress-certifies-the-2020-election"


def make_package(*stories: Story, name: str = "", **fields) -> Package:
    """A package of ``stories``, in the order given."""
    name = name or f"Package {Package.objects.count() + 1}"
    fields.setdefault("slug", f"package-{Package.objects.count() + 1}")
    package = Package.objects.create(name=name, **fields)
    for position, story in enumerate(stories, 1):
        PackageItem.objects.create(package=package, story=story, position=position)
    return package


def draft() -> Story:
    return make_story(status=Story.Status.DRAFT)


def scheduled() -> Story:
    return make_story(published_at=timezone.now() + timedelta(days=1))


def package_form_data(*story_positions: tuple[Story, int], **fields) -> dict:
    """The POST body of the admin's add form, with one inline row per (story, position)."""
    data = {
        "name": "Congress certifies the 2020 election",
        "slug": "congress-certifies",
        "description": "The joint session of January 6, 2021.",
        "items-TOTAL_FORMS": str(len(story_positions)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, (story, position) in enumerate(story_positions):
        data |= {
            f"items-{index}-id": "",
            f"items-{index}-package": "",
            f"items-{index}-story": str(story.pk),
            f"items-{index}-position": str(position),
        }
    return data


def headlines_in(html: str, stories: list[Story]) -> list[str]:
    """The headlines of ``stories`` that ``html`` shows, in the order it shows them."""
    found = [(html.find(story.headline), story.headline) for story in stories]
    return [headline for at, headline in sorted(found) if at >= 0]


# The admin


def test_editor_creates_a_package_of_two_stories_in_order_in_the_admin(editor_client):
    first, second = make_story(headline="Morning story"), make_story(headline="Evening story")
    assert editor_client.get(ADMIN_ADD).status_code == 200
    response = editor_client.post(ADMIN_ADD, package_form_data((second, 2), (first, 1)))
    assert response.status_code == 302, response.context["errors"]
    package = Package.objects.get()
    assert package.name == "Congress certifies the 2020 election"
    assert [item.story for item in package.items.all()] == [first, second]


def test_the_same_story_twice_in_a_package_is_a_form_error(editor_client):
    story = make_story()
    response = editor_client.post(ADMIN_ADD, package_form_data((story, 1), (story, 2)))
    assert response.status_code == 200
    assert "Please correct the duplicate data for story." in response.content.decode()
    assert not Package.objects.exists()


def test_reporters_may_look_at_packages_but_not_add_or_change_them(reporter_client):
    package = make_package(make_story())
    change = f"/admin/packages/package/{package.pk}/change/"
    assert reporter_client.get("/admin/packages/package/").status_code == 200
    assert reporter_client.get(ADMIN_ADD).status_code == 403
    assert reporter_client.post(ADMIN_ADD, package_form_data()).status_code == 403
    assert reporter_client.post(change, package_form_data(name="Renamed")).status_code == 403
    assert Package.objects.get().name == package.name


def test_migrations_give_editors_every_package_permission_and_reporters_the_view_ones():
    def codenames(group: str) -> set[str]:
        permissions = Group.objects.get(name=group).permissions
        packages = permissions.filter(content_type__app_label="packages")
        return set(packages.values_list("codename", flat=True))

    assert {"add_package", "change_package", "add_packageitem", "delete_packageitem"} <= (
        codenames("Editor")
    )
    assert codenames("Reporter") == {"view_package", "view_packageitem"}


def test_admin_list_counts_stories_without_a_query_per_package(
    editor_client, django_assert_max_num_queries
):
    make_package(make_story(), make_story(), name="Two stories")
    few = count_queries(editor_client, "/admin/packages/package/")
    for _ in range(10):
        make_package(make_story(), make_story(), make_story())
    html = page_html(editor_client, "/admin/packages/package/")
    assert '<td class="field-story_count">2</td>' in html
    assert html.count('<td class="field-story_count">3</td>') == 10
    assert count_queries(editor_client, "/admin/packages/package/") == few


# The package's page


def test_package_page_lists_its_published_stories_in_order(client):
    first, second = make_story(headline="First in order"), make_story(headline="Second in order")
    hidden = [draft(), scheduled()]
    package = make_package(
        *hidden, first, second, name="Certification", description="All of January 6."
    )
    assert package.get_absolute_url() == f"/packages/{package.slug}/"
    html = page_html(client, package.get_absolute_url())
    assert '<h1><span class="kicker">Coverage</span> Certification</h1>' in html
    assert "<p>All of January 6.</p>" in html
    assert headlines_in(html, [second, first, *hidden]) == [first.headline, second.headline]
    assert html.count('class="story-card"') == 2
    assert f'<link rel="canonical" href="http://testserver/packages/{package.slug}/">' in html
    assert '<meta name="description" content="All of January 6.">' in html


def test_package_with_no_published_story_yet_is_an_empty_page(client):
    package = make_package(draft())
    html = page_html(client, package.get_absolute_url())
    assert "No story of this package has been published yet." in html
    assert 'class="story-card"' not in html


def test_unknown_package_is_404(client):
    make_package(make_story(), slug="known")
    page_html(client, "/packages/unknown/", status=404)


def test_package_index_lists_only_packages_with_a_published_story(client):
    listed = make_package(make_story(), draft(), name="Listed package")
    make_package(draft(), scheduled(), name="Unpublished package")
    html = page_html(client, "/packages/")
    assert f'<a href="{listed.get_absolute_url()}">Listed package</a>' in html
    assert "1 story," in html
    assert "Unpublished package" not in html


def test_sitemap_lists_packages_with_a_published_story(client):
    listed = make_package(make_story())
    unlisted = make_package(draft())
    xml = page_html(client, "/sitemap-packages.xml")
    assert f"<loc>http://testserver{listed.get_absolute_url()}</loc>" in xml
    assert unlisted.get_absolute_url() not in xml


# The story page


def test_story_page_shows_its_package_in_order_with_the_story_itself_marked(client):
    first, middle, last = (
        make_story(headline=f"{word} story") for word in ["Early", "Mid", "Late"]
    )
    package = make_package(draft(), first, middle, scheduled(), last, name="The count")
    html = page_html(client, middle.get_absolute_url())
    section = between(html, '<nav class="story__package"', "</nav>")
    assert f'Part of <a href="{package.get_absolute_url()}">The count</a>' in section
    assert headlines_in(section, list(package_stories(package))) == [
        first.headline,
        middle.headline,
        last.headline,
    ]
    assert f'<a href="{first.get_absolute_url()}">Early story</a>' in section
    assert f'<a href="{last.get_absolute_url()}">Late story</a>' in section
    assert '<span aria-current="page">Mid story</span>' in section
    assert middle.get_absolute_url() not in section


def test_story_in_two_packages_shows_both(client):
    story = make_story()
    make_package(story, make_story(), name="Package A")
    make_package(make_story(), story, name="Package B")
    html = page_html(client, story.get_absolute_url())
    assert html.count('<nav class="story__package"') == 2
    assert html.index("Package A") < html.index("Package B")


def test_story_in_no_package_has_no_package_section(client):
    make_package(make_story())
    assert "story__package" not in page_html(client, make_story().get_absolute_url())


def test_preview_of_a_draft_shows_the_place_it_will_take(editor_client):
    first, last = make_story(headline="Before it"), make_story(headline="After it")
    unpublished = make_story(headline="The draft", status=Story.Status.DRAFT)
    make_package(first, unpublished, last)
    html = page_html(editor_client, unpublished.get_absolute_url())
    section = between(html, '<nav class="story__package"', "</nav>")
    assert headlines_in(section, [first, unpublished, last]) == [
        first.headline,
        unpublished.headline,
        last.headline,
    ]
    assert f'<span aria-current="page">{unpublished.headline}</span>' in section


def package_stories(package: Package):
    return (item.story for item in package.items.select_related("story"))


# Query counts


def test_package_page_query_count_is_independent_of_its_stories(
    client, django_assert_max_num_queries
):
    small = make_package(make_story(tags=["One"]))
    big = make_package(*[make_story(tags=[f"Tag {n}-{i}" for i in range(5)]) for n in range(15)])
    with django_assert_max_num_queries(PACKAGE_PAGE_QUERIES):
        response = client.get(big.get_absolute_url())
    assert response.content.decode().count('class="story-card"') == 15
    assert count_queries(client, small.get_absolute_url()) == count_queries(
        client, big.get_absolute_url()
    )


def test_package_index_query_count_is_independent_of_packages(
    client, django_assert_max_num_queries
):
    make_package(make_story())
    few = count_queries(client, "/packages/")
    for _ in range(10):
        make_package(make_story(), make_story())
    with django_assert_max_num_queries(PACKAGE_LIST_QUERIES):
        response = client.get("/packages/")
    assert response.content.decode().count("2 stories") == 10
    assert count_queries(client, "/packages/") == few


def test_story_page_query_count_is_independent_of_packages_and_their_stories(
    client, django_assert_max_num_queries
):
    alone = make_story()
    small = make_story()
    make_package(small, make_story())
    big = make_story()
    for _ in range(5):
        make_package(*[make_story() for _ in range(4)], big, *[make_story() for _ in range(4)])
    with django_assert_max_num_queries(STORY_PAGE_QUERIES):
        response = client.get(big.get_absolute_url())
    assert response.content.decode().count('<nav class="story__package"') == 5
    counts = {count_queries(client, story.get_absolute_url()) for story in [alone, small, big]}
    assert len(counts) == 1  # in no package, in one, in five of nine stories


# Escaping


def test_hostile_package_text_is_escaped(client, editor_client):
    story = make_story()
    package = make_package(story, name=f"Name {HOSTILE}", description=f"About {HOSTILE}")
    for url in [
        package.get_absolute_url(),
        "/packages/",
        story.get_absolute_url(),
        "/admin/packages/package/",
        f"/admin/packages/package/{package.pk}/change/",
    ]:
        html = page_html(editor_client if url.startswith("/admin/") else client, url)
        assert "<script>alert" not in html, url
        assert "<b>bold</b>" not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url


# The fixture


def test_the_fixture_packages_both_stories_earlier_first(client, fixture_stories):
    package = Package.objects.get(slug=FIXTURE_PACKAGE)
    assert package.name == "Congress certifies the 2020 election"
    assert [story.slug for story in package_stories(package)] == [EXTREME_COURAGE, PENCE_LETTER]
    html = page_html(client, package.get_absolute_url())
    assert html.index("Trump Urges Mike Pence") < html.index("In letter to Congress")
    story_page = page_html(client, f"/stories/{PENCE_LETTER}/")
    section = between(story_page, "Part of", "</nav>")
    assert f'<a href="/stories/{EXTREME_COURAGE}/">' in section
    assert '<span aria-current="page">In letter to Congress' in section
