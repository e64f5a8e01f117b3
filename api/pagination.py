"""Pages of a list, with Django's Paginator, and the envelope the API wraps them in."""

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property


class CountedPaginator(Paginator):
    """A Paginator over rows already counted (with their latest change, in one query)."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def envelope(request, page: Page) -> dict:
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "next": page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": page_url(request, page.previous_page_number()) if page.has_previous() else None,
    }
