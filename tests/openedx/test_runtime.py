"""The test runtime behaves as the platform's code does (each test names the file it follows).

These tests use small probe blocks, not the package's blocks, so that they prove the runtime,
whatever the blocks do.
"""

from collections import OrderedDict
from datetime import UTC, datetime, timedelta

import pytest
from django.db.models.signals import post_delete
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from tests.openedx import (
    REFUSAL,
    Platform,
    delete_state,
    delete_state_all,
    mobile_collect,
    override_score,
    problem_responses,
    rescore,
)
from tests.openedx.student_module import StudentModule


@XBlock.wants("user", "studio_user_permissions", "completion", "settings")
@XBlock.needs("i18n")
class ProbeBlock(ScorableXBlockMixin, XBlock):
    """Declares a field named like an inheritable platform field, and writes its own fields."""

    max_attempts = Integer(scope=Scope.settings, default=3)
    label = String(scope=Scope.settings, default="")
    count = Integer(scope=Scope.user_state, default=0)
    raw_earned = Float(scope=Scope.user_state, default=None)
    raw_possible = Float(scope=Scope.user_state, default=None)
    weight = Float(scope=Scope.settings, default=None)
    has_score = True

    def student_view(self, context=None):
        return Fragment(f"<p>count={self.count}</p>")

    @XBlock.json_handler
    def incr(self, data, suffix=""):
        self.count += 1
        self.runtime.publish(self, "grade", {"value": data.get("earned", 1), "max_value": data.get("possible", 1),
                                             "only_if_higher": data.get("only_if_higher")})
        self.runtime.publish(self, "completion", {"completion": 1.0})
        return {"count": self.count}

    @XBlock.json_handler
    def relabel(self, data, suffix=""):
        self.label = data["label"]
        return {"label": self.label}

    @XBlock.json_handler
    def whoami(self, data, suffix=""):
        user = self.runtime.service(self, "user")
        return {"attrs": {k: v for k, v in user.get_current_user().opt_attrs.items()},
                "real_user": getattr(getattr(user, "_django_user", None), "real_user", None) is not None,
                "perms": self.runtime.service(self, "studio_user_permissions") is not None}

    # ScorableXBlockMixin
    def max_score(self):
        return self.raw_possible or 4

    def has_submitted_answer(self):
        return self.count > 0

    def get_score(self):
        return Score(self.raw_earned or 0, self.raw_possible or self.max_score())

    def set_score(self, score):
        self.raw_earned, self.raw_possible = score.raw_earned, score.raw_possible

    def calculate_score(self):
        return Score(self.count, 4)

    def publish_grade(self):
        self._publish_grade(self.get_score())


class ReadOnlyProbe(ProbeBlock):
    show_in_read_only_mode = True


class MobileProbe(ProbeBlock):
    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        return Fragment("<p>mobile</p>")

    def student_view_data(self, context=None):
        return {"user_state_readable": self.count, "user_bound": self.scope_ids.user_id}


@XBlock.supports("multi_device")
class ClassDecoratedProbe(ProbeBlock):
    pass


class ReportProbe(ProbeBlock):
    ordered = Boolean(scope=Scope.settings, default=False)

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        for state in user_state_iterator:
            row = (OrderedDict if self.ordered else dict)([("zeta", state.state.get("count")), ("alpha", "a")])
            yield state.username, row

    cleared = []

    def clear_student_state(self, user_id, course_id, item_id, requesting_user_id):
        ReportProbe.cleared.append((user_id, item_id, requesting_user_id, self.scope_ids.user_id))


class PageProbe(XBlock):
    """A block with nothing to score or complete itself: completed when seen (a text page). Its
    view's init args are the ``args`` setting (``{}`` by default)."""

    args = Dict(scope=Scope.settings, default={})

    def student_view(self, context=None):
        frag = Fragment("<p>read me</p>")
        frag.initialize_js("PageProbe", self.args)
        return frag


CLASSES = {"probe": ProbeBlock, "ro_probe": ReadOnlyProbe, "mobile_probe": MobileProbe,
           "class_probe": ClassDecoratedProbe, "report_probe": ReportProbe, "page_probe": PageProbe}


@pytest.fixture
def plat(db):
    return Platform(block_classes=CLASSES)


# ---------------------------------------------------------------- inheritance (xmodule/modulestore/inheritance.py)
def test_unset_fields_take_the_nearest_ancestors_value_by_name_even_for_a_field_the_block_declares(plat):
    plat.set_settings(plat.course, max_attempts=5, graded=True)
    sub = plat.subsection(max_attempts=2)
    key = plat.create("probe", sub)
    block = plat.lms(plat.user("ana")).block(key)
    assert block.max_attempts == 2  # the subsection's, not the block's default 3
    assert block.graded is True  # the course's, through the mixed-in InheritanceMixin field


