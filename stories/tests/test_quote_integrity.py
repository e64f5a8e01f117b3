"""Quote integrity across the archive: the same words given to different speakers flag both
quotes until an editor confirms one or corrects the speaker; a quote repeating words published
earlier in another story links its first appearance; checked in a bounded number of queries."""

from datetime import timedelta

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from stories.models import Quote, Story
from stories.quote_integrity import check_quotes, words_check
from stories.tests.helpers import make_person, make_quote, make_story

pytestmark = pytest.mark.django_db

WORDS = "We will not raise taxes on working families this year."


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Writes whose transaction commits, so the checks they ask for run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def stored(quote: Quote) -> Quote:
    return Quote.objects.get(pk=quote.pk)


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_the_same_words_given_to_two_speakers_flag_both(committing):
    with committing():
        first = make_quote(make_story(), make_person(name="Ann Lee"), text=WORDS)
        second = make_quote(
            make_story(),
            make_person(name="Bo Park"),
            text="“we will NOT raise taxes on working families, this year”",
        )
    assert stored(first).attribution_doubted
    assert stored(second).attribution_doubted


def test_the_same_speaker_repeating_words_links_the_first_appearance(committing):
    ann = make_person(name="Ann Lee")
    with committing():
        early = make_quote(make_story(published_at=days_ago(9)), ann, text=WORDS)
        late = make_quote(make_story(published_at=days_ago(1)), ann, text=WORDS)
        draft = make_quote(make_story(status=Story.Status.DRAFT), ann, text=WORDS)
    assert (stored(late).first_said, stored(draft).first_said) == (early, early)
    assert stored(early).first_said is None
    assert not any(stored(q).attribution_doubted for q in (early, late, draft))


def test_an_unpublished_story_is_no_first_appearance(committing):
    ann = make_person(name="Ann Lee")
    with committing():
        hidden = make_story(status=Story.Status.DRAFT)
        make_quote(hidden, ann, text=WORDS)
        late = make_quote(make_story(published_at=days_ago(1)), ann, text=WORDS)
    assert stored(late).first_said is None
    with committing():
        hidden.status, hidden.published_at = Story.Status.PUBLISHED, days_ago(5)
        hidden.save()
    assert stored(late).first_said.story == hidden


def test_confirming_one_attribution_clears_both(committing, editor):
    with committing():
        first = make_quote(make_story(), make_person(), text=WORDS)
        second = make_quote(make_story(), make_person(), text=WORDS)
    with committing():
        first.attribution_confirmed_at, first.attribution_confirmed_by = timezone.now(), editor
        first.save()
    assert not stored(first).attribution_doubted
    assert not stored(second).attribution_doubted


def test_correcting_the_speaker_or_deleting_one_clears_the_other(committing):
    ann = make_person(name="Ann Lee")
    with committing():
        first = make_quote(make_story(), ann, text=WORDS)
        second = make_quote(make_story(), make_person(), text=WORDS)
        third = make_quote(
            make_story(), make_person(), text="An entirely different sentence said here today."
        )
    with committing():
        second.speaker = ann
        second.save()
    assert not stored(first).attribution_doubted
    with committing():
        third.text = WORDS
        third.save()
    assert stored(first).attribution_doubted
    with committing():
        third.delete()
    assert not stored(first).attribution_doubted


def test_fragments_and_short_sayings_are_never_flagged(committing):
    with committing():
        quotes = [
            make_quote(make_story(), make_person(), text="fake news", is_fragment=True)
            for _ in range(2)
        ] + [make_quote(make_story(), make_person(), text="Thank you very much.") for _ in range(2)]
    assert not any(stored(quote).attribution_doubted for quote in quotes)


@pytest.mark.parametrize(
    ("edited", "same"),
    [
        ("We will not raise taxes on working families this next year.", True),
        ("Look, we will not raise taxes on working families this year.", True),
        ("We will not raise taxes on working families or on small firms, ever.", False),
    ],
    ids=["edit near the end", "edit at the start", "other words after the same start"],
)
def test_words_with_a_small_edit_are_the_same_words(committing, edited, same):
    with committing():
        first = make_quote(make_story(), make_person(), text=WORDS)
        second = make_quote(make_story(), make_person(), text=edited)
    assert stored(first).attribution_doubted is same
    assert stored(second).attribution_doubted is same


