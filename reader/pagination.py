"""Pages of a list that never count it: a page reads one row more than it shows to know
whether another page follows, so its cost does not grow with the archive.

Lists of stories newest first also page by key: the Older link carries the key of the page's
last story (``?page=N&older=KEY``) and the Newer link that of its first (``newer=KEY``), so a
reader who follows them gets each page from the index at the cost of the first page, however
deep; a page asked for by number alone is read by offset, up to MAX_PAGE. A key is the story's
publication time in microseconds since 1970 and its id: ``1462096800123456-4711``.
"""

import re
from datetime import UTC, datetime, timedelta

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

MAX_PAGE = 500  # deeper, an offset costs more than a reader gains: search and sitemaps reach all
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
KEY = re.compile(r"(-?\d{1,18})-(\d{1,18})")


def story_key(story) -> str:
    return f"{(story.published_at - EPOCH) // timedelta(microseconds=1)}-{story.pk}"


def key_parsed(text: str | None) -> tuple[datetime, int] | None:
    """A key's publication time and id, or None for anything else (then the page is read by
    its number)."""
    match = KEY.fullmatch(text or "")
    if match is None:
        return None
    try:
        return EPOCH + timedelta(microseconds=int(match[1])), int(match[2])
    except OverflowError:
        return None


class UncountedPage(Page):
    older_key = newer_key = None  # set on pages of a list paged by key

    def __init__(self, rows, number, paginator, *, more_follow: bool | None = None):
        self.more_follow = len(rows) > paginator.per_page if more_follow is None else more_follow
        super().__init__(rows[: paginator.per_page], number, paginator)

    def has_next(self) -> bool:
        return self.more_follow

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0


class UncountedPaginator(Paginator):
    """A Paginator without ``count`` or ``num_pages``; past the last page, EmptyPage."""

    def validate_number(self, number) -> int:
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(_("That page number is not an integer")) from error
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        if number > MAX_PAGE:
            raise EmptyPage(_("Lists go back %(pages)d pages at most") % {"pages": MAX_PAGE})
        return number

    def page(self, number) -> UncountedPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        return self.page_of(rows, number)

    def page_of(self, rows: list, number: int, **page) -> UncountedPage:
        if not rows and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage(_("That page contains no results"))
        return UncountedPage(rows, number, self, **page)

    def page_older_than(self, number, key: tuple[datetime, int]) -> UncountedPage:
        """Page ``number``: the stories after the one whose key is given, newest first."""
        number = self.validate_number(number)
        at, pk = key
        # The plain bound is what the index scan starts from; the OR alone is only a filter.
        older = Q(published_at__lte=at) & (Q(published_at__lt=at) | Q(published_at=at, pk__lt=pk))
        return self.page_of(list(self.object_list.filter(older)[: self.per_page + 1]), number)

    def page_newer_than(self, number, key: tuple[datetime, int]) -> UncountedPage:
        """Page ``number``: the stories before the one whose key is given, newest first."""
        number = self.validate_number(number)
        at, pk = key
        newer = Q(published_at__gte=at) & (Q(published_at__gt=at) | Q(published_at=at, pk__gt=pk))
        rows = list(self.object_list.filter(newer).reverse()[: self.per_page])[::-1]
        return self.page_of(rows, number, more_follow=True)

    @property
    def count(self):
        raise NotImplementedError("An uncounted paginator does not count its rows.")

    @property
    def num_pages(self):
        raise NotImplementedError("An uncounted paginator does not count its pages.")


class UncountedPagesMixin:
    """For a ListView: pages by UncountedPaginator; with ``allow_empty = False`` an empty first
    page is a 404 found by reading the page itself, not by a separate emptiness query.
    ``paged_by_key`` for a list of stories ordered newest first by (published_at, id)."""

    paged_by_key = False

    def get_allow_empty(self) -> bool:
        return True  # the paginator decides, from the first page's rows

    def paginate_queryset(self, queryset, page_size):
        paginator = UncountedPaginator(queryset, page_size, allow_empty_first_page=self.allow_empty)
        number = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        try:
            page = self.page_asked_for(paginator, number)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        if self.paged_by_key and page.object_list:
            if page.has_next():
                page.older_key = story_key(page.object_list[-1])
            if page.number > 2:  # the first page is asked for by its plain address
                page.newer_key = story_key(page.object_list[0])
        return paginator, page, page.object_list, page.has_other_pages()

    def page_asked_for(self, paginator: UncountedPaginator, number) -> UncountedPage:
        if self.paged_by_key:
            if (older := key_parsed(self.request.GET.get("older"))) is not None:
                return paginator.page_older_than(number, older)
            if (newer := key_parsed(self.request.GET.get("newer"))) is not None:
                return paginator.page_newer_than(number, newer)
        return paginator.page(number)
