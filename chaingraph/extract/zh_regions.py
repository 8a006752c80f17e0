"""Chinese economic regions and city groups that are not in the city gazetteer (长三角,
粤港澳大湾区, 川渝地区): City mentions without a province, as the gold conventions
have them. A region word after the name (地区, 城市群, 经济圈 …) is part of it.

>>> from chaingraph.extract.result import Sentence
>>> text = "川渝地区企业与长三角城市群合作"
>>> [(m.text, m.key) for m in region_mentions(text, [Sentence(text, 0, len(text))])]
[('川渝地区', 'Sichuan-Chongqing'), ('长三角城市群', 'Yangtze River Delta')]
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Mention, Sentence

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
]
_FORMS = sorted(((f, en) for en, forms in REGIONS for f in forms), key=lambda fe: -len(fe[0]))
_REGION_RE = re.compile("(" + "|".join(re.escape(f) for f, _ in _FORMS) + ")"
                        "(地区|城市群|经济圈|都市圈|双城经济圈|一体化|区域|一带)?")
_EN_OF = dict(_FORMS)


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
