"""Write src/reportparse/lexicon/t2s_changes.json: what OpenCC's traditional→simplified conversion (t2s) can change.

    python3 tools/t2s_changes.py

Reads the dictionaries that OpenCC's own `t2s.json` names (the compatibility-ideograph normalisation, then
TSPhrases, TSCharactersExt and TSCharacters) from the installed `opencc` package, dumped to text by the
`opencc_dict` program its wheel ships, and records
- `characters`: every character that a one-character entry converts to another (OpenCC writes the first
  of an entry's values), so that it changes wherever no longer entry matches;
- `phrases`: every longer entry that changes a character, by the characters it changes, since a character
  that the one-character entry keeps (覆 stays 覆) is changed only inside such a phrase (反覆 → 反复).
A text that holds none of the characters and none of the phrases comes out of t2s unchanged: the parser's
reading copy (parse/reading.py) then needs no converter. tests/test_parse_reading.py holds the file to the
installed OpenCC; run this again when its version changes.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import opencc

OUT = Path(__file__).resolve().parents[1] / "src" / "reportparse" / "lexicon" / "t2s_changes.json"


def dictionaries() -> list[Path]:
    """The .ocd2 files t2s reads, in the order its configuration names them."""
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    names = [step["dict"]["file"] for step in config["normalization"]]
    for step in config["conversion_chain"]:
        group = step["dict"]
        names += [d["file"] for d in group.get("dicts", [group])]
    return [share / name for name in names]


def entries(dictionary: Path) -> list[tuple[str, str]]:
    """(key, the value OpenCC writes) of each entry, dumped by the wheel's `opencc_dict`."""
    program = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / "dict.txt"
        subprocess.run([str(program), "-i", str(dictionary), "-o", str(text), "-f", "ocd2", "-t", "text"], check=True)
        lines = text.read_text(encoding="utf-8").splitlines()
    return [(key, values.split(" ")[0]) for key, values in (line.split("\t") for line in lines if line.strip())]


def t2s_changes() -> dict[str, object]:
    characters: set[str] = set()
    phrases: dict[str, set[str]] = {}
    for dictionary in dictionaries():
        for key, value in entries(dictionary):
            if key == value:
                continue
            if len(key) == 1:
                characters.add(key)
                continue
            changed = [a for a, b in zip(key, value, strict=False) if a != b] if len(key) == len(value) else list(key)
            for char in changed:
                phrases.setdefault(char, set()).add(key)
    return {"opencc": opencc.__version__, "characters": "".join(sorted(characters)),
            "phrases": {char: sorted(keys) for char, keys in sorted(phrases.items())}}


def main() -> None:
    OUT.write_text(json.dumps(t2s_changes(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
