"""Rule files are validated at load time with messages that name the file, the key and what is allowed."""
import pytest

from reviewer.errors import RuleFileError
from reviewer.rulebook import load_rulebook

GOOD = """kind: check
level: warning
message: "A message."
why: "A reason."
fix: "A fix."
source: "guide: Step 4.1"
examples:
  flag: ["one"]
  pass: ["two"]
"""


def write(tmp_path, text, name="score/blame.yml"):  # score.blame: a rule id with a registered check
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_rule_loads_with_its_path_as_id(tmp_path):
    write(tmp_path, GOOD)
    book = load_rulebook(tmp_path)
    assert list(book.rules) == ["score.blame"]
    assert book.rules["score.blame"].examples["flag"] == [{"text": "one"}]


@pytest.mark.parametrize("change, expected", [
    (("level: warning", "level: fatal"), "'level' is 'fatal'; it must be one of suggestion, warning, error"),
    (("kind: check", "kind: regex"), "'kind' is 'regex'; it must be one of check, count, cv, label, phrase, region"),
    (('why: "A reason."\n', ""), "'why' is missing"),
    (("examples:\n  flag: [\"one\"]\n  pass: [\"two\"]\n", "examples:\n  flag: [\"one\"]\n"),
     "'examples' needs a non-empty 'flag' list and a non-empty 'pass' list"),
    (("examples:\n  flag: [\"one\"]\n  pass: [\"two\"]\n", ""), "'examples' is missing"),
    (('fix: "A fix."', 'fix: "A fix."\ncolour: red'), "'colour' is not a key of a check rule; allowed:"),
    (('message: "A message."', "message: [1, 2]"), "'message' must be text"),
    (("level: warning", "level: warning\nparams: [1]"), "'params' must be a mapping"),
])
def test_invalid_rule_names_file_key_and_allowed_values(tmp_path, change, expected):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleFileError) as info:
        load_rulebook(tmp_path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_broken_yaml_is_reported_with_the_file(tmp_path):
    path = write(tmp_path, "kind: check\nlevel: [unclosed\n")
    with pytest.raises(RuleFileError, match="not valid YAML") as info:
        load_rulebook(tmp_path)
    assert str(path) in str(info.value)


def test_a_rule_file_that_is_not_a_mapping(tmp_path):
    write(tmp_path, "- just\n- a list\n")
    with pytest.raises(RuleFileError, match="must be a YAML mapping"):
        load_rulebook(tmp_path)


def test_missing_rules_folder(tmp_path):
    with pytest.raises(RuleFileError, match="REVIEWER_RULES"):
        load_rulebook(tmp_path / "nowhere")


def test_a_message_placeholder_the_check_does_not_give(tmp_path):
    write(tmp_path, GOOD.replace('message: "A message."', 'message: "Has {missing}."'))
    rule = load_rulebook(tmp_path).rules["score.blame"]
    with pytest.raises(RuleFileError, match="placeholder"):
        rule.finding()


def test_a_check_rule_without_code_is_refused_at_load_time(tmp_path):
    """A rule of a kind that needs Python must name a registered check, or it would load and never fire."""
    path = write(tmp_path, GOOD, "statement/cliches.yml")
    with pytest.raises(RuleFileError) as info:
        load_rulebook(tmp_path)
    message = str(info.value)
    assert str(path) in message and "statement.cliches" in message
    assert "@check('statement.cliches')" in message and "phrase, count" in message


def test_shipped_rules_all_load():
    from reviewer.rulebook import default_rulebook
    book = default_rulebook()
    assert {"score.blame", "score.too_long", "region.generic", "cv.gap"} <= set(book.rules)
    assert set(book.labels) == {"score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation"}
    assert book.regions["georgia"].last_verified


def test_every_lexicon_is_read_by_the_label_model():
    """A lexicon the model does not read as a feature is dead data that only looks like it changes behaviour."""
    from reviewer.nlp.cues import general_lexicons, region_lexicons
    from reviewer.nlp.labels.model import LabelModel
    from reviewer.rulebook import default_rulebook
    book = default_rulebook()
    names = [*general_lexicons(book), *region_lexicons(book.region("georgia"))]
    read = set(LabelModel.load().settings["cue_names"])
    assert [name for name in names if not name.startswith("rule:") and name not in read] == []
