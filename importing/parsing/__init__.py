"""Raw article text to a parsed article, in pure Python (no Django): ``article`` reads the raw
format, ``quotation_marks`` finds where quotations open and close, ``quotes`` finds who said
them, ``names`` recognises people, ``unnamed`` the speakers the copy does not name, and
``words`` holds the word lists they read copy with."""

from .article import ArticleError, ParsedArticle, decode_article, dedupe, parse_article
from .names import KnownPerson
from .quotes import ParsedQuote

__all__ = [
    "ArticleError",
    "KnownPerson",
    "ParsedArticle",
    "ParsedQuote",
    "decode_article",
    "dedupe",
    "parse_article",
]
