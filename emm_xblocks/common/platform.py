"""Everything the blocks read from Open edX, in one small module.

The user service's ``opt_attrs`` (``common/djangoapps/xblock_django/user_service.py``), Studio's
write permission (``studio_user_permissions``, Studio only), the masquerade (LMS,
``lms/djangoapps/courseware/masquerade.py``), the LMS's unchecked ``handler_noauth`` requests
(``lms/djangoapps/courseware/block_render.py``), the deadline and answer-visibility settings the
platform mixes into every block (``xmodule/modulestore/inheritance.py``), the server's secret, and
Django's catalogue behind the i18n service's ``translator`` (``xmodule/modulestore/django.py``).
Nothing else in the package reads these, so a platform change is one edit here.
"""

import datetime
import hashlib
import hmac
import json

STAFF_ROLES = {"staff", "instructor", "administrator"}

# xmodule/graders.py (ShowCorrectness): values of the ``show_correctness`` setting
SHOW_CORRECTNESS_ALWAYS, SHOW_CORRECTNESS_PAST_DUE, SHOW_CORRECTNESS_NEVER = "always", "past_due", "never"
SHOW_CORRECTNESS_NEVER_BUT_INCLUDE_GRADE = "never_but_include_grade"
# xmodule/capa_block.py (SHOWANSWER): the ``showanswer`` setting's value that never shows the answers
SHOWANSWER_NEVER = "never"


def user_attrs(block):
    """The ``opt_attrs`` of the current user (``{}`` where the runtime has no user service), asked
    once per block instance: the LMS's ``DjangoXBlockUserService.get_current_user`` builds the
    user anew at every call, reading the user's preferences, and a render asks several times."""
    # kept for the user the block is bound to now: the platform rebinds one instance to each
    # learner in turn (the rescore task; ``XModuleMixin.bind_for_student`` replaces
    # ``scope_ids.user_id`` and the runtime's services)
    user_id = block.scope_ids.user_id
    cached = block.__dict__.get("_emm_user_attrs")
    if cached is None or cached[0] != user_id:
        service = block.runtime.service(block, "user")
        user = service.get_current_user() if service is not None else None
        cached = block.__dict__["_emm_user_attrs"] = (user_id, getattr(user, "opt_attrs", {}) or {})
    return cached[1]


def is_staff(block):
    """Course staff: ``user_is_staff`` (LMS), or a staff role where Studio lets the user read the
    course. Studio's preview sets only the role, and ``get_user_role``
    (``cms/djangoapps/contentstore/views/access.py``) answers "staff" for anyone who is not the
    course's instructor, while ``preview_handler`` (``views/preview.py``) only asks for a login: any
    account could open the pack with a test's answers, or leave a day's answers out (bug hunt s44).
    So the role counts there only with ``studio_user_permissions.can_read`` on the course
    (``has_studio_read_access``), asked once per block instance and user."""
    attrs = user_attrs(block)
    if attrs.get("edx-platform.user_is_staff"):
        return True
    if attrs.get("edx-platform.user_role") not in STAFF_ROLES:
        return False
    perms = block.runtime.service(block, "studio_user_permissions")
    if perms is None:  # the LMS: its get_user_role says "staff" for course staff only
        return True
    user_id = block.scope_ids.user_id
    cached = block.__dict__.get("_emm_studio_reader")
    if cached is None or cached[0] != user_id:
        # ``can_read`` in every release; later ones add ``can_read_content`` and deprecate it
        check = getattr(perms, "can_read", None) or perms.can_read_content
        course = getattr(block.scope_ids.usage_id, "context_key", None)
        cached = block.__dict__["_emm_studio_reader"] = (user_id, bool(check(course)))
    return cached[1]


def in_studio_preview(block):
    """Studio's preview of a unit (``_prepare_runtime_for_preview`` in
    ``cms/djangoapps/contentstore/views/preview.py`` sets ``runtime.is_author_mode``): its learner
    is whoever is logged in to Studio, its state the session's, never a course's learner."""
    return bool(getattr(block.runtime, "is_author_mode", False))


def can_edit(block):
    """May save the block's content: Studio's write permission on the course. The LMS offers no
    ``studio_user_permissions`` service, and content fields are read-only there (``LmsFieldData``),
    so no one may edit through the LMS, staff included."""
    perms = block.runtime.service(block, "studio_user_permissions")
    if perms is None:
        return False
    return bool(perms.can_write(getattr(block.scope_ids.usage_id, "context_key", None)))


def learner_key(block):
    """A stable, non-identifying key for the current learner: the course-specific anonymous id."""
    return str(user_attrs(block).get("edx-platform.anonymous_user_id") or block.scope_ids.user_id)


