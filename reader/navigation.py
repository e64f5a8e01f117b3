"""The site's navigation: the sections in the editors' order, then the featured tags; and the
footer's site pages."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import F, IntegerField, Value

from stories.models import Section, SitePage, featured_tags

SECTION, TAG, PAGE = 0, 1, 2


@dataclass(frozen=True)
class NavigationLink:
    name: str
    slug: str


class SiteNavigation:
    """Read in one query, and only by a page whose template shows it."""

    @cached_property
    def rows(self) -> list[tuple[int, int, str, str]]:
        sections = Section.objects.filter(in_navigation=True).annotate(
            nav_kind=Value(SECTION, output_field=IntegerField()), nav_place=F("position")
        )
        tags = featured_tags().annotate(
            nav_kind=Value(TAG, output_field=IntegerField()), nav_place=F("profile__position")
        )
        pages = SitePage.objects.filter(in_footer=True).annotate(
            nav_kind=Value(PAGE, output_field=IntegerField()),
            nav_place=F("position"),
            name=F("title"),
        )
        columns = ("nav_kind", "nav_place", "nav_name", "nav_slug")
        sections, tags, pages = (
            rows.order_by().annotate(nav_name=F("name"), nav_slug=F("slug")).values_list(*columns)
            for rows in (sections, tags, pages)
        )
        everything = sections.union(tags, pages, all=True)
        return list(everything.order_by("nav_kind", "nav_place", "nav_name"))

    def links(self, kind: int) -> list[NavigationLink]:
        return [
            NavigationLink(name, slug) for row_kind, _, name, slug in self.rows if row_kind == kind
        ]

    @property
    def sections(self) -> list[NavigationLink]:
        return self.links(SECTION)

    @property
    def featured_tags(self) -> list[NavigationLink]:
        return self.links(TAG)

    @property
    def footer_pages(self) -> list[NavigationLink]:
        return self.links(PAGE)
