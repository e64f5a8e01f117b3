"""Patterns of published copy the importer reads: each with its own made-up example."""

from importing.parsing.quotes import find_quotes


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
