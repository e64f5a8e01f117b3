"""Quotations are found whatever marks real copy uses, and narrative is never taken for one."""

import pytest

from importing.parsing.quotation_marks import quotations, without_quotations
from importing.parsing.quotes import find_quotes


def texts(paragraph: str) -> list[str]:
    return [span.text for span in quotations(paragraph).spans]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will rebuild,” the mayor said.',
        '“We will rebuild," the mayor said.',
        '"We will rebuild," the mayor said.',
        "“We will rebuild,” the mayor said.",
    ],
    ids=["straight then curly", "curly then straight", "straight", "curly"],
)
def test_a_quotation_opened_with_one_kind_of_mark_closes_with_the_other(paragraph):
    assert texts(paragraph) == ["We will rebuild,"]


def test_a_quotation_reopened_before_it_closed_ends_where_the_next_opens():
    paragraph = (
        'She paused. "I do not know what to think. "I can just imagine the phone calls," '
        "she said, and the room laughed."
    )
    assert texts(paragraph) == [
        "I do not know what to think. ",
        "I can just imagine the phone calls,",
    ]
    assert "the room laughed" in without_quotations(paragraph)


def test_narrative_between_two_quotations_is_never_a_quotation():
    paragraph = '"We won," he said. The crowd cheered for minutes. "We will win again."'
    assert texts(paragraph) == ["We won,", "We will win again."]


def test_a_missing_space_before_a_quotation_still_opens_it():
    paragraph = 'Trump repeated his claims of fraud."We will stop the steal," he said.'
    assert texts(paragraph) == ["We will stop the steal,"]


def test_a_doubled_opening_mark_is_a_typo():
    assert texts("“”This is a fraud,” the judge said.") == ["This is a fraud,"]


def test_a_straight_mark_between_letters_is_an_apostrophe():
    paragraph = 'Kuwait"s oil minister said "there is no need for an emergency meeting."'
    assert texts(paragraph) == ["there is no need for an emergency meeting."]


def test_a_quotation_left_open_is_reported_with_where_it_starts():
    found = quotations('Officials said: "The road will stay shut until May.')
    assert found.spans == []
    assert found.open_from == 16


def test_quotes_with_mismatched_marks_across_paragraphs_are_one_quote():
    quotes = find_quotes(
        [
            "Council leader Amara Osei spoke after the vote.",
            '"We were told the money was there.',
            '"It was not there,” Osei said.',
        ]
    )
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Amara Osei", "We were told the money was there. It was not there")
    ]
