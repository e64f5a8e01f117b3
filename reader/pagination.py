"""Pages of a list that never count it: a page reads one row more than it shows to know
whether another page follows, so its cost does not grow with the archive."""

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

MAX_PAGE = 500  # deeper, an offset costs more than a reader gains: search and sitemaps reach all


class UncountedPage(Page):
    def __init__(self, rows, number, paginator):
        self.more_follow = len(rows) > paginator.per_page
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
        if not rows and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage(_("That page contains no results"))
        return UncountedPage(rows, number, self)

    @property
    def count(self):
        raise NotImplementedError("An uncounted paginator does not count its rows.")

    @property
    def num_pages(self):
        raise NotImplementedError("An uncounted paginator does not count its pages.")


class UncountedPagesMixin:
    """For a ListView: pages by UncountedPaginator; with ``allow_empty = False`` an empty first
    page is a 404 found by reading the page itself, not by a separate emptiness query."""

    def get_allow_empty(self) -> bool:
        return True  # the paginator decides, from the first page's rows

    def paginate_queryset(self, queryset, page_size):
        paginator = UncountedPaginator(queryset, page_size, allow_empty_first_page=self.allow_empty)
        number = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        try:
            page = paginator.page(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        return paginator, page, page.object_list, page.has_other_pages()
