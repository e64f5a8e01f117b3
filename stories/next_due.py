"""When the next of some scheduled rows falls due (a story's publication, a front's lineup),
kept in the cache so a request that finds nothing due costs one cache read.

The soonest time is read from the primary database, never a replica that may lag behind a
save. A save reads it again at once and once more when its transaction commits, so no
request keeps the time as it stood before the commit, and no reader pays for reading it.
With a cache per server, another server's saves show at most ``LIFETIME`` late.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import router, transaction
from django.db.models import QuerySet

NOTHING_DUE = "none"
LIFETIME = 60  # seconds


@dataclass(frozen=True)
class NextDue:
    key: str
    pending: Callable[[], QuerySet]
    field: str

    def get(self) -> datetime | None:
        due = cache.get(self.key)
        if due is None:
            due = self.refresh()
        return None if due == NOTHING_DUE else due

    def refresh(self) -> datetime | str:
        rows = self.pending()
        due = (
            rows.using(router.db_for_write(rows.model))
            .order_by(self.field)
            .values_list(self.field, flat=True)
            .first()
        )
        cache.set(self.key, due or NOTHING_DUE, LIFETIME)
        return due or NOTHING_DUE

    def changed(self) -> None:
        """What is due has changed in the current transaction."""
        self.refresh()
        transaction.on_commit(self.refresh, robust=True)

    def forget(self) -> None:
        cache.delete(self.key)
