"""The public pages pass axe-core, fit a phone, keep a readable column and work by keyboard."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from stories.tests.helpers import EXTREME_COURAGE, PENCE_LETTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "front": "/",
    "story-pence-letter": f"/stories/{PENCE_LETTER}/",
    "story-extreme-courage": f"/stories/{EXTREME_COURAGE}/",
    "tags": "/tags/",
    "tag": "/tags/2020-election/",
    "people": "/people/",
    "person": "/people/mike-pence/",
    "section": "/sections/politics/",
    "authors": "/authors/",
    "author": "/authors/newsroom-demo-desk/",
    "about": "/about/",
    "search": "/search/?q=Pence",
    "search-no-results": "/search/?q=zeppelin",
}
# Pages photographed at both widths, and the file name each screenshot takes.
SCREENSHOTS = {
    "front": "front",
    "story-pence-letter": "story",
    "tag": "tag",
    "person": "person",
    "section": "section",
    "author": "author",
    "search": "search",
}
PHONE = 375
DESKTOP = 1280
SERIOUS_IMPACTS = {"serious", "critical"}
READABLE_COLUMN_REM = 50
# The header's stops in the order a keyboard user meets them (the document order).
HEADER_STOPS = ".skip-link, .site-name, .site-nav a, #site-search-query"
RESULT_LINK = ".search-result .story-card__headline a"
MAX_TABS_TO_A_RESULT = 30

# A keyboard user must see where the focus is: an outline or a box-shadow.
FOCUS_IS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return outlined || style.boxShadow !== "none";
}"""
DESCRIBE_FOCUS = "() => document.activeElement.outerHTML.slice(0, 120)"
WIDEST_TEXT_BLOCK = """() => Math.max(...Array.from(
  document.querySelectorAll("main :is(h1, h2, p, li, blockquote, figcaption)"),
  element => element.getBoundingClientRect().width,
))"""
REM = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"


@pytest.fixture
def site(live_server):
    call_command("loaddata", "fixtures/stories.json", "fixtures/site_pages.json", verbosity=0)
    return live_server.url


def open_page(page, url: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"


def violation_summary(violation: dict) -> dict:
    return {
        "id": violation["id"],
        "impact": violation["impact"],
        "help": violation["help"],
        "help_url": violation["helpUrl"],
        "targets": [" ".join(map(str, node["target"])) for node in violation["nodes"]],
    }


def audit_record(name: str, path: str, width: int, axe_response: dict) -> dict:
    violations = [violation_summary(violation) for violation in axe_response["violations"]]
    impacts = ["critical", "serious", "moderate", "minor"]
    return {
        "page": name,
        "path": path,
        "width": width,
        "axe_core": axe_response["testEngine"]["version"],
        "violations_by_impact": {
            impact: sum(v["impact"] == impact for v in violations) for impact in impacts
        },
        "violations": violations,
    }


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['impact']} {v['id']} at {', '.join(v['targets'])}: {v['help']} ({v['help_url']})"
        for v in violations
    )


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_or_critical_axe_violations(site, page, artifacts_dir, name, width):
    open_page(page, site + PAGES[name], width)
    record = audit_record(name, PAGES[name], width, Axe().run(page).response)
    record_file = artifacts_dir / f"axe-{name}-{width}.json"
    record_file.write_text(json.dumps(record, indent=2) + "\n")
    serious = [v for v in record["violations"] if v["impact"] in SERIOUS_IMPACTS]
    assert not serious, f"axe-core on {PAGES[name]} at {width}px:\n{describe(serious)}"


def screenshot_if_wanted(page, artifacts_dir, name: str, width: int):
    if name in SCREENSHOTS:
        page.screenshot(path=artifacts_dir / f"{SCREENSHOTS[name]}-{width}.png", full_page=True)


def test_no_page_scrolls_sideways_on_a_phone(site, page, artifacts_dir):
    too_wide = {}
    for name, path in PAGES.items():
        open_page(page, site + path, PHONE)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > PHONE:
            too_wide[name] = scroll_width
        screenshot_if_wanted(page, artifacts_dir, name, PHONE)
    assert not too_wide, f"pages wider than {PHONE}px (scrollWidth): {too_wide}"


def test_text_column_is_at_most_50rem_on_a_wide_screen(site, page, artifacts_dir):
    too_wide = {}
    for name, path in PAGES.items():
        open_page(page, site + path, DESKTOP)
        column_rem = page.evaluate(WIDEST_TEXT_BLOCK) / page.evaluate(REM)
        if column_rem > READABLE_COLUMN_REM:
            too_wide[name] = round(column_rem, 1)
        screenshot_if_wanted(page, artifacts_dir, name, DESKTOP)
    assert not too_wide, f"text columns wider than {READABLE_COLUMN_REM}rem: {too_wide}"


def press_tab(page) -> bool:
    """Move the focus on; whether the newly focused element shows a focus indicator."""
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_IS_VISIBLE)


def focus_matches(page, selector: str) -> bool:
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def focus_is_header_stop(page, index: int) -> bool:
    return page.evaluate(
        "([stops, index]) => document.activeElement === document.querySelectorAll(stops)[index]",
        [HEADER_STOPS, index],
    )


def test_keyboard_user_searches_from_the_header_and_opens_a_result(site, page):
    page.goto(site + "/")
    header_stops = page.locator(HEADER_STOPS)
    assert page.locator(".site-nav a").count() >= 3, "Latest, Topics and People at least"
    for index in range(header_stops.count()):
        focus_shows = press_tab(page)
        expected = header_stops.nth(index).evaluate("element => element.outerHTML.slice(0, 120)")
        reached = page.evaluate(DESCRIBE_FOCUS)
        assert focus_is_header_stop(page, index), f"Tab should reach {expected}, reached {reached}"
        assert focus_shows, f"no visible focus on {reached}"
    assert focus_matches(page, "#site-search-query")
    page.keyboard.type("Pence")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=Pence" in page.url

    invisible_focus = []
    for _ in range(MAX_TABS_TO_A_RESULT):
        if not press_tab(page):
            invisible_focus.append(page.evaluate(DESCRIBE_FOCUS))
        if focus_matches(page, RESULT_LINK):
            break
    assert focus_matches(page, RESULT_LINK), f"no result link within {MAX_TABS_TO_A_RESULT} tabs"
    assert not invisible_focus, f"focused without a visible indicator: {invisible_focus}"
    result_url = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == result_url
    assert "/stories/" in page.url
