"""The package installs from a wheel and works from any folder: rules, templates and model are package data."""
import json
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

from tests.helpers.corpus import ROOT, corpus_text


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "reviewer").rglob("__init__.py")}
    found |= {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "web").rglob("__init__.py")}
    assert listed == found | {"reviewer.rules"}


def test_the_wheel_installs_in_a_fresh_venv_and_reviews_from_any_folder(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
                    str(ROOT)], check=True, capture_output=True, cwd=tmp_path)
    (wheel,) = wheels.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    # The dependencies come from this environment's site-packages (added as a path: its editable install of
    # the project is not, since .pth files there are not processed), so the reviewer itself is the wheel's.
    site = Path(sysconfig.get_paths()["purelib"])
    venv_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                    check=True, capture_output=True, text=True).stdout.strip())
    (venv_site / "dependencies.pth").write_text(str(site) + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sample = elsewhere / "draft.txt"
    sample.write_text(corpus_text(ROOT / "samples" / "corpus" / "b01_clarkston_peds.json"), encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import reviewer, reviewer.rulebook as r; print(reviewer.__file__); "
                            "print(r.RULES_DIR)"], check=True, capture_output=True, text=True, cwd=elsewhere).stdout
    assert str(venv_site) in where and str(ROOT) not in where  # the wheel's package and its own rules
    review = subprocess.run([str(venv / "bin" / "reviewer"), "review", "draft.txt", "--format", "json"],
                            capture_output=True, text=True, cwd=elsewhere)
    assert review.returncode in (0, 1), review.stderr
    data = json.loads(review.stdout)
    assert data["schema"] == "reviewer.review/1" and data["sentences"]
    rules = subprocess.run([str(venv / "bin" / "reviewer"), "rules"], capture_output=True, text=True, cwd=elsewhere)
    assert rules.returncode == 0 and "score.blame" in rules.stdout and "statement.cliche" in rules.stdout
    html = subprocess.run([str(venv / "bin" / "reviewer"), "review", "draft.txt", "--format", "html"],
                          capture_output=True, text=True, cwd=elsewhere)
    assert html.returncode in (0, 1) and "<html" in html.stdout
