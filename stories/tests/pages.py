"""Reading pages in tests: fetch one expecting a status, cut out one part of it."""


def page_html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def between(html: str, start: str, end: str) -> str:
    """The text after the first ``start`` up to the next ``end``."""
    return html.split(start, 1)[1].split(end, 1)[0]