def test_an_explicit_none_on_an_ancestor_is_inherited_as_none(plat):
    plat.set_settings(plat.course, max_attempts=5)
    sub = plat.subsection(max_attempts=None)
    block = plat.lms(plat.user("ana")).block(plat.create("probe", sub))
    assert block.max_attempts is None


def test_a_value_set_on_the_block_wins_and_no_ancestor_value_means_the_default(plat):
    sub = plat.subsection(max_attempts=2)
    own = plat.lms(plat.user("ana")).block(plat.create("probe", sub, max_attempts=7))
    assert own.max_attempts == 7
    bare = plat.lms(plat.user("bea")).block(plat.create("probe", plat.subsection()))
    assert bare.max_attempts == 3 and bare.show_correctness == "always" and bare.due is None


def test_close_date_is_due_plus_graceperiod(plat):
    sub = plat.subsection(due=datetime.now(UTC) - timedelta(hours=1), graceperiod=timedelta(days=1))
    block = plat.lms(plat.user("ana")).block(plat.create("probe", sub))
    assert block.is_past_due() is False
    plat.set_settings(sub, graceperiod=None)
    assert plat.lms(plat.user("bea")).block(plat.create("probe", sub)).is_past_due() is True


# ---------------------------------------------------------------- dates (edx_when/field_data.py, edx_when/api.py)
def test_a_learner_s_due_date_extension_is_read_before_the_subsection_s_date_by_that_learner_alone(plat):
    """``instructor/views/tools.py`` ``set_due_date_extension`` and ``DateLookupFieldData``."""
    due, later = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 8, tzinfo=UTC)
    sub = plat.subsection(due=due)
    unit = plat.container("vertical", sub)
    key = plat.create("probe", unit)
    ana, bea = plat.user("ana"), plat.user("bea")
    plat.extend_due(sub, ana, later)
    assert plat.lms(ana).block(key).due == later and plat.lms(bea).block(key).due == due
    assert plat.studio_editor(plat.user("author", role="staff")).block(key).due == due  # Studio reads the modulestore


def test_an_extension_needs_a_dated_unit_and_a_date_not_earlier(plat):
    """``api.set_date_for_block``: ``MissingDateError`` without a course date, ``InvalidDateError``
    (``UserDate.clean``: ``abs_date < policy date``) for an earlier date; the same date is kept."""
    from tests.openedx.dates import InvalidDateError, MissingDateError

    due = datetime(2026, 3, 1, tzinfo=UTC)
    ana = plat.user("ana")
    with pytest.raises(MissingDateError):
        plat.extend_due(plat.subsection(), ana, due)
    dated = plat.subsection(due=due)
    with pytest.raises(InvalidDateError):
        plat.extend_due(dated, ana, due - timedelta(minutes=1))
    plat.extend_due(dated, ana, due)
    assert plat.dates.user_dates == {(ana.id, dated, "due"): due}


def test_a_self_paced_course_keeps_no_due_date_in_edx_when(plat):
    """``extract_dates_from_course``: a self-paced course gives edx-when its start and end alone
    (``due`` popped), so a due date extension finds no date (``MissingDateError``); below
    edx-when, the LMS's modulestore gives a block no ``due`` either
    (``test_a_self_paced_course_s_blocks_read_no_due_date``)."""
    from tests.openedx.dates import MissingDateError

    due = datetime(2026, 3, 1, tzinfo=UTC)
    plat.set_settings(plat.course, self_paced=True, start=datetime(2026, 1, 1, tzinfo=UTC))
    sub = plat.subsection(due=due)
    plat.create("probe", sub)
    assert plat.dates.course_dates() == {(plat.course, "start"): datetime(2026, 1, 1, tzinfo=UTC)}
    with pytest.raises(MissingDateError):
        plat.extend_due(sub, plat.user("ana"), due + timedelta(days=7))


def test_an_extension_counts_while_the_course_date_it_extends_exists(plat):
    """``get_dates_for_course``: a ``UserDate`` of a ``ContentDate`` made inactive (its date
    removed at a publish) is not read."""
    sub = plat.subsection(due=datetime(2026, 3, 1, tzinfo=UTC))
    key = plat.create("probe", sub)
    ana = plat.user("ana")
    plat.extend_due(sub, ana, datetime(2026, 3, 8, tzinfo=UTC))
    plat.set_settings(sub, due=None)
    assert plat.lms(ana).block(key).due is None


def test_a_null_due_date_is_not_kept_by_edx_when_so_the_section_s_date_is_read(plat):
    """``set_dates_for_course`` keeps truthy dates only (``if val:``) and ``DateLookupFieldData.default``
    looks up the ancestors in edx-when first: a subsection's due date set to null does not hide its
    section's, as the modulestore's inheritance alone would."""
    section_due = datetime(2026, 3, 1, tzinfo=UTC)
    chapter = plat.container("chapter", due=section_due)
    key = plat.create("probe", plat.subsection(chapter, due=None))
    assert plat.lms(plat.user("ana")).block(key).due == section_due
    assert plat.studio_editor(plat.user("author", role="staff")).block(key).due is None


