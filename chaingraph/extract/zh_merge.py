"""One Chinese entity under two surface forms: a park's full and short names
(X经济技术开发区 and X经开区, X高新技术产业开发区 and X高新区) are one Cluster.

Chinese news gives a park's full name once and its customary short form after it;
the mentions' keys are made equal here, before mentions are grouped into entities,
so the park is one item with the short form as its alias.

>>> from chaingraph.extract.result import Mention
>>> ms = [Mention(0, 9, "徐东经济技术开发区", "Cluster", 0), Mention(12, 17, "徐东经开区", "Cluster", 1)]
>>> merge_forms(ms)
>>> ms[0].key == ms[1].key
True
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Mention
from chaingraph.identity import name_key

# full forms of park kinds → their customary short forms
_PARK_FORMS = [("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("经济技术开发区", "经开区"),
               ("高新技术产业园区", "高新区"), ("综合保税区", "综保区"), ("自由贸易试验区", "自贸区")]
_PARK_RE = re.compile("|".join(re.escape(full) for full, _short in _PARK_FORMS))
_SHORT = dict(_PARK_FORMS)


def merge_forms(mentions: list[Mention]) -> None:
    """Give Cluster mentions named with a park kind's full or short form one key
    (the name with the short form), in place."""
    for m in mentions:
        if m.type != "Cluster":
            continue
        short = _PARK_RE.sub(lambda x: _SHORT[x.group(0)], m.text)
        if short != m.text or any(m.text.endswith(s) for _f, s in _PARK_FORMS):
            m.key = name_key(short)
