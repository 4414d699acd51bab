"""Course and usage keys with the shape of the platform's opaque keys.

The platform names blocks with ``opaque_keys.edx.locator.BlockUsageLocator``
(``block-v1:Org+Course+Run+type@<type>+block@<id>``); blocks read ``usage_id.context_key``
(``xmodule/x_module.py`` deprecates ``runtime.course_id`` in favour of
``block.scope_ids.usage_id.context_key``) and ``usage_id.block_type``. ``edx-opaque-keys`` is not
a dependency of this package, so these two small frozen classes stand in for it: same string
forms, same attribute names, hashable, comparable.
"""

import itertools
from dataclasses import dataclass

from xblock.runtime import IdGenerator, IdReader


@dataclass(frozen=True)
class CourseKey:
    org: str = "EMM"
    course: str = "EMM2"
    run: str = "2026"

    is_course = True

    def __str__(self):
        return f"course-v1:{self.org}+{self.course}+{self.run}"


@dataclass(frozen=True)
class UsageKey:
    course_key: CourseKey
    block_type: str
    block_id: str

    @property
    def context_key(self):
        return self.course_key

    @property
    def block_family(self):
        return "xblock.v1"

    def __str__(self):
        c = self.course_key
        return f"block-v1:{c.org}+{c.course}+{c.run}+type@{self.block_type}+block@{self.block_id}"


class CourseIdManager(IdReader, IdGenerator):
    """Ids for one course. In the platform the definition id and the usage id differ; here one
    key serves as both (XBlock's ``MemoryIdManager`` does the same kind of thing in memory)."""

    def __init__(self, course_key=None):
        self.course_key = course_key or CourseKey()
        self._counter = itertools.count(1)
        self._types = {}

    def create_definition(self, block_type, slug=None):
        key = UsageKey(self.course_key, block_type, slug or f"{block_type}_{next(self._counter)}")
        self._types[key] = block_type
        return key

    def create_usage(self, def_id):
        return def_id

    def get_definition_id(self, usage_id):
        return usage_id

    def get_block_type(self, def_id):
        return def_id.block_type

    def create_aside(self, definition_id, usage_id, aside_type):
        raise NotImplementedError("asides are not modelled")

    def get_usage_id_from_aside(self, aside_id):
        raise NotImplementedError

    def get_definition_id_from_aside(self, aside_id):
        raise NotImplementedError

    def get_aside_type_from_definition(self, aside_id):
        raise NotImplementedError

    def get_aside_type_from_usage(self, aside_id):
        raise NotImplementedError
