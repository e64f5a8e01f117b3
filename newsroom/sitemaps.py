"""The site's sitemaps: /sitemap.xml is an index of sections, /sitemap-<section>.xml each
section (a year of stories, tags, people, packages; the site: section fronts, authors, site
pages), /sitemap-news.xml the last 48 hours."""

from collections.abc import Iterator, Mapping

from packages.sitemaps import PackageSitemap
from reader.sitemaps import (
    NewsSitemap,
    PersonSitemap,
    SiteSitemap,
    StoryYearSitemap,
    TagSitemap,
    story_year_counts,
    story_years,
)

STORY_SECTION = "stories-"
OTHER_SECTIONS = {
    "tags": TagSitemap,
    "people": PersonSitemap,
    "packages": PackageSitemap,
    "site": SiteSitemap,
}


class Sections(Mapping):
    """The sections as Django's sitemap views read them; the years are those of the archive
    when the sitemap is asked for."""

    def __getitem__(self, section: str):
        if section in OTHER_SECTIONS:
            return OTHER_SECTIONS[section]
        year = section.removeprefix(STORY_SECTION)
        if (
            section.startswith(STORY_SECTION)
            and year.isascii()
            and year.isdigit()
            and 1000 <= int(year) <= 9998
        ):
            return StoryYearSitemap(int(year))  # a year without stories is an empty section
        raise KeyError(section)

    def __iter__(self) -> Iterator[str]:
        yield from (f"{STORY_SECTION}{year}" for year in story_years())
        yield from OTHER_SECTIONS

    def items(self):
        """All sections, the years read once (the index view reads this)."""
        counts = story_year_counts()
        stories = [
            (f"{STORY_SECTION}{year}", StoryYearSitemap(year, counts.get(year, 0)))
            for year in story_years(counts)
        ]
        return stories + list(OTHER_SECTIONS.items())

    def __len__(self) -> int:
        return len(story_years()) + len(OTHER_SECTIONS)

    # Django's reverse() compares a URL pattern's extra arguments with themselves: a Mapping
    # would compare its items, and each year's sitemap is made anew.
    __eq__ = object.__eq__
    __hash__ = object.__hash__


SITEMAPS = Sections()
NEWS_SITEMAPS = {"news": NewsSitemap}