# ---------------------------------------------------------------- field data per context
def test_lms_refuses_to_save_settings_and_studio_editor_saves_them(plat):
    key = plat.create("probe")
    staff = plat.user("sam", role="staff")
    lms = plat.lms(staff).handle(key, "relabel", {"label": "x"})
    assert lms.status == 500 and type(lms.exception).__name__ == "InvalidScopeError"
    assert plat.studio_editor(staff).handle(key, "relabel", {"label": "y"}).status == 200
    assert plat.lms(staff).block(key).label == "y"


def test_user_service_and_permissions_per_context(plat):
    key = plat.create("probe")
    ana, sam = plat.user("ana"), plat.user("sam", role="staff")
    lms = plat.lms(ana).handle(key, "whoami").json
    assert lms["attrs"]["edx-platform.user_role"] == "student" and lms["perms"] is False
    assert lms["attrs"]["edx-platform.anonymous_user_id"] not in (None, "student")
    staff = plat.lms(sam).handle(key, "whoami").json
    assert staff["attrs"]["edx-platform.user_is_staff"] is True and staff["perms"] is False
    preview = plat.studio_preview(sam).handle(key, "whoami").json
    assert preview["perms"] is True
    assert preview["attrs"]["edx-platform.user_role"] == "staff"
    assert preview["attrs"]["edx-platform.user_is_staff"] is False
    assert preview["attrs"]["edx-platform.anonymous_user_id"] == "student"
    editor = plat.studio_editor(sam).handle(key, "whoami").json
    assert editor["perms"] is True and editor["attrs"]["edx-platform.user_role"] == "student"
    assert editor["attrs"]["edx-platform.anonymous_user_id"] is None


# ---------------------------------------------------------------- masquerade (courseware/masquerade.py)
def test_masquerade_binds_the_learner_and_exposes_only_real_user(plat):
    key = plat.create("probe")
    ana, sam = plat.user("ana"), plat.user("sam", role="staff")
    own = plat.lms(ana).handle(key, "whoami").json["attrs"]
    seen = plat.lms(sam, masquerade_as=ana).handle(key, "whoami").json
    assert seen["attrs"] == own  # exactly the learner's opt_attrs: nothing says "masquerade"
    assert seen["real_user"] is True
    assert plat.lms(ana).handle(key, "whoami").json["real_user"] is False


def test_masquerade_keeps_field_writes_in_the_staff_session_and_skips_grade_and_completion(plat):
    key = plat.create("probe")
    ana, sam = plat.user("ana"), plat.user("sam", role="staff")
    plat.lms(ana).handle(key, "incr")
    grades, completions = len(plat.events.grades), len(plat.events.completions)
    session = {}
    assert plat.lms(sam, masquerade_as=ana, session=session).handle(key, "incr").json == {"count": 2}
    assert plat.state(ana, key)["count"] == 1  # the learner's StudentModule is untouched
    assert plat.lms(sam, masquerade_as=ana, session=session).block(key).count == 2  # the session keeps it
    assert len(plat.events.grades) == grades and len(plat.events.completions) == completions
    assert [e["name"] for e in plat.events.tracking if e["masquerading"]] == ["grade", "completion"]


def test_masquerade_shows_the_refusal_for_blocks_without_show_in_read_only_mode(plat):
    plain, readonly = plat.create("probe"), plat.create("ro_probe")
    ana, sam = plat.user("ana"), plat.user("sam", role="staff")
    refused = plat.lms(sam, masquerade_as=ana).html(plain)
    assert REFUSAL in refused and "count=0" not in refused
    assert "<p>count=0</p>" in plat.lms(sam, masquerade_as=ana).html(readonly)
    assert "<p>count=0</p>" in plat.lms(sam).html(plain) and REFUSAL not in plat.lms(sam).html(plain)


def test_lms_pages_are_wrapped_as_the_platform_wraps_them_graded_attribute_included(plat):
    sub = plat.subsection(graded=True)
    html = plat.lms(plat.user("ana")).html(plat.create("probe", sub))
    assert html.startswith('<div class="xblock xblock-student_view xblock-student_view-probe"')
    assert 'data-graded="True"' in html and 'data-has-score="True"' in html
    assert html.startswith(f'<div class="xblock xblock-student_view xblock-student_view-probe" '
                           f'data-course-id="{plat.course_key}" data-block-type="probe"')  # extra_data first
    preview = plat.studio_preview(plat.user("author", role="staff")).html(plat.create("probe", sub), "student_view")
    assert "data-course-id" not in preview


