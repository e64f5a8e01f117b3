from django.views.generic import DetailView, ListView

from reader.pages import CanonicalUrlMixin, meta_description
from stories.models import Story

from .models import Package


class PackageListView(CanonicalUrlMixin, ListView):
    template_name = "packages/package_list.html"
    context_object_name = "packages"
    paginate_by = 50

    def get_queryset(self):
        return Package.objects.listed()


class PackageDetailView(CanonicalUrlMixin, DetailView):
    """The package's published stories in its order; a package with none yet is an empty page."""

    model = Package
    template_name = "packages/package_detail.html"
    context_object_name = "package"

    def get_context_data(self, **kwargs):
        package = self.object
        stories = Story.objects.cards().filter(package_items__package=package)
        return super().get_context_data(
            stories=stories.order_by("package_items__position", "package_items__id"),
            meta_description=meta_description(package.description),
            **kwargs,
        )
