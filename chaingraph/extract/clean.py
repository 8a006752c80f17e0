"""Removing page furniture from an article before extraction.

Furniture is what a site wraps around the news: contact blocks (hotlines, QQ,
WeChat, e-mail, office addresses, working hours), "Share to", "Recommended
reading", "Back to top", editor, author, reporter and source lines, 来源 / 责任编辑
lines, 摘要 lines that repeat the text, copyright footers and repeated site names.
Work is line by line; a line that opens a trailing block ("Contact us",
"Recommended reading", 相关阅读 …) removes everything after it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chaingraph.extract import lexicon as lx
from chaingraph.extract.cues import cued

# A line that starts one of these ends the article: what follows is furniture.
_TAIL = re.compile(
    r"^\s*(contact us|recommended( reading| news| articles| stories)?|related( news| reading| articles| links)?|"
    r"read more|you may also like|see also|back to top|"
    r"hot (news|articles)|more news|links?:|leave (your|a) (comments?|message)( here)?|post a comment|"
    r"comments?|联系我们|推荐阅读|相关阅读|相关新闻|相关文章|延伸阅读|"
    r"热点推荐|返回顶部|更多新闻|友情链接|相关推荐|猜你喜欢)\s*[:：]?\s*$", re.IGNORECASE)

# (reason, pattern) for single lines.
_LINE_RULES: list[tuple[str, re.Pattern]] = [
    ("contact", cued(
        r"^\s*(cooperation )?(hotline|telephone|tel|phone|fax|mobile|qq( customer service)?|"
        r"we ?chat( customer service)?|weixin|e-?mail|address|postcode|zip code|working hours|"
        r"customer service|电话|热线|服务热线|合作热线|传真|手机|邮箱|电子邮箱|地址|邮编|微信|客服|"
        r"工作时间|QQ)\b\s*[:：]?", re.IGNORECASE)),
    ("contact", re.compile(r"^\s*[\w.+-]+@[\w-]+\.[\w.]+\s*$")),
    ("contact", re.compile(r"^\s*\d+ hours?,? (monday|mon)\b", re.IGNORECASE)),
    ("share", cued(r"^\s*(share (to|this|on)|分享到|分享至|扫一扫|打印|print|small font size|"
                   r"large font size|font size|字号|【?字体[:：]|收藏|关闭窗口)(?![a-z])", re.IGNORECASE)),
    ("editor/source", re.compile(
        r"^\s*[(（]?\s*(editor( in charge)?|responsible editor|chief editor|author|reporter|source|"
        r"translated by|translator|proofread|this article is from|originally published|"
        r"责任编辑|编辑|来源|作者|记者|通讯员|审核|校对|出处|原标题|文章来源|本文来源)\s*[:：]",
        re.IGNORECASE)),
    ("editor/source", re.compile(r"^\s*(this article is from|source[:：]|来源[:：])", re.IGNORECASE)),
    ("editor/source", re.compile(r"\|\s*source\s*[:：]", re.IGNORECASE)),
    ("editor/source", re.compile(r"^.{0,40}(\bsource|来源|责任编辑)\s*[:：].{0,40}$", re.IGNORECASE)),
    ("editor/source", re.compile(r"^\s*[(（](editor|reporter|责任编辑|编辑|记者)[^)）]*[)）]\s*$", re.IGNORECASE)),
    ("dateline", re.compile(r"^\s*(release time|publish(ed)?( time| date)?|posted( on)?|updated?( on| time)?|"
                            r"date|发布时间|发布日期|更新时间|时间)\s*[:：]", re.IGNORECASE)),
    ("dateline", re.compile(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$")),
    ("summary", re.compile(r"^\s*(摘要|abstract|summary|导读)\s*[:：]", re.IGNORECASE)),
    # a photo caption's credit line: 「……。龙泉驿区委宣传部供图」, 「记者 张三 摄」
    ("caption", cued(r"^.{0,100}?[\u4e00-\u9fff]{2,16}\s*(?:供图|摄)\s*[)）]?\s*$|^\s*(?:图为|图[:：])")),
    ("footer", cued(r"(copyright|all rights reserved|©|版权所有|icp备|icp证|icp\s+no\b|公网安备)", re.IGNORECASE)),
    ("footer", re.compile(r"^\s*(sponsor|sponsored by)\s*[:：]", re.IGNORECASE)),
    # links to the site's other stories: "Next: …", 上一篇：…
    ("related", re.compile(r"^\s*(next( article| story)?|previous( article| story)?|prev|上一篇|下一篇|上一条|下一条)"
                           r"\s*[:：]", re.IGNORECASE)),
]


@dataclass
class Removed:
    """One removed line: its 1-based ``line`` in the raw text, the ``text`` and the
    ``reason`` (contact, share, editor/source, dateline, summary, caption, footer,
    related, tail, repeated)."""

    line: int
    text: str
    reason: str

    def to_dict(self) -> dict:
        """Return the removed line as a plain dict."""
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass
class Cleaned:
    """The cleaned ``text`` (kept lines joined by newlines) and what was ``removed``."""

    text: str
    removed: list[Removed] = field(default_factory=list)


def clean_text(raw: str) -> Cleaned:
    """Return the article text without page furniture, and the removed lines.

    >>> c = clean_text("Title\\n\\nBody text.\\nEditor: Li\\nShare to:\\nContact us\\nTel: 123")
    >>> c.text
    'Title\\n\\nBody text.'
    >>> [r.reason for r in c.removed]
    ['editor/source', 'share', 'tail', 'tail']
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    removed: list[Removed] = []
    seen_short: set[str] = set()
    tail = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if tail:
            if stripped:
                removed.append(Removed(number, stripped, "tail"))
            continue
        if not stripped:
            kept.append("")
            continue
        if _TAIL.match(stripped):
            tail = True
            removed.append(Removed(number, stripped, "tail"))
            continue
        # an address under a winning bidder's line places the winner; other addresses are contact details
        under_winner = bool(kept) and lx.BID_WINNER_LINE.match(kept[-1]) is not None \
            and lx.ADDRESS_LINE.match(stripped) is not None
        reason = None if under_winner else next((why for why, rule in _LINE_RULES if rule.search(stripped)), None)
        if reason is None and len(stripped) < 60 and stripped in seen_short:
            reason = "repeated"
        if reason is not None:
            removed.append(Removed(number, stripped, reason))
            continue
        if len(stripped) < 60:
            seen_short.add(stripped)
        kept.append(line.rstrip())
    text = "\n".join(kept).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return Cleaned(text=text, removed=removed)
