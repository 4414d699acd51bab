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

Each item is the block as split's ``_load_items`` hands it out: its ``location``, its usage key
(split builds it with the course key it read, branch and version included: the report compares
``location.block_id`` only), and its fields, read from the authored blocks (here loaded when
first read). ``settings`` (``{name: value}``) is matched as split matches it on the structure's
fields (``_block_matches``, ``_value_matches``): only a value set on the block matches, never a
default or an inherited one (a list value matches when it holds the criterion). ``content`` and
qualifiers other than ``category`` are not used by the package and refused here.
"""

import weakref

from xblock.fields import Scope
from xblock.runtime import KeyValueStore

_platforms = []  # weak references to every Platform made, the latest last (a test may set its course key after)


class ItemNotFoundError(Exception):
    """``xmodule/modulestore/exceptions.py``."""


class Item:
    """A block as ``get_items`` answers it: ``location``, and its fields (the block loaded by the
    platform's authoring runtime at the first read of one)."""

    def __init__(self, platform, location):
        self.location = location
        self._platform, self._block = platform, None

    def __getattr__(self, name):
        if self._block is None:
            self._block = self._platform._authoring_runtime().get_block(self.location)  # noqa: SLF001
        return getattr(self._block, name)


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
        if content or kwargs or set(qualifiers or {}) - {"category"}:
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
            if (category is None or key.block_type == category) and _settings_match(platform, key, settings):
                found.append(Item(platform, key))
            children = KeyValueStore.Key(Scope.children, None, key, "children")
            queue.extend(platform.authored.get(children) if platform.authored.has(children) else [])
        return found


def _settings_match(platform, key, settings):
    """Every ``{name: value}`` of ``settings`` is set on block ``key`` (split's ``_block_matches``
    on the structure's fields: an unset field matches only None)."""
    for name, criterion in (settings or {}).items():
        stored = KeyValueStore.Key(Scope.settings, None, key, name)
        if not platform.authored.has(stored):
            if criterion is not None:
                return False
            continue
        value = platform.authored.get(stored)
        if not (criterion in value if isinstance(value, list) else value == criterion):
            return False
    return True


def modulestore():
    """``xmodule/modulestore/django.py``'s ``modulestore()``: the one store of the process."""
    return Modulestore()
