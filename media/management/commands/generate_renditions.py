"""Store every rendition of the library's images ahead of readers: needed once when pages link
a bucket (NEWSROOM_IMAGE_PUBLIC_URL) for images uploaded before it was set; harmless again."""

from django.core.management.base import BaseCommand

from media.models import Image
from media.renditions import ensure_all_stored
from media.tasks import generate_renditions


class Command(BaseCommand):
    help = "Generate and store the renditions each image lacks."

    def add_arguments(self, parser):
        parser.add_argument("--image", type=int, action="append", help="only this image id")
        parser.add_argument(
            "--background", action="store_true", help="queue one task per image for db_worker"
        )

    def handle(self, *args, image=None, background=False, **options):
        images = Image.objects.order_by("pk")
        if image:
            images = images.filter(pk__in=image)
        generated = 0
        for picture in images.iterator():
            if background:
                generate_renditions.enqueue(picture.pk)
            else:
                generated += ensure_all_stored(picture)
        if background:
            self.stdout.write(f"Queued {images.count()} images: manage.py db_worker runs them.")
        else:
            self.stdout.write(f"Generated {generated} renditions.")
