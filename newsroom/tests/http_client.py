"""A browser's part of a served site, for tests and benchmarks: one keep-alive connection
with the cookies the server set on it, signing in, and the admin story form's fields as a
browser would post them."""

import http.client
import http.cookies
import urllib.parse
from html.parser import HTMLParser


class Connection:
    """One keep-alive HTTP connection, with the cookies the server set on it."""

    def __init__(self, base: str):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.http = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: list | None = None):
        headers = {"Host": f"{self.host}:{self.port}"}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        for attempt in (1, 2):
            try:
                self.http.request(method, path, body=body, headers=headers)
                response = self.http.getresponse()
                content = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.http.close()  # a kept-alive connection the server closed: open anew
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
        return response.status, content


class ChangeForm(HTMLParser):
    """The fields a browser would post from the admin's story form."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.inside = False
        self.textarea: str | None = None
        self.select: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "story_form":
            self.inside = True
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append(
                (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "textarea":
            self.textarea, self.text = attrs["name"], []
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            text = "".join(self.text)
            self.fields.append((self.textarea, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.inside:
            self.inside = False


def sign_in(connection: Connection, username: str, password: str) -> None:
    """Sign in through the admin's login form; raises if no session came of it."""
    connection.request("GET", "/admin/login/")
    connection.request(
        "POST",
        "/admin/login/?next=/admin/",
        [
            ("csrfmiddlewaretoken", connection.cookies["csrftoken"]),
            ("username", username),
            ("password", password),
            ("next", "/admin/"),
        ],
    )
    if "sessionid" not in connection.cookies:
        raise RuntimeError(f"{username} could not sign in")


def story_saved_through_admin(connection: Connection, story_id: str, **changes: str) -> int:
    """Open the story's change form, change ``changes``'s fields, save; the answer's status."""
    path = f"/admin/stories/story/{story_id}/change/"
    form = ChangeForm()
    form.feed(connection.request("GET", path)[1])
    fields = [(name, changes.get(name, value)) for name, value in form.fields]
    return connection.request("POST", path, [*fields, ("_continue", "1")])[0]
