"""A row's children read in the row's own query: a correlated subquery gathers them into one
JSON array column, and the array becomes model instances in the row's prefetch cache, where
``prefetch_related`` would have put them, one query fewer for each relation read this way.

Each child carries every concrete field of its model, and the named fields of the related row
it names (the others deferred, as with ``only()``); values come back through each field's own
``to_python``, datetimes aware as the database backend would give them. Children are put in
the order their ``ordering`` names, sorted in Python (SQLite cannot order inside an aggregate).

The ORM resolves and compiles a subquery anew on every use, which for three of them costs more
than the round trips they save; so each is compiled once per database and outer query and its
SQL reused (``SubqueryCompiledOnce``). A relation's rows must then not depend on the moment
they are read in Python: a time to compare with is the database's ``Now()``.
"""

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import models
from django.db.models import Aggregate, Expression, F, JSONField, QuerySet, Subquery
from django.db.models.functions import JSONObject
from django.db.models.query import ModelIterable


class JSONArrayAgg(Aggregate):
    """JSON_GROUP_ARRAY on SQLite, JSONB_AGG on PostgreSQL: the rows as a JSON array."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra)


@dataclass(frozen=True)
class ChildrenAsJSON:
    """The children of a row in ``cache_name`` of its prefetch cache, read from ``rows``
    (correlated to the row by an OuterRef) grouped by ``parent``, each child with the
    ``related_fields`` of its ``related`` row (a forward foreign key)."""

    cache_name: str
    rows: QuerySet
    parent: str
    ordering: tuple[str, ...]
    related: str | None = None
    related_fields: tuple[str, ...] = ()

    @property
    def annotation_name(self) -> str:
        return f"{self.cache_name}_as_json"

    def subquery(self) -> Subquery:
        gathered = (
            self.rows.order_by()
            .values(self.parent)
            .annotate(children=JSONArrayAgg(JSONObject(**self.columns())))
            .values("children")
        )
        return Subquery(gathered, output_field=JSONField())

    def columns(self) -> dict[str, F]:
        columns = {f.attname: F(f.attname) for f in concrete_fields(self.rows.model)}
        for name in self.related_fields:
            columns[f"{self.related}__{name}"] = F(f"{self.related}__{name}")
        return columns

    def related_model(self):
        return self.rows.model._meta.get_field(self.related).related_model

    def put_in_cache(self, parent: models.Model, db: str) -> None:
        children = getattr(parent, self.annotation_name)
        delattr(parent, self.annotation_name)
        if isinstance(children, str):
            children = json.loads(children)
        instances = [self.instance(child, db) for child in children or []]
        instances.sort(key=self.sort_key)
        cached = getattr(parent, self.cache_name).all()
        cached._result_cache = instances
        cached._prefetch_done = True
        parent.__dict__.setdefault("_prefetched_objects_cache", {})[self.cache_name] = cached

    def instance(self, child: dict, db: str) -> models.Model:
        instance = from_values(self.rows.model, child, db)
        if self.related:
            prefix = f"{self.related}__"
            values = {k.removeprefix(prefix): v for k, v in child.items() if k.startswith(prefix)}
            setattr(instance, self.related, from_values(self.related_model(), values, db))
        return instance

    def sort_key(self, instance: models.Model) -> tuple:
        key = []
        for name in self.ordering:
            value = attribute_at(instance, name.lstrip("-"))
            key.append(Descending(value) if name.startswith("-") else value)
        return tuple(key)


class Descending:
    """Sorts the value it holds the other way round."""

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return other.value < self.value

    def __eq__(self, other):
        return self.value == other.value


class SubqueryCompiledOnce(Expression):
    compiled: dict[tuple, tuple[str, tuple]] = {}

    def __init__(self, relation: ChildrenAsJSON):
        super().__init__(output_field=JSONField())
        self.relation = relation

    def resolve_expression(self, query=None, *args, **kwargs):
        return self.copy()

    def as_sql(self, compiler, connection):
        outer = compiler.query
        key = (connection.alias, self.relation.cache_name, outer.base_table, outer.alias_prefix)
        if key not in self.compiled:
            sql, params = compiler.compile(self.relation.subquery().resolve_expression(outer))
            self.compiled[key] = sql, tuple(params)
        return self.compiled[key]


def concrete_fields(model) -> list:
    return [f for f in model._meta.concrete_fields if not isinstance(f, JSONField)]


def from_values(model, values: dict, db: str) -> models.Model:
    fields = [f for f in concrete_fields(model) if f.attname in values]
    converted = [python_value(f, values[f.attname]) for f in fields]
    return model.from_db(db, [f.attname for f in fields], converted)


def python_value(model_field, value):
    value = model_field.to_python(value)
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # SQLite keeps UTC times without their offset
    return value


def attribute_at(instance: models.Model, path: str):
    for name in path.split("__"):
        instance = getattr(instance, name)
    return instance


def with_children_as_json(queryset: QuerySet, *relations: ChildrenAsJSON) -> QuerySet:
    queryset = queryset.annotate(
        **{relation.annotation_name: SubqueryCompiledOnce(relation) for relation in relations}
    )
    queryset._iterable_class = children_iterable(
        relations, getattr(queryset._iterable_class, "relations", ())
    )
    return queryset


def children_iterable(relations, earlier=()) -> type:
    everything = (*earlier, *relations)

    class ChildrenIterable(ModelIterable):
        relations = everything

        def __iter__(self):
            db = self.queryset.db
            for row in super().__iter__():
                for relation in everything:
                    if hasattr(row, relation.annotation_name):
                        relation.put_in_cache(row, db)
                yield row

    return ChildrenIterable
