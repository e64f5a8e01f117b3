"""The API's query parameters, validated by Django forms; a bad one is a 400 naming it."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

DEFAULT_PAGE_SIZE = settings.NEWSROOM_STORIES_PER_PAGE
MAX_PAGE_SIZE = 100
EARLIEST_YEAR, LATEST_YEAR = 1000, 9000  # beyond these, time zone arithmetic overflows

WHOLE_NUMBER = "must be a whole number."
PAGE_FROM_ONE = "starts at 1."
PAGE_SIZE_RANGE = f"must be from 1 to {MAX_PAGE_SIZE}."
NOT_A_MOMENT = (
    "must be an ISO 8601 date (2024-05-01) or date and time "
    "(2024-05-01T14:30:00Z, 2024-05-01T16:30:00%%2B02:00); got %(value)r."
)
OUT_OF_RANGE = "is out of range; got %(value)r."


class MomentField(forms.Field):
    """An ISO 8601 date or date and time; a time without a time zone is in the site's."""

    default_error_messages = {"invalid": NOT_A_MOMENT, "out_of_range": OUT_OF_RANGE}

    def to_python(self, value) -> date | datetime | None:
        if value in self.empty_values:
            return None
        try:
            moment = parse_date(value) or parse_datetime(value)
        except ValueError:
            moment = None
        if moment is None:
            raise ValidationError(self.error_messages["invalid"], "invalid", {"value": value})
        if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            raise ValidationError(
                self.error_messages["out_of_range"], "out_of_range", {"value": value}
            )
        if isinstance(moment, datetime) and timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment


class PageForm(forms.Form):
    page = forms.IntegerField(
        required=False,
        min_value=1,
        error_messages={"invalid": WHOLE_NUMBER, "min_value": PAGE_FROM_ONE},
    )
    page_size = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        error_messages={
            "invalid": WHOLE_NUMBER,
            "min_value": PAGE_SIZE_RANGE,
            "max_value": PAGE_SIZE_RANGE,
        },
    )

    def number(self) -> int:
        return self.cleaned_data["page"] or 1

    def size(self) -> int:
        return self.cleaned_data["page_size"] or DEFAULT_PAGE_SIZE

    def filters(self) -> str:
        """The list's filters as a name, the same for every page of the same list."""
        return repr(
            sorted(
                (name, str(value))
                for name, value in self.cleaned_data.items()
                if name not in PageForm.base_fields
            )
        )

    def error_message(self) -> str:
        """Every bad parameter with what is wrong with it: "page_size: must be from 1 to 100."."""
        return " ".join(
            f"{name}: {message}" for name, messages in self.errors.items() for message in messages
        )


class StoryListForm(PageForm):
    tag = forms.CharField(required=False, strip=False, empty_value=None)
    person = forms.CharField(required=False, strip=False, empty_value=None)
    since = MomentField(required=False)
    until = MomentField(required=False)

    def published_between(self) -> Q:
        """``since`` and ``until`` as a filter on published_at; a date means the whole day."""
        since, until = self.cleaned_data["since"], self.cleaned_data["until"]
        window = Q()
        if isinstance(since, datetime):
            window &= Q(published_at__gte=since)
        elif since is not None:
            window &= Q(published_at__gte=start_of_day(since))
        if isinstance(until, datetime):
            window &= Q(published_at__lte=until)
        elif until is not None:
            window &= Q(published_at__lt=start_of_day(until + timedelta(days=1)))
        return window


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
