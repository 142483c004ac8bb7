"""A hypothesis state machine: random edits through the repository against a plain model."""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from followup_tui.domain.models import CONCERN_KINDS, Concern, Interview, Question, ValidationError
from followup_tui.store.repository import Repository, seeded_ids

HOSTILE = st.sampled_from(
    ["[/]", "[bold red]x", "\x1b]0;pwned\x07", "\x9b2J", "\u202eevil", "\ud800", "a\\", " ", "\x00", "\r\n"]
)
TEXT = st.one_of(st.text(st.characters(exclude_categories=()), max_size=30), HOSTILE)
_SURROGATE = re.compile("[\ud800-\udfff]")


def stored(text: str) -> str:
    """What the repository keeps of a text: lone surrogates become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass
class Row:
    """The model of one record: its fields and where it sits in the table."""

    fields: dict[str, Any]
    seq: int


class RepositoryMachine(RuleBasedStateMachine):
    """Interviews, questions and concerns edited at random; compared with dicts after each step."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="followup-sm-"))
        self.path = self.folder / "followup.json"
        # ids from a seeded factory: hypothesis replays an example and must see the same ids
        self.ids = seeded_ids(0)
        self.repo = Repository(self.path, id_factory=self.ids)
        self.model: dict[type[Any], dict[str, Row]] = {Interview: {}, Question: {}, Concern: {}}
        self.deleted: list[Any] = []
        self.seq = itertools.count()

    def teardown(self) -> None:
        """Check a freshly opened repository once more, then remove the folder."""
        try:
            self.repo = Repository(self.path, id_factory=self.ids)
            self.matches_the_model()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers ----------------------------------------------------------------------------

    def _remember(self, record: Any, fields: tuple[str, ...]) -> None:
        values = {name: getattr(record, name) for name in fields}
        self.model[type(record)][record.id] = Row(values, next(self.seq))

    def _pick(self, data: st.DataObject, cls: type[Any]) -> str:
        return data.draw(st.sampled_from(sorted(self.model[cls])))

    def _children_ids(self, cls: type[Any], interview_id: str) -> list[str]:
        rows = [
            (rid, row) for rid, row in self.model[cls].items() if row.fields["interview_id"] == interview_id
        ]
        return [rid for rid, row in sorted(rows, key=lambda item: (item[1].fields["order"], item[1].seq))]

    # -- interviews -------------------------------------------------------------------------

    @initialize(company=TEXT)
    def start(self, company: str) -> None:
        self.add_interview(company or "x", "")

    @rule(company=TEXT, notes=TEXT)
    def add_interview(self, company: str, notes: str) -> None:
        if not company.strip():
            with pytest.raises(ValidationError):
                self.repo.add(Interview(company=company))
            return
        added = self.repo.add(Interview(company=company, notes=notes))
        assert (added.company, added.notes) == (stored(company), stored(notes))
        self._remember(added, ("company", "notes", "role"))

    @precondition(lambda self: self.model[Interview])
    @rule(data=st.data(), field=st.sampled_from(["company", "role", "notes"]), text=TEXT)
    def update_interview(self, data: st.DataObject, field: str, text: str) -> None:
        iid = self._pick(data, Interview)
        if field == "company" and not text.strip():
            with pytest.raises(ValidationError):
                self.repo.update(Interview, iid, company=text)
            return
        self.repo.update(Interview, iid, **{field: text})
        self.model[Interview][iid].fields[field] = stored(text)

    @precondition(lambda self: self.model[Interview])
    @rule(data=st.data())
    def delete_interview(self, data: st.DataObject) -> None:
        iid = self._pick(data, Interview)
        self.deleted.append(self.repo.delete(Interview, iid))
        del self.model[Interview][iid]
        for cls in (Question, Concern):
            for child in [k for k, r in self.model[cls].items() if r.fields["interview_id"] == iid]:
                del self.model[cls][child]
        self.deleted = [r for r in self.deleted if getattr(r, "interview_id", None) != iid]

    # -- questions and concerns -------------------------------------------------------------

    @precondition(lambda self: self.model[Interview])
    @rule(data=st.data(), text=TEXT, must_ask=st.booleans())
    def add_question(self, data: st.DataObject, text: str, must_ask: bool) -> None:
        iid = self._pick(data, Interview)
        if not text.strip():
            with pytest.raises(ValidationError):
                self.repo.add(Question(interview_id=iid, text=text))
            return
        added = self.repo.add(Question(interview_id=iid, text=text, must_ask=must_ask))
        self._remember(added, ("interview_id", "text", "must_ask", "order"))

    @precondition(lambda self: self.model[Interview])
    @rule(data=st.data(), text=TEXT, kind=st.sampled_from(CONCERN_KINDS))
    def add_concern(self, data: st.DataObject, text: str, kind: str) -> None:
        iid = self._pick(data, Interview)
        if not text.strip():
            return
        added = self.repo.add(Concern(interview_id=iid, text=text, kind=kind))
        self._remember(added, ("interview_id", "text", "kind", "order"))

    @precondition(lambda self: self.model[Concern])
    @rule(data=st.data(), kind=st.sampled_from(CONCERN_KINDS), balanced=TEXT)
    def move_concern(self, data: st.DataObject, kind: str, balanced: str) -> None:
        cid = self._pick(data, Concern)
        self.repo.update(Concern, cid, kind=kind, balanced_thought=balanced)
        self.model[Concern][cid].fields["kind"] = kind

    @precondition(lambda self: self.model[Question])
    @rule(data=st.data(), text=TEXT)
    def edit_question(self, data: st.DataObject, text: str) -> None:
        qid = self._pick(data, Question)
        if not text.strip():
            with pytest.raises(ValidationError):
                self.repo.update(Question, qid, text=text)
            return
        self.repo.update(Question, qid, text=text)
        self.model[Question][qid].fields["text"] = stored(text)

    @precondition(lambda self: self.model[Question] or self.model[Concern])
    @rule(data=st.data())
    def delete_child(self, data: st.DataObject) -> None:
        cls = data.draw(st.sampled_from([c for c in (Question, Concern) if self.model[c]]))
        rid = self._pick(data, cls)
        removed = self.repo.delete(cls, rid)
        assert removed.id == rid
        self.deleted.append(removed)
        del self.model[cls][rid]

    @precondition(lambda self: self.deleted)
    @rule(data=st.data())
    def restore(self, data: st.DataObject) -> None:
        record = self.deleted.pop(data.draw(st.integers(0, len(self.deleted) - 1)))
        self.repo.restore(record)
        names = {
            Interview: ("company", "notes", "role"),
            Question: ("interview_id", "text", "must_ask", "order"),
            Concern: ("interview_id", "text", "kind", "order"),
        }[type(record)]
        self._remember(record, names)

    @precondition(lambda self: self.model[Question])
    @rule(data=st.data())
    def reorder_questions(self, data: st.DataObject) -> None:
        iid = self.model[Question][self._pick(data, Question)].fields["interview_id"]
        ids = data.draw(st.permutations(self._children_ids(Question, iid)))
        self.repo.reorder(Question, list(ids))
        for position, qid in enumerate(ids, start=1):
            self.model[Question][qid].fields["order"] = float(position)

    @rule()
    def reopen(self) -> None:
        self.repo = Repository(self.path, id_factory=self.ids)

    # -- the check --------------------------------------------------------------------------

    @invariant()
    def matches_the_model(self) -> None:
        interviews = {i.id: i for i in self.repo.all(Interview)}
        assert set(interviews) == set(self.model[Interview])
        for iid, row in self.model[Interview].items():
            got = interviews[iid]
            assert {k: getattr(got, k) for k in row.fields} == row.fields
            for cls in (Question, Concern):
                children = self.repo.children(cls, iid)
                assert [c.id for c in children] == self._children_ids(cls, iid)
                for child in children:
                    want = self.model[cls][child.id].fields
                    assert {k: getattr(child, k) for k in want} == want
        for cls in (Question, Concern):
            assert {r.id for r in self.repo.all(cls)} == set(self.model[cls])


RepositoryMachine.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestRepositoryMachine = RepositoryMachine.TestCase
