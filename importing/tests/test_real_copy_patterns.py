"""Patterns of published copy the importer reads: each with its own made-up example."""

import pytest

from importing.parsing.quotes import find_quotes
from importing.people import person_for


def said(*paragraphs: str) -> list[tuple[str, str]]:
    return [(quote.speaker, quote.text) for quote in find_quotes(list(paragraphs))]


def test_a_given_name_is_the_person_named_in_full():
    assert said(
        "Jerry Jones, the team's owner, watched from his box with his son Stephen Jones.",
        '"We are not done," Jerry said.',
        '"Not even close," Stephen said.',
    ) == [("Jerry Jones", "We are not done"), ("Stephen Jones", "Not even close")]


def test_a_short_name_quoted_before_the_full_name_is_that_person():
    assert said(
        '"The signal was late," McCaughrean said.',
        "Mark McCaughrean, a senior adviser at the agency, watched the data arrive.",
    ) == [("Mark McCaughrean", "The signal was late")]


def test_a_surname_of_two_words_is_the_person_named_in_full():
    assert said(
        "Linda Black Elk, a botanist, treated people at the camp.",
        '"It was chaos," Black Elk said.',
    ) == [("Linda Black Elk", "It was chaos")]


def test_a_longer_form_of_a_name_already_given_is_the_same_person():
    assert said(
        "Stephen Jones runs the club's football side.",
        "Born John Stephen Jones in 1964, he grew up around the oil business.",
        '"I never looked back," Jones said.',
    ) == [("Stephen Jones", "I never looked back")]


def test_a_word_opening_a_sentence_is_not_part_of_a_name():
    assert said(
        "Ask Damien Chazelle what Los Angeles means and he talks about the sky.",
        '"It is the light," Chazelle said.',
    ) == [("Damien Chazelle", "It is the light")]


def test_a_speech_verb_opening_an_inverted_sentence_is_not_a_name():
    assert said(
        'Replied Stephen: "There was not a peep."',
        "Stephen Jones, the owner's son, had argued for the pick.",
    ) == [("Stephen Jones", "There was not a peep.")]


def test_an_adverb_opening_a_sentence_is_not_a_speaker():
    quotes = said(
        "President Ana Ruiz said she had a short list of five candidates.",
        'Earlier she said that her deputy "would be incredible."',
    )
    assert quotes == [("Ana Ruiz", "would be incredible.")]


def test_an_unnamed_speaker_keeps_the_quote_as_written():
    assert said(
        '"It is not Machiavellian," said a senior administration official.',
        "When asked about the hoses, a sheriff’s spokeswoman initially told reporters that "
        'protesters were "starting fires."',
        '"If you are scared, then I am really scared," one team executive joked.',
        'Prosecutors alleged that he "planned it for months."',
    ) == [
        ("a senior administration official", "It is not Machiavellian"),
        ("a sheriff’s spokeswoman", "starting fires."),
        ("one team executive", "If you are scared, then I am really scared"),
        ("Prosecutors", "planned it for months."),
    ]


def test_a_document_or_company_speaks_when_no_person_can_be_meant():
    assert said(
        '"Some computers crashed," the report said.',
        '"We look forward to working with the Air Force," the company said.',
    ) == [
        ("the report", "Some computers crashed"),
        ("the company", "We look forward to working with the Air Force"),
    ]


def test_a_role_with_the_is_still_the_person_named_before():
    assert said(
        "Keisha Darrow, a nurse at the county hospital, waited four hours to speak.",
        '"I was the only person under 40 in the room," the nurse said.',
    ) == [("Keisha Darrow", "I was the only person under 40 in the room")]


def test_a_label_is_not_a_speaker():
    assert (
        said(
            'Opponents call him "the Landlord of Westbury," a label he calls unfair.',
            "Victor Almeida owns the mill.",
        )
        == []
    )


def test_she_is_not_the_man_named_last():
    assert said(
        "Michelle Obama spoke to Oprah Winfrey about the election.",
        '"We feel what not having hope feels like," Michelle Obama said.',
        "Without naming Donald Trump, the first lady said the country would miss a steady hand.",
        '"They look up at you to figure out whether it hurts," she said.',
    ) == [
        ("Michelle Obama", "We feel what not having hope feels like"),
        ("Michelle Obama", "They look up at you to figure out whether it hurts"),
    ]


def test_he_is_the_man_the_copy_calls_mr():
    assert said(
        "Mr. Alvarez met Ms. Chen after the vote.",
        "Ms. Chen left first.",
        '"We will appeal," he said.',
    ) == [("Alvarez", "We will appeal")]


def test_a_quotation_ending_before_the_rest_of_its_sentence_keeps_its_speaker():
    assert said(
        "Samir Azzouz teaches constitutional law.",
        '"We must read what is written" in that law, Azzouz said.',
    ) == [("Samir Azzouz", "We must read what is written")]


