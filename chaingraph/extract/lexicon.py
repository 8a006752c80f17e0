"""Word lists the extractor works from: organisation head words, role words,
event words, participation and signing verbs, and the chain gazetteer (English and
Chinese surface forms of industrial chains)."""

from __future__ import annotations

import re
from chaingraph.extract.cues import cued

FIRM_HEADS = {"co", "company", "corporation", "corp", "ltd", "limited", "inc", "incorporated", "group",
              "holdings", "holding", "llc", "plc", "gmbh", "ag", "bank", "branch", "cooperative", "co-op",
              # European legal forms (Swedish AB, Dutch BV and NV, Finnish Oy, Italian SpA and Srl, French SARL and SAS)
              "ab", "bv", "nv", "oy", "oyj", "spa", "srl", "sarl", "sas"}
AGENCY_HEADS = {"ministry", "bureau", "department", "commission", "committee", "council", "office",
                "government", "administration", "agency", "section", "division", "association",
                "federation", "chamber", "academy", "institute", "congress", "procuratorate", "court"}
ALLIANCE_HEADS = {"alliance", "consortium"}
CLUSTER_HEADS = {"park", "zone", "cluster", "base", "valley"}
EVENT_HEADS = {"forum", "summit", "conference", "meeting", "symposium", "seminar", "fair", "expo",
               "exposition", "exhibition", "convention", "week", "festival", "roadshow", "ceremony",
               "activity", "competition", "contest", "salon", "matchmaking", "workshop", "assembly", "session"}
#: Last words of a facility, not a body ("Baihetan Hydropower Station of X", "X Project of Y"):
#: its owner is named after "of".
FACILITY_HEADS = frozenset("project projects station stations plant plants mine mines factory factories".split())
#: Heads that take an "of ..."/"for ..." complement inside the name (Ministry of X).
COMPLEMENT_HEADS = {"ministry", "bureau", "department", "commission", "office", "administration",
                    "academy", "institute", "section", "division", "association", "federation",
                    "chamber", "corporation", "bank", "branch", "committee", "council", "agency", "government"}
#: Words that name a person's role; "<role> of [the] X" leaves X.
ROLE_WORDS = {"secretary", "manager", "director", "chairman", "chairwoman", "chair", "president",
              "governor", "mayor", "minister", "vice", "deputy", "representatives", "representative",
              "member", "members", "head", "chief", "engineer", "officer", "spokesperson", "leader",
              "leaders", "executive", "general", "founder", "ceo", "cto", "cfo", "party", "principal",
              "dean", "professor", "academician", "expert", "experts", "staff", "person", "persons",
              "spokespersons", "researcher", "partner", "employees"}
#: Capitalised words that do not start an organisation name.
LEADING_DROP = {"the", "a", "an", "on", "in", "at", "also", "under", "from", "with", "by", "for", "this",
                "that", "these", "those", "its", "their", "our", "his", "her", "according", "meanwhile",
                "besides", "mr", "ms", "dr", "and", "of", "to", "as", "after", "before", "during", "since",
                "so", "far", "while", "when", "recently", "today", "yesterday", "last", "next", "both",
                "all", "every", "each", "some", "many", "more", "most", "several", "other", "such",
                "however", "moreover", "furthermore", "then", "here", "there", "we", "it", "they",
                "he", "she", "january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday", "officials", "official", "said", "says",
                "hence", "thus", "therefore", "please", "focus", "focusing", "take", "now", "currently", "still",
                "soon", "previously", "later", "earlier", "again", "finally", "eventually", "initially"}
CONNECTORS = {"of", "and", "for", "&", "the", "de"}
#: Countries by their English names, as news writes them before a firm ("Thailand's X", "a German maker").
COUNTRIES = frozenset("""Germany France Italy Spain Portugal Netherlands Belgium Switzerland Austria Sweden Norway
Denmark Finland Poland Hungary Czechia Slovakia Romania Greece Turkey Russia Ukraine Britain England Scotland Ireland
Japan Korea Vietnam Cambodia Thailand Laos Myanmar Malaysia Singapore Indonesia Philippines India Pakistan Bangladesh
Australia Canada Mexico Brazil Argentina Chile Peru Colombia Egypt Morocco Nigeria Kenya Ethiopia Tanzania
Serbia Kazakhstan Uzbekistan Mongolia Iran Iraq Israel Qatar Oman Kuwait Jordan""".split()) | {
    "South Korea", "North Korea", "the United States", "United States", "the US", "the U.S.", "the UK", "U.S.",
    "the United Kingdom", "United Kingdom", "New Zealand", "South Africa", "Saudi Arabia", "the UAE", "USA",
    "the Czech Republic", "Sri Lanka", "the Netherlands"}
