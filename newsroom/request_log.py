"""Every request gets an id: in the response's X-Request-ID header, in every log line written
while it is served, and on its error page, so a reader can quote it and an engineer find it.

Log lines are JSON objects, one per line, for whatever collects the server's output."""

import contextvars
import json
import logging
import re
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; an id from anywhere else is replaced, not trusted.
WELL_FORMED_ID = re.compile(r"[0-9A-Za-z-]{8,64}")

current_request_id = contextvars.ContextVar("request_id", default="")


def request_id_for(request) -> str:
    offered = request.META.get("HTTP_X_REQUEST_ID", "")
    return offered if WELL_FORMED_ID.fullmatch(offered) else uuid.uuid4().hex


def assign_request_id(get_response):
    def middleware(request):
        request.id = request_id_for(request)
        token = current_request_id.set(request.id)
        try:
            response = get_response(request)
        finally:
            current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request.id
        return response

    return middleware


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class JsonLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", ""):
            line["request_id"] = record.request_id
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            line["method"] = request.method
            line["path"] = request.path
        if hasattr(record, "status_code"):
            line["status"] = record.status_code
        if record.exc_info:
            line["error"] = record.exc_info[0].__name__
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
