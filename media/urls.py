from django.urls import path

from . import views

app_name = "media"

urlpatterns = [
    path("<int:image_id>/<str:version>/<str:name>", views.rendition, name="rendition"),
]
