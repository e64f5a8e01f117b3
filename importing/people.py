"""The people an import quotes: found among the site's people by name, alias or surname, or
added, so that one person keeps one page however texts name them."""

from collections.abc import Iterable

from stories.models import Person
from stories.slugs import unique_slug

from .parsing import KnownPerson, dedupe
from .parsing.words import DESCRIBING_WORDS


def known_people(people: Iterable[Person] | None = None) -> list[KnownPerson]:
    return [
        KnownPerson(name=p.name, aliases=p.alias_list, title=p.title, handle=p.handle)
        for p in (Person.objects.all() if people is None else people)
    ]


def person_for(name: str, title: str = "", handle: str = "", *, aliases: list[str] = ()) -> Person:
    """The one Person for a name: by name, alias or unique surname, else a new one.

    A Person created from a bare surname ("Trump") becomes the full name when one turns up.
    ``aliases`` are added to the person's own.
    """
    if is_description(name):  # "a senior official": no surname, nor anyone else's
        person = Person.objects.filter(name__iexact=name).first()
        return person or person_created(Person(name=name, slug=unique_slug(Person, name)))
    person = person_matching(name)
    surname = name.split()[-1]
    if person is None and " " in name:
        person = Person.objects.filter(name__iexact=surname).first()
        if person is not None:
            person.name = name
    if person is None:
        person = Person(name=name, slug=unique_slug(Person, name))
    wanted = [surname] if " " in name else []
    new_aliases = [
        alias
        for alias in dedupe([*wanted, *aliases])
        if alias.casefold() not in map(str.casefold, person.alias_list)
    ]
    before = (person.name, person.aliases, person.title, person.handle)
    person.aliases = "\n".join([*person.alias_list, *new_aliases])
    person.title = person.title or title.title()
    person.handle = person.handle or handle
    if person.pk is None or (person.name, person.aliases, person.title, person.handle) != before:
        person.full_clean()
        person.save()
    return person


def is_description(name: str) -> bool:
    """A speaker the copy did not name ("a senior administration official", "the report")."""
    return name.split()[0].casefold() in DESCRIBING_WORDS


def person_created(person: Person) -> Person:
    person.full_clean()
    person.save()
    return person


def person_matching(name: str) -> Person | None:
    """The person a name already means: by name, alias or a surname only one person has."""
    person = Person.objects.filter(name__iexact=name).first() or person_by_alias(name)
    if person is None and " " not in name:
        ending = Person.objects.filter(name__iendswith=f" {name}")[:3]
        same_surname = [p for p in ending if not is_description(p.name)]
        person = same_surname[0] if len(same_surname) == 1 else None
    return person


def person_among(people: list[Person], name: str) -> Person | None:
    """``person_matching`` over people already read."""
    wanted = name.casefold()
    for person in people:
        if person.name.casefold() == wanted or wanted in map(str.casefold, person.alias_list):
            return person
    if " " in name:
        return None
    same_surname = [
        p for p in people if p.name.casefold().endswith(f" {wanted}") and not is_description(p.name)
    ]
    return same_surname[0] if len(same_surname) == 1 else None


def person_facts_save(facts: KnownPerson) -> Person:
    """An editor's facts about a person win over what the importer guessed."""
    person = person_for(facts.name, handle=facts.handle, aliases=facts.aliases)
    person.title = facts.title or person.title
    person.full_clean()
    person.save()
    return person


def person_by_alias(name: str) -> Person | None:
    for candidate in Person.objects.filter(aliases__icontains=name):
        if name.casefold() in (alias.casefold() for alias in candidate.alias_list):
            return candidate
    return None
