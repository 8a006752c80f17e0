"""Entity resolution: one firm, one node, whichever source named it.

A firm is known by any of its identifiers: unified credit code, stock code,
registered-name key, short or English name. After every ingest (and in
``chaingraph resolve``) the store's firms are grouped:

* nodes sharing a credit or stock code are one firm;
* a node without a code joins another when its registered name (or a short or
  English name its list gave) has the other's registered, short or English name
  key, and their provinces do not conflict;
* a name *variant* (the name without its leading place, 长沙中联重科 -> 中联重科)
  joins only when both provinces are known and equal;
* two codes of one kind never join, nor do two known, different provinces; a name
  that fits several firms joins none and is reported; when firms of several
  provinces claim the same place-less firm, none joins (they go to review).

Uncertain pairs (variants without a place to confirm them, fuzzy scores) are
never merged silently: :func:`review_pairs` lists them for a person, and the
decisions read back (:func:`apply_review`) are kept in the store's ``decisions``
table, so a later ingest or resolve honours them.

The survivor of a group is its node with the strongest id: credit code, then
stock code, then name@place, then bare name (the smallest id on a tie), so the
result does not depend on the order the sources came in. The ids merged away
still find the survivor (see :mod:`chaingraph.store.merge`).

Over 400 lines: the grouping rules and the review file whose decisions override
them are one policy, and read best together.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from chaingraph.errors import InputError
from chaingraph.gazetteer import gazetteer
from chaingraph.identity import has_cjk, name_key, normalise_credit_code, normalise_stock_code
from chaingraph.store import Store
from chaingraph.store.merge import redirects
from chaingraph.store.write import better_name

#: Review candidates found by fuzzy score need at least this (rapidfuzz ratio, 0-100).
FUZZY_MIN = 85
_ACCEPT = {"accept", "yes", "y", "1", "true", "same", "是", "接受"}
_REJECT = {"reject", "no", "n", "0", "false", "different", "否", "拒绝"}
REVIEW_COLUMNS = ["id_a", "name_a", "province_a", "id_b", "name_b", "province_b", "score", "reason", "decision"]


@dataclass
class ResolveReport:
    """What a resolution did: ``merged`` nodes merged away, ``ambiguous`` names
    that fit several firms (name, candidate ids), ``review`` uncertain pairs."""

    merged: int = 0
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return {"merged": self.merged, "ambiguous": [{"name": n, "ids": i} for n, i in self.ambiguous],
                "review": len(self.review)}


def choose_name(kept: str, other: str, kept_props: dict | None = None, other_props: dict | None = None) -> str:
    """Return the display name of a merged firm from two names: a Chinese name over
    a name without Chinese, then a name a list gave over one from an article, then
    the fuller (see :func:`chaingraph.store.write.better_name`); symmetric, so the
    result does not depend on which node survives.

    >>> choose_name("Zoomlion", "中联重科股份有限公司"), choose_name("中联重科", "中联重科股份有限公司")
    ('中联重科股份有限公司', '中联重科股份有限公司')
    """
    if has_cjk(kept) != has_cjk(other):
        return kept if has_cjk(kept) else other
    listed_kept = bool((kept_props or {}).get("in_list"))
    listed_other = bool((other_props or {}).get("in_list"))
    if listed_kept != listed_other:
        return kept if listed_kept else other
    return better_name(kept, other)


@cache
def province_of_place(text: str) -> str | None:
    """Return the short name of the province a place name lies in (长沙 -> 湖南,
    Hunan -> 湖南), or None when the gazetteer does not know it.

    >>> province_of_place("长沙市"), province_of_place("Hunan"), province_of_place("Atlantis")
    ('湖南', '湖南', None)
    """
    gaz = gazetteer()
    place = gaz.canonical(text)
    found = None
    if place is not None:
        province = place if place.level == "province" else gaz.province_of(place)
        found = province.short if province is not None else None
    return found


def core_keys(name: str) -> list[str]:
    """Return the keys of a name's variants: its key without a leading place (and
    中国), for Chinese names.

    >>> core_keys("长沙中联重科有限公司"), core_keys("中联重科股份有限公司")
    (['中联重科'], [])
    """
    from chaingraph.ingest.resolve import core_aliases

    if not has_cjk(name):
        return []
    return [name_key(a) for a in core_aliases(name)]


@dataclass
class _Firm:
    id: str
    name: str
    props: dict
    rank: int
    stock: str | None
    uscc: str | None
    province: str | None
    full: str
    given: set[str]   # keys of names the sources gave (short, English, registered)
    derived: set[str]  # keys of variants made from the name


def _rank(node_id: str) -> int:
    if node_id.startswith("firm:uscc:"):
        return 0
    if node_id.startswith("firm:stock:"):
        return 1
    return 2 if "@" in node_id else 3


def _firm(node_id: str, name: str, props: dict, keys: set[str]) -> _Firm:
    stock = node_id[len("firm:stock:"):] if node_id.startswith("firm:stock:") else None
    if stock is None and props.get("stock_code"):
        stock = normalise_stock_code(str(props["stock_code"]))
    uscc = node_id[len("firm:uscc:"):] if node_id.startswith("firm:uscc:") else None
    if uscc is None and props.get("credit_code"):
        uscc = normalise_credit_code(str(props["credit_code"]))
    province = None
    for text in (props.get("province"), props.get("city")):
        if text and (province := province_of_place(str(text))):
            break
    if province is None and has_cjk(name):
        lead = gazetteer().leading_place(name_key(name))
        if lead.province is not None:
            province = lead.province.short
    if province is None and "@" in node_id:
        province = province_of_place(node_id.rsplit("@", 1)[1])
    full = name_key(name)
    derived = set(core_keys(name)) - {full}
    return _Firm(node_id, name, props, _rank(node_id), stock, uscc, province, full,
                 (keys | {full}) - derived, derived)


class _Groups:
    """Union-find over firm ids that keeps each group's codes and provinces and
    refuses a union two codes of one kind, two provinces or a rejection forbid."""

    def __init__(self, firms: dict[str, _Firm], rejected: set[frozenset[str]]):
        self.parent = {i: i for i in firms}
        self.stock = {i: {f.stock} - {None} for i, f in firms.items()}
        self.uscc = {i: {f.uscc} - {None} for i, f in firms.items()}
        self.province = {i: {f.province} - {None} for i, f in firms.items()}
        self.members = {i: {i} for i in firms}
        self.rejected = rejected

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_join(self, a: str, b: str, *, places: bool = True) -> bool:
        a, b = self.find(a), self.find(b)
        if a == b:
            return True
        if len(self.stock[a] | self.stock[b]) > 1 or len(self.uscc[a] | self.uscc[b]) > 1:
            return False
        if places and len(self.province[a] | self.province[b]) > 1:
            return False
        if self.rejected:
            small, large = sorted((self.members[a], self.members[b]), key=len)
            for x in small:
                for y in large:
                    if frozenset((x, y)) in self.rejected:
                        return False
        return True

    def union(self, a: str, b: str, *, places: bool = True) -> bool:
        if not self.can_join(a, b, places=places):
            return False
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        for table in (self.stock, self.uscc, self.province, self.members):
            table[a] |= table.pop(b)
        return True


def _load(store: Store) -> dict[str, _Firm]:
    conn = store.conn
    keys: dict[str, set[str]] = defaultdict(set)
    for node_id, key in conn.execute("SELECT node_id, key FROM names WHERE label='Firm'"):
        if key:
            keys[node_id].add(key)
    firms = {}
    for node_id, name, props in conn.execute("SELECT id, name, props FROM nodes WHERE label='Firm' ORDER BY id"):
        firms[node_id] = _firm(node_id, name, orjson.loads(props), keys.get(node_id, set()))
    return firms


def _decisions(store: Store) -> tuple[list[tuple[str, str]], set[frozenset[str]]]:
    moved = redirects(store.conn)
    accepted, rejected = [], set()
    for a, b, decision in store.conn.execute("SELECT a, b, decision FROM decisions"):
        a, b = moved.get(a, a), moved.get(b, b)
        if decision == "accept":
            accepted.append((a, b))
        else:
            rejected.add(frozenset((a, b)))
    return accepted, rejected


def _plan(store: Store, *, fuzzy: bool = False) -> tuple[_Groups, dict[str, _Firm], ResolveReport]:
    """Group the store's firms and return the groups, the firms and the report of
    ambiguous names and review pairs (fuzzy candidates too when ``fuzzy``)."""
    firms = _load(store)
    accepted, rejected = _decisions(store)
    groups = _Groups(firms, rejected)
    report = ResolveReport()
    by_code: dict[tuple[str, str], list[str]] = defaultdict(list)
    for f in firms.values():
        if f.stock:
            by_code[("stock", f.stock)].append(f.id)
        if f.uscc:
            by_code[("uscc", f.uscc)].append(f.id)
    for ids in by_code.values():
        for other in ids[1:]:
            groups.union(ids[0], other, places=False)
    for a, b in accepted:
        if a in firms and b in firms:
            groups.union(a, b, places=False)
    # key -> (firm id, given or registered) for every name a firm is known by
    index: dict[str, list[str]] = defaultdict(list)
    for f in firms.values():
        for key in f.given:
            index[key].append(f.id)
    derived_index: dict[str, list[str]] = defaultdict(list)
    for f in firms.values():
        for key in f.derived:
            derived_index[key].append(f.id)
    loose = [f for f in firms.values() if f.rank >= 2]
    review: dict[frozenset[str], tuple[str, str, str]] = {}
    for _ in range(4):  # name nodes may join through one another: repeat until nothing joins
        claims: dict[str, list[str]] = defaultdict(list)
        report.ambiguous = []
        for f in loose:
            root = groups.find(f.id)
            certain: set[str] = set()
            unsure: dict[str, str] = {}
            for key in f.given:
                for other in index.get(key, ()):
                    _judge(f, firms[other], groups, root, certain, unsure, strong=True)
                for other in derived_index.get(key, ()):
                    _judge(f, firms[other], groups, root, certain, unsure, strong=False)
            for key in f.derived:
                for other in index.get(key, ()):
                    _judge(f, firms[other], groups, root, certain, unsure, strong=False)
            unsure_roots = {groups.find(o) for o in unsure}
            if len(certain) == 1:
                claims[certain.pop()].append(f.id)
            elif len(certain) > 1 or len(unsure_roots) > 1:
                report.ambiguous.append((f.name, sorted(certain | unsure_roots)))
            for other, reason in unsure.items():
                if groups.find(other) != root:
                    review[frozenset((f.id, other))] = (f.id, other, reason)
        joined = False
        for target, claimants in sorted(claims.items()):
            provinces = {firms[c].province for c in claimants} - {None}
            if not groups.province[groups.find(target)] and len(provinces) > 1:
                for c in claimants:
                    review[frozenset((c, target))] = (c, target, "firms of several provinces claim this name")
                continue
            for c in sorted(claimants):
                joined |= groups.union(target, c)
        if not joined:
            break
    if fuzzy:
        _fuzzy_candidates(firms, groups, review)
    for pair, (a, b, reason) in sorted(review.items(), key=lambda x: sorted(x[0])):
        if groups.find(a) == groups.find(b) or frozenset((a, b)) in rejected or not groups.can_join(a, b, places=False):
            continue
        report.review.append(_review_row(firms[a], firms[b], reason))
    return groups, firms, report


def _judge(f: _Firm, other: _Firm, groups: _Groups, root: str, certain: set[str], unsure: dict[str, str],
           *, strong: bool) -> None:
    """Classify ``other`` as a certain or an unsure match of ``f``: ``strong`` when a
    name ``f``'s source gave matches a name ``other``'s source gave."""
    other_root = groups.find(other.id)
    if other_root == root:
        return
    a, b = groups.province[root], groups.province[other_root]
    if a and b and a != b:
        return
    if a and b:
        certain.add(other_root)
    elif strong:
        certain.add(other_root)
    else:
        unsure[other.id] = "name variant; no place to confirm it"


def _fuzzy_candidates(firms: dict[str, _Firm], groups: _Groups,
                      review: dict[frozenset[str], tuple[str, str, str]]) -> None:
    """Add pairs of firms in different groups whose names score at least
    :data:`FUZZY_MIN` (rapidfuzz), compared within blocks of a shared first two
    characters of the name key and never across provinces."""
    from rapidfuzz import fuzz

    blocks: dict[str, list[_Firm]] = defaultdict(list)
    for f in firms.values():
        for key in {f.full, *f.derived}:
            if len(key) >= 2:
                blocks[key[:2]].append(f)
    for members in blocks.values():
        if len(members) > 200:
            continue  # a prefix this common (中国, 上海) tells nothing
        for i, f in enumerate(members):
            for g in members[i + 1:]:
                if f.id == g.id or (f.rank < 2 and g.rank < 2):
                    continue
                if groups.find(f.id) == groups.find(g.id) or frozenset((f.id, g.id)) in review:
                    continue
                if f.province and g.province and f.province != g.province:
                    continue
                score = fuzz.ratio(f.full, g.full)
                if score >= FUZZY_MIN:
                    review[frozenset((f.id, g.id))] = (f.id, g.id, f"fuzzy name score {score:.0f}")


def _review_row(a: _Firm, b: _Firm, reason: str) -> dict[str, Any]:
    from rapidfuzz import fuzz

    if (a.rank, a.id) > (b.rank, b.id):
        a, b = b, a
    return {"id_a": a.id, "name_a": a.name, "province_a": a.province or "", "id_b": b.id, "name_b": b.name,
            "province_b": b.province or "", "score": round(fuzz.ratio(a.full, b.full)), "reason": reason,
            "decision": ""}


def resolve_firms(store: Store, *, fuzzy: bool = False) -> ResolveReport:
    """Merge the store's firm nodes that are one firm (see the module docstring)
    and return what was done; ``fuzzy`` adds fuzzy-score pairs to the report's
    review list. Running it twice changes nothing the second time."""
    groups, firms, report = _plan(store, fuzzy=fuzzy)
    members: dict[str, list[str]] = defaultdict(list)
    for i in firms:
        members[groups.find(i)].append(i)
    pairs = []
    for ids in members.values():
        if len(ids) > 1:
            survivor = min(ids, key=lambda i: (firms[i].rank, i))
            pairs.extend((i, survivor) for i in sorted(ids) if i != survivor)
    if pairs:
        report.merged = store.merge(pairs, choose_name)
    return report


def review_pairs(store: Store, path: Path) -> ResolveReport:
    """Merge what is certain, then write the uncertain pairs (name variants without
    a place, fuzzy scores) to the CSV ``path`` with an empty ``decision`` column for
    a person to fill with accept or reject; return the report."""
    report = resolve_firms(store, fuzzy=True)
    try:
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.DictWriter(handle, REVIEW_COLUMNS)
            writer.writeheader()
            writer.writerows(report.review)
    except OSError as exc:
        from chaingraph.errors import OutputError

        raise OutputError(f"{path}: cannot write the review file ({exc.strerror})") from exc
    return report


def apply_review(store: Store, path: Path) -> tuple[int, int, ResolveReport]:
    """Read a review CSV whose ``decision`` column a person filled (accept/reject,
    yes/no, 是/否; empty rows are left undecided), keep the decisions in the store
    and resolve again; return (accepted, rejected, the resolution's report).
    Raises :class:`InputError` naming the file and line of a decision not
    understood or a row without both ids."""
    decided: list[tuple[str, str, str]] = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                value = (row.get("decision") or "").strip().lower()
                if not value:
                    continue
                a, b = (row.get("id_a") or "").strip(), (row.get("id_b") or "").strip()
                if not a or not b:
                    raise InputError(f"{path}:{line}: a decided row needs id_a and id_b")
                if value in _ACCEPT:
                    decided.append((*sorted((a, b)), "accept"))
                elif value in _REJECT:
                    decided.append((*sorted((a, b)), "reject"))
                else:
                    raise InputError(f"{path}:{line}: decision {value!r} is neither accept nor reject")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the review file ({exc.strerror})") from exc
    store.record_decisions(decided)
    report = resolve_firms(store)
    return (sum(d[2] == "accept" for d in decided), sum(d[2] == "reject" for d in decided), report)


def run_resolve(store: Store, *, review: Path | None = None, apply: Path | None = None) -> dict[str, Any]:
    """What ``chaingraph resolve`` does: read a reviewer's decisions from ``apply``
    (kept in the store), merge what is certain (and what was accepted), and with
    ``review`` write the uncertain pairs left for a person. Returns the figures as
    a JSON-ready dict: merged, accepted, rejected, ambiguous names and review pairs."""
    accepted = rejected = 0
    if apply is not None:
        accepted, rejected, first = apply_review(store, apply)
    report = review_pairs(store, review) if review is not None else resolve_firms(store)
    merged = report.merged + (first.merged if apply is not None else 0)
    return {"merged": merged, "accepted": accepted, "rejected": rejected,
            "ambiguous": len(report.ambiguous), "review_pairs": len(report.review),
            "review_file": str(review) if review is not None else None}
