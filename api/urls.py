"""The read-only JSON API, mounted at /api/."""

from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.api_index, name="index"),
    path("stories/", views.story_list, name="story_list"),
    path("stories/<slug:slug>/", views.story_detail, name="story_detail"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
]
