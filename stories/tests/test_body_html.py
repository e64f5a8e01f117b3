"""The body's HTML subset: what the sanitizer keeps and drops, and the plain text from it."""

import pytest

from stories.body_html import paragraphs_as_html, plain_text, sanitized


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
        ('<p onclick="alert(1)" style="color:red">Hi</p>', "<p>Hi</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="data:text/html,hi">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="//evil.example/">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ("<h1>Big</h1><h2>Sub</h2>", "Big<h2>Sub</h2>"),
        ("<p>a<!-- note -->b</p>", "<p>ab</p>"),
        ('<img src="x" onerror="alert(1)">', ""),
        ("<svg><script>alert(1)</script></svg><p>ok</p>", "<p>ok</p>"),
    ],
)
def test_the_sanitizer_drops_what_is_not_on_the_list(dirty, clean):
    assert sanitized(dirty) == clean


@pytest.mark.parametrize(
    "href",
    ["https://example.org/a?b=1", "http://example.org", "mailto:desk@example.org", "/tags/x/"],
)
def test_links_to_the_web_mail_and_the_site_are_kept(href):
    assert sanitized(f'<a href="{href}">x</a>') == (
        f'<a href="{href.replace("&", "&amp;")}" rel="noopener noreferrer">x</a>'
    )


def test_paragraphs_become_elements_and_come_back_as_the_same_text():
    text = "First <b>line</b> & more.\nSame paragraph.\n\nSecond paragraph."
    html = paragraphs_as_html(text)
    assert html == (
        "<p>First &lt;b&gt;line&lt;/b&gt; &amp; more.<br>Same paragraph.</p>"
        "<p>Second paragraph.</p>"
    )
    assert plain_text(html) == text


def test_plain_text_keeps_headings_and_list_items_as_blocks():
    html = "<h2>Sub</h2><p>One <em>two</em></p><ul><li>a</li><li>b</li></ul>"
    assert plain_text(html) == "Sub\n\nOne two\n\na\n\nb"
