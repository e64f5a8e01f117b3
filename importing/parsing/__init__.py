"""Raw article text to a parsed article, in pure Python (no Django): ``article`` reads the raw
format, ``quotes`` finds the quotations and who said them, ``names`` recognises people, and
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
