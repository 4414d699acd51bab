"""The modulestore's ``get_items`` over a ``Platform``'s authored blocks, as the evaluation report
asks it (``emm_xblocks.common.course_outline``).

It follows ``xmodule/modulestore/split_mongo/split.py`` (openedx-platform), reached in the LMS
through ``xmodule/modulestore/mixed.py`` (``get_items(course_key, **kwargs)`` hands the keywords to
the course's store):

* ``get_items(course_locator, settings=None, content=None, qualifiers=None, include_orphans=True)``
  answers the blocks of the course's structure that match ``qualifiers``, ``category`` being the
  block type; a course the store does not hold raises ``ItemNotFoundError`` (``_lookup_course``);
  ``mixed.py`` raises for a key that is not a course key (split would answer ``[]``);
* ``include_orphans=False`` keeps the blocks reachable from the course's root through
  ``children`` only;
* Studio's delete (``delete_item``) takes the block out of its parent's ``children`` and removes
  it and its subtree from the structure (``_remove_subtree``): here ``Platform.delete`` takes it
  out of its parent's ``children``, and this walk, from the root, never meets it again whatever
  ``include_orphans`` says (the structure holds no orphan).

Each item has ``location``, its usage key (split builds it with the course key it read, branch
and version included: the report compares ``location.block_id`` only). ``settings``,
``content`` and qualifiers other than ``category`` are not used by the package and refused here.
"""

import weakref
from dataclasses import dataclass

from xblock.fields import Scope
from xblock.runtime import KeyValueStore

_platforms = []  # weak references to every Platform made, the latest last (a test may set its course key after)


class ItemNotFoundError(Exception):
    """``xmodule/modulestore/exceptions.py``."""


@dataclass(frozen=True)
class Item:
    location: object


def register(platform):
    _platforms[:] = [ref for ref in _platforms if ref() is not None]
    _platforms.append(weakref.ref(platform))


def _platform_of(course_locator):
    """The latest Platform whose course is ``course_locator``, or None."""
    for ref in reversed(_platforms):
        platform = ref()
        if platform is not None and str(platform.course_key) == str(course_locator):
            return platform
    return None


class Modulestore:
    def get_items(self, course_locator, settings=None, content=None, qualifiers=None, include_orphans=True,
                  **kwargs):
        if settings or content or kwargs or set(qualifiers or {}) - {"category"}:
            raise NotImplementedError("only qualifiers={'category': ...} is stood in for")
        if not getattr(course_locator, "is_course", False):
            raise Exception("Must pass in a course_key when calling get_items()")  # noqa: TRY002 - mixed.py's
        platform = _platform_of(course_locator)
        if platform is None:
            raise ItemNotFoundError(course_locator)
        category = (qualifiers or {}).get("category")
        found, queue = [], [platform.course]
        while queue:
            key = queue.pop(0)
            if category is None or key.block_type == category:
                found.append(Item(key))
            children = KeyValueStore.Key(Scope.children, None, key, "children")
            queue.extend(platform.authored.get(children) if platform.authored.has(children) else [])
        return found


def modulestore():
    """``xmodule/modulestore/django.py``'s ``modulestore()``: the one store of the process."""
    return Modulestore()
