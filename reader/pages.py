"""What public pages share: a canonical address, a meta description, and the answer at a
tag's old address."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from stories.models import TagRedirect
from stories.text import shorten

META_DESCRIPTION_LENGTH = 160


def meta_description(text: str) -> str:
    return shorten(text, META_DESCRIPTION_LENGTH)


class CanonicalUrlMixin:
    """Gives the page its ``canonical_url``: its absolute address, with ?page=N past the first
    page and no other query parameter."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        path = self.request.path
        page = context.get("page_obj")
        if page is not None and page.number > 1:
            path += f"?page={page.number}"
        context["canonical_url"] = self.request.build_absolute_uri(path)
        return context


def tag_moved(request, slug: str, url_name: str) -> HttpResponsePermanentRedirect:
    """301 from a tag's old slug to the same page of the tag it became, in one hop."""
    tag = TagRedirect.objects.tag_at(slug)
    if tag is None:
        raise Http404("No tag has this address.")
    url = reverse(url_name, kwargs={"slug": tag.slug})
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
