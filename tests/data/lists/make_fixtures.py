"""Write the list fixtures of tests/ingest/test_lists.py (run once; the files are
committed): the same kind of firm list in GB18030, GBK and UTF-8 with a BOM, an
Excel workbook with two sheets, a custom layout with its mapping, broken rows,
relation lists and JSON Lines. Firm data is made up except for well-known listed
firms' public names, codes and cities."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write(name: str, text: str, encoding: str) -> None:
    """Write ``text`` to ``name`` in ``encoding`` with CRLF line ends kept as given."""
    (HERE / name).write_bytes(text.encode(encoding))


def main() -> None:
    """Write every fixture."""
    # GB18030: a name with characters GBK lacks (4-byte sequences); Chinese headers.
    write("lists_gb18030.csv",
          "企业名称,简称,统一社会信用代码,所在城市,注册地址,细分领域,主营产品,供应商\r\n"
          "湖南𠀾䶮精工机械有限公司,𠀾䶮精工,91430100MA4L0000X1,株洲,,液压件,液压阀,\r\n"
          "三一重工股份有限公司,三一重工,,长沙,,工程机械整机,挖掘机,𠀾䶮精工;恒立液压;湘江未名配套厂\r\n"
          "江苏恒立液压股份有限公司,恒立液压,,,江苏省常州市武进区,液压件,液压油缸,\r\n",
          "gb18030")
    # GBK, with a title line above the header, as bureaus' lists often have.
    write("lists_gbk.csv",
          "长沙市工程机械产业链重点企业名单（2024）\r\n"
          "序号,公司名称,证券代码,省份,城市,产业链,环节,所属园区\r\n"
          "1,中联重科股份有限公司,000157,湖南,长沙,工程机械,工程机械整机,长沙高新区\r\n"
          "2,山河智能装备股份有限公司,002097,湖南,长沙,工程机械,工程机械整机,长沙经开区\r\n"
          "3,湖南华联瓷业股份有限公司,001216,,,陶瓷,日用陶瓷,\r\n",
          "gbk")
    # UTF-8 with a BOM and English headers; suppliers by short English names.
    write("lists_utf8_bom.csv",
          "Company Name,Short Name,Stock Code,Province,City,Segment,Suppliers,Customers\n"
          "\"Sany Heavy Industry Co., Ltd.\",,600031,Hunan,Changsha,Construction machinery,Hengli;Weichai,\n"
          "\"Jiangsu Hengli Hydraulic Co., Ltd.\",Hengli,601100,Jiangsu,Changzhou,Hydraulics,,Zoomlion\n"
          "\"Weichai Power Co., Ltd.\",,000338,Shandong,Weifang,Engines,,\n",
          "utf-8-sig")
    # A layout no synonym knows, described by a mapping file.
    write("lists_custom_layout.csv",
          "单位,所在区域,代码,上家\n"
          "株洲齿轮有限责任公司,株洲市,91430200MA4Q0000Y2,湖南湘钢\n"
          "湖南湘钢,湘潭,,\n",
          "utf-8")
    write("lists_custom.mapping.toml",
          "# the layout of lists_custom_layout.csv\n"
          "[columns]\nname = \"单位\"\ncity = \"所在区域\"\ncredit_code = \"代码\"\nsuppliers = \"上家\"\n",
          "utf-8")
    # Bad rows among good ones: no name (4), wrong column count (5), undecodable byte
    # (6), a broken quote that is never closed (7); lines 8 and 9 are good.
    broken = ("name,city,segment\n"
              "湖南好企业一号有限公司,长沙,整机\n"
              "\"湖南好企业二号有限公司\",\"长沙\",\"整机\"\n"
              ",长沙,整机\n"
              "湖南多列企业有限公司,长沙,整机,多余,列\n").encode("utf-8")
    broken += "湖南坏字节企业有限公司,长".encode("utf-8") + b"\xff\xfe" + "沙,整机\n".encode("utf-8")
    broken += ("\"湖南断引号企业有限公司,长沙,整机\n"
               "湖南好企业三号有限公司,株洲,整机\n"
               "湖南好企业四号有限公司,湘潭,整机\n").encode("utf-8")
    (HERE / "lists_broken.csv").write_bytes(broken)
    # Relation lists: supply pairs, and an industry list with parents and upstream weights.
    write("lists_supply_pairs.csv",
          "供方,需方,权重\n恒立液压,三一重工股份有限公司,3\n未知钢厂,三一重工,1\n", "utf-8")
    write("lists_industries.tsv",
          "行业\t行业代码\t上级行业\t上游行业\t权重\n"
          "工程机械整机\t640601\t工程机械\t液压件;钢材\t2\n"
          "液压件\t640602\t工程机械\t钢材\t1\n"
          "工程机械\t640600\t机械设备\t\t\n", "utf-8")
    lines = [
        {"企业名称": "常州亚玛顿股份有限公司", "股票代码": "002623", "行业": "光伏辅材"},
        {"企业名称": "长沙未名新材料有限公司", "地址": "湖南省长沙市岳麓区麓谷大道1号", "行业": "新材料"},
        "not an object",
        {"企业名称": "Hunan Nonexistent Machinery Co., Ltd.", "行业": "工程机械整机"},
    ]
    write("lists_firms.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    excel()


def excel() -> None:
    """Write lists_firms.xlsx: a sheet of makers under a title row, a sheet of parts
    suppliers with numeric stock codes, and an empty sheet."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "整机"
    first.append(["湖南省工程机械企业"])
    first.append(["企业名称", "股票代码", "省份", "城市", "环节", "供应商"])
    first.append(["中联重科股份有限公司", "000157", "湖南", "长沙", "工程机械整机", "恒立液压"])
    first.append(["铁建重工", None, "湖南", "长沙", "隧道掘进机", None])
    second = book.create_sheet("配套")
    second.append(["公司全称", "证券简称", "证券代码", "所在地"])
    second.append(["江苏恒立液压股份有限公司", "恒立液压", 601100, "常州"])
    second.append(["潍柴动力股份有限公司", "潍柴动力", 338, "潍坊"])
    book.create_sheet("空")
    book.save(HERE / "lists_firms.xlsx")


if __name__ == "__main__":
    main()
