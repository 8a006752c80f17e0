"""Numbers and dates in article text: money amounts normalised to units (62.3
billion yuan, 623亿元, 3.5万元), deal and participant counts, and dates resolved
against the article's dateline."""

from __future__ import annotations

import datetime as dt
import re
from chaingraph.extract.cues import cued

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_EN_DATE = re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?!\d)")
_EN_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"(?:,?\s+(\d{4}))?")
_NUM_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_ZH_DATE = cued(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(r"\bon (" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\bin (\d{4})\b|(?<!\d)(\d{4})年(?!\d{1,2}月)")


def find_dates(text: str) -> list[tuple[int, int | None, int, int]]:
    """Return ``(position, year or None, month, day)`` for each date in ``text``.

    >>> [d[1:] for d in find_dates("On March 30, and on November 12, 2020; 2024年4月18日")]
    [(None, 3, 30), (2020, 11, 12), (2024, 4, 18)]
    """
    out = []
    for m in _EN_DATE.finditer(text):
        out.append((m.start(), int(m.group(3)) if m.group(3) else None, _MONTHS[m.group(1).lower().rstrip(".")],
                    int(m.group(2))))
    for m in _EN_DATE_DMY.finditer(text):
        if not any(p <= m.start() < p + 20 for p, *_ in out):
            out.append((m.start(), int(m.group(3)) if m.group(3) else None,
                        _MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1))))
    for m in _NUM_DATE.finditer(text):
        out.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _ZH_DATE.finditer(text):
        out.append((m.start(), int(m.group(1)) if m.group(1) else None, int(m.group(2)), int(m.group(3))))
    return sorted(d for d in out if 1 <= d[2] <= 12 and 1 <= d[3] <= 31)


_ZH_DAY = re.compile(r"(?<![\d月])(\d{1,2})\s*日(?![\d])")


def day_only_date(text: str, dateline: dt.date | None) -> str | None:
    """Return the date of a Chinese "17日" (day without month) in ``text``: that day
    in the dateline's month, or the month before when it would fall after the dateline.

    >>> day_only_date("本报讯 17日，大会开幕", dt.date(2024, 5, 18)), day_only_date("28日开幕", dt.date(2024, 5, 2))
    ('2024-05-17', '2024-04-28')
    """
    m = _ZH_DAY.search(text)
    if not m or dateline is None:
        return None
    day = int(m.group(1))
    year, month = dateline.year, dateline.month
    if day > dateline.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dateline(value: str | None) -> dt.date | None:
    """Return the full date in ``value`` (any format this module reads), or None.

    >>> parse_dateline("09:15, June 3, 2023 | Source: x"), parse_dateline("Release Time:2022/11/08 10:30")
    (datetime.date(2023, 6, 3), datetime.date(2022, 11, 8))
    """
    if not value:
        return None
    for _pos, year, month, day in find_dates(value):
        if year:
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    return None


def resolve_date(year: int | None, month: int, day: int, dateline: dt.date | None,
                 fallback_year: int | None = None, weekday_of: dt.date | None = None) -> str:
    """Return an ISO date: the year given, else the dateline's year (the year before
    when the date would fall more than a month after the dateline), else
    ``fallback_year``, else ``--MM-DD``.

    >>> resolve_date(None, 11, 12, dt.date(2021, 1, 17)), resolve_date(None, 3, 30, None)
    ('2020-11-12', '--03-30')
    """
    if year is None and dateline is not None:
        year = dateline.year
        try:
            if dt.date(year, month, day) - dateline > dt.timedelta(days=31):
                year -= 1
        except ValueError:
            pass
    if year is None:
        year = fallback_year
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def weekday_date(text: str, dateline: dt.date | None) -> str | None:
    """Return the date of "on Wednesday" in ``text``: the latest such weekday on or
    before the dateline, or None."""
    m = _WEEKDAY_RE.search(text)
    if not m or dateline is None:
        return None
    target = _WEEKDAYS.index(m.group(1).lower())
    delta = (dateline.weekday() - target) % 7
    return (dateline - dt.timedelta(days=delta)).isoformat()


def only_year(text: str) -> int | None:
    """Return the year of "in 2020" / "2020年" phrases when they name exactly one year."""
    years = {int(a or b) for a, b in _IN_YEAR.findall(text)}
    years = {y for y in years if 1990 <= y <= 2100}
    return years.pop() if len(years) == 1 else None


_SCALE_EN = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6, "bln": 1e9}
_SCALE_ZH = {"万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "十亿": 1e9, "百亿": 1e10, "千亿": 1e11,
             "万亿": 1e12}
_AMOUNT_EN = re.compile(
    r"(?:(RMB|CNY|US\$|USD|\$|¥)\s*)?(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|mln|bln)?\s*"
    r"(yuan|RMB|CNY|U\.S\. dollars|US dollars|dollars|USD)?", re.IGNORECASE)
