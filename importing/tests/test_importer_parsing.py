"""parse_article: raw text in, structured article out, with no database."""

from datetime import date

import pytest

from importing.parsing.article import (
    BINARY,
    EMPTY,
    NO_HEADLINE,
    NOT_UTF8,
    TOO_LARGE,
    ArticleError,
    decode_article,
    parse_article,
    split_tags,
)
from importing.parsing.names import KnownPerson
from stories.tests.helpers import ARTICLES


def parse(*paragraphs: str, **options):
    return parse_article("\n\n".join(["A headline", *paragraphs]), **options)


def quotes_of(article) -> list[tuple[str, str]]:
    return [(quote.speaker, quote.text) for quote in article.quotes]


def test_headline_with_date_prefix():
    article = parse_article(" date 2021-01-06 'Time for Extreme Courage!' Trump Urges\n\nBody.")
    assert article.headline == "'Time for Extreme Courage!' Trump Urges"
    assert article.published_on == date(2021, 1, 6)
    assert article.paragraphs == ["Body."]


def test_related_lines_developing_line_and_tag_line_leave_the_body():
    article = parse(
        "First paragraph.",
        "RELATED:\u00a0Democrat Raphael Warnock wins Senate race",
        "This is a developing story.",
        "News2020 ElectionPoliticsU.S.Mike Pence",
    )
    assert article.paragraphs == ["First paragraph."]
    assert article.related == ["Democrat Raphael Warnock wins Senate race"]
    assert article.is_developing
    assert article.tags == ["News", "2020 Election", "Politics", "U.S.", "Mike Pence"]


def test_tag_line_is_split_against_the_known_vocabulary_first():
    assert split_tags("NewsElection 2020Joe BidenU.S.", ["Election 2020"]) == [
        "News",
        "Election 2020",
        "Joe Biden",
        "U.S.",
    ]
    assert split_tags("COVID-19Health", ["COVID-19"]) == ["COVID-19", "Health"]


def test_a_last_sentence_is_not_mistaken_for_a_tag_line():
    article = parse("He said it was over.", "The vote is on Tuesday.")
    assert article.tags == []
    assert article.paragraphs[-1] == "The vote is on Tuesday."


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will win," Smith said.',
        '"We will win," said Smith.',
        '"We will win," Smith told reporters.',
        '"We will win," Smith wrote on Twitter.',
        'Smith, in a statement issued Monday, said, "We will win."',
        'In a letter, Mayor Jane Smith said: "We will win."',
        "“We will win,” Smith said.",
    ],
)
def test_speaker_named_before_or_after_the_quotation(paragraph):
    article = parse("Mayor Jane Smith spoke on Monday.", paragraph)
    assert [(q.speaker, q.text.rstrip(".")) for q in article.quotes] == [
        ("Jane Smith", "We will win")
    ]


def test_titles_and_honorifics_are_one_person():
    article = parse(
        "Vice President Mike Pence spoke.",
        '"First thing," Pence said.',
        '"Second thing," Mr. Pence said.',
        '"Third thing," said Vice President Mike Pence.',
    )
    assert {q.speaker for q in article.quotes} == {"Mike Pence"}


def test_pronoun_and_role_resolve_to_the_person_named_before():
    article = parse(
        "President Donald Trump held a rally. Vice President Mike Pence presided.",
        '"We won big," Trump said.',
        'Later he said "this is a time for courage, believe me."',
        '"The Vice President has the power," the president wrote on Twitter.',
    )
    assert [q.speaker for q in article.quotes] == ["Donald Trump"] * 3
    assert article.quotes[2].context == "on Twitter"


def test_a_quotation_split_by_its_attribution_is_one_quote():
    article = parse(
        "Mayor Jane Smith spoke.",
        '"The budget is balanced," she said, "and the schools are funded."',
    )
    assert quotes_of(article) == [
        ("Jane Smith", "The budget is balanced, and the schools are funded.")
    ]


def test_an_attribution_ending_a_sentence_separates_two_quotes_of_one_speaker():
    article = parse(
        '"We will not let them silence your voices," Trump told the protesters. '
        '"We will stop the steal."',
    )
    assert quotes_of(article) == [
        ("Trump", "We will not let them silence your voices"),
        ("Trump", "We will stop the steal."),
    ]
    assert [quote.context for quote in article.quotes] == ["told the protesters"] * 2


