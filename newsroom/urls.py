from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from newsroom.health import healthz
from newsroom.sitemaps import NEWS_SITEMAPS, SITEMAPS

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Editing"
admin.site.index_template = "admin/desk_index.html"  # the desk's work above the sections

urlpatterns = [
    path(settings.NEWSROOM_ADMIN_PATH, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path(
        "sitemap.xml",
        require_safe(index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        require_safe(sitemap),
        {"sitemaps": NEWS_SITEMAPS, "template_name": "sitemaps/news.xml"},
        name="news_sitemap",
    ),
    path(
        "sitemap-<str:section>.xml",
        require_safe(sitemap),
        {"sitemaps": SITEMAPS, "template_name": "sitemaps/sections.xml"},
        name="sitemap_section",
    ),
    path("api/", include("api.urls")),
    path("packages/", include("packages.urls")),
    path("images/", include("media.urls")),
    path("", include("reader.urls")),
]

if settings.NEWSROOM_BENCH_REFERENCE:
    from newsroom.bench_reference import bare

    urlpatterns.insert(0, path("bench/bare", bare))

handler500 = "newsroom.errors.server_error"