def test_an_import_flags_its_quotes_against_the_archive(committing, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    earlier = make_quote(
        make_story(published_at=days_ago(30)), make_person(name="Ann Lee"), text=WORDS
    )
    (tmp_path / "a.txt").write_text(
        f' date 2024-03-05 Taxes stay put\n\n"{WORDS[:-1]}," Mayor Bo Park said.\n',
        encoding="utf-8",
    )
    with committing():
        call_command("import_articles", str(tmp_path), stdout=StringIO())
    imported = Quote.objects.exclude(pk=earlier.pk).get()
    assert imported.speaker.name == "Bo Park"
    assert stored(earlier).attribution_doubted
    assert imported.attribution_doubted
    assert imported.first_said == earlier


def test_a_check_costs_the_same_queries_however_many_quotes_share_the_words():
    def queries_for(count: int) -> int:
        Quote.objects.all().delete()
        quotes = [make_quote(make_story(), make_person(), text=WORDS) for _ in range(count)]
        with CaptureQueriesContext(connection) as captured:
            words_check({quotes[0].words_key})
        return len(captured)

    assert queries_for(2) == queries_for(30)


def test_the_whole_archive_check_finds_what_the_saves_would_have(committing):
    first = make_quote(make_story(), make_person(), text=WORDS)
    second = make_quote(make_story(), make_person(), text=WORDS)
    Quote.objects.update(attribution_doubted=False)
    assert check_quotes(batch=1) == 2
    assert stored(first).attribution_doubted
    assert stored(second).attribution_doubted
    assert check_quotes() == 0


def test_the_person_page_says_where_repeated_words_were_first_said(client, committing):
    ann = make_person(name="Ann Lee", slug="ann-lee")
    with committing():
        first = make_story(headline="Budget day", published_at=days_ago(40))
        make_quote(first, ann, text=WORDS)
        make_quote(make_story(headline="A month on", published_at=days_ago(2)), ann, text=WORDS)
    client.get("/people/ann-lee/")
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/people/ann-lee/").content.decode()
    assert html.count("first said on") == 1
    assert f'in <a href="{first.get_absolute_url()}">Budget day</a></span>' in html
    assert len(captured) <= 3


def test_the_story_form_names_the_other_speaker_until_an_editor_confirms(
    editor_client, committing, editor
):
    story = make_story(headline="Taxes stay put")
    with committing():
        mine = make_quote(story, make_person(name="Ann Lee"), text=WORDS)
        make_quote(make_story(headline="Other paper"), make_person(name="Bo Park"), text=WORDS)
    html = editor_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert "Possible misattribution" in html
    assert "Bo Park in" in html
    listing = editor_client.get("/admin/stories/quote/?attribution_doubted__exact=1")
    assert len(listing.context["cl"].result_list) == 2
    quote_page = editor_client.get(f"/admin/stories/quote/{mine.pk}/change/").content.decode()
    assert "Bo Park in <a href=" in quote_page
    assert "Other paper" in quote_page
    with committing():
        editor_client.post(
            "/admin/stories/quote/",
            {"action": "confirm_attribution", "_selected_action": [mine.pk]},
        )
    assert stored(mine).attribution_confirmed_by == editor
    html = editor_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert "Possible misattribution" not in html
    listing = editor_client.get("/admin/stories/quote/?attribution_doubted__exact=1")
    assert len(listing.context["cl"].result_list) == 0


def test_a_reporter_cannot_confirm_a_speaker(reporter_client, committing):
    with committing():
        quote = make_quote(make_story(), make_person(), text=WORDS)
    reporter_client.post(
        "/admin/stories/quote/", {"action": "confirm_attribution", "_selected_action": [quote.pk]}
    )
    assert stored(quote).attribution_confirmed_at is None


def test_the_check_quotes_command_reports_what_it_found():
    from io import StringIO

    from django.core.management import call_command

    make_quote(make_story(published_at=days_ago(3)), make_person(), text=WORDS)
    make_quote(make_story(published_at=days_ago(1)), make_person(), text=WORDS)
    out = StringIO()
    call_command("check_quotes", stdout=out)
    assert "2 changed, 2 possible misattributions, 1 repeating words first said earlier" in (
        out.getvalue()
    )


def test_the_migration_gives_existing_quotes_their_words():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("stories.migrations.0020_quote_integrity")
    quote = make_quote(make_story(), make_person(), text="Don’t “Stop” — BELIEVIN'!")
    Quote.objects.update(words="", words_key="")
    editor = type("SchemaEditor", (), {"connection": connection})()
    migration.words_fill(apps, editor)
    assert (stored(quote).words, stored(quote).words_key) == (quote.words, quote.words_key)
    assert quote.words == "dont stop believin"


def test_a_quote_a_revert_brings_back_has_its_words_and_is_checked(committing):
    first = make_quote(make_story(published_at=days_ago(3)), make_person(), text=WORDS)
    story = make_story()
    with reversion.create_revision():
        quote = make_quote(story, make_person(), text=WORDS)
        story.save()
    version = Version.objects.get_for_object(story).first()
    assert "words_key" not in Version.objects.get_for_object(quote).first().field_dict
    quote.delete()
    with committing():
        version.revision.revert(delete=True)
    back = Quote.objects.get(story=story)
    assert back.words_key == stored(first).words_key != ""
    assert back.attribution_doubted
