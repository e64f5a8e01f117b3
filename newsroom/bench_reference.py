"""The reference `make bench` compares every page with: a Django view that does no work,
through the same middleware. Mounted at /bench/bare only when NEWSROOM_BENCH_REFERENCE is set."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def bare(request):
    return HttpResponse(b"ok\n", content_type="text/plain")
