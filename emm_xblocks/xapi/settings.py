"""Let event-routing-backends (ERB) process the blocks' events: ``allow_xapi_events(namespace)``.

ERB's ``plugin_settings`` (``event_routing_backends/settings/common.py``) appends its own event
names to ``EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS`` and then builds
``EVENT_TRACKING_BACKENDS["event_transformer"]`` from it (``utils/settings.py``,
``event_tracking_backends_config``): the outer ``NameWhitelistProcessor`` gets a *new set* of
the xAPI and Caliper names, the xAPI backend's own ``NameWhitelistProcessor`` gets the list
itself, and ``EVENT_BUS_TRACKING_LOGS`` (the event bus, as Aspects may use it) another set. A
settings file that runs after ERB's (Tutor's ``openedx-lms-common-settings`` patch, or a
``lms/envs/private.py``) must therefore add the names to each of those copies; this function
does, and changes nothing where ERB is absent. Standard library only: a settings file imports it.
"""

from . import EVENT_NAMES

WHITELIST_ENGINE = "eventtracking.processors.whitelist.NameWhitelistProcessor"


def _add(container, names):
    """Add ``names`` to a list (in place, in order, once each) or a set; return the container."""
    if isinstance(container, set):
        container.update(names)
    else:
        container.extend(n for n in names if n not in container)
    return container


def allow_xapi_events(namespace, names=EVENT_NAMES):
    """Allow ``names`` through ERB's xAPI pipeline in a settings ``namespace`` (``globals()`` of a
    settings module, or any dict shaped like it). Returns the list of names now allowed.

    * ``EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS``: created if missing, names appended once;
    * ``EVENT_TRACKING_BACKENDS["event_transformer"]``: every ``NameWhitelistProcessor`` of the
      outer processors and of the ``xapi`` backend gets the names (a list stays a list, a set a set);
    * ``EVENT_BUS_TRACKING_LOGS``: gets the names if it exists.
    """
    allowed = _add(namespace.setdefault("EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS", []), names)
    transformer = (namespace.get("EVENT_TRACKING_BACKENDS") or {}).get("event_transformer")
    if transformer:
        options = transformer.get("OPTIONS", {})
        xapi = options.get("backends", {}).get("xapi", {}).get("OPTIONS", {})
        for processor in (*options.get("processors", ()), *xapi.get("processors", ())):
            if processor.get("ENGINE") == WHITELIST_ENGINE:
                whitelist = processor.setdefault("OPTIONS", {}).setdefault("whitelist", [])
                if whitelist is not allowed:
                    _add(whitelist, names)
    if isinstance(namespace.get("EVENT_BUS_TRACKING_LOGS"), set | list):
        _add(namespace["EVENT_BUS_TRACKING_LOGS"], names)
    return allowed
