"""English firms, foreign places and product chains found by the role a sentence
gives a name, not by a head word: brands and foreign firms rarely carry "Co., Ltd."
in the news, but they sit in slots only a firm fills.

- an appositive after a firm noun: "German auto parts maker Kostal", "chip supplier
  Nexa" (the words before the noun, without nationality and size adjectives, are a
  product chain the firm belongs to: "battery maker" gives "battery" only when a
  name follows or a nationality precedes it);
- a firm that is "a supplier (maker, producer) of <product>", whose product is a
  chain ("body components");
- the other party of a deal: "signed … with A and B", "a partnership with A",
  "supply … to A", "customers include A";
- the subject of a deal verb: "A and B signed …", ", B will supply …" (a lone
  capitalised word opening a sentence only when it is capitalised again elsewhere
  or written in mixed case: "Analysts said" names no firm);
- "<place>-based A" (the firm, located in the place); the owner of a plant or base
  ("A's plant in Wuhu"); "A, headquartered in C,";
- a foreign city written "Erfurt, Germany" or "Phnom Penh, Cambodia";
- a local government in lower case ("the Wuxi municipal government"), an Agency
  located in its place.

>>> from chaingraph.extract.result import Sentence
>>> s = "Dutch lithography supplier Veldhoven Optics signed a deal with Lumen and Kaito Motors."
>>> [(str(m.type), m.text) for m in role_mentions(s, [Sentence(s, 0, len(s))])]
[('Firm', 'Veldhoven Optics'), ('Chain', 'lithography'), ('Firm', 'Lumen'), ('Firm', 'Kaito Motors')]
"""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.lists import _chain_key
from chaingraph.extract.places import gazetteer, place_word
from chaingraph.extract.result import Mention, Sentence
from chaingraph.extract.cues import cued

#: Countries outside China, in English: a capitalised place before ", <country>" is a
#: foreign city; the countries themselves are not entities of the graph.
COUNTRIES = lx.COUNTRIES
_NATIONALITY = frozenset("""chinese german french italian spanish dutch belgian swiss austrian swedish norwegian danish
finnish polish hungarian czech turkish russian british english irish japanese korean vietnamese thai malaysian
singaporean indonesian indian australian canadian mexican brazilian american european asian us u.s. foreign
domestic local global world's world leading major top largest biggest big well-known renowned famous established
state-owned private listed multinational international national overseas taiwanese hong kong""".split())
#: Nouns after which a capitalised name is a firm ("maker Kostal").
_FIRM_NOUN = (r"(?:(?:maker|manufacturer|provider|supplier|producer|company|firm|giant|automaker|carmaker|"
              r"chipmaker|brand|developer|retailer|start-?up|vendor|conglomerate|operator|enterprise|exporter|"
              r"importer|distributor|partner|customer|client)s?|group|companies|enterprises)")
_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&'’.-]*|\s+\([A-Z]\w*\)(?=\s+[A-Z]))*"
_NAMES = rf"(?:the\s+)?{_NAME}(?:\s*,\s*(?:and\s+)?(?:the\s+)?{_NAME})*(?:,?\s+and\s+(?:the\s+)?{_NAME})?"
_NOUN_NAME = re.compile(rf"\b{_FIRM_NOUN}\s+({_NAME}(?:(?:\s*,\s*(?:and\s+)?|,?\s+and\s+){_NAME})*)")
_NOUN_ALONE = re.compile(rf"\b{_FIRM_NOUN}\b(?!\s+[A-Z])")
_WORDS_BEFORE = re.compile(r"((?:[\w'’-]+\s+){0,4})$")
_SLOTS = [
    cued(rf"\b(?:sign|signs|signed|signing|inked|inks|reached|entered\s+into)\b[^.;]{{0,90}}?\bwith\s+({_NAMES})"),
    cued(rf"\b(?:partnership|cooperation|agreement|contract|deal|collaboration|joint venture|partnered|"
         rf"teamed up|tie-up|cooperate|cooperates|cooperated|works|worked|partnering)\s+with\s+({_NAMES})"),
    cued(rf"\b(?:supply|supplies|supplied|supplying|deliver|delivers|delivered|sell|sells|sold|ship|ships|"
         rf"shipped|offer|offers|offered|provide|provides|provided)\s+[^.;]{{1,60}}?\bto\s+({_NAMES})"),
    cued(rf"\b(?:supplier|suppliers|vendor)\s+(?:to|for)\s+({_NAMES})"),
    # "became a qualified supplier of Haoju Cabinets": a capitalised name after "supplier of" is the customer
    cued(rf"\b(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,2}}(?:supplier|vendor)\s+of\s+({_NAMES})"),
    cued(rf"\b(?:customers|clients|partners)\s+(?:include|includes|included|including)\s+({_NAMES})"),
]
_DEAL_VERB = re.compile(
    r"\s+(?:(?:has|have|had|will|would|also|recently|officially|further|jointly|then|now|on \w+day)\s+)*"
    r"(?:signed|signs|inked|inks|supplies|supplied|supply|announced|announces|agreed|agrees|bought|buys|purchased|"
    r"purchases|won|wins|secured|received|plans|planned|invested|invests|delivered|delivers|shipped|ships|became|"
    r"becomes|acquired|acquires|reached)\b")
