"""No page answers TRACE or CONNECT; pages that only read answer other writes with 405."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/healthz", "/sitemap.xml", "/sitemap-news.xml", "/feeds/latest/", "/admin/"]
READ_ONLY = ["/healthz", "/sitemap.xml", "/sitemap-news.xml", "/feeds/latest/"]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("method", ["TRACE", "CONNECT"])
def test_trace_and_connect_are_refused_everywhere(client, url, method):
    response = client.generic(method, url)
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]


@pytest.mark.parametrize("url", READ_ONLY)
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_read_only_pages_refuse_writes(client, url, method):
    assert getattr(client, method)(url).status_code == 405


@pytest.mark.parametrize("url", READ_ONLY)
def test_read_only_pages_answer_head(client, url):
    assert client.head(url).status_code == 200