def test_the_wrapper_writes_init_args_only_where_there_are_some_and_the_block_s_name(plat):
    """``xblock_wrapper.html``: ``{% if js_init_parameters %}``; ``wrap_xblock``: ``data-name``."""
    ana = plat.user("ana")
    empty = plat.lms(ana).html(plat.create("page_probe"))
    assert 'data-init="PageProbe"' in empty and "xblock-json-init-args" not in empty
    some = plat.lms(ana).html(plat.create("page_probe", args={"url": "</script>"}, name="intro"))
    assert ('<script type="json/xblock-args" class="xblock-json-init-args">{"url": "\\u003c/script\\u003e"}'
            in some) and 'data-name="intro"' in some


# ---------------------------------------------------------------- grades (grades/signals/handlers.py)
def test_only_if_higher_compares_percentages_not_points(plat):
    key = plat.create("probe")
    ana = plat.user("ana")
    plat.lms(ana).handle(key, "incr", {"earned": 2, "possible": 2})
    plat.lms(ana).handle(key, "incr", {"earned": 3, "possible": 4, "only_if_higher": True})  # 75% < 100%
    assert plat.gradebook(ana, key)["raw_earned"] == 2 and plat.gradebook(ana, key)["raw_possible"] == 2
    plat.lms(ana).handle(key, "incr", {"earned": 4, "possible": 4, "only_if_higher": True})  # 100% >= 100%
    assert plat.gradebook(ana, key)["raw_possible"] == 4
    assert plat.lms(ana).block(key).raw_earned == 4  # score_published_handler calls block.set_score


def test_rescore_skips_learners_without_an_answer_and_override_divides_by_the_weight(plat):
    key = plat.create("probe", weight=8.0)
    ana, bea = plat.user("ana"), plat.user("bea")
    plat.lms(ana).handle(key, "incr", {"earned": 1, "possible": 4})
    plat.student_modules.get_or_create(bea, key)
    assert rescore(plat, key) == {"ana": "succeeded", "bea": "skipped"}
    override_score(plat, key, ana, 2.0)  # 2 weighted points: raw 2/8 of 4/8
    assert plat.gradebook(ana, key) == {"raw_earned": 0.25, "raw_possible": 0.5, "earned": 4.0, "possible": 8.0}


def test_delete_state_calls_clear_student_state_unbound_with_the_anonymous_id(plat):
    key = plat.create("report_probe")
    ana, sam = plat.user("ana"), plat.user("sam", role="staff")
    anon = plat.lms(ana).handle(key, "whoami").json["attrs"]["edx-platform.anonymous_user_id"]
    plat.lms(ana).handle(key, "incr")
    ReportProbe.cleared.clear()
    delete_state(plat, key, ana, sam)
    assert ReportProbe.cleared == [(anon, str(key), ReportProbe.cleared[0][2], None)]
    assert plat.student_modules.get(ana, key) is None


@pytest.fixture
def deletions():
    """Every ``post_delete`` of a StudentModule row: (student, course, usage key, origin)."""
    seen = []

    def receiver(sender, instance, origin=None, using=None, **kwargs):
        seen.append((instance.student.username, instance.course_id, instance.module_state_key, origin is instance))

    post_delete.connect(receiver, sender=StudentModule, dispatch_uid="test_runtime.deletions")
    yield seen
    post_delete.disconnect(sender=StudentModule, dispatch_uid="test_runtime.deletions")


def test_delete_state_deletes_the_row_as_an_instance_delete_that_sends_post_delete(plat, deletions):
    """``enrollment.py``: ``studentmodule.delete()``; Django's ``Collector`` sends ``post_delete``
    with ``origin`` the instance (``django/db/models/deletion.py``)."""
    key = plat.create("probe")
    ana, sam = plat.user("ana"), plat.user("sam", role="staff")
    plat.lms(ana).handle(key, "incr")
    delete_state(plat, key, ana, sam)
    assert deletions == [("ana", plat.course_key, key, True)]
    assert plat.events.grades[-1] == {"user": "ana", "block": str(key), "raw_earned": 0,
                                      "raw_possible": plat.unbound(key).max_score(), "score_deleted": True}


def test_bulk_delete_state_deletes_every_row_of_the_block_and_resets_no_score(plat, deletions):
    """``module_state.py``: ``delete_problem_module_state`` per row of the block: ``delete()`` and
    a ``problem_delete_state`` tracking event; no block method, no score event."""
    key, other = plat.create("report_probe"), plat.create("probe")
    ana, bob = plat.user("ana"), plat.user("bob")
    for user in (ana, bob):
        plat.lms(user).handle(key, "incr")
    plat.lms(ana).handle(other, "incr")
    graded = len(plat.events.grades)
    ReportProbe.cleared.clear()
    assert delete_state_all(plat, key) == ["ana", "bob"]
    assert deletions == [("ana", plat.course_key, key, True), ("bob", plat.course_key, key, True)]
    assert len(plat.events.grades) == graded and ReportProbe.cleared == []
    assert [e["user"] for e in plat.events.named("problem_delete_state")] == ["ana", "bob"]
    assert plat.student_modules.get(ana, other) is not None