_SUBJECT_BEFORE = re.compile(rf"(?:^|[,;:]\s+|\b(?:and|that|while|after)\s+)((?:{_NAME})(?:\s+and\s+{_NAME})?)$")
_COMMON_START = frozenset("""analysts experts officials sources reports data statistics residents companies enterprises
firms people authorities insiders investors observers participants representatives visitors guests leaders
government governments ministries departments""".split())
_SUPPLIER_OF = cued(
    rf"({_NAME})(?:,\s+|\s+(?:is|was|has become|became|is now|remains|will become)\s+)(?:a|an|the|one of the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:supplier|maker|manufacturer|producer|provider)s?\s+of\s+"
    r"((?:(?!(?:to|for|in|and|with|from|at|by|the|its|their)\b)[a-z][\w-]*\s+){0,2}"
    r"(?!(?:to|for|in|and|with|from|at|by|the|its|their)\b)[a-z][\w-]*)")
_HEADQUARTERED = cued(rf"({_NAME})(?:\s+\([A-Z][\w&-]*\))?,\s+(?:which is\s+)?(?:headquartered|based)\s+in\s+[A-Z]")
# "Anhui Gujing Group Co., Ltd., the local baijiu leader,": a firm's apposition names its product
_APPOSED_ROLE = cued(r"(?:Ltd|Limited|Inc|Corp|Co|Group|Corporation)\.?,\s+(?:the|a|an)\s+((?:[\w-]+\s+){1,4}?)"
                     r"(?:leader|leading enterprise|maker|manufacturer|producer|giant)\b")
_POSSESSOR = re.compile(rf"({_NAME})['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:plant|plants|factory|factories|base|bases|"
                        r"facility|facilities|headquarters|subsidiary|subsidiaries|R&D cent(?:er|re)|"
                        r"production lines?)\b")
