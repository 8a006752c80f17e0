"""Economic regions and city groups that are not in the city gazetteer (长三角,
粤港澳大湾区, 川渝地区, "the Yangtze River Delta", "Jiaodong Economic Circle"): City
mentions without a province, as the gold conventions have them. A region word after
the name (地区, 城市群, 双城经济圈 …; "Economic Circle", "region") is part of it.

>>> from chaingraph.extract.result import Sentence
>>> text = "川渝地区企业与长三角城市群合作，成渝地区双城经济圈"
>>> [(m.text, m.key) for m in region_mentions(text, [Sentence(text, 0, len(text))])]
[('川渝地区', 'Sichuan-Chongqing'), ('长三角城市群', 'Yangtze River Delta'), ('成渝地区双城经济圈', 'Chengdu-Chongqing')]
>>> text = "Firms in the Yangtze River Delta and the Jiaodong Economic Circle"
>>> [(m.text, m.key) for m in en_region_mentions(text, [Sentence(text, 0, len(text))])]
[('Yangtze River Delta', 'Yangtze River Delta'), ('Jiaodong Economic Circle', 'Jiaodong Economic Circle')]
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Mention, Sentence
from chaingraph.extract.cues import cued

#: (English name, Chinese forms): regions named by many articles, longest form first
REGIONS: list[tuple[str, tuple[str, ...]]] = [
    ("Guangdong-Hong Kong-Macao Greater Bay Area", ("粤港澳大湾区", "大湾区")),
    ("Yangtze River Delta", ("长江三角洲", "长三角")),
    ("Pearl River Delta", ("珠江三角洲", "珠三角")),
    ("Beijing-Tianjin-Hebei", ("京津冀",)),
    ("Chengdu-Chongqing", ("成渝",)),
    ("Sichuan-Chongqing", ("川渝",)),
    ("Jiangsu-Zhejiang-Shanghai", ("江浙沪",)),
    ("Bohai Rim", ("环渤海",)),
    ("Yangtze River Economic Belt", ("长江经济带",)),
    ("Beibu Gulf", ("北部湾",)),
    ("Central Plains", ("中原城市群",)),
    ("Hohhot-Baotou-Ordos", ("呼包鄂榆", "呼包鄂")),
    ("Guanzhong Plain", ("关中平原", "关中")),
    ("Central Yunnan", ("滇中",)),
    ("Central Guizhou", ("黔中",)),
    ("Harbin-Changchun", ("哈长",)),
    ("Shandong Peninsula", ("山东半岛",)),
]
_FORMS = sorted(((f, en) for en, forms in REGIONS for f in forms), key=lambda fe: -len(fe[0]))
_REGION_RE = re.compile("(" + "|".join(re.escape(f) for f, _ in _FORMS) + ")"
                        "((?:地区)?(?:城市群|双城经济圈|经济圈|都市圈)|地区|一体化|区域|一带)?")
_EN_OF = dict(_FORMS)
#: English forms of the regions beyond their names in REGIONS
_EN_FORMS = {"Greater Bay Area": "Guangdong-Hong Kong-Macao Greater Bay Area", "YRD": "Yangtze River Delta",
             "Jing-Jin-Ji": "Beijing-Tianjin-Hebei", "Chengdu-Chongqing Economic Circle": "Chengdu-Chongqing"}
_EN_NAMES = sorted({en for en, _f in REGIONS} | set(_EN_FORMS), key=len, reverse=True)
_EN_REGION_RE = re.compile(r"\b(" + "|".join(re.escape(n) for n in _EN_NAMES) + r")\b"
                           r"(?: (?:[Ee]conomic [Cc]ircle|[Uu]rban [Aa]gglomeration|[Ee]conomic [Bb]elt|"
                           r"[Ee]conomic [Zz]one|[Cc]ity [Cc]luster))?")
# an economic circle or urban agglomeration named after one or two words: "Jiaodong Economic Circle",
# "the Chengdu-Chongqing economic circle", "the Wuhan metropolitan area"
_EN_OPEN_RE = cued(r"\b(?!(?:The|This|That|A|An)\b)((?:[A-Z][a-z]+[ -]){1,2})"
                   r"([Ee]conomic [Cc]ircle|[Uu]rban [Aa]gglomeration|[Cc]ity [Cc]luster|[Mm]etropolitan "
                   r"(?:[Cc]ircle|[Aa]rea))\b")


def region_mentions(text: str, sentences: list[Sentence], first: int = 0) -> list[Mention]:
    """Return City mentions of the regions of :data:`REGIONS` in ``text`` (cleaned
    Chinese text with its ``sentences``); ``key`` is the region's English name. A
    trailing 一体化 or 区域 is left out of the name; ``first`` is the index of the
    first of ``sentences``."""
    out = []
    for index, sent in enumerate(sentences, start=first):
        for match in _REGION_RE.finditer(sent.text):
            end = match.end() if match.group(2) not in ("一体化", "区域", "一带") else match.end(1)
            start = sent.start + match.start()
            out.append(Mention(start, sent.start + end, sent.text[match.start():end], "City", index,
                               key=_EN_OF[match.group(1)], info={"region": True}))
    return out


def en_region_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return City mentions of the regions of :data:`REGIONS` by their English names
    ("the Yangtze River Delta", "Greater Bay Area") and of economic circles and urban
    agglomerations named after a word or two ("Jiaodong Economic Circle") in English
    ``text``; ``key`` is the region's English name."""
    out = []
    for index, sent in enumerate(sentences):
        taken = []
        for match in _EN_REGION_RE.finditer(sent.text):
            key = _EN_FORMS.get(match.group(1), match.group(1))
            out.append(Mention(sent.start + match.start(), sent.start + match.end(), match.group(0), "City", index,
                               key=key, info={"region": True}))
            taken.append((match.start(), match.end()))
        for match in _EN_OPEN_RE.finditer(sent.text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            out.append(Mention(sent.start + match.start(), sent.start + match.end(), match.group(0), "City", index,
                               key=match.group(0), info={"region": True}))
    return out