# ---------------------------------------------------------------- Blocks API and reports
def test_mobile_collect_reads_multi_device_on_the_view_and_calls_student_view_data_unbound(plat):
    mobile, classy = plat.create("mobile_probe"), plat.create("class_probe")
    plat.lms(plat.user("ana")).handle(mobile, "incr")
    assert mobile_collect(plat, mobile) == {"student_view_multi_device": True,
                                            "student_view_data": {"user_state_readable": 0, "user_bound": None}}
    assert mobile_collect(plat, classy)["student_view_multi_device"] is False


def test_problem_responses_sorts_plain_dict_columns_and_keeps_ordered_dicts(plat):
    plain, ordered = plat.create("report_probe"), plat.create("report_probe", ordered=True)
    for name in ("bea", "ana"):
        user = plat.user(name)
        plat.lms(user).handle(plain, "incr")
        plat.lms(user).handle(ordered, "incr")
    rows, columns = problem_responses(plat, plain)
    assert columns == ["username", "title", "location", "alpha", "zeta", "block_key", "state"]
    assert [r["username"] for r in rows] == ["bea", "ana"]  # order_by('student'): bea's id is the lower
    assert problem_responses(plat, ordered)[1][3:5] == ["zeta", "alpha"]
    assert [r["username"] for r in problem_responses(plat, plain, max_count=1)[0]] == ["bea"]  # smdat[:limit]


def test_the_report_s_states_are_the_platform_s_tuples_and_skip_an_emptied_state(plat):
    """(Bug hunt s44.) ``XBlockUserState`` is ``(username, block_key, state, updated, scope)``
    (``edx_user_state_client/interface.py``); ``iter_all_for_block`` skips a state ``{}``."""
    from tests.openedx.instructor import XBlockUserState, user_states

    assert XBlockUserState._fields == ("username", "block_key", "state", "updated", "scope")
    key = plat.create("report_probe")
    ana, bea = plat.user("ana"), plat.user("bea")
    plat.lms(ana).handle(key, "incr")
    plat.student_modules.get_or_create(bea, key).state = {}  # all her fields deleted: "{}"
    [only] = list(user_states(plat, key))
    assert (only.username, only.block_key) == ("ana", key)


def test_reset_attempts_one_learner_and_for_everyone_as_the_instructor_tools_do(plat):
    from tests.openedx import reset_attempts, reset_attempts_all

    key = plat.create("probe")
    ana, bea = plat.user("ana"), plat.user("bea")
    plat.student_modules.get_or_create(ana, key).state.update(attempts=2, count=1)
    plat.student_modules.get_or_create(bea, key).state.update(count=1)
    reset_attempts_all(plat, key)  # instructor_task: only rows with attempts > 0
    assert plat.state(ana, key) == {"attempts": 0, "count": 1} and plat.state(bea, key) == {"count": 1}
    reset_attempts(plat, key, bea)  # instructor/enrollment.py: one learner, capa history keys emptied
    assert plat.state(bea, key) == {"count": 1, "attempts": 0, "score_history": [], "correct_map_history": [],
                                    "student_answers_history": []}


def test_a_masquerade_delete_hides_the_learners_value_without_deleting_it(plat):
    key = plat.create("probe")
    ana, sam = plat.user("ana"), plat.user("sam", role="staff")
    plat.lms(ana).handle(key, "incr")
    session = {}
    block = plat.lms(sam, masquerade_as=ana, session=session).block(key)
    del block.count
    block.save()
    assert plat.lms(sam, masquerade_as=ana, session=session).block(key).count == 0
    assert plat.state(ana, key)["count"] == 1


# ---------------------------------------------------------------- learner state (model_data.py FieldDataCache)
def test_a_request_reads_the_learners_fields_from_one_copy_made_when_it_loaded_the_block(plat):
    """``UserStateCache.cache_fields``: the state is read once, when the request loads the block;
    a save of another request (another tab) after that is not seen by this one."""
    key, ana = plat.create("probe"), plat.user("ana")
    plat.lms(ana).handle(key, "incr", {"earned": 1, "possible": 4})
    block = plat.lms(ana).block(key)
    assert block.count == 1
    assert plat.lms(ana).handle(key, "incr", {"earned": 3, "possible": 4}).json == {"count": 2}
    assert plat.state(ana, key)["raw_earned"] == 3
    assert (block.raw_earned, block.raw_possible) == (1, 4)


