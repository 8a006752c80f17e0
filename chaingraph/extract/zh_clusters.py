"""Chinese clusters the ending table of :mod:`chaingraph.extract.chinese` misses:
market towns and specialised "cities" and "valleys" that group the firms of one
trade (中国轻纺城, 义乌小商品城, 武汉光谷, 汽车城), named by their endings and walked
back to a boundary like the other names.

>>> from chaingraph.extract.result import Sentence
>>> text = "来自华东轻纺城的企业参展。"
>>> [m.text for m in cluster_mentions(text, [Sentence(text, 0, len(text))], [])]
['华东轻纺城']
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Mention, Sentence

_ENDINGS = ("轻纺城", "纺织城", "小商品城", "商贸城", "汽车城", "电子城", "光谷", "药谷", "食品城", "家居城", "建材城",
            "五金城", "服装城", "物流城", "陶瓷城", "皮革城", "眼镜城", "鞋城")
_ENDING_RE = re.compile("|".join(map(re.escape, sorted(_ENDINGS, key=len, reverse=True))))


def cluster_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Cluster mentions ending in the endings above, two characters or more
    before the ending, that no organisation of ``mentions`` holds."""
    from chaingraph.extract.chinese import _left_edge

    taken = [(m.start, m.end) for m in mentions if m.type in ("Firm", "Agency", "Alliance", "Cluster", "Event")]
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        for match in _ENDING_RE.finditer(sent.text):
            b = sent.start + match.end()
            a = _left_edge(text, sent.start + match.start(), sent.start, limit=8, lenient=False)
            if sent.start + match.start() - a < 2 or any(x < b and a < y for x, y in taken):
                continue
            out.append(Mention(a, b, text[a:b], "Cluster", index))
            taken.append((a, b))
    return out


def cluster_relations(rel, text: str, entities) -> None:
    """A park with no place in its name, named right after a place somewhere in the
    article (柯桥区X轻纺城…), is in that place rather than in the article's province;
    the firms that come from it (BELONGS_TO it by their list) are in that place too."""
    places = [e for e in entities if e.type == "City"]
    for cluster in (e for e in entities if e.type == "Cluster"):
        forms = {cluster.name, *cluster.aliases}
        home = None
        for form in forms:
            for hit in re.finditer(re.escape(form), text):
                home = home or next((p for p in places for f in {p.name, *p.aliases}
                                     if len(f) >= 2 and text.endswith(f, 0, hit.start())), None)
        if home is None:
            continue
        for r in list(rel.from_head("LOCATED_IN", cluster.id)):
            if r.tail != home.id and (r.sent is None or r.note):
                rel.remove(r)
        rel.add("LOCATED_IN", cluster, home, None, "named after this place")
        for r in list(rel.items):
            if r.type == "BELONGS_TO" and r.tail == cluster.id and r.note in _LISTED:
                head = next(e for e in entities if e.id == r.head)
                rel.add("LOCATED_IN", head, home, r.sent, "in the place of the park it comes from")


_LISTED = ("the park its list comes from", "listed among the park's firms")
