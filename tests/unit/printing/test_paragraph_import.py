"""ReportLab's pattern for web addresses is compiled when a paragraph first needs it, not as a printout's process
imports ReportLab (nor textsplit's pattern over the CJK blocks), and it splits an address exactly as the compiled
pattern does; the import system and `re.compile` are left as they were."""

import copy
import json
import pickle
import re
import subprocess
import sys
import threading

import pytest

from nlv_events.printing import paragraph_import

# Run in a fresh process: ReportLab is imported once a process, and the suite's other tests import it first.
IN_A_NEW_PROCESS = r"""
import json, re, sys
import nlv_events.printing.pdf_renderer  # what `nlv-events programme` imports on its way to the first page
from reportlab.lib import textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph
from nlv_events.printing.fonts import SERIF, register_fonts

pattern, ideographs = paragraph.uri_pat, textsplit.rx
left_for_later = [type(each).__name__ == "PatternOnFirstUse" and each._compiled is None
                  for each in (pattern, ideographs)]
sources = [getattr(each, "_source", None) for each in (pattern, ideographs)]
in_re_cache = any(key[1] in sources for key in re._cache)
compile_restored = re.compile.__module__ == "re" and re.compile.__name__ == "compile"
finders_left = [type(finder).__name__ for finder in sys.meta_path if "paragraph_import" in type(finder).__module__]

register_fonts()
ADDRESS = "https://thuvienquocgia.vn/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2022-va-trien-khai-nhiem-vu-nam-2023"
style = ParagraphStyle("cell", fontName=SERIF, fontSize=12, leading=14, hyphenationLang=lambda word: [],
                       uriWasteReduce=0.3, embeddedHyphenation=1)

def lines():
    text = paragraph.Paragraph(f"Tin bài: {ADDRESS} (Thư viện Quốc gia Việt Nam)", style)
    text.wrap(150, 1000)
    return [" ".join(word for word in line[1]) for line in text.blPara.lines]

marked = ideographs.sub(r"\1|", "Thư viện 國家圖書館")
pairs = paragraph._uri_split_pairs(ADDRESS)
lazily = lines()
used = getattr(pattern, "_compiled", None) is not None
paragraph.uri_pat = re.compile(sources[0], re.I)  # the pattern as ReportLab compiles it
print(json.dumps({"left_for_later": left_for_later, "in_re_cache": in_re_cache, "used": used,
                  "compile_restored": compile_restored, "finders_left": finders_left,
                  "lazily": lazily, "compiled": lines(), "pairs": pairs,
                  "pairs_compiled": paragraph._uri_split_pairs(ADDRESS), "marked": marked}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def seen() -> dict:
    result = subprocess.run([sys.executable, "-c", IN_A_NEW_PROCESS], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_importing_the_printing_stack_leaves_the_web_address_pattern_uncompiled(seen):
    assert seen["left_for_later"] == [True, True], "ReportLab compiled a pattern on import again (about 30 ms)"
    assert not seen["in_re_cache"]


def test_the_import_system_and_re_compile_are_left_as_they_were(seen):
    assert seen["compile_restored"]
    assert seen["finders_left"] == []  # both modules imported: the finder is gone


def test_a_pattern_left_for_later_matches_when_used(seen):
    assert seen["marked"] == "Thư viện 國|家|圖|書|館|"


def test_a_long_web_address_breaks_as_with_reportlabs_compiled_pattern(seen):
    assert seen["used"]  # the paragraph did split the address with the pattern
    assert seen["lazily"] == seen["compiled"]
    assert len(seen["lazily"]) > 2  # the address was broken over lines
    assert seen["pairs"] == seen["pairs_compiled"]
    assert seen["pairs"][0] == ["https://thuvienquocgia.vn/tin-tuc/",
                                "hoi-nghi-tong-ket-cong-tac-nam-2022-va-trien-khai-nhiem-vu-nam-2023"]  # fmt: skip


def test_a_copy_or_a_pickle_of_a_pattern_left_for_later_is_the_compiled_pattern():
    lazy = paragraph_import.PatternOnFirstUse("[a-z]+://", re.I)
    for made in (copy.copy(lazy), copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert isinstance(made, re.Pattern)
        assert made.match("HTTPS://x").group() == "HTTPS://"
    assert lazy.match("HTTPS://x").group() == "HTTPS://"


def test_two_modules_executing_at_once_in_two_threads_leave_re_compile_restored():
    # The first to start finishes first: a swap that put back what it found would leave the second's in place.
    real = re.compile
    swap = paragraph_import._swap
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen_inside = []

    def first() -> None:
        with swap:
            first_in.set()
            second_in.wait(5)
            seen_inside.append(re.compile("(^(?:[a-z0-9\\.\\-\\+]*)://)x", re.I))
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with swap:
            second_in.set()
            first_out.wait(5)
            seen_inside.append(re.compile("(^(?:[a-z0-9\\.\\-\\+]*)://)y", re.I))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(seen_inside) == 2
    assert all(isinstance(pattern, paragraph_import.PatternOnFirstUse) for pattern in seen_inside)
    assert re.compile is real
    assert isinstance(re.compile("a+"), re.Pattern)