def test_a_save_is_laid_over_the_row_as_it_is_then_keeping_what_another_request_saved(plat):
    """``DjangoXBlockUserStateClient.set_many``: ``current_state.update(state)`` on the row read
    at the save, not on the request's copy."""
    key, ana = plat.create("probe"), plat.user("ana")
    plat.lms(ana).handle(key, "incr", {"earned": 1, "possible": 4})
    block = plat.lms(ana).block(key)
    assert block.raw_earned == 1
    plat.lms(ana).handle(key, "incr", {"earned": 3, "possible": 4})
    block.count = 10
    block.save()
    assert plat.state(ana, key) == {"count": 10, "raw_earned": 3, "raw_possible": 4}


def test_after_a_save_the_requests_copy_holds_the_saved_fields_alone(plat):
    """``UserStateCache.set_many``: ``self._cache.update(pending_updates)`` in its ``finally``: a
    field of the block the save did not hold reads as unset (its default) later in the request,
    though the row keeps it."""
    key, ana = plat.create("probe"), plat.user("ana")
    plat.lms(ana).handle(key, "incr", {"earned": 1, "possible": 4})
    runtime = plat.lms(ana).runtime()
    block = runtime.get_block(key)
    assert block.raw_earned == 1
    block.count = 5
    block.save()
    assert block.raw_earned == 1  # read before the save: the instance holds it (Field.__get__)
    assert block.raw_possible is None  # first read after the save: asked of the copy
    again = runtime.get_block(key)  # the same request loads the block again
    assert again.count == 5
    assert (again.raw_earned, again.raw_possible) == (None, None)
    assert not again._field_data.has(again, "raw_earned")  # noqa: SLF001 - what raw_values asks
    assert plat.state(ana, key) == {"count": 5, "raw_earned": 1, "raw_possible": 4}


def test_a_delete_needs_the_field_in_the_requests_copy(plat):
    """``UserStateCache.delete``: ``KeyError`` unless the copy holds the field; else it leaves the
    row and the copy."""
    key, ana = plat.create("probe"), plat.user("ana")
    block = plat.lms(ana).block(key)
    plat.lms(ana).handle(key, "incr")
    with pytest.raises(KeyError):
        block._field_data.delete(block, "count")  # noqa: SLF001
    block = plat.lms(ana).block(key)
    block._field_data.delete(block, "count")  # noqa: SLF001
    assert "count" not in plat.state(ana, key) and block.count == 0


def test_a_masquerading_request_reads_the_learners_copy_under_the_staff_sessions_writes(plat):
    """``masquerade.py`` ``MasqueradingKeyValueStore`` over the learner's ``DjangoKeyValueStore``:
    the session's values first, then the request's copy of the learner's state."""
    key, ana, sam = plat.create("probe"), plat.user("ana"), plat.user("sam", role="staff")
    plat.lms(ana).handle(key, "incr", {"earned": 2, "possible": 4})
    session = {}
    block = plat.lms(sam, masquerade_as=ana, session=session).block(key)
    plat.lms(ana).handle(key, "incr", {"earned": 3, "possible": 4})
    block.count = 9
    block.save()
    assert (block.count, block.raw_earned) == (9, 2)
    again = plat.lms(sam, masquerade_as=ana, session=session).block(key)
    assert (again.count, again.raw_earned) == (9, 3)
    assert plat.state(ana, key)["count"] == 2


def test_the_other_user_scopes_are_read_into_the_requests_copy_too(plat):
    """``DjangoOrmFieldCache`` (one row per field: preferences, user info, user state summary):
    the rows read when the block is loaded; a write goes to the row and the copy."""

    class PrefProbe(ProbeBlock):
        speed = String(scope=Scope.preferences, default="")

    plat.block_classes["pref_probe"] = PrefProbe
    key, ana = plat.create("pref_probe"), plat.user("ana")
    first, second = plat.lms(ana).block(key), plat.lms(ana).block(key)
    first.speed = "slow"
    first.save()
    assert second.speed == ""
    assert plat.lms(ana).block(key).speed == "slow"


def test_no_completion_service_for_an_anonymous_user_and_no_grade_is_recorded(plat):
    """An anonymous user's POST reaches a block only at the ``handler_noauth`` address (the page's
    refuses it: ``test_the_page_s_address_refuses_an_anonymous_post_and_marks_the_user_known``)."""
    from tests.openedx.services import User

    key = plat.create("probe")
    anonymous = User(0, "anonymous", is_authenticated=False)
    plat.users[0] = anonymous
    result = plat.lms_noauth(anonymous).handle(key, "incr")
    assert result.status == 200
    assert plat.events.grades == [] and plat.events.completions == []
    assert [e["name"] for e in plat.events.tracking] == ["completion"]


def test_studio_shows_a_crashing_editor_as_an_error_message(plat):
    class Broken(ProbeBlock):
        def studio_view(self, context=None):
            raise ValueError("broken editor")

    plat.block_classes["broken"] = Broken
    html = plat.studio_editor(plat.user("sam", role="staff")).html(plat.create("broken"))
    assert 'class="xblock-render-error"' in html and "broken editor" in html


