"""Whatever anyone sends, no page answers 500: arbitrary text, control characters and huge
values in every public URL's parameters and path segments, and in the admin's story form.

The test client raises what a view raises, so an unhandled error fails the example.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.models import Story
from stories.tests.helpers import make_person, make_quote, make_story, story_form_data

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOT_A_500 = {200, 301, 302, 304, 400, 404, 405}

# Any text a URL can carry: every character but the lone surrogates UTF-8 cannot encode,
# control characters and NUL included, some of it very long.
any_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=300),
    st.text(st.sampled_from("\x00\x01\x1f\x7f\u202e\ufeff%&?#/<>\"'"), max_size=50),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("x" * 10_000),
)

PAGES_WITH_PARAMETERS = {
    "/": ["page"],
    "/search/": ["q", "page"],
    "/tags/": ["page"],
    "/people/": ["page"],
    "/packages/": ["page"],
    "/api/stories/": ["page", "page_size", "tag", "person", "since", "until"],
    "/api/people/speaker/": ["page", "page_size"],
    "/tags/budget/": ["page"],
    "/tags/budget/feed/": [],
    "/people/speaker/": ["page"],
    "/feeds/latest/": [],
    "/sitemap.xml": ["p"],
    "/sitemap-tags.xml": ["p"],
}
PATHS_WITH_A_SEGMENT = [
    "/sitemap-{}.xml",
    "/sitemap-stories-{}.xml",
    "/stories/{}/",
    "/tags/{}/",
    "/tags/{}/feed/",
    "/people/{}/",
    "/people/{}/feed/atom/",
    "/packages/{}/",
    "/api/stories/{}/",
    "/api/people/{}/",
]


@pytest.fixture
def site():
    story = make_story(slug="budget-story", tags=["Budget"])
    make_quote(story, make_person(slug="speaker"))
    return story


@pytest.mark.parametrize("url", list(PAGES_WITH_PARAMETERS))
def test_any_parameter_value_is_answered_without_a_500(client, site, url):
    names = PAGES_WITH_PARAMETERS[url] or ["anything"]

    @EXAMPLES
    @given(values=st.fixed_dictionaries({name: any_text for name in names}))
    def check(values):
        assert client.get(url, values).status_code in NOT_A_500

    check()


@pytest.mark.parametrize("pattern", PATHS_WITH_A_SEGMENT)
def test_any_path_segment_is_answered_without_a_500(client, site, pattern):
    @EXAMPLES
    @given(segment=any_text.filter(bool))
    def check(segment):
        assert client.get(pattern.format(quote(segment, safe=""))).status_code in NOT_A_500

    check()


def test_any_story_form_input_is_saved_or_refused_with_a_form_error(editor_client):
    @EXAMPLES
    @given(
        fields=st.fixed_dictionaries(
            {
                name: any_text
                for name in ["headline", "slug", "dek", "body", "tags", "byline", "source_url"]
            }
        )
    )
    def check(fields):
        response = editor_client.post("/admin/stories/story/add/", story_form_data(**fields))
        assert response.status_code in {200, 302}
        if response.status_code == 302:
            Story.objects.all().delete()

    check()


def test_any_raw_article_text_is_read_or_refused_with_a_form_error(editor_client):
    @EXAMPLES
    @given(text=any_text)
    def check(text):
        response = editor_client.post("/admin/stories/story/import/", {"text": text})
        assert response.status_code == 200

    check()