#: Last words of firm names written without a legal form ("Sany Heavy Industry").
INDUSTRY_HEADS = {"industry", "industries", "motor", "motors", "steel", "electric", "electronics", "technology",
                  "technologies", "pharmaceutical", "pharmaceuticals", "chemical", "chemicals", "machinery",
                  "automobile", "aluminum", "aluminium", "energy", "power", "materials", "semiconductor", "solar",
                  "lithium", "hydraulic", "hydraulics", "equipment", "intelligent", "auto", "heavy", "battery",
                  "batteries", "mining", "metals", "optoelectronics", "microelectronics", "robotics", "logistics",
                  "beverage", "beverages", "food", "foods", "packaging", "textile", "textiles", "apparel", "plastics",
                  "ceramics", "composites", "optics", "biotech", "instruments", "tools"}

EVENT_WORD_RE = re.compile(r"\b(" + "|".join(sorted(EVENT_HEADS | {"meetings", "conferences", "forums",
                                                                    "activities", "fairs", "summits"})) + r")\b",
                           re.IGNORECASE)

PARTICIPATE_RE = re.compile(
    r"\b(attend(ed|s|ing)?|participat(e|ed|es|ing)|participants|signing (enterprises|companies|firms|parties)|"
    r"took part|take part|taking part|(were|was) present|"
    r"present at|also present|deliver(ed|s)? (a )?speech(es)?|(made|gave|give|gives) (a )?speech(es)?|"
    r"spoke at|addressed|presided|join(ed)? the (meeting|forum|conference|summit|event)|invited|"
    r"representatives? of|interviews? with|in his speech|in her speech|speech(es)?|"
    r"made (a )?presentations?|exhibit(ed|ors?)|presented|showcased|displayed|introduced|"
    r"(at|during) the (conference|forum|summit|fair|meeting|expo|event|ceremony|exhibition|symposium|seminar))\b",
    re.IGNORECASE)
ORGANIZE_BY_RE = cued(
    r"\b((jointly |co-)?(organi[sz]ed|hosted|sponsored|convened|held|undertaken|launched|initiated)"
    r"( jointly)? by)\b", re.IGNORECASE)
ORGANIZE_ACTIVE_RE = re.compile(
    r"\b(held|hosts?|hosted|organi[sz]ed|organi[sz]es|convened|convenes|staged|sponsored|launched|co-hosted)\b",
    re.IGNORECASE)
SIGN_RE = re.compile(r"\bsign(ed|s|ing)?\b|\bink(ed|s|ing)?\b|\bagree(d|s)?(?= with\b)", re.IGNORECASE)
SUPPLY_RE = cued(r"\b(supplies|supplied|supplying|provides|provided|delivers|delivered|will supply)\b",
                 re.IGNORECASE)
# buying together (统一采购协议, "joint procurement agreement"): the signers are all buyers,
# so the agreement says nothing of who supplies whom
JOINT_PURCHASE_RE = re.compile(r"(?:统一|联合|共同|集体)(?:采购|采买|订购)|\b(?:joint|collective|pooled|group) "
                               r"(?:purchas|procure|buying)", re.IGNORECASE)
MEMBER_RE = re.compile(r"\b(join(ed|s)?|members?|membership|founding members?)\b", re.IGNORECASE)
ESTABLISH_RE = re.compile(r"\b(establish(ed|ment)?|found(ed)?|set up|launch(ed)?|inaugurat(ed|ion)|form(ed)?)\b",
                          re.IGNORECASE)

ZH_PARTICIPATE = ("参加", "出席", "参会", "参与", "致辞", "讲话", "发言", "参展", "与会", "代表", "会上", "现场",
                  "开幕式上", "签约仪式上", "亮相", "展示", "推介")
ZH_ORGANIZE = ("主办", "承办", "举办", "召开", "举行", "组织", "协办", "联合主办", "牵头")
ZH_SIGN = ("签订", "签署", "签约", "签下")
# 签约 naming a ceremony (出席签约仪式) is no one's signing
_ZH_SIGN_AS_VERB = tuple(re.compile(w + r"(?!仪式|大会|活动|现场)") for w in ZH_SIGN)


def zh_sign_at(clause: str) -> int:
    """Where the first of :data:`ZH_SIGN` (in that order) that is a verb stands in
    ``clause``, -1 when none does.

    >>> zh_sign_at("A与B签约"), zh_sign_at("负责人出席签约仪式")
    (3, -1)
    """
    for verb in _ZH_SIGN_AS_VERB:
        found = verb.search(clause)
        if found:
            return found.start()
    return -1
ZH_SUPPLY = ("供应", "供货", "提供", "配套")
ZH_MEMBER = ("加入", "成员", "会员")