# ---------------------------------------------------------------- LmsBlockMixin (lms/djangoapps/lms_xblock/mixin.py)
def test_every_block_gets_the_lms_mixin_s_fields_and_its_publish_completion_handler(plat):
    """``publish_completion`` marks a block complete on view only where the completion service
    allows it (``completion/services.py`` ``can_mark_block_complete_on_view``): a completable block
    with no custom completion and no score; 400 otherwise, 500 with no completion service (an
    anonymous user)."""
    from tests.openedx.services import User

    page, scored = plat.create("page_probe"), plat.create("probe")
    ana = plat.user("ana")
    block = plat.lms(ana).block(page)
    assert block.format is None and block.group_access == {} and block.chrome is None
    assert plat.lms(ana).handle(page, "publish_completion", {"completion": 1.0}).json == {"result": "ok"}
    assert [(c["block"], c["completion"]) for c in plat.events.completions] == [(str(page), 1.0)]
    refused = plat.lms(ana).handle(scored, "publish_completion", {"completion": 1.0})
    assert (refused.status, refused.json) == (400, {"error": "Block not configured for completion on view."})
    anonymous = plat.users[0] = User(0, "anonymous", is_authenticated=False)
    assert plat.lms_noauth(anonymous).handle(page, "publish_completion", {"completion": 1.0}).status == 500
    assert len(plat.events.completions) == 1


def test_group_access_keeps_partition_ids_as_numbers_on_the_block_and_text_in_its_json(plat):
    key = plat.create("page_probe", group_access={50: [1, 2]})
    assert plat.lms(plat.user("ana")).block(key).group_access == {50: [1, 2]}
    assert {k.field_name: v for k, v in plat.authored.db_dict.items()
            if k.block_scope_id == key}["group_access"] == {"50": [1, 2]}


def test_a_handler_the_block_does_not_have_is_not_found_in_every_context(plat):
    """``block_render.py`` ``handle_xblock_callback``, ``preview.py`` ``preview_handler`` and
    ``component.py`` ``component_handler`` raise ``Http404`` on ``NoSuchHandlerError``."""
    key = plat.create("probe")
    author = plat.user("author", role="staff")
    for context in (plat.lms(plat.user("ana")), plat.studio_preview(author), plat.studio_editor(author)):
        result = context.handle(key, "no_such_handler", {})
        assert result.status == 404 and type(result.exception).__name__ == "NoSuchHandlerError"


def test_only_if_higher_over_a_row_kept_for_its_state_alone_fails_as_the_platform_s_does(plat):
    """``score_published_handler`` compares with ``get_score``'s row whatever its grade: a row with
    state and no grade (NULL) makes ``compare_scores`` call ``float(None)``, and the signal raises."""
    key = plat.create("probe")
    ana = plat.user("ana")
    plat.student_modules.get_or_create(ana, key)  # state saved, no score published yet
    result = plat.lms(ana).handle(key, "incr", {"only_if_higher": True})
    assert result.status == 500 and type(result.exception) is TypeError
    assert plat.lms(ana).handle(key, "incr", {}).status == 200  # without it the score is kept


def test_studio_preview_gives_global_staff_the_instructor_role(plat):
    """``cms/djangoapps/contentstore/views/access.py`` ``get_user_role``: ``user_has_role``
    (``common/djangoapps/student/auth.py``) answers yes for global staff before any course role."""
    key = plat.create("probe")
    roles = {name: plat.studio_preview(user).handle(key, "whoami").json["attrs"]["edx-platform.user_role"]
             for name, user in (("staff", plat.user("author", role="staff")),
                                ("global", plat.user("admin", role="staff", global_staff=True)),
                                ("instructor", plat.user("owner", role="instructor")))}
    assert roles == {"staff": "staff", "global": "instructor", "instructor": "instructor"}


def test_course_file_addresses_are_written_as_the_lms_writes_them_into_a_view():
    """``static_replace``: quoted addresses only (an escaped quote too, as in JSON), ``?raw`` and
    the XBlock resources left, a ``/`` in a file's name written ``_``, ``/course/`` links to the course."""
    from tests.openedx.keys import CourseKey
    from tests.openedx.static_replace import ReplaceURLService

    service = ReplaceURLService(CourseKey())
    text = ('<img src="/static/maps/niger.png?v=2"> {"html": "<a href=\\"/static/law.pdf\\">"} '
            "<a href='/static/raw.txt?raw'> /static/unquoted.png <script src=\"/static/xblock/resources/x.js\">"
            ' <a href="/course/jump">')
    assert service.replace_urls(text) == (
        '<img src="/asset-v1:EMM+EMM2+2026+type@asset+block/maps_niger.png?v=2"> '
        '{"html": "<a href=\\"/asset-v1:EMM+EMM2+2026+type@asset+block/law.pdf\\">"} '
        "<a href='/static/raw.txt?raw'> /static/unquoted.png <script src=\"/static/xblock/resources/x.js\">"
        ' <a href="/courses/course-v1:EMM+EMM2+2026/jump">')
    assert service.replace_urls('<a href="/course/jump">', static_replace_only=True) == '<a href="/course/jump">'


