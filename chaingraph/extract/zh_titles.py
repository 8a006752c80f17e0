"""Organisations named only as a person's employer. By the gold conventions a body
that appears only inside a person's title (深圳市金融办公室肖某, 中国银联深圳分公司总经理
陈某, 中国人民银行科技司原司长) is not annotated: people are left out, and so are the
bodies that only employ them. A body that acts anywhere else in the article (hosts,
signs, supplies, is listed) is kept.

>>> employer_only("中国人民银行科技司原司长陈某出席。", 0, 6)
True
>>> employer_only("中国人民银行发布新规。", 0, 6)
False
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Entity

_TITLES = ("董事长|副董事长|总经理|副总经理|总裁|副总裁|CEO|首席执行官|执行董事|董事|总监|副总监|经理|部长|局长|司长|"
           "厅长|处长|科长|主任|书记|主席|委员|秘书长|会长|理事长|院长|所长|校长|行长|教授|研究员|总工程师|工程师|负责人|"
           "市长|省长|县长|区长|州长|常务副总|副总|总工|发言人|代表")
# common family names (one character), for a person named right after the body
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
             "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
             "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
             "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
             "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
_TITLE_AFTER = re.compile(
    rf"(?:[\u4e00-\u9fff]{{0,10}}?(?:部|司|处|科|室|中心|办|厅|局|委|所|院|分公司|分行|支行|事业部))?"
    rf"(?:原|前|现任|常务|执行|首席)?(?:副)?(?:{_TITLES})")
_PERSON_AFTER = re.compile(rf"[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?:等|、|和|与|，|,|说|表示|介绍|指出|认为|应邀|出席|带领|称|前往|。)")


def employer_only(text: str, start: int, end: int) -> bool:
    """True when the organisation mention at ``text[start:end]`` is followed by a
    person's title (科技司原司长, 总经理) or a person's name (肖某等)."""
    after = text[end:end + 30]
    return bool(_TITLE_AFTER.match(after) or _PERSON_AFTER.match(after))


def _employer_kind(entity: Entity) -> bool:
    """Government bodies and a firm's branch offices; a firm named with its officer
    is, in industry news, usually the actor itself (its manager signs, speaks, attends)."""
    return entity.type == "Agency" and not re.search(r"协会|商会|联合会", entity.name) \
        or entity.type == "Firm" and bool(re.search(r"分公司|分行|支行|办事处$", entity.name))


def drop_employers(text: str, entities: list[Entity]) -> list[Entity]:
    """Return ``entities`` without the government bodies and firm branches every
    mention of which is a person's employer (see :func:`employer_only`), numbered
    again e1, e2, … in order."""
    kept = [e for e in entities if not (_employer_kind(e) and e.mentions and all(
        employer_only(text, m.start, m.end) for m in e.mentions))]
    if len(kept) != len(entities):
        for number, entity in enumerate(kept, start=1):
            entity.id = f"e{number}"
    return kept
