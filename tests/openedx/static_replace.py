"""Course-file addresses as the LMS writes them into a rendered view.

Follows ``common/djangoapps/static_replace/__init__.py`` (``replace_static_urls``,
``process_static_urls``, ``replace_course_urls``, ``_url_replace_regex``),
``common/djangoapps/static_replace/services.py`` (``ReplaceURLService``) and
``common/djangoapps/static_replace/wrapper.py`` (``replace_urls_wrapper``):

* only a **quoted** address is rewritten (``"..."`` or ``'...'``, the quote optionally escaped
  with a backslash, as in JSON or a script: ``\\\\?['"]``), up to the same closing quote;
* ``/static/<rest>`` becomes the course's asset address (``StaticContent.get_canonicalized_asset_path``
  in ``xmodule/contentstore/content.py``: the asset key of ``rest``, a ``/`` in its name written
  ``_`` by ``compute_location``, its query kept, then ``block@`` written ``block/``), except an
  address ending ``?raw`` and the XBlock resources under ``/static/xblock``;
* ``/course/<rest>`` becomes ``/courses/<course id>/<rest>`` (``replace_course_urls``), unless
  ``static_replace_only`` (Studio's preview wrapper);
* ``block_render.py`` (LMS) adds ``replace_urls_wrapper`` after ``wrap_xblock`` and registers the
  same service as ``replace_urls``; ``cms/djangoapps/contentstore/views/preview.py`` wraps with
  ``static_replace_only=True``. A handler's answer goes through no wrapper
  (``_invoke_xblock_handler`` hands ``instance.handle``'s response on as it is).
"""

import re
from urllib.parse import urlsplit

from web_fragments.fragment import Fragment

XBLOCK_STATIC_RESOURCE_PREFIX = "/static/xblock"


def _quoted(prefix):
    return re.compile(r"""(?P<quote>\\?['"])(?P<prefix>""" + prefix + r""")(?P<rest>.*?)(?P=quote)""")


STATIC_RE, COURSE_RE = _quoted("/static/"), _quoted("/course/")


def asset_path(course_key, rest):
    """``get_canonicalized_asset_path`` with no CDN: ``/asset-v1:O+C+R+type@asset+block/<name>``."""
    parts = urlsplit(rest)
    name = parts.path.lstrip("/").replace("/", "_")
    key = str(course_key).replace("course-v1:", "asset-v1:", 1)
    return f"/{key}+type@asset+block/{name}" + (f"?{parts.query}" if parts.query else "")


class ReplaceURLService:
    """``ReplaceURLService(course_id=...)``: ``replace_urls(text, static_replace_only=False)``."""

    def __init__(self, course_key):
        self.course_key = course_key

    def replace_urls(self, text, static_replace_only=False):
        def static(match):
            quote, prefix, rest = match.group("quote"), match.group("prefix"), match.group("rest")
            if (prefix + rest).startswith(XBLOCK_STATIC_RESOURCE_PREFIX) or rest.endswith("?raw"):
                return match.group(0)
            return quote + asset_path(self.course_key, rest) + quote

        text = STATIC_RE.sub(static, text)
        if not static_replace_only:
            text = COURSE_RE.sub(lambda m: f"{m.group('quote')}/courses/{self.course_key}/{m.group('rest')}"
                                           f"{m.group('quote')}", text)
        return text


def replace_urls_wrapper(service, static_replace_only=False):
    """The view wrapper: the fragment's content rewritten, its resources kept (``wrap_fragment``)."""

    def wrapper(block, view, frag, context):
        wrapped = Fragment(service.replace_urls(frag.content, static_replace_only))
        wrapped.add_fragment_resources(frag)
        return wrapped

    return wrapper
