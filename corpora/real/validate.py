"""Check every hand-written gold of the real corpus; exit 1 on any problem.

Usage: python3 corpora/real/validate.py [DIR ...]     (default: corpora/real/dev and corpora/real/test)

Checks, per <id>.gold.json: the JSON loads; the gold keys are present; every finding code
(required, acceptable, forbidden, code_alt) is in reportparse's catalogue; every project a
finding or indicator names is one of "projects"; every file the "document" string lists exists
beside the gold, and every copy that exists (.docx/.pdf/.xlsx) is listed; <id>.source.json
loads with its keys and a known kind; a table document's copies exist beside its blocks.json.
It never runs reportparse on a document.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from reportparse.checks.catalogue import CATALOGUE  # noqa: E402

GOLD_KEYS = ("document", "year", "layout", "conventions", "projects", "goal_indicators", "required_findings",
             "acceptable_findings", "forbidden_findings", "must_not_flag", "uncovered")
PROJECT_KEYS = ("name", "aliases", "budget", "executed", "claimed_scores")
SOURCE_KEYS = ("url", "province", "body", "year", "kind", "excerpt", "notes")
KINDS = {"project-form", "project-form-text", "narrative", "narrative+form", "department-form",
         "department-report", "ocr-text"}
LAYOUTS = {"form", "narrative", "mixed"}
ID = re.compile(r"^[rs][a-z]\d{2}_[a-z]+_[a-z0-9_]+$")
COPIES = (".docx", ".pdf", ".xlsx")


def listed_documents(document: str) -> list[str]:
    """'a.txt (same content: a.docx, a.pdf)' -> ['a.txt', 'a.docx', 'a.pdf']."""
    match = re.fullmatch(r"\s*([^\s(]+)\s*(?:\(same content:\s*([^)]*)\))?\s*", document)
    if not match:
        return []
    names = [match.group(1)]
    if match.group(2):
        names += [n.strip() for n in match.group(2).split(",") if n.strip()]
    return names


def check_gold(path: Path) -> list[str]:
    problems: list[str] = []
    stem = path.name.removesuffix(".gold.json")
    say = problems.append
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [f"does not load: {err}"]
    if not ID.match(stem):
        say(f"id {stem!r} is not r<letter><2 digits>_<province>_<slug> (or s<letter>…)")
    for key in GOLD_KEYS:
        if key not in gold:
            say(f"missing key {key!r}")
    if gold.get("layout") not in LAYOUTS:
        say(f"layout {gold.get('layout')!r} is not one of {sorted(LAYOUTS)}")

    projects = gold.get("projects") or []
    names = set()
    for n, project in enumerate(projects):
        for key in PROJECT_KEYS:
            if key not in project:
                say(f"project {n} lacks {key!r}")
        names.add(project.get("name"))
        for level, pair in (project.get("claimed_scores") or {}).items():
            if not (isinstance(pair, list) and len(pair) == 2):
                say(f"project {project.get('name')!r}: claimed_scores[{level!r}] is not [分值, 得分]")
    for indicator in gold.get("goal_indicators") or []:
        if indicator.get("project") not in names:
            say(f"indicator {indicator.get('name')!r} names project {indicator.get('project')!r}, not in projects")
        for key in ("level", "name", "cmp"):
            if key not in indicator:
                say(f"indicator {indicator.get('name')!r} lacks {key!r}")

    required_codes = set()
    for group in ("required_findings", "acceptable_findings", "forbidden_findings"):
        for finding in gold.get(group) or []:
            codes = [finding.get("code"), *(finding.get("code_alt") or [])]
            for code in codes:
                if code not in CATALOGUE:
                    say(f"{group}: code {code!r} is not in the catalogue")
            project = finding.get("project")
            if project is not None and project not in names:
                say(f"{group}: {finding.get('code')} names project {project!r}, not in projects")
            if group == "required_findings":
                if not finding.get("why"):
                    say(f"required {finding.get('code')} has no 'why'")
                required_codes.add((finding.get("code"), project))
            if group == "forbidden_findings" and any(
                    code == finding.get("code") and (project is None or other in (None, project))
                    for code, other in required_codes):
                    say(f"{finding.get('code')} is both required and forbidden")

    listed = listed_documents(str(gold.get("document", "")))
    if not listed:
        say(f"document string {gold.get('document')!r} is not 'ID.txt (same content: ...)'")
    for name in listed:
        if not (path.parent / name).is_file():
            say(f"listed document {name} does not exist")
    for suffix in COPIES:
        copy = path.parent / (stem + suffix)
        if copy.is_file() and copy.name not in listed:
            say(f"{copy.name} exists but the document string does not list it")
    if not (path.parent / f"{stem}.txt").is_file():
        say(f"{stem}.txt is missing")
    blocks = path.parent / f"{stem}.blocks.json"
    if blocks.is_file():
        for suffix in (".docx", ".pdf"):
            if not (path.parent / (stem + suffix)).is_file():
                say(f"{blocks.name} exists but {stem}{suffix} was not laid out (run layout.py)")
    problems += check_source(path.parent / f"{stem}.source.json")
    return problems


def check_source(path: Path) -> list[str]:
    try:
        source = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [f"{path.name} does not load: {err}"]
    problems = [f"{path.name} lacks {key!r}" for key in SOURCE_KEYS if key not in source]
    if source.get("kind") not in KINDS:
        problems.append(f"{path.name}: kind {source.get('kind')!r} is not one of {sorted(KINDS)}")
    return problems


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [HERE / "dev", HERE / "test"]
    golds = sorted(g for folder in folders for g in folder.glob("*.gold.json"))
    stems = [g.name.removesuffix(".gold.json") for g in golds]
    failed = 0
    for gold in golds:
        for problem in check_gold(gold):
            print(f"{gold}: {problem}")
            failed += 1
    for stem in sorted({s for s in stems if stems.count(s) > 1}):
        print(f"{stem}: in both halves")
        failed += 1
    for folder in folders:
        for txt in sorted(folder.glob("*.txt")):
            if not (folder / f"{txt.stem}.gold.json").is_file():
                print(f"{txt}: no gold beside it")
                failed += 1
    print(f"{len(golds)} golds checked, {failed} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
