"""An editor reorders the front page in the admin and schedules a change to it, in a real
headless Chromium; readers see the order at once and the scheduled one only at its time."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from fronts.models import Lineup
from stories.tests.helpers import EXTREME_COURAGE, PENCE_LETTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(page, live_server, editor):
    call_command("loaddata", "fixtures/stories.json", verbosity=0)
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return live_server.url


def lead_on(page, site: str) -> str:
    page.goto(site + "/")
    return page.locator(".lineup__lead h2 a").get_attribute("href")


def test_an_editor_reorders_the_front_page_and_schedules_a_change(page, desk):
    assert lead_on(page, desk) == f"/stories/{PENCE_LETTER}/"
    page.goto(desk + "/admin/fronts/lineup/")
    page.locator("#result_list tbody th a").first.click()
    page.locator(".field-story .select2-selection").nth(1).click()  # the first empty row
    page.locator(".select2-search__field").fill("Extreme")
    page.locator(".select2-results__option", has_text="Extreme Courage").click()
    page.fill("input[name='slots-0-position']", "1")
    page.fill("input[name='slots-1-position']", "0")
    with page.expect_navigation():
        page.click("input[name='_save']")
    assert page.locator(".messagelist .success").count() == 1
    assert lead_on(page, desk) == f"/stories/{EXTREME_COURAGE}/"

    page.goto(desk + "/admin/fronts/lineup/")
    page.locator("#result_list tbody th a").first.click()
    page.fill("input[name='slots-0-position']", "0")
    page.fill("input[name='slots-1-position']", "1")
    tomorrow = timezone.localtime() + timedelta(days=1)
    page.fill("input[name='takes_effect_at_0']", tomorrow.strftime("%Y-%m-%d"))
    with page.expect_navigation():
        page.click("input[name='_saveasnew']")
    assert page.locator(".messagelist .success").count() == 1
    assert Lineup.objects.count() == 2
    assert lead_on(page, desk) == f"/stories/{EXTREME_COURAGE}/"  # until tomorrow
    page.goto(desk + "/admin/fronts/lineup/")
    listing = page.locator("#result_list").inner_text()
    assert "Scheduled" in listing
    assert "In effect" in listing
