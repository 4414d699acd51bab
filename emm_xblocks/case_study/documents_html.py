"""The learner page's list of the case's documents, rendered in Python (decision 18).

``page_html`` writes the section's frame (its heading, the ``ul``) and puts ``items_html`` in it.
The markup is the one the page template's loop wrote (the msgids are that template's): every value
escaped with ``html.escape`` (what Django's autoescape calls; the content's texts through
``sanitize.escaped``, once per text), every translation escaped too (decision 18: a catalogue is
text), a ``{% blocktrans %}`` text as its translation with its value escaped.
"""

from html import escape

from django.utils.safestring import mark_safe

from ..common.sanitize import escaped


def items_html(documents, dom, _, lang=""):
    """The ``li`` of each document (``views._documents``' rows: ``index``, ``title``, ``url``
    (safe, or ""), ``size`` (the author's text), ``viewer`` (an excerpt is read in the page),
    ``large`` (its link waits for a tap in low-data mode)); ``dom``: the block's DOM id; ``_``:
    the block's ``ugettext``; ``lang``: the author's language attribute, or ""
    (``common.content_language``), on the title, the size and the excerpt's viewer."""
    if not documents:
        return mark_safe("")
    dom = escape(dom)
    # translated outside the f-strings: xgettext does not read calls inside an f-string's braces
    words = {"full": escape(_("Open the full document")), "open": escape(_("Open")),
             "new_tab": escape(_("(opens in a new tab)")),
             "show_link": escape(_("Show the link to this file (%(size)s)"))}
    return mark_safe("".join(_item_html(d, dom, words, lang) for d in documents))  # noqa: S308 - all escaped


def _item_html(d, dom, words, lang):
    """One document: its title (in a viewer's summary when it has an excerpt), then its link."""
    label = f'{dom}-doc{d["index"]}'
    # the author's words in their own direction: the title a block, the size inside a sentence (in
    # a button, inside one span: a flex container would lay out, and name, the <bdi> apart)
    title, size = escaped(d["title"]), f'<bdi{lang}>{escaped(d["size"])}</bdi>'
    sized = f' <span class="emm-size">({size})</span>' if d["size"] else ""
    if d["viewer"]:
        head = (f'<details data-viewer><summary><span id="{label}" dir="auto"{lang}>{title}</span>{sized}</summary>\n'
                f'          <div class="emm-doc-text" dir="auto"{lang} data-doc-text></div>\n        ')
    else:
        head = f'<span id="{label}" class="emm-doc-title" dir="auto"{lang}>{title}</span>'
    link = ""
    if d["url"]:
        button = (f'<button type="button" class="emm-button" data-show-link aria-describedby="{label}" hidden>'
                  f'<span>{words["show_link"] % {"size": size}}</span></button>' if d["large"] else "")
        opens = words["full"] if d["viewer"] else words["open"]
        link = (f'<p class="emm-doc-link">{button}\n'
                f'          <a href="{escaped(d["url"])}" target="_blank" rel="noopener noreferrer" data-document-link'
                f'{" data-large" if d["large"] else ""} aria-describedby="{label}">{opens}{sized}'
                f'<span class="emm-sr"> {words["new_tab"]}</span></a></p>')
    return (f'\n        <li class="emm-doc" data-document="{d["index"]}">\n        {head}\n        {link}'
            f'\n        {"</details>" if d["viewer"] else ""}\n        </li>')
