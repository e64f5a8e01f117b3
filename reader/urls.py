from django.urls import path

from . import feeds, furniture, views

app_name = "stories"  # the URL names templates use: {% url "stories:story_detail" … %}

urlpatterns = [
    path("", views.FrontPageView.as_view(), name="front"),
    path("robots.txt", furniture.robots_txt, name="robots_txt"),
    path("favicon.ico", furniture.favicon_ico, name="favicon"),
    path("stories/<slug:slug>/", views.StoryDetailView.as_view(), name="story_detail"),
    path("tags/", views.TagListView.as_view(), name="tag_list"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("feeds/latest/", feeds.LatestStoriesFeed(), name="latest_feed"),
    path("feeds/latest/atom/", feeds.LatestStoriesAtomFeed(), name="latest_feed_atom"),
    path("tags/<slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tags/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("people/<slug:slug>/feed/", feeds.PersonFeed(), name="person_feed"),
    path(
        "people/<slug:slug>/feed/atom/",
        feeds.PersonAtomFeed(),
        name="person_feed_atom",
    ),
    path("sections/<slug:slug>/", views.SectionDetailView.as_view(), name="section_detail"),
    path("authors/", views.AuthorListView.as_view(), name="author_list"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author_detail"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
    path("search/", views.SearchView.as_view(), name="search"),
    # last: a site page's address is any one no other page has (stories.models.site_pages)
    path("<slug:slug>/", views.SitePageView.as_view(), name="site_page"),
]
