"""The records a check makes without their dataclass ``__init__`` (``records.record``) are the records
the dataclass makes: every field there, equal, same hash and pickle; and a check's stamp is the time's."""

from __future__ import annotations

import pickle
import time
from dataclasses import fields

import pytest
from verify_world import ARTICLE

from spector_refs.check.chain import ChainFollower, Outcome, to_result
from spector_refs.check.checker import _Stamps, iso, utc_now
from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.http import Answer
from spector_refs.check.metadata import read_metadata
from spector_refs.check.records import FieldError, record
from spector_refs.model import Hop, LinkResult, PageMeta, Verdict

URL = "https://news.example/2023/05/02/takedown"


def _same_as_made_by_init(made: object, *, kept: bool = True) -> None:
    """``kept``: a record that leaves the check (hashed, pickled); an outcome holds a parsed page."""
    cls = type(made)
    assert list(vars(made)) == [field.name for field in fields(cls)], "a field is missing or out of order"
    rebuilt = cls(**vars(made))
    assert made == rebuilt
    if kept:
        assert hash(made) == hash(rebuilt)
        assert pickle.dumps(made) == pickle.dumps(rebuilt)
        assert pickle.loads(pickle.dumps(made)) == rebuilt


def _judged() -> Outcome:
    follower = ChainFollower(LinkCheckConfig(), None, None)  # type: ignore[arg-type]  # judging needs neither
    answer = Answer(200, {"content-type": "text/html; charset=utf-8"}, ARTICLE)
    return follower._judge(URL, URL, [Hop("http://news.example/old", 301)], answer)


def test_a_judged_page_makes_the_records_its_dataclasses_would():
    outcome = _judged()
    assert outcome.verdict is Verdict.REDIRECTED
    _same_as_made_by_init(outcome, kept=False)
    _same_as_made_by_init(outcome.answer, kept=False)
    assert outcome.meta is not None
    _same_as_made_by_init(outcome.meta)
    result = to_result(URL, outcome, checked_at="2024-05-01T12:00:00Z", elapsed=0.1234, max_text=100)
    _same_as_made_by_init(result)
    assert result.meta == outcome.meta and result.elapsed == 0.123 and result.status_code == 200


def test_a_failed_checks_result_and_a_bare_answer():
    failed = to_result(URL, Outcome(Verdict.TIMEOUT, "slow"), checked_at="x", elapsed=1.0, max_text=None)
    _same_as_made_by_init(failed)
    assert failed == LinkResult(URL, Verdict.TIMEOUT, "slow", checked_at="x", elapsed=1.0)
    head = record(Answer, status=204, headers={}, body=b"", method="HEAD", notes=(), truncated=False)
    _same_as_made_by_init(head, kept=False)
    assert head == Answer(204, {}, method="HEAD")


def test_metadata_of_a_page_that_declares_nothing():
    meta = read_metadata(
        b"<html><head><title> Bare </title></head><body><h1>Bare page</h1></body></html>", None
    )
    assert meta == PageMeta(title="Bare", heading="Bare page")
    _same_as_made_by_init(meta)


def test_a_checks_stamp_is_the_current_seconds():
    stamps = _Stamps()
    for _ in range(3):  # a second may turn between the two readings
        before, stamp, after = iso(utc_now()), stamps(), iso(utc_now())
        if before == after:
            break
    assert stamp == before == after
    time.sleep(1.05 - time.time() % 1)  # into the next second: the stamp moves on
    assert stamps() == iso(utc_now()) > stamp


def test_a_record_takes_the_classs_defaults_and_refuses_a_missing_or_unknown_field():
    made = record(LinkResult, url=URL, verdict=Verdict.OK, reason="fine", checked_at="x")
    assert made == LinkResult(URL, Verdict.OK, "fine", checked_at="x")
    _same_as_made_by_init(made)
    with pytest.raises(FieldError, match=r"LinkResult made without \['verdict', 'reason'\]"):
        record(LinkResult, url=URL)
    with pytest.raises(FieldError, match=r"with unknown \['statsu'\]"):
        record(LinkResult, url=URL, verdict=Verdict.OK, reason="fine", statsu=200)