#: Chain gazetteer: canonical English name -> surface forms (English, Chinese).
CHAINS: dict[str, tuple[str, ...]] = {
    "construction machinery": ("construction machinery", "engineering machinery", "工程机械"),
    "aluminum": ("aluminum", "aluminium", "electrolytic aluminum", "铝", "铝业", "铝加工", "电解铝"),
    "building materials": ("building materials", "建材", "建筑材料"),
    "prefabricated construction": ("prefabricated construction", "prefabricated buildings",
                                   "prefabricated building", "construction industrialization",
                                   "building industrialization", "industrialization of construction",
                                   "industrialization of buildings", "装配式建筑", "建筑工业化"),
    "automobile": ("automobile", "automobiles", "automotive parts", "automotive", "auto industry", "auto parts", "汽车",
                   "汽车零部件"),
    "commercial vehicles": ("commercial vehicles", "commercial vehicle", "商用车"),
    "new energy vehicles": ("new energy vehicles", "new energy vehicle", "new-energy vehicles", "NEV",
                            "新能源汽车"),
    "steel": ("iron and steel", "steel industry", "steel", "钢铁"),
    "semiconductors": ("semiconductors", "semiconductor", "integrated circuits", "integrated circuit",
                       "chips", "集成电路", "半导体", "芯片"),
    "photovoltaics": ("photovoltaics", "photovoltaic", "solar PV", "光伏"),
    "lithium batteries": ("lithium batteries", "lithium battery", "power batteries", "power battery",
                          "锂电池", "动力电池", "锂电"),
    "biomedicine": ("biomedicine", "biomedical", "biopharmaceuticals", "biopharmaceutical", "生物医药"),
    "textiles": ("textiles", "textile", "纺织", "纺织服装"),
    "electronic information": ("electronic information", "电子信息"),
    "rail transit equipment": ("rail transit equipment", "rail transit", "轨道交通装备", "轨道交通"),
    "aerospace": ("aerospace", "aviation", "航空航天", "航空"),
    "petrochemicals": ("petrochemicals", "petrochemical", "石油化工", "石化"),
    "new materials": ("new materials", "advanced materials", "新材料"),
    "hydrogen energy": ("hydrogen energy", "hydrogen", "氢能"),
    "artificial intelligence": ("artificial intelligence", "人工智能"),
    "wind power": ("wind power", "风电"),
    "energy storage": ("energy storage", "储能"),
    "copper": ("copper",),
    "rare earths": ("rare earths", "rare earth", "稀土"),
    "nonferrous metals": ("nonferrous metals", "non-ferrous metals", "有色金属"),
    "ceramics": ("ceramics", "陶瓷"),
    "furniture": ("furniture", "家具"),
    "home appliances": ("home appliances", "household appliances", "家电"),
    "robotics": ("robotics", "industrial robots", "robots", "机器人"),
    "shipbuilding": ("shipbuilding", "船舶"),
    "food processing": ("food processing", "食品加工", "食品"),
    "tea": ("tea industry", "tea", "茶叶", "茶产业"),
    "software": ("software and information services", "software", "软件"),
    "display panels": ("display panels", "new display", "新型显示"),
    "medical devices": ("medical devices", "medical equipment", "医疗器械"),
    "chemicals": ("fine chemicals", "化工"),
    "machine tools": ("machine tools", "machine tool", "CNC machine tools", "机床", "数控机床"),
}

