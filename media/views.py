"""Renditions served by the app itself, for when no storage URL is configured: generated on
the first request, then read from storage, and cached by readers and CDNs for a year."""

import re

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .models import Image
from .renditions import CROPS, Rendition, ensure_stored, formats, widths

FILE_NAME = re.compile(r"(?P<crop>[a-z0-9]+)-(?P<width>[1-9][0-9]{0,4})\.(?P<extension>[a-z]+)")
FOR_EVER = "public, max-age=31536000, immutable"
A_MOMENT = "public, max-age=300"


@require_safe
def rendition(request, image_id: int, version: str, name: str):
    match = FILE_NAME.fullmatch(name)
    if match is None or match["crop"] not in CROPS or match["extension"] not in formats():
        raise Http404("No such rendition.")
    image = get_object_or_404(Image, pk=image_id)
    crop, width = match["crop"], int(match["width"])
    if version != image.version:
        return moved_on(image, crop, width, match["extension"])
    if width not in widths(image, crop):
        raise Http404("The image does not come in this width.")
    wanted = Rendition(image, crop, width, match["extension"])
    stored = image.file.storage.open(ensure_stored(wanted), "rb")
    response = FileResponse(stored, content_type=wanted.format.content_type)
    response["Cache-Control"] = FOR_EVER
    return response


def moved_on(image: Image, crop: str, width: int, extension: str) -> HttpResponseRedirect:
    """An address from before the image or its focal point changed: the nearest width of the
    current version, briefly cached, since the image may change again."""
    available = widths(image, crop)
    nearest = min(available, key=lambda candidate: abs(candidate - width))
    response = HttpResponseRedirect(Rendition(image, crop, nearest, extension).url)
    response["Cache-Control"] = A_MOMENT
    return response