def username(block):
    return user_attrs(block).get("edx-platform.username") or ""


def is_masquerading(block):
    """True while course staff "View this course as a specific learner".

    ``masquerade.setup_masquerade`` loads the block for the learner's Django user and sets the
    staff member on it as ``real_user``; ``opt_attrs`` carry no masquerade flag (they are the
    learner's), so the one signal is the user behind the user service
    (``lms/djangoapps/courseware/block_render.py`` reads the same attribute)."""
    service = block.runtime.service(block, "user")
    user = getattr(service, "_django_user", None)
    real = getattr(user, "real_user", None)
    return real is not None and real is not user and getattr(real, "id", None) != getattr(user, "id", None)


def is_viewing_as_learner(block):
    """True while course staff view the course as a learner: as a specific learner
    (``is_masquerading``), or as the role "Learner" (``masquerade.py`` ``is_masquerading_as_student``:
    also a learner of a cohort or an enrollment track). For the role, ``setup_masquerade`` keeps the
    staff member's own user, with no ``real_user``, and sets on it ``masquerade_settings``, the
    session's ``CourseMasquerade`` by course key; the user service is then built with
    ``user_is_staff`` False and ``user_role`` "student" (``access.py``: ``has_access`` and
    ``get_user_role`` answer for the masqueraded role) and its ``opt_attrs`` carry no flag of it, so
    the signal is that attribute of the Django user behind the user service. For staff's handlers
    and their refusal ("switch back to Staff", ``errors.staff_refusal``), not for writes: as the
    role, staff answer as themselves, in their own state (``pipeline.write_refusal`` reads
    ``is_masquerading``)."""
    if is_masquerading(block):
        return True
    service = block.runtime.service(block, "user")
    settings = getattr(getattr(service, "_django_user", None), "masquerade_settings", None)
    if not isinstance(settings, dict):
        return False
    masquerade = settings.get(getattr(block.scope_ids.usage_id, "context_key", None))
    return getattr(masquerade, "role", None) == "student"


def access_unchecked(block):
    """True where the LMS ran this request's handler without checking who may open the block.

    ``lms/djangoapps/courseware/block_render.py``: ``handle_xblock_callback_noauth`` (the
    ``…/handler_noauth/<handler>`` address every handler also answers at, ``@csrf_exempt``) sets
    ``request.user.known = False`` and runs the handler for whoever the session cookie names, or
    ``AnonymousUser``; ``get_block_for_descriptor_internal`` then skips ``has_access(user, 'load',
    ...)`` ("Do not check access when it's a noauth request": ``getattr(user, 'known', True)``):
    no enrolment, release date, staff-only unit or cohort is checked. The page's address
    (``handle_xblock_callback``) sets ``known = is_authenticated``: False there too for a GET
    from someone not signed in (it refuses them any other method). The mark is on the Django user
    behind the user service, or on its ``real_user`` (the request's user while staff view the
    course as a learner: ``setup_masquerade`` binds the block to the learner's). Absent (the
    workbench, Studio, a task with no request), the platform's default: checked."""
    service = block.runtime.service(block, "user")
    user = getattr(service, "_django_user", None)
    return any(not getattr(person, "known", True) for person in (user, getattr(user, "real_user", None))
               if person is not None)


def secret(block, purpose):
    """A per-block secret derived from the server's ``SECRET_KEY`` (never sent to a browser)."""
    from django.conf import settings

    return hashlib.sha256(f"{settings.SECRET_KEY}\x00{purpose}\x00{block.scope_ids.usage_id}".encode()).digest()


def course_key(block, usage_key=None):
    """The course (``context_key``) of the block's usage key, or of ``usage_key`` (the key it is
    stored under, ``EditableContentMixin.stored_usage_key``), as text ("" where there is none)."""
    usage_id = block.scope_ids.usage_id if usage_key is None else usage_key
    key = getattr(usage_id, "context_key", None) or getattr(usage_id, "course_key", None)
    return str(key) if key is not None else ""


PAIR_PURPOSE = "emm-knowledge-check-pair"
# Studio's preview gives every author this anonymous id (cms/djangoapps/contentstore/views/preview.py):
# not a learner, so no pseudonym
STUDIO_PREVIEW_ANONYMOUS_ID = "student"


