"""Whole corpus statements end to end, each with the exact findings (rule, sentences) it must produce."""
import pytest

from reviewer import review
from reviewer.learn.corpus import load_case
from tests.helpers.corpus import CORPUS

PINNED = {
    "a01_nigeria_im_model_disclosure": [],
    "a04_pakistan_fm_excuses_blame": [("score.too_long", (4, 5, 6, 7, 8, 9, 10)), ("score.blame", (5,)),
                                      ("score.blame", (6,)), ("score.blame", (7,)), ("score.blame", (8,)),
                                      ("score.blame", (9,))],
    "b08_silent_flagged_peds": [("region.missing", ()), ("score.not_addressed", ()), ("statement.word_count", ())],
    "d01_board_step_senses": [],
    "d10_below_200_opening": [("score.dominates", (0, 1))],
    "cv02_macon_duration_conflict": [("cv.gap", ()), ("statement.word_count", ()), ("cv.ps_conflict", (2,))],
    "cv05_score_mismatch_future": [("cv.future_date", ()), ("statement.word_count", ()), ("cv.ps_conflict", (7,))],
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_pinned_findings(name):
    case = load_case(CORPUS / f"{name}.json")
    result = review(case.text, cv=case.cv, as_of=case.as_of)
    assert [(f.rule, f.sentences) for f in result.findings] == PINNED[name]
    for f in result.findings:
        assert f.message and f.why and f.fix and f.source
        if f.sentences:
            first = result.sentences[f.sentences[0]]
            assert f.start == first.start and result.text[f.start:f.end].startswith(first.text)
