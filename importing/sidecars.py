"""Editorial sidecars: what an article's text cannot say, kept beside it as ``<name>.toml``.

fixtures/articles/000_example.toml::

    published_at = 2021-01-06T19:00:00Z     # exact time; the text gives at most a day
    outlet = "Example Times"
    byline = "in Kyiv"                      # the free-text credit, after the authors
    authors = ["Jane Doe"]                  # author profiles, by name (made when new)
    section = "Politics"                    # the primary section (made when new)
    front_position = 0                      # its place on the front page: 0 is the lead
    tags = ["Donald Trump"]                 # added to the tag line's tags
    related = ["Another story's headline"]  # added to the RELATED lines

    [package]                               # the coverage package the story is part of
    name = "Congress certifies the 2020 election"
    position = 1                            # its place in the package, lowest first

    [[people]]                              # how a person is named and titled
    name = "Mike Pence"
    title = "Vice President"
    aliases = ["Pence", "Mr. Pence"]

    [[quotes]]                              # an attribution correction
    starts = "the courage to do"            # the first quote whose text starts so
    context = "on Twitter"
    featured = true
"""

import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from .parsing import ArticleError, KnownPerson, ParsedArticle, ParsedQuote, dedupe

NOT_TOML = "{file}: not valid TOML ({error})"
UNKNOWN_KEY = "{file}: unknown key {key!r} in {table}"
WRONG_TYPE = "{file}: {key} must be {kind}"
NAIVE_TIME = "{file}: published_at needs a time zone, such as 2021-01-06T19:00:00Z"
NO_SUCH_QUOTE = "{file}: no quote starts with {starts!r}"


class SidecarError(ArticleError):
    """A sidecar that cannot be applied; the message names the file and the reason."""


@dataclass(frozen=True)
class QuoteCorrection:
    starts: str
    speaker: str | None = None
    context: str | None = None
    said_on: date | None = None
    is_fragment: bool | None = None
    is_featured: bool | None = None
    drop: bool = False


@dataclass(frozen=True)
class PackagePlace:
    name: str
    position: int = 0


@dataclass(frozen=True)
class Sidecar:
    name: str = ""
    published_at: datetime | None = None
    outlet: str = ""
    byline: str = ""
    authors: tuple[str, ...] = ()
    section: str = ""
    front_position: int | None = None
    dek: str = ""
    source_url: str = ""
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    people: tuple[KnownPerson, ...] = ()
    quotes: tuple[QuoteCorrection, ...] = ()
    package: PackagePlace | None = None

    @property
    def published_on(self) -> date | None:
        return self.published_at.date() if self.published_at else None

    def apply(self, article: ParsedArticle) -> ParsedArticle:
        """The article with this sidecar's tags, related headlines and quote corrections."""
        quotes = list(article.quotes)
        for correction in self.quotes:
            index = next(
                (i for i, quote in enumerate(quotes) if quote.text.startswith(correction.starts)),
                None,
            )
            if index is None:
                raise SidecarError(NO_SUCH_QUOTE.format(file=self.name, starts=correction.starts))
            if correction.drop:
                del quotes[index]
            else:
                quotes[index] = corrected(quotes[index], correction)
        return replace(
            article,
            tags=dedupe([*article.tags, *self.tags]),
            related=dedupe([*article.related, *self.related]),
            quotes=quotes,
        )


NO_SIDECAR = Sidecar()

# key: (what the value must be, Python types accepted)
SIDECAR_KEYS = {
    "published_at": ("a date and time", (datetime,)),
    "outlet": ("text", (str,)),
    "byline": ("text", (str,)),
    "authors": ("a list of text", (list,)),
    "section": ("text", (str,)),
    "front_position": ("a whole number, 0 or more", (int,)),
    "dek": ("text", (str,)),
    "source_url": ("text", (str,)),
    "tags": ("a list of text", (list,)),
    "related": ("a list of text", (list,)),
    "people": ("an array of tables ([[people]])", (list,)),
    "quotes": ("an array of tables ([[quotes]])", (list,)),
    "package": ("a table ([package])", (dict,)),
}
PERSON_KEYS = {
    "name": ("text", (str,)),
    "title": ("text", (str,)),
    "aliases": ("a list of text", (list,)),
    "handle": ("text", (str,)),
}
PACKAGE_KEYS = {
    "name": ("text", (str,)),
    "position": ("a whole number, 0 or more", (int,)),
}
QUOTE_KEYS = {
    "starts": ("text", (str,)),
    "speaker": ("text", (str,)),
    "context": ("text", (str,)),
    "said_on": ("a date", (date,)),
    "fragment": ("true or false", (bool,)),
    "featured": ("true or false", (bool,)),
    "drop": ("true or false", (bool,)),
}