_AMOUNT_ZH = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)?\s*(元|美元|人民币)")


def find_amounts(text: str) -> list[tuple[int, float, str]]:
    """Return ``(position, value in units, currency)`` for each money amount.

    >>> [a[1:] for a in find_amounts("a total of 62.3 billion yuan, 623亿元 and 3.5万元, US$2 million")]
    [(62300000000.0, 'CNY'), (62300000000.0, 'CNY'), (35000.0, 'CNY'), (2000000.0, 'USD')]
    """
    out = []
    for m in _AMOUNT_EN.finditer(text):
        pre, num, scale, unit = m.group(1), m.group(2), m.group(3), m.group(4)
        if not (pre or unit):
            continue
        value = float(num.replace(",", "")) * (_SCALE_EN[scale.lower()] if scale else 1)
        cur = "USD" if ((pre or "").upper() in ("US$", "USD", "$") or "dollar" in (unit or "").lower()
                        or (unit or "").upper() == "USD") else "CNY"
        out.append((m.start(), round(value, 2), cur))
    for m in _AMOUNT_ZH.finditer(text):
        value = float(m.group(1).replace(",", "")) * (_SCALE_ZH[m.group(2)] if m.group(2) else 1)
        out.append((m.start(), round(value, 2), "USD" if m.group(3) == "美元" else "CNY"))
    return sorted(out)


_DEAL_EN = re.compile(r"(?<![\d.])(\d[\d,]*)\s+(?:[A-Za-z-]+\s+){0,6}?(projects|agreements|contracts|deals|"
                      r"cooperation projects|investment projects)\b", re.IGNORECASE)
_DEAL_ZH = re.compile(r"(?:签约|签下|签署|签订)[^。，,；]{0,8}?(?:项目|协议|合同)?\s*(\d+)\s*(?:个|项|份)|(\d+)\s*(?:个|项|份)[^。，,；]{0,8}?"
                      r"(?:项目|协议|合同)")
_PART_EN = re.compile(r"(?:(more than|over|nearly|about|around|some|almost)\s+)?(?<![\d.])(\d[\d,]*)\+?\s+"
                      r"(?:[A-Za-z-]+\s+){0,4}?(companies|enterprises|firms|guests|participants|representatives|"
                      r"exhibitors|businesses|delegates|attendees|people|suppliers)\b", re.IGNORECASE)
_PART_ZH = re.compile(r"(\d+)\s*(?:余|多)?\s*(家|位|名|人)(?:[^。，,；]{0,6}?)(企业|嘉宾|代表|客商|单位|厂商)?")
_COMPANY_WORDS = {"companies", "enterprises", "firms", "exhibitors", "businesses", "suppliers", "家", "企业",
                  "单位", "厂商"}
_SIGN_WORDS = re.compile(r"sign|签", re.IGNORECASE)
_PART_WORDS = re.compile(r"attend|particip|took part|take part|present|invited|gather|drew|join|参加|出席|参会|"
                         r"与会|参与|齐聚|参展|汇聚|邀请", re.IGNORECASE)


def deal_count(sentence: str) -> int | None:
    """Return the number of projects or agreements signed in ``sentence``, or None.

    >>> deal_count("At the ceremony 17 parts procurement projects were signed by the makers")
    17
    >>> deal_count("现场签约项目23个")
    23
    """
    if not _SIGN_WORDS.search(sentence):
        return None
    for m in _DEAL_ZH.finditer(sentence):
        return int(m.group(1) or m.group(2))
    for m in _DEAL_EN.finditer(sentence):
        return int(m.group(1).replace(",", ""))
    return None


def deal_amount(sentence: str) -> tuple[float, str] | None:
    """Return ``(value, currency)`` of the money in a sentence about signing or
    investment, or None."""
    if not re.search(r"sign|worth|amount|invest|total|value|deal|签|金额|投资|总额", sentence, re.IGNORECASE):
        return None
    amounts = [a for a in find_amounts(sentence) if a[1] >= 1000]
    if not amounts:
        return None
    best = max(amounts, key=lambda a: a[1])
    return best[1], best[2]


def participant_count(sentence: str) -> tuple[int, str] | None:
    """Return ``(count, "companies" | "guests")`` when ``sentence`` says how many
    took part, or None.

    >>> participant_count("Over 150 companies from several provinces took part in the fair")
    (150, 'companies')
    """
    if not _PART_WORDS.search(sentence):
        return None
    for m in _PART_EN.finditer(sentence):
        value = int(m.group(2).replace(",", ""))
        if value >= 2:
            return value, "companies" if m.group(3).lower() in _COMPANY_WORDS else "guests"
    for m in _PART_ZH.finditer(sentence):
        value = int(m.group(1))
        if value >= 2:
            kind = m.group(3) or m.group(2)
            return value, "companies" if kind in _COMPANY_WORDS else "guests"
    return None
