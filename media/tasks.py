"""Renditions generated ahead of readers, by `manage.py db_worker` (django-tasks)."""

from django_tasks import task

from .models import Image
from .renditions import ensure_all_stored


@task()
def generate_renditions(image_id: int) -> int:
    image = Image.objects.filter(pk=image_id).first()
    return ensure_all_stored(image) if image is not None else 0
