"""Region packs: exactly one per review, everything regional in the pack, sub-keys checked at load time."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer import review
from reviewer.errors import InputError, RuleFileError
from reviewer.rulebook import RULES_DIR, default_rulebook, load_rulebook
from tests.helpers.corpus import ROOT

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "regions" / "testland.yml"


@pytest.fixture(scope="module")
def two_regions(tmp_path_factory):
    """The shipped rules with a second, invented region pack beside Georgia's."""
    folder = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(RULES_DIR, folder)
    shutil.copy(FIXTURE, folder / "regions" / "testland.yml")
    return load_rulebook(folder)


def test_the_georgia_pack_is_checked_and_named():
    pack = default_rulebook().region("georgia")
    assert pack.names["region"] == "Atlanta/Georgia" and pack.last_verified
    assert "Grady Memorial Hospital" in pack.all_places() and pack.examples["tie"] and pack.examples["not_tie"]


PACKS = sorted(p.stem for p in (RULES_DIR / "regions").glob("*.yml")) + ["testland"]  # every shipped pack


def test_georgia_is_shipped_and_the_test_pack_is_not():
    assert "georgia" in PACKS and not (RULES_DIR / "regions" / "testland.yml").exists()


@pytest.mark.parametrize("region", PACKS)
def test_each_pack_makes_its_examples_ties_and_not_the_others(two_regions, region):
    pack = two_regions.region(region)
    for text in pack.examples["tie"]:
        result = review(text, rulebook=two_regions, region=region)
        assert any("regional_tie" in s.labels for s in result.sentences), (region, text)
    for text in pack.examples["not_tie"]:
        result = review(text, rulebook=two_regions, region=region)
        assert not any("regional_tie" in s.labels for s in result.sentences), (region, text)


def test_the_second_pack_replaces_georgia_and_messages_name_it(two_regions):
    text = ("I chose family medicine because I want to care for whole families. "
            "I volunteered for a year at the Quillmoor Clinic in Zorvale. "
            "I also spent a summer at Grady Memorial Hospital in Atlanta.")
    testland = review(text, rulebook=two_regions, region="testland")
    ties = [s.text for s in testland.sentences if "regional_tie" in s.labels]
    assert ties == ["I volunteered for a year at the Quillmoor Clinic in Zorvale."]
    assert testland.tie_places() == ["Quillmoor Clinic", "Zorvale"]
    georgia = review(text, rulebook=two_regions)  # the default pack
    assert [s.text for s in georgia.sentences if "regional_tie" in s.labels] == [
        "I also spent a summer at Grady Memorial Hospital in Atlanta."]
    silent = review("I chose pediatrics because children are honest.", rulebook=two_regions, region="testland")
    (missing,) = [f for f in silent.findings if f.rule == "region.missing"]
    assert missing.message == "The statement does not mention Testland or any place in Testland."
    assert "Testland" in missing.why and "Georgia" not in missing.message + missing.why


def test_the_default_review_is_unchanged_by_a_second_pack(two_regions):
    text = (ROOT / "samples" / "corpus" / "b01_clarkston_peds.json").read_text(encoding="utf-8")
    statement = "\n\n".join(" ".join(s["text"] for s in p) for p in json.loads(text)["paragraphs"])
    assert review(statement, rulebook=two_regions).to_dict() == review(statement).to_dict()


def test_an_unknown_region_is_refused_with_the_packs_named():
    with pytest.raises(InputError, match="region 'mars' has no pack; the packs are: georgia"):
        review("I chose pediatrics.", region="mars")


@pytest.mark.parametrize("change, expected", [
    (("  both: Testland\n", "  both: Testland\n  colour: blue\n"), "'names.colour' is not a key of 'names'"),
    (("health:\n  inherent:", "helath:\n  inherent:"), "'helath' is not a key of a region pack"),
    (("params:\n  tie_words:", "params:\n  tie_wrods:"), "'params.tie_wrods' is not a key of 'params'"),
    (("  tie: Testland tie\n", ""), "'names.tie' is missing"),
    (("anchors: [Testland]\n", "anchors: Testland\n"), "'anchors' must be a list"),
    (("  - name: Old Zorvale Infirmary\n", "  - nom: Old Zorvale Infirmary\n"), "'closed[0]' needs 'name' and 'closed'"),
])
def test_pack_keys_are_checked_with_file_and_key_named(tmp_path, change, expected):
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    path = folder / "regions" / "testland.yml"
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rulebook(folder)
    assert str(path) in str(info.value) and expected in str(info.value)


def test_cli_region_option(two_regions, tmp_path):
    statement = tmp_path / "s.txt"
    statement.write_text("I chose pediatrics for its families. I volunteered at the Quillmoor Clinic every Saturday.", encoding="utf-8")
    env = {**os.environ, "REVIEWER_RULES": two_regions.root}
    run = subprocess.run([sys.executable, "-m", "reviewer", "review", str(statement), "--region", "testland",
                          "--format", "json"], capture_output=True, text=True, env=env, cwd=ROOT)
    data = json.loads(run.stdout)
    assert ["regional_tie" in s["labels"] for s in data["sentences"]] == [False, True]
    refused = subprocess.run([sys.executable, "-m", "reviewer", "review", str(statement), "--region", "mars"],
                             capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode == 2 and "region 'mars' has no pack" in refused.stderr