def pair_token(block, pair):
    """The current learner's pseudonym in knowledge-check pair ``pair`` of this course:
    ``HMAC-SHA256(key, course + pair + anonymous id)`` as 64 hex digits, the key derived from the
    server's ``SECRET_KEY``. The anonymous id is the course-specific ``anonymous_user_id`` of the
    user service, as the LMS gives it to every block (``learner_key``); the same learner gets the
    same token in the pre- and the post-test of a pair, and a reader of the package's tables
    without the secret cannot tell whose it is (decision 23). None where there is no learner (no
    anonymous id, or Studio preview's shared ``"student"``)."""
    return pair_token_of(course_key(block), pair, learner_key(block))


def pair_token_of(course, pair, anonymous):
    """``pair_token`` of the learner whose course-specific anonymous id is ``anonymous`` (text), in
    ``pair`` of ``course`` (the course key as text); None for no learner (empty, ``"None"``, Studio
    preview's ``"student"``). "Delete learner state" hands the block that anonymous id
    (``lms/djangoapps/instructor/enrollment.py``, ``reset_student_attempts``)."""
    from django.conf import settings

    anonymous = str(anonymous or "")
    if not anonymous or anonymous in ("None", STUDIO_PREVIEW_ANONYMOUS_ID):
        return None
    key = hashlib.sha256(f"{settings.SECRET_KEY}\x00{PAIR_PURPOSE}".encode()).digest()
    message = f"{course}\x00{pair}\x00{anonymous}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


# ------------------------------------------------------------------ dates
def inherited(block, name):
    """The value of a setting the platform mixes into every block (``due``, ``graceperiod``,
    ``show_correctness``...), or None where it is not a field of the block. A plain attribute
    is not the platform's setting (xblock-sdk's workbench sets ``block.due = utcnow()`` on every
    handler call, for the LTI block)."""
    return getattr(block, name) if name in block.fields else None


def graded(block):
    """The block counts in the course grade as far as its place says: False in a subsection that is
    not graded (the inherited ``graded``, Studio's "Grade as: Not graded", the default of a new
    subsection: ``lms/djangoapps/grades/context.py`` counts graded subsections only); True where
    the runtime mixes no such setting in (the workbench). Its ``weight`` is the block's own say."""
    return inherited(block, "graded") is not False


def now():
    """The time now, aware, in UTC."""
    return datetime.datetime.now(datetime.UTC)


def deadline(block):
    """``due`` + ``graceperiod`` as the platform computes it (``xmodule/capa_block.py``,
    ``close_date``), or None: both are inherited settings the LMS mixes into every block."""
    due = inherited(block, "due")
    if due is None:
        return None
    grace = inherited(block, "graceperiod")
    if isinstance(grace, datetime.timedelta):
        due = due + grace
    if due.tzinfo is None:
        due = due.replace(tzinfo=datetime.UTC)
    return due


def is_past_due(block):
    """Is the block's ``deadline`` (its due date and grace period) past? False without one."""
    closes = deadline(block)
    return closes is not None and now() > closes


def correctness_available(block, learners=False):
    """May the learner see whether they were right (verdicts, scores)? As the platform decides it
    (``ShowCorrectness.correctness_available``, ``xblock/scorable.py``, formerly
    ``xmodule/graders.py``): ``never`` and ``never_but_include_grade`` hide it from everyone, course
    staff included; otherwise staff always see it; ``past_due`` shows it once the deadline has
    passed -- ``due`` + ``graceperiod``, the ``close_date`` capa passes (``xmodule/capa_block.py``),
    so nobody sees verdicts while answers are still accepted; anything else (``always``, unset)
    shows it. ``learners``: as for a learner, whoever asks (the live room's wall, which the room
    reads, asked by staff)."""
    setting = inherited(block, "show_correctness") or SHOW_CORRECTNESS_ALWAYS
    if setting in (SHOW_CORRECTNESS_NEVER, SHOW_CORRECTNESS_NEVER_BUT_INCLUDE_GRADE):
        return False
    if not learners and is_staff(block):
        return True
    if setting == SHOW_CORRECTNESS_PAST_DUE:
        closes = deadline(block)
        return closes is None or now() > closes
    return True


def answers_available(block, learners=False):
    """May the learner be shown the answers now, as far as the platform decides? Where it shows
    correctness (``correctness_available``: ``show_correctness`` hides the answers with it) and its
    ``showanswer`` is not ``never`` (``xmodule/capa_block.py``, ``answer_available``). The case study's
    feedback is cut by the same two (``case_study.views.shown_feedback``), and what it records as
    shown follows them (bug hunt s44). ``learners``: as for a learner, whoever asks
    (``correctness_available``)."""
    return correctness_available(block, learners) and inherited(block, "showanswer") != SHOWANSWER_NEVER


