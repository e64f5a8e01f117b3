"""What crawlers and browsers ask every site for: /robots.txt naming the sitemaps, and
/favicon.ico for clients that look there rather than at the page's icon links."""

from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Searching costs the site more than any page and gives a crawler nothing a page does not.
KEPT_FROM_CRAWLERS = ["/search/"]


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in KEPT_FROM_CRAWLERS), ""]
    lines += [
        f"Sitemap: {request.build_absolute_uri(reverse(name))}"
        for name in ("sitemap", "news_sitemap")
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=86400)
def favicon_ico(request):
    return HttpResponseRedirect(static("reader/favicon.ico"))
