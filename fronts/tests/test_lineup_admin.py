"""Editors order a front in the admin, schedule a change with "Save as new", and find every
lineup in the history; a save over another editor's change is refused."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from fronts.models import Lineup, LineupSlot
from stories.tests.helpers import make_story

pytestmark = pytest.mark.django_db


def lineup_form(*stories, when=None, section="", **extra) -> dict:
    when = timezone.localtime(when or timezone.now())
    data = {
        "section": section,
        "takes_effect_at_0": when.strftime("%Y-%m-%d"),
        "takes_effect_at_1": when.strftime("%H:%M:%S"),
        "note": "",
        "slots-TOTAL_FORMS": str(len(stories)),
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
    }
    for index, (position, story) in enumerate(stories):
        data |= {f"slots-{index}-position": position, f"slots-{index}-story": story.pk}
    return data | extra


def existing_rows(lineup: Lineup) -> dict:
    slots = list(lineup.slots.all())
    data = {"slots-TOTAL_FORMS": str(len(slots)), "slots-INITIAL_FORMS": str(len(slots))}
    for index, slot in enumerate(slots):
        data |= {
            f"slots-{index}-id": slot.pk,
            f"slots-{index}-lineup": lineup.pk,
            f"slots-{index}-position": slot.position,
            f"slots-{index}-story": slot.story_id,
        }
    return data


def opened_at(client, lineup: Lineup) -> str:
    form = client.get(f"/admin/fronts/lineup/{lineup.pk}/change/").context["adminform"].form
    return form["opened_at"].value()


def test_an_editor_orders_the_front_page_by_position(editor_client, client):
    first, second, third = (make_story(headline=h) for h in ("Alpha", "Beta", "Gamma"))
    data = lineup_form((2, first), (0, third), (1, second))
    assert editor_client.post("/admin/fronts/lineup/add/", data).status_code == 302
    lineup = Lineup.objects.get()
    assert [slot.story.headline for slot in lineup.slots.all()] == ["Gamma", "Beta", "Alpha"]
    assert lineup.updated_by.username == "desk"
    html = client.get("/").content.decode()
    assert html.index("Gamma") < html.index("Beta") < html.index("Alpha")


def test_save_as_new_with_a_time_to_come_schedules_a_change_and_keeps_the_one_in_effect(
    editor_client,
):
    lead, next_lead = make_story(headline="Today"), make_story(headline="Tonight")
    editor_client.post("/admin/fronts/lineup/add/", lineup_form((0, lead)))
    live = Lineup.objects.get()
    tonight = timezone.now() + timedelta(hours=6)
    data = lineup_form(when=tonight) | existing_rows(live) | {"_saveasnew": "Save as new"}
    data["slots-0-story"] = next_lead.pk
    data["opened_at"] = opened_at(editor_client, live)
    assert editor_client.post(f"/admin/fronts/lineup/{live.pk}/change/", data).status_code == 302
    scheduled = Lineup.objects.exclude(pk=live.pk).get()
    assert [slot.story for slot in scheduled.slots.all()] == [next_lead]
    assert [slot.story for slot in live.slots.all()] == [lead]
    listing = editor_client.get("/admin/fronts/lineup/").content.decode()
    assert "Scheduled" in listing
    assert "In effect" in listing


def test_a_save_over_a_change_made_since_opening_is_refused(editor_client):
    story, other = make_story(), make_story()
    editor_client.post("/admin/fronts/lineup/add/", lineup_form((0, story)))
    lineup = Lineup.objects.get()
    stale = opened_at(editor_client, lineup)
    data = lineup_form(note="Mine") | existing_rows(lineup) | {"opened_at": stale}
    Lineup.objects.get(pk=lineup.pk).save()  # another editor saved in between
    data["slots-0-story"] = other.pk
    response = editor_client.post(f"/admin/fronts/lineup/{lineup.pk}/change/", data)
    assert response.status_code == 200
    assert "was changed by" in response.content.decode()
    assert [slot.story for slot in lineup.slots.all()] == [story]


def test_each_save_of_a_lineup_is_in_its_history_with_its_stories(editor_client):
    first, second = make_story(headline="Alpha"), make_story(headline="Beta")
    editor_client.post("/admin/fronts/lineup/add/", lineup_form((0, first)))
    lineup = Lineup.objects.get()
    data = lineup_form() | existing_rows(lineup) | {"opened_at": opened_at(editor_client, lineup)}
    data["slots-0-story"] = second.pk
    assert editor_client.post(f"/admin/fronts/lineup/{lineup.pk}/change/", data).status_code == 302
    versions = Version.objects.get_for_object(lineup)
    assert len(versions) == 2
    older = versions.last().revision.version_set.filter(content_type__model="lineupslot").get()
    assert older.field_dict["story_id"] == first.pk
    history = editor_client.get(f"/admin/fronts/lineup/{lineup.pk}/history/").content.decode()
    assert history.count("/history/") >= 2


def test_a_story_twice_in_a_lineup_is_a_form_error(editor_client):
    story = make_story()
    response = editor_client.post("/admin/fronts/lineup/add/", lineup_form((0, story), (1, story)))
    assert response.status_code == 200
    assert not Lineup.objects.exists()
    assert not LineupSlot.objects.exists()


def test_reporters_see_the_lineups_but_do_not_change_them(reporter_client):
    story = make_story()
    lineup = Lineup.objects.create()
    LineupSlot.objects.create(lineup=lineup, story=story)
    assert reporter_client.get("/admin/fronts/lineup/").status_code == 200
    response = reporter_client.post("/admin/fronts/lineup/add/", lineup_form((0, story)))
    assert response.status_code == 403


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks")
def test_the_check_for_a_change_since_opening_locks_the_row_until_the_save(editor_client):
    editor_client.post("/admin/fronts/lineup/add/", lineup_form((0, make_story())))
    lineup = Lineup.objects.get()
    data = lineup_form(note="Mine") | existing_rows(lineup)
    data["opened_at"] = opened_at(editor_client, lineup)
    with CaptureQueriesContext(connection) as captured:
        response = editor_client.post(f"/admin/fronts/lineup/{lineup.pk}/change/", data)
    assert response.status_code == 302
    locks = [query["sql"] for query in captured if "FOR UPDATE" in query["sql"]]
    assert len(locks) == 1
    assert '"fronts_lineup"' in locks[0]
