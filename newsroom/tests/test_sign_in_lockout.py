"""Wrong passwords lock one account out from one address (django-axes), with a clear page and
a command to lift it; the rest of a newsroom behind the same address still signs in."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

PASSWORD = "correct horse"
NEWSROOM_ADDRESS = "203.0.113.7"


@pytest.fixture
def sign_in(reporter):
    def attempt(password, username="cub", address=NEWSROOM_ADDRESS, **headers):
        return Client(REMOTE_ADDR=address, **headers).post(
            reverse("admin:login"), {"username": username, "password": password}
        )

    return attempt


def fail_until_locked(sign_in, **where):
    for _ in range(4):
        assert sign_in("wrong", **where).status_code == 200
    assert sign_in("wrong", **where).status_code == 429


def test_five_wrong_passwords_lock_the_account_out_with_a_clear_page(sign_in):
    fail_until_locked(sign_in)
    locked = sign_in(PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in locked" in page
    assert "5 wrong passwords in a row from your address" in page
    assert "for 15 minutes" in page
    assert "sessionid" not in locked.cookies


def test_a_locked_account_still_signs_in_from_elsewhere_and_colleagues_from_here(sign_in):
    get_user_model().objects.create_user("desk", password=PASSWORD, is_staff=True)
    fail_until_locked(sign_in)
    assert sign_in(PASSWORD, address="198.51.100.9").status_code == 302
    assert sign_in(PASSWORD, username="desk").status_code == 302


def test_signing_in_correctly_starts_the_count_again(sign_in):
    for _ in range(4):
        sign_in("wrong")
    assert sign_in(PASSWORD).status_code == 302
    for _ in range(4):
        sign_in("wrong")
    assert sign_in(PASSWORD).status_code == 302


def test_the_unlock_command_lifts_a_lockout(sign_in):
    fail_until_locked(sign_in)
    assert sign_in(PASSWORD).status_code == 429
    call_command("axes_reset_username", "cub")
    assert sign_in(PASSWORD).status_code == 302


def test_a_client_cannot_dodge_the_lockout_by_claiming_another_address(sign_in):
    fail_until_locked(sign_in)
    assert sign_in(PASSWORD, HTTP_X_REAL_IP="192.0.2.1").status_code == 429


@override_settings(NEWSROOM_CLIENT_IP_HEADER="X-Real-IP")
def test_behind_the_proxy_the_address_it_reports_is_the_clients(sign_in):
    proxy = "127.0.0.1"
    fail_until_locked(sign_in, address=proxy, HTTP_X_REAL_IP=NEWSROOM_ADDRESS)
    assert sign_in(PASSWORD, address=proxy, HTTP_X_REAL_IP=NEWSROOM_ADDRESS).status_code == 429
    assert sign_in(PASSWORD, address=proxy, HTTP_X_REAL_IP="198.51.100.9").status_code == 302