def test_single_quotes_inside_a_quotation_belong_to_it():
    article = parse(
        "Mike Pence wrote a letter.", "\"I lack 'unilateral authority' here,\" Pence said."
    )
    assert quotes_of(article) == [("Mike Pence", "I lack 'unilateral authority' here")]


def test_short_fragments_are_flagged_not_dropped():
    article = parse('Trump later dismissed this report as "fake news".')
    assert [(q.text, q.is_fragment) for q in article.quotes] == [("fake news", True)]


def test_unattributed_scare_quotes_are_left_out():
    article = parse('Supporters held a "Save America" rally in Washington.')
    assert article.quotes == []


def test_embedded_tweet_is_a_quote_of_its_author_with_date_and_handle():
    article = parse(
        "Donald Trump posted again.",
        "Do it Mike! \u2014 Donald J. Trump (@realDonaldTrump) January 6, 2021",
    )
    tweet = article.quotes[0]
    assert (tweet.speaker, tweet.text, tweet.handle) == (
        "Donald Trump",
        "Do it Mike!",
        "realDonaldTrump",
    )
    assert tweet.said_on == date(2021, 1, 6)
    assert tweet.context == "on Twitter"


def test_known_people_and_aliases_are_reused():
    known = [
        KnownPerson(name="Donald Trump", aliases=["Trump", "the president"], title="President")
    ]
    article = parse('"Do it Mike," Trump wrote on Twitter.', known_people=known)
    assert quotes_of(article) == [("Donald Trump", "Do it Mike")]


def test_the_first_fixture_article_parses_to_the_fixture_quotes():
    text = (ARTICLES / "000_9f7251af82e3b226.txt").read_text(encoding="utf-8")
    article = parse_article(text)
    assert article.headline.startswith("In letter to Congress, Pence says")
    assert article.is_developing
    assert len(article.related) == 2
    full = [(q.speaker, q.text[:30]) for q in article.quotes if not q.is_fragment]
    assert full == [
        ("Mike Pence", "It is my considered judgment t"),
        ("Mike Pence", "The presidency belongs to the "),
        ("Mike Pence", "Vesting the Vice President wit"),
        ("Trump", "We will not let them silence y"),
        ("Trump", "We will stop the steal."),
        ("Trump", "I hope Mike is going to do the"),
        ("Trump", "Because if Mike Pence does the"),
        ("Trump", "the courage to do what should "),
        ("Trump", "Mike Pence didn’t have the cou"),
    ]
    assert [q.text for q in article.quotes if q.is_fragment] == [
        "unilateral authority",
        "never concede",
    ]


def test_the_second_fixture_article_parses_to_the_fixture_quotes():
    text = (ARTICLES / "003_6001d2dea13a1716.txt").read_text(encoding="utf-8")
    article = parse_article(text)
    assert article.published_on == date(2021, 1, 6)
    assert {q.speaker for q in article.quotes} == {"Donald Trump"}
    assert [q.text for q in article.quotes if q.is_fragment] == ["fake news", "correct their votes"]
    assert "Do it Mike, this is a time for extreme courage!" in [q.text for q in article.quotes]
    electors = next(q for q in article.quotes if q.text.startswith("The Vice President has"))
    assert electors.said_on == date(2021, 1, 5)  # "on Tuesday", the day before publication


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", EMPTY),
        (b"  \n\n ", EMPTY),
        (b"Headline\x00\x01\x02", BINARY),
        ("Caf\u00e9 headline".encode("latin-1"), NOT_UTF8),
        (b"x" * 1_000_001, TOO_LARGE),
    ],
)
def test_bad_files_are_refused_with_a_reason(raw, reason):
    with pytest.raises(ArticleError, match=reason):
        decode_article(raw)


def test_text_without_a_headline_is_refused():
    with pytest.raises(ArticleError, match=NO_HEADLINE):
        parse_article(" date 2021-01-06 \n\nBody only.")


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("“", "”")])
def test_a_quotation_spanning_paragraphs_is_one_quote(opening, closing):
    text = (
        "Budget passes\n\n"
        f"Mayor Karen Oduya was blunt. {opening}We were out of time and out of options.\n\n"
        f"{opening}So we did the only thing left,{closing} Oduya said.\n\n"
        f"{opening}Nobody likes it,{closing} she added.\n"
    )
    quotes = parse_article(text).quotes
    assert [(quote.speaker, quote.text) for quote in quotes] == [
        ("Karen Oduya", "We were out of time and out of options. So we did the only thing left"),
        ("Karen Oduya", "Nobody likes it"),
    ]