def sidecar_for(article_path: Path) -> Sidecar:
    """The sidecar beside an article file, or an empty one when there is none."""
    path = article_path.with_suffix(".toml")
    if not path.is_file():
        return NO_SIDECAR
    return sidecar_parse(path.read_text(encoding="utf-8"), name=str(path))


def sidecar_parse(text: str, *, name: str = "sidecar") -> Sidecar:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SidecarError(NOT_TOML.format(file=name, error=error)) from error
    checked(data, SIDECAR_KEYS, name, "the sidecar")
    published_at = data.get("published_at")
    if published_at is not None and published_at.tzinfo is None:
        raise SidecarError(NAIVE_TIME.format(file=name))
    return Sidecar(
        name=name,
        published_at=published_at,
        outlet=data.get("outlet", ""),
        byline=data.get("byline", ""),
        authors=text_list(data, "authors", name),
        section=data.get("section", "").strip(),
        front_position=front_position(data, name),
        dek=data.get("dek", ""),
        source_url=data.get("source_url", ""),
        tags=text_list(data, "tags", name),
        related=text_list(data, "related", name),
        people=tuple(person_facts(table, name) for table in tables(data, "people", name)),
        quotes=tuple(quote_correction(table, name) for table in tables(data, "quotes", name)),
        package=package_place(data["package"], name) if "package" in data else None,
    )


def front_position(data: dict, name: str) -> int | None:
    position = data.get("front_position")
    if position is not None and (isinstance(position, bool) or position < 0):
        kind = SIDECAR_KEYS["front_position"][0]
        raise SidecarError(WRONG_TYPE.format(file=name, key="front_position", kind=kind))
    return position


def person_facts(table: dict, name: str) -> KnownPerson:
    checked(table, PERSON_KEYS, name, "[[people]]", required="name")
    return KnownPerson(
        name=table["name"],
        title=table.get("title", ""),
        aliases=list(text_list(table, "aliases", name)),
        handle=table.get("handle", ""),
    )


def quote_correction(table: dict, name: str) -> QuoteCorrection:
    checked(table, QUOTE_KEYS, name, "[[quotes]]", required="starts")
    return QuoteCorrection(
        starts=table["starts"],
        speaker=table.get("speaker"),
        context=table.get("context"),
        said_on=table.get("said_on"),
        is_fragment=table.get("fragment"),
        is_featured=table.get("featured"),
        drop=table.get("drop", False),
    )


def package_place(table: dict, name: str) -> PackagePlace:
    checked(table, PACKAGE_KEYS, name, "[package]", required="name")
    if not table["name"].strip():
        kind = "text, not empty"
        raise SidecarError(WRONG_TYPE.format(file=name, key="[package] name", kind=kind))
    position = table.get("position", 0)
    if isinstance(position, bool) or position < 0:  # TOML's true is a Python int
        kind = PACKAGE_KEYS["position"][0]
        raise SidecarError(WRONG_TYPE.format(file=name, key="[package] position", kind=kind))
    return PackagePlace(name=table["name"].strip(), position=position)


def corrected(quote: ParsedQuote, correction: QuoteCorrection) -> ParsedQuote:
    changes = {
        "speaker": correction.speaker,
        "context": correction.context,
        "said_on": correction.said_on,
        "is_fragment": correction.is_fragment,
        "is_featured": correction.is_featured,
    }
    return replace(quote, **{key: value for key, value in changes.items() if value is not None})


def checked(table: dict, allowed: dict, name: str, where: str, required: str = "") -> None:
    if required and required not in table:
        kind = allowed[required][0]
        raise SidecarError(WRONG_TYPE.format(file=name, key=f"{where} {required}", kind=kind))
    for key, value in table.items():
        if key not in allowed:
            raise SidecarError(UNKNOWN_KEY.format(file=name, key=key, table=where))
        kind, types = allowed[key]
        # a TOML date-time is also a date; a said_on must be a plain date
        wrong_date = types == (date,) and isinstance(value, datetime)
        if not isinstance(value, types) or wrong_date:
            raise SidecarError(WRONG_TYPE.format(file=name, key=key, kind=kind))


def text_list(table: dict, key: str, name: str) -> tuple[str, ...]:
    values = table.get(key, [])
    if not all(isinstance(value, str) for value in values):
        raise SidecarError(WRONG_TYPE.format(file=name, key=key, kind="a list of text"))
    return tuple(values)


def tables(data: dict, key: str, name: str) -> list[dict]:
    values = data.get(key, [])
    if not all(isinstance(value, dict) for value in values):
        kind = SIDECAR_KEYS[key][0]
        raise SidecarError(WRONG_TYPE.format(file=name, key=key, kind=kind))
    return values
