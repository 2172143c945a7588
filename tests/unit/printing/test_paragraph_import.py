"""ReportLab's pattern for web addresses is compiled when a paragraph first needs it, not as a printout's process
imports ReportLab (nor textsplit's pattern over the CJK blocks), and it splits an address exactly as the compiled
pattern does."""

import json
import subprocess
import sys

import pytest

# Run in a fresh process: ReportLab is imported once a process, and the suite's other tests import it first.
IN_A_NEW_PROCESS = r"""
import json, re
import nlv_events.printing.pdf_renderer  # what `nlv-events programme` imports on its way to the first page
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import textsplit
from reportlab.platypus import paragraph
from nlv_events.printing.fonts import SERIF, register_fonts

pattern, ideographs = paragraph.uri_pat, textsplit.rx
left_for_later = [type(each).__name__ == "PatternOnFirstUse" and each._compiled is None
                  for each in (pattern, ideographs)]
in_re_cache = any(key[1] in (pattern._source, ideographs._source) for key in re._cache)
marked = ideographs.sub(r"\1|", "Thư viện 國家圖書館")

register_fonts()
ADDRESS = "https://thuvienquocgia.vn/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2022-va-trien-khai-nhiem-vu-nam-2023"
style = ParagraphStyle("cell", fontName=SERIF, fontSize=12, leading=14, hyphenationLang=lambda word: [],
                       uriWasteReduce=0.3, embeddedHyphenation=1)

def lines():
    text = paragraph.Paragraph(f"Tin bài: {ADDRESS} (Thư viện Quốc gia Việt Nam)", style)
    text.wrap(150, 1000)
    return [" ".join(word for word in line[1]) for line in text.blPara.lines]

lazily = lines()
used = pattern._compiled is not None
paragraph.uri_pat = re.compile(pattern._source, pattern._flags)  # the pattern as ReportLab compiles it
print(json.dumps({"left_for_later": left_for_later, "in_re_cache": in_re_cache, "used": used,
                  "lazily": lazily, "compiled": lines(),
                  "pairs": paragraph._uri_split_pairs(ADDRESS), "marked": marked}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def seen() -> dict:
    result = subprocess.run([sys.executable, "-c", IN_A_NEW_PROCESS], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_importing_the_printing_stack_leaves_the_web_address_pattern_uncompiled(seen):
    assert seen["left_for_later"] == [True, True], "ReportLab compiled a pattern on import again (about 30 ms)"
    assert not seen["in_re_cache"]


def test_a_pattern_left_for_later_matches_when_used(seen):
    assert seen["marked"] == "Thư viện 國|家|圖|書|館|"


def test_a_long_web_address_breaks_as_with_reportlabs_compiled_pattern(seen):
    assert seen["used"]  # the paragraph did split the address with the pattern
    assert seen["lazily"] == seen["compiled"]
    assert len(seen["lazily"]) > 2  # the address was broken over lines
    assert seen["pairs"][0] == ["https://thuvienquocgia.vn/tin-tuc/",
                                "hoi-nghi-tong-ket-cong-tac-nam-2022-va-trien-khai-nhiem-vu-nam-2023"]  # fmt: skip
