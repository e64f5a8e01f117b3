"""A story page's related coverage: its own related links, then the stories linking to it."""

from dataclasses import dataclass

from stories.models import Story


@dataclass(frozen=True)
class Coverage:
    """One entry of a story's related coverage: a headline, and its address when it has one."""

    title: str
    url: str | None


def related_coverage(story: Story) -> list[Coverage]:
    """The story's own related links, then the published stories that link to it, each once.

    Reads the ``related_links`` and ``inbound_links`` prefetched by ``with_parts()``.
    """
    items = []
    linked_story_ids = set()
    for link in story.related_links.all():
        if link.target_id:
            linked_story_ids.add(link.target_id)
        items.append(Coverage(title=link.title, url=link.public_url))
    for link in story.inbound_links.all():
        if link.story_id not in linked_story_ids:
            linked_story_ids.add(link.story_id)
            items.append(Coverage(title=link.story.headline, url=link.story.get_absolute_url()))
    return items
