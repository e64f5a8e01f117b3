from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: from the header the proxy in front sets, if one is configured.

    The header is believed only because the proxy overwrites whatever a client sent in it;
    without such a proxy NEWSROOM_CLIENT_IP_HEADER must stay unset."""
    header = settings.NEWSROOM_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "").strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")