_BASED = cued(rf"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)-based\s+(?:[a-z][\w-]*\s+){{0,3}}?({_NAME})")
_LOCAL_GOVERNMENT = cued(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+((?:municipal|provincial|city|county|district|"
                         r"prefectural)\s+(?:people's\s+)?(?:government|party committee|commission of commerce|"
                         r"bureau of commerce|commerce bureau|development and reform commission))\b")
_FOREIGN_CITY = cued(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+(" + "|".join(
    re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")\b")
# "plants in Tula of Russia and Rayong of Thailand", "bases in Pinghu of Zhejiang": a place in a list
# of places, named by the country or Chinese province it is in
_CITY_OF = cued(r"(?:\bin|,|\band)\s+([A-Z][a-z]+)\s+of\s+([A-Z][a-z]+)\b")
_NOT_NAME = lx.LEADING_DROP | {"china", "beijing", "the", "its", "their", "it", "they", "january", "i"}
_NOT_PRODUCT = _NATIONALITY | {"chain-owner", "chain-leader", "chain-leading", "chain-master",  # a firm's role
                               "a", "an", "the", "this", "that", "its", "their", "our", "of", "and", "as", "is",
                               "was", "original", "design", "equipment", "key", "core", "main", "one", "two", "new",
                               "first", "second", "third", "whose", "has", "have", "be", "been", "by", "to", "for",
                               "in", "on", "with", "at", "from", "said", "says", "also", "oem", "odm", "tier",
                               "tier-one", "tier-1", "strategic", "long-term", "important", "sole", "only",
                               "exclusive", "designated", "qualified", "certified", "preferred", "solutions", "contract",
                               "largest", "biggest", "second-largest", "third-largest", "leading", "top",
                               "service", "services", "technology", "parts", "products", "product",
                               # pronouns and verbs that stand before a role noun ("they include cell producer X")
                               "they", "it", "we", "he", "she", "which", "who", "include", "includes", "are", "were",
                               "will", "would", "can", "could", "may", "become", "becomes", "became", "remain",
                               "remains", "like", "such", "or", "but", "than", "plus", "besides", "other", "both"}


#: Words that may follow a name in a slot; any other lowercase word makes the
#: capitalised run a modifier ("to the EV maker").
_FOLLOW_OK = frozenset("""by in on at and or for to from with since over under as of which that who after before
during until through via is was will would has have had said says were are be been could should may can its their
but while when where this these""".split())


def _modifier(s: str, start: int, end: int) -> bool:
    """True when the run at ``start``-``end`` of ``s`` follows "the" and a lowercase
    noun follows it ("the EV maker")."""
    nxt = re.match(r"\s+([a-z][\w-]*)", s[end:])
    return bool(re.search(r"\bthe\s+$", s[:start]) and nxt and nxt.group(1) not in _FOLLOW_OK)


def _clean_name(name: str) -> str:
    """Drop a leading "the" or "<place>-based", and a trailing possessive or sentence word."""
    name = re.sub(r"^(?:the\s+)?(?:(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*-(?:based|headquartered)\s+)?", "",
                  name.strip())  # "Inner Mongolia-based X"
    name = re.sub(r"(?:'s|’s)$", "", name)
    return name.rstrip(".,")


def _is_name(name: str) -> bool:
    """True for a capitalised run that can be a firm: not a place, country, month or
    function word, and not an organisation with a head word (those rules see it)."""
    words = name.split()
    if not words or words[-1].endswith(("-based", "-headquartered")) or name in COUNTRIES \
            or name.lower() in _NATIONALITY:
        return False
    china_firm = len(words) >= 2 and words[0] == "China" and words[1][0].isupper()  # China Mobile, China Tower
    if words[0].lower() in _NOT_NAME and not china_firm:
        return False
    gaz = gazetteer()
    if gaz.lookup(name) is not None or (len(words) <= 2 and gaz.lookup(words[0]) is not None
                                       and (len(words) == 1 or words[1].lower() in (
                                           "province", "city", "county", "district", "prefecture"))):
        return False
    heads = lx.AGENCY_HEADS | lx.ALLIANCE_HEADS | lx.CLUSTER_HEADS | lx.EVENT_HEADS
    return not any(w.lower().strip(".,") in heads for w in words)


def _distinctive(word: str, text: str) -> bool:
    """True when a single capitalised word opening a sentence is a name: written in
    mixed case or capitals (LONGi, CATL), or capitalised again inside a sentence."""
    if not word[1:].islower():
        return True
    inside = re.search(rf"(?<![.!?]\s)(?<!^)(?<!\n)\b{re.escape(word)}\b", text[1:])
    return bool(inside) or len(re.findall(rf"\b{re.escape(word)}\b", text)) >= 3


def _split_names(names: str) -> list[str]:
    """The names of "A, B and the C" in order ("X Co., Ltd." is one name, and so is
    "Zhonghai Deepwater Oil and Gas Development Co., Ltd.", whose "and" joins two
    common nouns of one name)."""
    out: list[str] = []
    for part in re.split(r"\s*,(?!\s*(?:Ltd|Inc|Limited|LLC)\b)\s*(?:and\s+)?|\s+and\s+", names):
        if not part.strip():
            continue
        joined = out and names.find(out[-1] + " and " + part.strip()) != -1
        if joined and out[-1].split()[-1].lower() in _NAME_NOUNS and part.split()[0].lower() in _NAME_NOUNS:
            out[-1] = out[-1] + " and " + part.strip()
        else:
            out.append(part.strip())
    return out


#: Common nouns a firm's name joins by "and" (Oil and Gas, Iron and Steel, Science and Technology)
_NAME_NOUNS = frozenset("""oil gas iron steel science technology research development industry trade import export
investment engineering machinery equipment electric power mining chemical chemicals energy construction materials
transport logistics commerce agriculture forestry food textile textiles""".split())


#: Product words that end like verbs.
_PRODUCT_ING = frozenset("""mining printing clothing packaging lighting shipbuilding engineering casting forging
bedding roofing flooring seed feed""".split())


def _product(words: str) -> str:
    """The product words before a firm noun ("Chinese EV battery" gives "EV battery"),
    or "" when none are left."""
    picked: list[str] = []
    for word in reversed(words.split()):
        low = word.lower()
        verbish = low.endswith(("ing", "ed")) and low not in _PRODUCT_ING
        if low in _NOT_PRODUCT or verbish or not re.fullmatch(r"[A-Za-z][\w-]*", word) or (word[0].isupper() and not
                                                                              word.isupper()):
            break
        picked.insert(0, word)
    return " ".join(picked[-3:])


def role_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return Firm mentions named by their role in a sentence (``info['weak']``),
    product Chain mentions from firm nouns, foreign City mentions ("Erfurt, Germany")
    and the firm of "<place>-based A"."""
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        s, base = sent.text, sent.start
        seen: set[tuple[int, int]] = set()

        def firm(start: int, name: str, **info) -> None:
            clean = _clean_name(name)
            if not _is_name(clean):
                return
            at = s.find(clean, start)
            span = (base + at, base + at + len(clean))
            if at < 0 or span in seen or _modifier(s, at, at + len(clean)):
                return
            if clean.split()[-1].lower() in lx.FACILITY_HEADS and s.startswith(" of ", at + len(clean)):
                return  # "the Baihetan Hydropower Station of X": a facility of X's, no firm
            seen.add(span)
            out.append(Mention(span[0], span[1], clean, "Firm", index, info={"weak": True, "role": True, **info}))

        for match in _NOUN_NAME.finditer(s):  # "German auto parts maker Kostal"
            lead = _WORDS_BEFORE.search(s, max(0, match.start() - 80), match.start())
            words = lead.group(1)
            before = len(out)
            pos = match.start(1)
            for name in _split_names(match.group(1)):  # "carmakers NIO, Chery and JAC"
                firm(pos, name)
                pos = max(pos, s.find(name, pos) + len(name))
            product = _product(words)
            nationality = any(w.lower() in _NATIONALITY for w in words.split())
            if product and (len(out) > before or nationality) and not product.isupper():
                at = lead.start(1) + words.rfind(product)
                out.append(Mention(base + at, base + at + len(product), product, "Chain", index,
                                   info={"product": True}))
        for match in _NOUN_ALONE.finditer(s):  # "the Chinese denim manufacturer"
            lead = _WORDS_BEFORE.search(s, max(0, match.start() - 80), match.start())
            words = lead.group(1)
            opener = re.search(r"(?:^|\b(?:a|an|the)\s+)$", s[:lead.start(1)])
            product = _product(words)
            if (opener and product and any(w.lower() in _NATIONALITY for w in words.split())
                    and not product.isupper()):
                at = lead.start(1) + words.rfind(product)
                out.append(Mention(base + at, base + at + len(product), product, "Chain", index,
                                   info={"product": True, "described": True}))
        for regex in _SLOTS:
            for match in regex.finditer(s):
                pos = match.start(1)
                for name in _split_names(match.group(1)):
                    firm(pos, name)
                    pos = max(pos, s.find(name, pos) + len(name))
        for verb in _DEAL_VERB.finditer(s):  # "Tongwei and LONGi signed …", ", Redstone will supply …"
            match = _SUBJECT_BEFORE.search(s, max(0, verb.start() - 120), verb.start())
            if match is None:
                continue
            pos = match.start(1)
            names = _split_names(match.group(1))
            # in "A and B signed" a distinctive B vouches for A
            pair = len(names) > 1 and any(_distinctive(n, text) for n in names)
            for name in names:
                at = s.find(name, pos)
                pos = max(pos, at + len(name))
                if name.lower() in _COMMON_START or (at == 0 and " " not in name and not pair
                                                     and not _distinctive(name, text)):
                    continue
                firm(at, name)
        for match in _SUPPLIER_OF.finditer(s):  # "Stone Seats, a supplier of body components for …"
            firm(match.start(1), match.group(1))
            product = match.group(2)
            if not set(product.split()) & _NOT_PRODUCT and not product.endswith("ing"):
                out.append(Mention(base + match.start(2), base + match.end(2), product, "Chain", index,
                                   info={"product": True, "of_firm": True}))
        for match in _APPOSED_ROLE.finditer(s):
            product = _product(match.group(1))
            rest = match.group(1)[:match.group(1).rfind(product)].split() if product else []
            # "an insulating material maker": a product cut short at its own participle is no product
            if product and not product.isupper() and not (rest and rest[-1].lower().endswith("ing")):
                at = match.start(1) + match.group(1).rfind(product)
                out.append(Mention(base + at, base + at + len(product), product, "Chain", index,
                                   info={"product": True, "of_firm": True}))
        for match in _HEADQUARTERED.finditer(s):  # "Ridge Pumps, based in Taizhou,"
            firm(match.start(1), match.group(1))
        for match in _POSSESSOR.finditer(s):  # "Volkswagen Anhui's base in Hefei"
            firm(match.start(1), match.group(1))
        for match in _BASED.finditer(s):
            place = gazetteer().lookup(match.group(1))
            if place is not None:
                firm(match.start(2), match.group(2))
        for match in _LOCAL_GOVERNMENT.finditer(s):  # "the Wuxi municipal government"
            place = gazetteer().lookup(match.group(1))
            if place is not None:
                out.append(Mention(base + match.start(), base + match.end(), match.group(0), "Agency", index,
                                   info={"place_key": place.name}))
        for match in _FOREIGN_CITY.finditer(s):
            name = match.group(1)
            if gazetteer().lookup(name) is None and name.split()[0].lower() not in _NOT_NAME:
                out.append(Mention(base + match.start(1), base + match.end(1), name, "City", index, key=name,
                                   info={"foreign": True}))
        for match in _CITY_OF.finditer(s):
            name, whole = match.group(1), match.group(2)
            if place_word(name, counties=True) or name.lower() in _NOT_NAME:
                continue  # a known city or county is found with its own name and key
            province = gazetteer().lookup(whole)
            if whole in COUNTRIES:
                info = {"foreign": True}
            elif province is not None and province.kind == "Province":
                info = {"province": province.name}
            else:
                continue
            out.append(Mention(base + match.start(1), base + match.end(1), name, "City", index, key=name, info=info))
    return out


def merge_products(mentions: list[Mention]) -> None:
    """Give a product chain from a firm noun ("EV battery provider") the key of another
    chain of the article with the same last word ("power battery"), so both are one
    chain; changes ``mentions`` in place."""
    heads: dict[str, str] = {}
    for m in mentions:
        if m.type == "Chain" and not m.info.get("product") and m.key:
            heads.setdefault(_stem(m.text.split()[-1]), m.key)
    for m in mentions:
        if m.type == "Chain" and m.info.get("product"):
            m.key = heads.get(_stem(m.text.split()[-1])) or _chain_key(m.text)


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")


def split_at_roles(text: str, mentions: list[Mention]) -> None:
    """Cut an organisation mention that starts with a firm found by its role and goes
    on past "and" ("with Brightway and Coastal Motors Co., Ltd."): the organisation
    starts after the "and"; changes ``mentions`` in place."""
    roles = {m.start: m for m in mentions if m.type == "Firm" and m.info.get("role")}
    for m in mentions:
        role = roles.get(m.start)
        if role is None or m is role or m.end <= role.end or m.type != "Firm":
            continue
        gap = re.match(r"\s*,?\s+(?:and|&)\s+(?:the\s+)?", text[role.end:m.end])
        if gap and place_word(role.text.split()[0]) and not place_word(text[role.end + gap.end():m.end].split()[0]):
            continue  # "Yichun Tantalum and Niobium Mine Co., Ltd.": a name that starts with its place is one name
        if gap:
            m.start = role.end + gap.end()
            m.text = ""


def retype_place_acronyms(mentions: list[Mention]) -> None:
    """A firm found by its role that is in fact the acronym of a district the article
    names ("WND signs deals" for Wuxi National Hi-tech District) becomes that place,
    and one whose span a place mention has is dropped; changes ``mentions`` in place."""
    from chaingraph.extract.entities import _acronym_of

    places = [m for m in mentions if m.type == "City" and len(m.text.split()) >= 3]
    # "Golmud signs 14 projects": a place read where a firm's role stands is the place
    place_spans = {(m.start, m.end) for m in mentions if m.type in ("City", "Province")}
    mentions[:] = [m for m in mentions if not (m.type == "Firm" and m.info.get("role")
                                               and (m.start, m.end) in place_spans)]
    for m in mentions:
        if m.type == "Firm" and m.info.get("role") and m.text.isupper() and len(m.text) >= 3:
            place = next((p for p in places if _acronym_of(m.text, p.text)), None)
            if place is not None:
                m.type, m.key = "City", place.key
                m.info = {k: v for k, v in place.info.items()}
