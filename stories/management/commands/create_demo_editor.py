from django.core.management.base import BaseCommand, CommandError

from stories.demo import DEMO_USERNAME, DemoAccountRefused, demo_editor_create


class Command(BaseCommand):
    help = "Create (or reset) the demo editor account and print its user name and password."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=DEMO_USERNAME)

    def handle(self, *args, username, **options):
        try:
            user, password = demo_editor_create(username=username)
        except DemoAccountRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo editor account (for this demo only):"))
        self.stdout.write(f"  user name: {user.get_username()}")
        self.stdout.write(f"  password:  {password}")