#: More chains, taken only before "industry"/"sector"/"chain" (产业/行业/产业链) or in an
#: event, alliance or cluster name: as bare words they are too common.
WEAK_CHAINS: dict[str, tuple[str, ...]] = {
    "equipment manufacturing": ("equipment manufacturing", "装备制造"),
    "agricultural machinery": ("agricultural machinery", "农机", "农业机械"),
    "pharmaceuticals": ("pharmaceutical", "pharmaceuticals", "医药"),
    "apparel": ("apparel", "garment", "服装"),
    "electronics": ("electronics", "electronic", "电子"),
    "optical communication": ("optical communication", "光通信"),
    "big data": ("big data", "大数据"),
    "industrial internet": ("industrial internet", "工业互联网"),
    "drones": ("drone", "drones", "unmanned aerial vehicle", "无人机"),
    "low-altitude economy": ("low-altitude economy", "低空经济"),
    "satellites": ("satellite", "commercial aerospace", "卫星", "商业航天"),
    "nuclear power": ("nuclear power", "核电"),
    "coal": ("coal", "煤炭"),
    "coal chemicals": ("coal chemical", "煤化工"),
    "graphene": ("graphene", "石墨烯"),
    "titanium": ("titanium", "钛", "钛材"),
    "lithium": ("lithium", "锂"),
    "cement": ("cement", "水泥"),
    "glass": ("glass", "玻璃"),
    "paper": ("paper", "papermaking", "造纸"),
    "liquor": ("liquor", "baijiu", "白酒"),
    "dairy": ("dairy", "乳业"),
    "seeds": ("seed", "种业"),
    "aquaculture": ("aquaculture", "水产"),
    "cultural tourism": ("cultural tourism", "tourism", "文旅", "文化旅游"),
    "logistics": ("logistics", "cold chain logistics", "物流", "冷链物流"),
    "e-commerce": ("e-commerce", "电商", "电子商务"),
    "motorcycles": ("motorcycle", "motorcycles", "摩托车"),
    "power equipment": ("power equipment", "power transmission and transformation", "电力装备", "输变电"),
    "cables": ("wire and cable", "电线电缆"),
    "consumer electronics": ("consumer electronics", "消费电子"),
    "computing power": ("computing power", "算力"),
    "intelligent manufacturing": ("intelligent manufacturing", "smart manufacturing", "智能制造"),
    "additive manufacturing": ("additive manufacturing", "3D printing", "增材制造"),
    "instruments": ("instruments and meters", "仪器仪表"),
    "bearings": ("bearing", "bearings", "轴承"),
    "molds": ("mold", "mould", "模具"),
    "castings": ("casting", "foundry", "铸造"),
    "LED lighting": ("LED", "lighting", "照明"),
    "cosmetics": ("cosmetics", "化妆品"),
    "traditional Chinese medicine": ("traditional Chinese medicine", "中医药", "中药"),
    "health": ("big health", "大健康"),
    "hydraulic components": ("hydraulic components", "hydraulics", "液压"),
    "auto parts": ("auto parts", "automotive parts", "汽车零部件"),
    "new energy": ("new energy", "新能源"),
    "silicon": ("polysilicon", "silicon", "多晶硅", "硅"),
    "prepared dishes": ("prepared dishes", "prepared food", "pre-made dishes", "预制菜"),
}

#: Words that stop the backward walk collecting a chain name before "industry chain".
CHAIN_STOP = {"the", "a", "an", "of", "in", "on", "for", "to", "at", "by", "with", "from", "this", "that",
              # counts ("the two chains"), never a trade
              "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "our", "its", "their", "whole", "entire", "key", "related", "relevant", "main", "modern", "existing",
              "state", "provincial", "municipal", "city", "local", "national", "international", "global",
              "development", "industrial", "industry", "industries", "chain", "chains", "supply", "value",
              "upstream", "downstream", "new", "major", "important", "leading", "advantageous",
              "characteristic", "strategic", "emerging", "traditional", "various", "all", "both",
              "each", "every", "several", "many", "some", "such", "these", "those", "into", "across",
              "annual", "summit", "forum", "conference", "meeting", "is", "are", "was", "were", "be",
              "as", "and", "or", "enterprises", "firms", "companies", "promote", "build", "strengthen",
              "develop", "improve", "extend", "around", "focus", "focusing", "along", "cooperation",
              "alliance", "cluster", "clusters", "innovation", "ecology", "docking", "quality",
              "high-quality", "high", "end", "high-end", "intelligent", "green", "entrepreneurs",
              "cz", "czt", "holds", "held", "hosts", "hosted", "launches", "launched", "signs", "signed",
              "opens", "opened", "promotes", "boost", "boosts", "supports", "attract", "attracts", "builds",
              "joins", "joined", "forms", "formed", "makers", "said", "says", "will", "would", "can", "has",
              "have", "had", "it", "we", "they", "which", "who", "where", "what", "how", "more", "than",
              "greater", "area", "region", "zone", "park", "fifth", "first", "second", "third", "fourth",
              "up", "sets", "establishes", "established", "founds", "founded", "unveils", "unveiled", "starts"}


#: The legal forms a Chinese registered name ends in (股份有限公司, 有限责任公司, 有限公司).
ZH_LEGAL_FORM = r"(?:股份)?有限(?:责任)?公司"

#: the label of a bid notice's winner line ("Winning bidder:", 中标人：) and of an address line;
#: the cleaner keeps an address under a winner, which places it (bid_notices.py)
BID_WINNER_LINE = re.compile(r"\s*(?:winning (?:bidder|supplier|tenderer|candidate)|successful (?:bidder|tenderer)|"
                             r"selected supplier|awarded (?:to|supplier)|中标人|中标单位|中标供应商|成交供应商|成交单位|"
                             r"第一中标候选人)\s*[:：]", re.IGNORECASE)
ADDRESS_LINE = re.compile(r"\s*(?:address|registered address|地址|注册地址)\s*[:：]", re.IGNORECASE)
