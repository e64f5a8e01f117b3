"""The story changelist's date drill-down without reading every story:
``{% load story_changelist %}{% story_date_hierarchy cl %}``."""

from datetime import date, timedelta

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Max, Min
from django.utils import formats
from django.utils.text import capfirst
from django.utils.timezone import localtime

register = template.Library()


@register.inclusion_tag("admin/date_hierarchy.html")
def story_date_hierarchy(cl) -> dict:
    """Django's date hierarchy finds the years (or months, or days) that have stories by
    reading the date of every story; here they run from the first story's to the last's
    (one query: two lookups on the date's index). Once a year is chosen, Django's own
    drill-down reads at most that year."""
    field = cl.date_hierarchy
    if any(name.startswith(f"{field}__") for name in cl.params):
        return date_hierarchy(cl)
    span = cl.queryset.order_by().aggregate(first=Min(field), last=Max(field))
    if span["first"] is None:
        return {"show": False}
    first, last = localtime(span["first"]).date(), localtime(span["last"]).date()

    def choice(title: str, **parts: int) -> dict:
        query = {f"{field}__{part}": value for part, value in parts.items()}
        return {"link": cl.get_query_string(query, [f"{field}__"]), "title": title}

    if first.year != last.year:
        choices = [choice(str(year), year=year) for year in range(first.year, last.year + 1)]
    elif first.month != last.month:
        choices = [
            choice(month_title(date(first.year, month, 1)), year=first.year, month=month)
            for month in range(first.month, last.month + 1)
        ]
    else:
        days = (first + timedelta(days=n) for n in range((last - first).days + 1))
        choices = [
            choice(day_title(day), year=day.year, month=day.month, day=day.day) for day in days
        ]
    return {"show": True, "back": None, "choices": choices}


def month_title(month: date) -> str:
    return capfirst(formats.date_format(month, "YEAR_MONTH_FORMAT"))


def day_title(day: date) -> str:
    return capfirst(formats.date_format(day, "MONTH_DAY_FORMAT"))
