"""The field a run of sentences is about, when a sentence opens with it: "In the field
of new materials, A signed … B supplies C …" and 在新材料领域，… / 在X产业链方面，… put
the firms of that sentence and of the rest of its paragraph, up to the next such
opening, in that field's chain. Signing and investment news reports its deals field
by field this way.

>>> from chaingraph.extract.pipeline import extract_article
>>> from chaingraph.extract.reader import Article
>>> text = ("Title\\n\\nIn the field of new materials, Qinghe Alloy Co., Ltd. signed a deal. "
...         "Its strip goes to Lanxi Tableware Co., Ltd.\\nIn the field of biomedicine, "
...         "Shuanglin Pharma Co., Ltd. signed a deal.")
>>> x = extract_article(Article("a.txt", text))
>>> n = {e.id: e.name for e in x.entities}
>>> sorted((n[r.head], n[r.tail]) for r in x.relations if r.type == "BELONGS_TO")
[('Lanxi Tableware Co., Ltd', 'new materials'), ('Qinghe Alloy Co., Ltd', 'new materials'), ('Shuanglin Pharma Co., Ltd', 'biomedicine')]
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Entity, Sentence

# the field's words are group "x"; the opening ends at its comma. "In the X industry," is
# left out: it opens general statements about the industry as often as a run of deals
_OPENING_EN = re.compile(
    r"\s*(?:(?:In|Within) (?:the )?(?:fields?|areas?|sectors?|domains?) of (?P<x>[^,.;]{2,60})"
    r"|In terms of (?P<x2>[^,.;]{2,60})"
    r"|In the (?P<x3>[^,.;]{2,60}?) (?:field|sector)),")
_OPENING_ZH = re.compile(r"\s*在?(?P<x>[^，。；、]{2,20}?)(?:领域|方面|板块)，")


def field_scopes(text: str, sentences: list[Sentence], entities: list[Entity]) -> dict[int, Entity]:
    """Map the index of each sentence in a field's run to that field's chain (an
    entity of ``entities``). A run starts at a sentence that opens with one chain's
    field and ends at its paragraph's end or at the next opening. Takes the cleaned
    ``text``, its ``sentences`` and the article's entities."""
    chain_at: dict[int, list[tuple[int, int, Entity]]] = {}
    chains = [e for e in entities if e.type == "Chain"]
    for e in chains:
        for m in e.mentions:
            chain_at.setdefault(m.sent, []).append((m.start, m.end, e))
    out: dict[int, Entity] = {}
    current: Entity | None = None
    for index, sent in enumerate(sentences):
        if current is not None and "\n" in text[sentences[index - 1].end:sent.start]:
            current = None  # a new paragraph
        opening = _OPENING_ZH.match(sent.text) or _OPENING_EN.match(sent.text)
        if opening is not None:
            name = next(g for g in ("x", "x2", "x3") if opening.groupdict().get(g))
            lo, hi = sent.start + opening.start(name), sent.start + opening.end(name)
            fields = {c.id: c for start, _end, c in chain_at.get(index, ()) if lo <= start < hi}
            if not fields:  # 鞋服产业方面: a chain the article named before, written again here
                fields = {c.id: c for c in chains if any(m.text in text[lo:hi] for m in c.mentions)}
            current = next(iter(fields.values())) if len(fields) == 1 else None
        if current is not None and not sent.title:
            out[index] = current
    return out