# ---------------------------------------------------------------- translation
class _ActiveCatalogue:
    """Django's catalogue for one language, asked directly: ``gettext`` and ``ngettext`` as
    ``django.utils.translation`` answers them while that language is active, without looking the
    active one up at each call (``trans_real.gettext``: two thread-local reads, some 3 µs; a
    case study's page asks a dozen, its feedback thirty). As Django's: an empty message is "" (a
    catalogue's own answer is its header), a message's line ends are read as newlines, a ``SafeString``
    gives a safe one."""

    __slots__ = ("catalogue",)

    def __init__(self, catalogue):
        self.catalogue = catalogue

    def gettext(self, message):
        if type(message) is str and message and "\r" not in message:  # (every message of the package)
            return self.catalogue.gettext(message)
        text = message.replace("\r\n", "\n").replace("\r", "\n")
        return _kept_safe(message, self.catalogue.gettext(text) if text else "")

    def ngettext(self, singular, plural, number):
        return self.catalogue.ngettext(singular, plural, number)  # (Django's does no more)


def _kept_safe(message, result):
    from django.utils.safestring import SafeData, mark_safe

    return mark_safe(result) if isinstance(message, SafeData) else result  # noqa: S308 - the message was


def active_catalogue(translations, language):
    """What ``translations`` (an i18n service's ``translator``) answers, asked as directly as it can
    be: where it is ``django.utils.translation`` itself (the platform's ``XBlockI18nService`` for a
    language the package has no catalogue of, English: ``xmodule/modulestore/django.py``) and
    ``language`` is Django's active one, that language's catalogue (``_ActiveCatalogue``), which
    answers the same for as long as it stays active (a block instance holds it for one request:
    ``common.base``'s ``_translator``); anything else as it is."""
    import django.utils.translation as django_translation
    from django.conf import settings

    if translations is not django_translation or not settings.USE_I18N:
        return translations
    if django_translation.get_language() != language:
        return translations  # none active (deactivate_all): Django's own answers
    from django.utils.translation import trans_real

    return _ActiveCatalogue(trans_real.translation(language))


# what the LMS's view wrapper rewrites, quoted (common/djangoapps/static_replace/__init__.py)
_COURSE_ADDRESSES = (b"/static/", b"/course/", b"/jump_to_id/")
_COURSE_TEXTS = tuple(mark.decode() for mark in _COURSE_ADDRESSES)
_TEXT_ANSWERS = frozenset({"application/json", "text/html"})


def course_files(block, response):
    """``response`` (a handler's ``webob.Response``) with the course-file addresses of its JSON or
    HTML (a quoted ``/static/map.png``, uploaded in Studio's Files & Uploads) written as the LMS
    writes them into a rendered view: by the runtime's ``replace_urls`` service
    (``common/djangoapps/static_replace/services.py``, ``replace_urls``), which the LMS applies to
    views only (``replace_urls_wrapper``, ``lms/djangoapps/courseware/block_render.py``); a
    handler's answer reaches the browser as it is (``_invoke_xblock_handler``), where
    ``/static/map.png`` is no course file (bug hunt s43). The same response, unchanged, for any
    other answer (a CSV, a file) and where the runtime has no such service (the workbench)."""
    if response.content_type not in _TEXT_ANSWERS or not any(mark in response.body for mark in _COURSE_ADDRESSES):
        return response
    service = block.runtime.service(block, "replace_urls")
    if service is None:
        return response
    charset = response.charset or "utf-8"
    text = response.body.decode(charset)
    if response.content_type == "application/json":
        # each string on its own, never the JSON's text: a learner's quote is ``\"`` there, which the
        # rewrite reads as a quote too, and a span from one string to another broke the answer
        # (bug hunt s44: a comment quoting "/static/notes#2 left staff with an unreadable panel)
        written = json.dumps(_strings_written(json.loads(text), service.replace_urls))
    else:
        written = service.replace_urls(text)
    if written != text:
        response.body = written.encode(charset)
    return response


def _strings_written(value, rewrite):
    """``value`` (decoded JSON) with ``rewrite`` applied to each string of markup (the HTML a page
    puts in) holding a course address; a learner's own text (an answer, a draft, a comment) is
    theirs, never rewritten (review s44: "/static/guide.pdf" quoted in a reflection came back as
    the course's asset address)."""
    if isinstance(value, str):
        return rewrite(value) if "<" in value and any(mark in value for mark in _COURSE_TEXTS) else value
    if isinstance(value, dict):
        return {key: _strings_written(item, rewrite) for key, item in value.items()}
    if isinstance(value, list):
        return [_strings_written(item, rewrite) for item in value]
    return value