def test_a_self_paced_course_s_blocks_read_no_due_date(plat):
    """The LMS's production settings (``lms/envs/production.py``, "Self-Paced Course Due Dates")
    add ``OverrideModulestoreFieldData.wrap`` to ``XBLOCK_FIELD_DATA_WRAPPERS`` and
    ``SelfPacedDateOverrideProvider`` to ``MODULESTORE_FIELD_OVERRIDE_PROVIDERS``
    (``lms/djangoapps/courseware/self_paced_overrides.py``: ``get`` answers ``None`` for ``due``
    where ``block.self_paced``; ``field_overrides.py``'s ``default`` gives the ancestors' override
    first): below edx-when (which keeps no ``due`` for a self-paced course), a block's ``due`` is
    None, never the modulestore's date (the platform's own test:
    ``lms/djangoapps/courseware/tests/test_self_paced_overrides.py``, ``test_self_paced_due_date``).
    A due date a subsection kept when the course was made self-paced closes nothing."""
    due = datetime(2026, 3, 1, tzinfo=UTC)
    plat.set_settings(plat.course, self_paced=True, start=datetime(2026, 1, 1, tzinfo=UTC))
    sub = plat.subsection(due=due)
    key = plat.create("probe", sub)
    assert plat.lms(plat.user("bea")).block(key).due is None


# ---------------------------------------------------------------- the two handler addresses (block_render.py)
@XBlock.wants("user")
class KnownProbe(XBlock):
    """Says what its handler was given: the ``known`` mark of the Django users behind the user
    service (the learner's, and the staff member's while masquerading)."""

    @XBlock.handler
    def marks(self, request, suffix=""):
        from webob import Response

        user = getattr(self.runtime.service(self, "user"), "_django_user", None)
        real = getattr(user, "real_user", None)
        return Response(json_body={"known": getattr(user, "known", "absent"),
                                   "real_known": getattr(real, "known", "absent") if real else None})


def test_the_page_s_address_marks_the_user_known_as_signed_in_and_the_noauth_one_unknown(plat):
    """``handle_xblock_callback`` sets ``request.user.known = request.user.is_authenticated``;
    ``handle_xblock_callback_noauth`` sets it False, for whoever the session names. The mark is
    the request's: the next request's user carries none until its view sets it."""
    plat.block_classes["known_probe"] = KnownProbe
    key = plat.create("known_probe")
    ana = plat.user("ana")
    assert plat.lms(ana).handle(key, "marks").json == {"known": True, "real_known": None}
    assert plat.lms_noauth(ana).handle(key, "marks").json == {"known": False, "real_known": None}
    assert plat.lms_noauth(ana).handle(key, "marks", method="GET").json["known"] is False
    assert not hasattr(ana, "known")
    ana.known = False  # marked as handle_xblock_callback_noauth marks it: that view's request
    assert plat.lms(ana).route == "handler_noauth"
    assert plat.lms(ana).handle(key, "marks").json["known"] is False


def test_the_page_s_address_refuses_an_anonymous_post_and_lets_its_get_through_unknown(plat):
    """``handle_xblock_callback``: "Allow anonymous GET calls (e.g. for transcripts)", any other
    method from a user not signed in is ``HttpResponseForbidden('Unauthenticated')`` before the
    block is loaded; the GET runs marked ``known`` False, as at the noauth address."""
    from tests.openedx.services import User

    plat.block_classes["known_probe"] = KnownProbe
    key = plat.create("known_probe")
    visitor = User(None, "", is_authenticated=False)
    refused = plat.lms(visitor).handle(key, "marks")
    assert (refused.status, refused.body) == (403, b"Unauthenticated")
    assert plat.lms(visitor).handle(key, "marks", method="GET").json["known"] is False
    assert plat.lms_noauth(visitor).handle(key, "marks").json["known"] is False


def test_while_masquerading_the_noauth_mark_is_on_the_staff_member_the_real_user(plat):
    """``get_block_by_usage_id`` runs ``setup_masquerade`` at both addresses: the block is bound
    to the learner's user (whose access is checked), ``real_user`` the request's, marked."""
    plat.block_classes["known_probe"] = KnownProbe
    key = plat.create("known_probe")
    staff, ana = plat.user("sam", role="staff"), plat.user("ana")
    seen = plat.lms_noauth(staff, masquerade_as=ana).handle(key, "marks").json
    assert seen == {"known": "absent", "real_known": False}
    assert plat.lms(staff, masquerade_as=ana).handle(key, "marks").json == {"known": "absent", "real_known": True}