def test_a_quotation_running_over_three_paragraphs_is_one_quote():
    text = 'Budget passes\n\nOduya said: "One.\n\n"Two.\n\n"Three."\n\n"Four," said Abe Lutz.\n'
    quotes = parse_article(text, known_people=[KnownPerson("Karen Oduya")]).quotes
    assert [(quote.speaker, quote.text) for quote in quotes] == [
        ("Karen Oduya", "One. Two. Three."),
        ("Abe Lutz", "Four"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ['"Stranger than expected," Miriam Castellanos, the lead scientist, told reporters.'],
            [("Miriam Castellanos", "Stranger than expected")],
            id="name-and-aside-after-the-quote",
        ),
        pytest.param(
            ['"Shelters are ready," state emergency director Calvin Mercer said in a statement.'],
            [("Calvin Mercer", "Shelters are ready")],
            id="lowercase-title-before-the-name",
        ),
        pytest.param(
            ['According to Dr. Anita Kowalczyk, the outbreak is "entirely preventable."'],
            [("Anita Kowalczyk", "entirely preventable.")],
            id="according-to",
        ),
        pytest.param(
            ['"We will co-operate fully," said its chief executive, Gareth Lyle.'],
            [("Gareth Lyle", "We will co-operate fully")],
            id="said-its-title-comma-name",
        ),
        pytest.param(
            ['"A rollback," said Ines Albuquerque of the campaign group ForestWatch Europe.'],
            [("Ines Albuquerque", "A rollback")],
            id="said-name-of-organisation",
        ),
        pytest.param(
            ['"A testament," NASA Associate Administrator Lorraine Whitaker said.'],
            [("Lorraine Whitaker", "A testament")],
            id="organisation-and-title-before-the-name",
        ),
        pytest.param(
            ['Chief Financial Officer Peter Lowe called margins "very healthy".'],
            [("Peter Lowe", "very healthy")],
            id="long-title",
        ),
        pytest.param(
            [
                "Mayor Karen Oduya and budget director Sam Achterberg spoke.",
                '"The fee closes the gap," Achterberg said, while the mayor called it "fair".',
            ],
            [("Sam Achterberg", "The fee closes the gap"), ("Karen Oduya", "fair")],
            id="two-speakers-in-a-paragraph-and-a-role",
        ),
        pytest.param(
            ['Council member Dana Whitcombe had a warning: "Response times will go up."'],
            [("Dana Whitcombe", "Response times will go up.")],
            id="colon-introduction",
        ),
        pytest.param(
            [
                '"It is a fossil," said Miriam Castellanos.',
                'Kwame Asante said the room went quiet. "Is that a moon?" he said.',
            ],
            [("Miriam Castellanos", "It is a fossil"), ("Kwame Asante", "Is that a moon?")],
            id="pronoun-means-the-subject-of-the-sentence-before",
        ),
        pytest.param(
            ['Miriam Castellanos said the shape was odd. "It is a fossil of the early system."'],
            [("Miriam Castellanos", "It is a fossil of the early system.")],
            id="speaker-in-the-sentence-before",
        ),
        pytest.param(
            ['Maya Torres told the board that "The Salt Orchard" was the best book she had read.'],
            [],
            id="book-title-in-quotation-marks-is-not-speech",
        ),
        pytest.param(
            ["Flooding is likely. \u2014 Sheriff Dale Broussard (@SheriffDale) May 1, 2025"],
            [("Dale Broussard", "Flooding is likely.")],
            id="tweet-signature-with-a-title",
        ),
        pytest.param(
            ["I resign. \u2014 Sanjay Mehta MP (@SanjayMehtaMP) May 1, 2025"],
            [("Sanjay Mehta", "I resign.")],
            id="tweet-signature-with-letters-after-the-name",
        ),
    ],
)
def test_attribution_patterns_of_real_copy(paragraphs, expected):
    assert quotes_of(parse(*paragraphs)) == expected
