"""The workbench writes a block's init args into the page as the LMS does: escaped for a
``<script>`` element.

Open edX wraps each rendered block (``openedx/core/lib/xblock_utils/__init__.py``, ``wrap_xblock``)
with the template ``common/templates/xblock_wrapper.html``, which writes the fragment's init args
through ``dump_js_escaped_json`` (``openedx/core/djangolib/js_utils.py``): their JSON with ``&``,
``<`` and ``>`` written ``\\u0026``, ``\\u003c`` and ``\\u003e``, so no text in them can end the
``<script>`` element. XBlock's own runtime, which xblock-sdk's ``WorkbenchRuntime`` inherits
(``xblock/runtime.py``, ``Runtime._wrap_ele``), writes plain ``json.dumps``: an editor's init args
hold the author's texts, and a statement such as ``Intitulé </script><img onerror=...>`` ended the
element there, so that reopening the editor showed an empty form (saved, it would have emptied
the block) and ran the rest as the page's markup (trial s31).

``escape_init_args`` makes ``WorkbenchRuntime`` write them as the LMS does. The workbench only: the
package's blocks leave the page to the runtime, and the LMS's and Studio's already escape.
"""

import json

_FOR_SCRIPT = str.maketrans({"&": "\\u0026", "<": "\\u003c", ">": "\\u003e"})
ARGS_SCRIPT = '<script type="json/xblock-args" class="xblock_json_init_args">{}</script>'  # XBlock's own


def script_json(value):
    """``value``'s JSON for a ``<script>`` element, as ``dump_js_escaped_json`` writes it (ASCII,
    ``&``, ``<`` and ``>`` as ``\\uXXXX`` escapes: ``JSON.parse`` gives the same text back)."""
    return json.dumps(value).translate(_FOR_SCRIPT)


def escape_init_args(runtime_class):
    """Make ``runtime_class`` (xblock-sdk's ``WorkbenchRuntime``) write each wrapped fragment's init
    args escaped (``script_json``), where XBlock's wrapper writes them: last in the block's
    ``<div>``. Done once (``EmmWorkbenchConfig.ready``)."""
    wrap = runtime_class._wrap_ele  # noqa: SLF001 - the one method that writes the args
    if getattr(wrap, "escapes_init_args", False):
        return

    def _wrap_ele(self, block, view, frag, extra_data=None):
        args = frag.json_init_args
        if args is None:
            return wrap(self, block, view, frag, extra_data)
        frag.json_init_args = None  # XBlock's wrapper writes none: the escaped copy goes in its place
        try:
            wrapped = wrap(self, block, view, frag, extra_data)
        finally:
            frag.json_init_args = args
        html = wrapped.content
        end = html.rindex("</div>")
        wrapped.content = html[:end] + ARGS_SCRIPT.format(script_json(args)) + html[end:]
        return wrapped

    _wrap_ele.escapes_init_args = True
    runtime_class._wrap_ele = _wrap_ele  # noqa: SLF001
