"""The site's sitemaps, by section: /sitemap.xml lists them all, /sitemap-news.xml the news."""

from packages.sitemaps import PackageSitemap
from reader.sitemaps import NewsSitemap, PersonSitemap, StorySitemap, TagSitemap

SITEMAPS = {
    "stories": StorySitemap,
    "tags": TagSitemap,
    "people": PersonSitemap,
    "packages": PackageSitemap,
}
NEWS_SITEMAPS = {"news": NewsSitemap}