def test_present_tense_and_less_common_speech_verbs_attribute():
    assert said(
        '"I had a little bit of capital," Chazelle claims, "and then I maxed it all out."',
        '"What about a college without a program," Alito interjected.',
        '"That is the job," says Parata.',
    ) == [
        ("Chazelle", "I had a little bit of capital, and then I maxed it all out."),
        ("Alito", "What about a college without a program"),
        ("Parata", "That is the job"),
    ]


def test_a_name_and_title_after_a_quotation_attribute_it_without_a_verb():
    assert said(
        '"The engagement has been amazing," Mark McCaughrean, senior adviser for the agency. '
        '"Nobody eats sandwiches on Rosetta."',
    ) == [
        ("Mark McCaughrean", "The engagement has been amazing"),
        ("Mark McCaughrean", "Nobody eats sandwiches on Rosetta."),
    ]


def test_a_second_speaker_introduced_between_two_quotations_is_not_merged():
    assert said(
        "Stephen Jones sat beside his father.",
        '"There was not a peep," says Stephen, who told his father, "Dad, take Zack."',
    ) == [("Stephen Jones", "There was not a peep"), ("Stephen Jones", "Dad, take Zack.")]


def test_a_quotation_that_ended_its_sentence_is_not_merged_with_the_next():
    assert said(
        'A Colorado Democrat said it would be as exciting "as watching paint dry." '
        'One Nevada Democrat asked simply, "Who cares?"',
    ) == [
        ("A Colorado Democrat", "as watching paint dry."),
        ("One Nevada Democrat", "Who cares?"),
    ]


def test_a_closing_mark_the_wrong_way_round_still_closes():
    assert said('"I thought I was doing it for him,“ Jerry Jones says now.') == [
        ("Jerry Jones", "I thought I was doing it for him")
    ]


def test_a_short_complete_sentence_is_not_a_fragment():
    quotes = find_quotes(
        [
            'Coach Dana Reyes watched the replay. "That\'s perfect," she said.',
            'She called the defending "too passive."',
        ]
    )
    assert [(q.text, q.is_fragment) for q in quotes] == [
        ("That's perfect", False),
        ("too passive.", True),
    ]


def test_a_paragraph_that_is_all_quotation_follows_the_speaker_introduced_before():
    assert said(
        "Kara Whitlow, 26, was gracious in defeat after the final.",
        '"I felt her coming. You always feel it in the last 15 meters."',
    ) == [("Kara Whitlow", "I felt her coming. You always feel it in the last 15 meters.")]


def test_a_quotation_after_according_to_an_unnamed_source():
    assert said(
        'According to the department of conservation, "the river will stay closed."',
    ) == [("the department of conservation", "the river will stay closed.")]


def test_a_long_inverted_attribution():
    assert said(
        '"We will not be moved," said Grace Hill, who runs the tenants\' association and '
        "has lived on the block for 40 years.",
    ) == [("Grace Hill", "We will not be moved")]


def test_a_place_before_a_name_is_not_part_of_it():
    assert said(
        "Former special envoy for Ukraine Kurt Volker testified on Tuesday.",
        '"I was not aware of it," Volker said.',
    ) == [("Kurt Volker", "I was not aware of it")]


def test_a_room_is_not_a_speaker():
    assert said(
        "President Ana Ruiz met her cabinet on Monday.",
        'In the Cabinet Room, the president said, "We are done here."',
    ) == [("Ana Ruiz", "We are done here.")]


def test_an_unnamed_speaker_is_kept_without_a_surname(db):
    official = person_for("a senior administration official")
    assert (official.name, official.alias_list) == ("a senior administration official", [])
    assert person_for("a senior administration official") == official
    assert person_for("Official").pk != official.pk


@pytest.mark.parametrize(
    "verb", ["instructed", "recalled", "insisted", "warned", "conceded", "quipped", "tweeted"]
)
def test_speech_verbs_beyond_said(verb):
    assert said(f'"We will be back," Ruiz {verb}.') == [("Ruiz", "We will be back")]


def test_a_family_name_that_is_also_a_word_is_still_the_person():
    assert said(
        "Senator Hannah Long has long opposed the bill, which she said would cost too much.",
        '"It is a long road," Long said. "We have only started."',
    ) == [("Hannah Long", "It is a long road"), ("Hannah Long", "We have only started.")]


def test_a_role_given_instead_of_the_name_is_the_person():
    assert said(
        "Senator James Lankford, the Oklahoma Republican, left the chamber early.",
        '"We are not there yet," the Oklahoma Republican said.',
    ) == [("James Lankford", "We are not there yet")]


def test_the_patient_keeps_the_quote():
    assert said(
        "Doctors at the clinic saw dozens of cases last week.",
        '"I could not breathe," the patient said.',
    ) == [("the patient", "I could not breathe")]


def test_a_partial_quotation_after_a_cue_that_is_not_said():
    assert said(
        'The firms said they wanted consumers to enjoy "the best prices of the year."',
    ) == [("The firms", "the best prices of the year.")]
