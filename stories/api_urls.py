"""The read-only JSON API, mounted at /api/."""

from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("stories/", api.story_list, name="story_list"),
    path("stories/<slug:slug>/", api.story_detail, name="story_detail"),
    path("people/<slug:slug>/", api.person_detail, name="person_detail"),
]
