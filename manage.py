#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    if "DJANGO_SECRET_KEY" not in os.environ:
        # A checkout with no secret configured is a development machine. The web servers
        # (newsroom/wsgi.py, asgi.py) have no such default: without a key they refuse to start.
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
