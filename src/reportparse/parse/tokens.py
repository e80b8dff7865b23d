"""Word segmentation for the few decisions characters alone cannot make.

The narrative parser matches names and links numbers to indicators by shared characters, which is
fast and needs no dictionary. When that leaves a tie (two indicators sharing as many characters
with a clause, two projects sharing as much of a row name), comparing *words* decides: the
character heuristic ignores generic words such as 维护/培训/设备 because they occur everywhere,
but between two otherwise equal candidates they are exactly what differs.

jieba is imported only here, on first use. Its default dictionary costs about a second to load,
so the tokenizer is built on a small main dictionary (the default dictionary's frequent words,
written once to a cache folder) plus our own domain vocabulary `lexicon/jieba_user.txt`, and cuts
without the HMM (unknown words fall apart into characters, which are dropped as non-content).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportparse.lazypattern import lazy_compile

if TYPE_CHECKING:
    import jieba

USER_DICT = Path(__file__).resolve().parent.parent / "lexicon" / "jieba_user.txt"
#: words of the default dictionary at least this frequent make the small main dictionary
#: (about 18 000 words: ordinary vocabulary segments well, and it builds in a few tens of ms)
MIN_FREQ = 300
_USER_LINE = lazy_compile(r"^(?P<word>[^\s\d][^\s]*) (?P<freq>[1-9]\d*) (?P<tag>[a-z]{1,4})$")
#: words that say nothing about *which* indicator or project a text is about
_STOP = frozenset({
    "完成", "完成率", "达到", "实现", "全年", "年度", "本年", "当年", "实际", "情况", "指标", "目标", "数量",
    "次数", "个数", "人数", "累计", "共计", "合计", "其中", "以上", "以下", "不少", "不少于", "不低于",
    "不超过", "不高于", "以内", "控制", "左右", "约", "项目", "工作", "开展", "进行", "按照", "根据", "全部",
    "已经", "我们", "通过", "相关", "有关", "主要", "各项", "预期", "计划", "任务", "产出", "效益", "效果",
    "分值", "得分",
})
#: counting words and units: a number's unit is compared separately, never as a content word
_UNITS = frozenset({
    "人次", "户次", "场次", "台次", "批次", "小时", "分钟", "工作日", "万元", "亿元", "千元", "公里", "平方米",
    "立方米", "平方公里", "万人", "万册", "个月",
})
_NOT_CONTENT = lazy_compile(r"^[\W\d_a-zA-Z.%％]+$|^第")


def user_terms(path: Path = USER_DICT) -> list[tuple[str, int, str]]:
    """The domain vocabulary as (word, frequency, tag), in file order; raises on a malformed line."""
    terms: list[tuple[str, int, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        m = _USER_LINE.match(line)
        if m is None:
            raise ValueError(f"{path.name}:{number}: not 'word freq tag': {line!r}")
        terms.append((m["word"], int(m["freq"]), m["tag"]))
    return terms


def _cache_dirs() -> list[Path]:
    """Where the small main dictionary may be kept, best first (a read-only home falls back to tmp)."""
    dirs = []
    if os.environ.get("REPORTPARSE_CACHE_DIR"):
        dirs.append(Path(os.environ["REPORTPARSE_CACHE_DIR"]))
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    dirs.append(Path(base) / "reportparse")
    dirs.append(Path(tempfile.gettempdir()) / f"reportparse-{os.getuid() if hasattr(os, 'getuid') else 0}")
    return dirs


def _import_jieba() -> object:
    """Import jieba without pkg_resources, which jieba only uses to open its own data files.

    pkg_resources alone costs ~70 ms to import; with it hidden jieba falls back to plain open().
    It is hidden only during this import, and only when nothing has imported it already.
    """
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    try:
        import jieba
    finally:
        if hide and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _main_dictionary() -> Path:
    """The small main dictionary file, written on first use from the installed jieba's own dictionary."""
    import jieba as jb

    name = f"jieba-main-{jb.__version__}-{MIN_FREQ}.txt"
    for folder in _cache_dirs():
        path = folder / name
        if path.is_file() and path.stat().st_size > 0:
            return path
    words: list[str] = []
    with jb.get_module_res(jb.DEFAULT_DICT_NAME) as source:
        for raw in source:
            parts = raw.decode("utf-8").split(" ")
            if len(parts) >= 2 and parts[1].strip().isdigit() and int(parts[1]) >= MIN_FREQ:
                words.append(f"{parts[0]} {parts[1].strip()}\n")
    last_error: OSError | None = None
    for folder in _cache_dirs():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.writelines(words)
            os.replace(tmp, folder / name)  # atomic: a concurrent worker never reads half a file
            return folder / name
        except OSError as error:
            last_error = error
    raise OSError(f"no writable cache folder for the jieba dictionary: {last_error}")


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The process's one tokenizer: small main dictionary + domain words, built on first call."""
    _import_jieba()
    import jieba as jb

    jb.setLogLevel(logging.WARNING)  # jieba prints 'Building prefix dict…' to stderr otherwise
    main = _main_dictionary()
    tk = jb.Tokenizer(dictionary=str(main))
    tk.tmp_dir = str(main.parent)  # jieba's own prefix-dict cache goes beside our file
    tk.load_userdict(str(USER_DICT))
    return tk


@lru_cache(maxsize=4096)
def _content_words(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for word in tokenizer().cut(text, HMM=False):
        word = word.strip()
        if len(word) < 2 or word in _STOP or word in _UNITS or _NOT_CONTENT.search(word):
            continue
        if word not in words:
            words.append(word)
    return tuple(words)


def content_words(text: str) -> list[str]:
    """The distinct content words of a text, in order: segmented, stop words, numbers and units dropped."""
    return list(_content_words(text))


def _matches(word: str, others: tuple[str, ...]) -> bool:
    """Is a word among the others, or part of one of them (维护 ~ 维护费), or one of them part of it?"""
    return any(word == o or word in o or o in word for o in others)


def word_overlap(a: str, b: str) -> float:
    """Share (0–1) of the shorter text's content words that the other text also has."""
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0.0
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return sum(1 for w in short if _matches(w, long)) / len(short)


def pick_by_words(text: str, options: list[str]) -> int | None:
    """Index of the one option sharing most content words with `text` (None when none or tied)."""
    scores = [word_overlap(text, option) for option in options]
    best = max(scores, default=0.0)
    if best <= 0 or scores.count(best) > 1:
        return None
    return scores.index(best)
