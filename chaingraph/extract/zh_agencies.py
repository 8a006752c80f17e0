"""Chinese government bodies the ending rules of :mod:`chaingraph.extract.chinese`
miss: the customary short names of central bodies (工信部, 发改委, 国资委, 中科院),
research institutes (X研究所, 中科院X所) and foreign government bodies named after
their country and ending in 省, 署, 厅, 机构 or 委员会 (日本经济产业省, 日本贸易振兴机构).

Short names are a closed list of the State Council's ministries and commissions and
of the academies: their endings (部, 委) are too common to read open-vocabulary.

>>> from chaingraph.extract.result import Sentence
>>> text = "工信部与中科院声学所联合发布通知，韩国产业通商资源厅表示欢迎。"
>>> [m.text for m in agency_mentions(text, [Sentence(text, 0, len(text))], [])]
['工信部', '中科院声学所', '韩国产业通商资源厅']
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Mention, Sentence
from chaingraph.identity import name_key

_SHORT_NAMES = sorted("""工信部 国家发改委 发改委 国资委 国务院国资委 科技部 财政部 商务部 环保部 生态环境部 人社部 住建部 交通部
交通运输部 农业部 农业农村部 水利部 自然资源部 国土资源部 教育部 外交部 公安部 民政部 司法部 文旅部 卫健委 国家卫健委 应急管理部
国家市场监管总局 市场监管总局 海关总署 国家税务总局 税务总局 国家统计局 证监会 银保监会 金融监管总局 国家能源局 国家知识产权局
中科院 中国科学院 中国工程院 社科院 中国社科院 工程院""".split(), key=len, reverse=True)
_SHORT_RE = re.compile("|".join(map(re.escape, _SHORT_NAMES)) + r"(?![\u4e00-\u9fff]{0,6}?所)")
_INSTITUTE = re.compile(r"(?:中科院|中国科学院)[\u4e00-\u9fff]{2,8}?(?:研究)?所(?![长属有以谓在])")
_RESEARCH = re.compile(r"[\u4e00-\u9fff]{2,12}?研究所(?![长])")
_COUNTRIES = "日本|韩国|美国|德国|法国|英国|欧盟|印度|越南|泰国|新加坡|俄罗斯|意大利|马来西亚|印尼|印度尼西亚|澳大利亚|加拿大"
_FOREIGN = re.compile(rf"(?:{_COUNTRIES})[\u4e00-\u9fff]{{2,10}}?(?:省|署|厅|机构|委员会)(?![\u4e00-\u9fff]{{0,1}}[长员])")

# a quick test: a sentence with none of these holds none of the bodies above
_ANY = re.compile(r"研究所|中科院|中国科学院|" + "|".join(map(re.escape, _SHORT_NAMES)) + rf"|{_COUNTRIES}")


def agency_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Agency mentions of the bodies of the module docstring in ``text`` (with
    its ``sentences``) that no organisation of ``mentions`` overlaps. A firm mention
    read across an institute's name (中科院X所Y集团) is cut to Y, and the short forms
    read off the uncut name are dropped from ``mentions``, in place."""
    orgs = [m for m in mentions if m.type in ("Firm", "Agency", "Alliance", "Cluster", "Event")]
    taken = [(m.start, m.end) for m in orgs]
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        if not _ANY.search(sent.text):
            continue
        for regex in (_INSTITUTE, _FOREIGN, _SHORT_RE, _RESEARCH):
            for match in regex.finditer(sent.text):
                a, b = sent.start + match.start(), sent.start + match.end()
                if regex is _RESEARCH:
                    from chaingraph.extract.chinese import _left_edge

                    a = _left_edge(text, b - 3, sent.start)
                    if b - a < 5:
                        continue
                if re.search(r"的|企业|汽车|零部", text[a:b]):
                    continue
                holder = next((m for m in orgs if m.type == "Firm" and m.start == a and m.end - b >= 4), None)
                if holder is not None:  # 中科院X所Y集团: the institute, then the firm Y (cut in place)
                    old_key = holder.key or name_key(holder.text)
                    holder.start = b
                    holder.text = text[b:holder.end]
                    holder.key = ""
                    # the short forms read off the uncut name (中科院微) go with it
                    mentions[:] = [m for m in mentions if m is holder or m.key != old_key]
                    orgs = [m for m in orgs if m in mentions]
                    taken = [(m.start, m.end) for m in orgs]
                if any(x < b and a < y for x, y in taken):
                    continue
                out.append(Mention(a, b, text[a:b], "Agency", index))
                taken.append((a, b))
    return sorted(out, key=lambda m: m.start)


def unplace_foreign(rel, entities) -> None:
    """Remove the Chinese places given to a body named after a foreign country
    (日本经济产业省 is not a provincial body of the article's province)."""
    foreign = {e.id for e in entities if e.type in ("Agency", "Firm") and re.match(rf"(?:{_COUNTRIES})", e.name)}
    for r in [r for r in rel.items if r.type == "LOCATED_IN" and r.head in foreign]:
        rel.remove(r)
