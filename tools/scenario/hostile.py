# -*- coding: utf-8 -*-
"""Hand-written hostile mentions for parser/renderer robustness tests.

Each entry: (created_at, author, author_name, lang, text, ascii_escape)
ascii_escape=True writes the line with \\uXXXX escapes only (exercises
surrogate-pair escapes in JSON); otherwise UTF-8 with only newline/tab/CR
and U+2028/U+2029 escaped.
"""
import unicodedata

NFD_GAETONG = unicodedata.normalize("NFD", "개통이 안 돼요")
NFD_BAESONG = unicodedata.normalize("NFD", "배송 조회")

LONG_TEXT = (
    "@desk_official 긴 글 테스트입니다. "
    + "".join(
        f"[{i:03d}] 배송이 아직 안 왔어요 & 개통도 안 돼요 <긴급> 🚚📦 "
        for i in range(1, 91)
    )
    + "끝."
)
# ~5,000 characters
while len(LONG_TEXT) < 5000:
    LONG_TEXT += " 진짜 끝이에요 ㅠㅠ"

ENTRIES = [
    ("2026-10-18T09:00:01+09:00", "nl_tester", "줄바꿈 테스터", "ko",
     "@desk_official 첫 줄\n둘째 줄\n\n넷째 줄 (빈 줄 포함)", False),
    ("2026-10-18T00:00:02Z", "tab_user", "Tab\tName", "en",
     "@desk_official col1\tcol2\tcol3\torder\t2026-10-17-0001", False),
    ("2026-10-17T19:00:03-05:00", "crlf_windows", "Windows User", "en",
     "@desk_official line one\r\nline two\r\nline three\r\n", False),
    ("2026-10-18T09:00:04+09:00", "zwj_family", "👨‍👩‍👧‍👦 가족계정", "und",
     "@desk_official 👨‍👩‍👧‍👦👩‍❤️‍💋‍👨🧑🏽‍🚀👩🏿‍🔬🏳️‍🌈🏳️‍⚧️🐻‍❄️", False),
    ("2026-10-18T09:00:05+09:00", "flags_only", "🇰🇷🇺🇸🇯🇵", "und",
     "🇰🇷🇺🇸🇯🇵🇮🇱🇸🇦🏴󠁧󠁢󠁳󠁣󠁴󠁿 @desk_official", False),
    ("2026-10-18T09:00:06+09:00", "skin_tones", "👍🏻👍🏼👍🏽👍🏾👍🏿", "und",
     "@desk_official 👋🏻👋🏼👋🏽👋🏾👋🏿 🤝🏻 🫱🏼‍🫲🏿", False),
    ("2026-10-18T00:00:07Z", "rtl_arabic", "مستخدم عربي", "en",
     "@desk_official my phone hasn't arrived \u200fلم يصل هاتفي بعد\u200f please help", False),
    ("2026-10-18T09:00:08+09:00", "rtl_hebrew", "משתמש", "en",
     "@desk_official \u202eevird siht daer\u202c and also שלום עולם with mixed 123 numbers", False),
    ("2026-10-18T09:00:09+09:00", "bidi_override", "\u202eevil_name", "und",
     "@desk_official file\u202egpj.exe\u202c \u2066isolate\u2069 \u200e\u200f", False),
    ("2026-10-18T09:00:10+09:00", "combining_zalgo", "Z̷a̸l̵g̶o̴", "en",
     "@desk_official H̶̡e̷̢͝l̸͈̍p̵̱̈ m̴͔̀e̵̙͆ e\u0301 vs \u00e9 and n\u0303 vs \u00f1", False),
    ("2026-10-18T09:00:11+09:00", "nfd_hangul", unicodedata.normalize("NFD", "자모분해"), "ko",
     "@desk_official " + NFD_GAETONG + " / composed: 개통이 안 돼요", False),
    ("2026-10-18T09:00:12+09:00", "nfd_search", "NFD 검색", "ko",
     NFD_BAESONG + "가 안 돼요 @desk_official (decomposed jamo: \u1100\u1161\u11a8)", False),
    ("2026-10-18T09:00:13+09:00", "amp_literal", "A&amp;B", "en",
     "@desk_official Tom &amp; Jerry &lt;3 &quot;quoted&quot; &#39;x&#39; &nbsp; stay literal", False),
    ("2026-10-18T09:00:14+09:00", "script_tag", "<b>bold name</b>", "und",
     "@desk_official <script>alert(1)</script>", False),
    ("2026-10-18T09:00:15+09:00", "img_onerror", "<img src=x onerror=alert(1)>", "und",
     "<img src=x onerror=alert(1)> @desk_official", False),
    ("2026-10-18T09:00:16+09:00", "quotes_bs", "\"Quoted\" \\Name\\", "en",
     "@desk_official he said \"it's 'fine'\" \\ C:\\Users\\desk\\new\\table \\n is not a newline", False),
    ("2026-10-18T09:00:17+09:00", "sqli", "Robert'); DROP TABLE", "en",
     "@desk_official '; DROP TABLE mention; -- and \" OR 1=1 --", False),
    ("2026-10-18T09:00:18+09:00", "very_long", "긴글러", "ko", LONG_TEXT, False),
    ("2026-10-18T09:00:19+09:00", "supp_cjk", "𠀀𠀁", "ko",
     "@desk_official 𠀀𠀁𠀂 𪚥 𩸽 supplementary-plane CJK, 𝄞 music, 😀 emoji", False),
    ("2026-10-18T09:00:20+09:00", "surrogate_esc", "Escaped 𠀀", "ko",
     "@desk_official escaped supplementary 𠀀 and 😀 and 👩‍💻 (written as \\u escapes)", True),
    ("2026-10-18T09:00:21+09:00", "line_sep", "LS\u2028PS\u2029", "en",
     "@desk_official before\u2028after line separator\u2029after paragraph separator", False),
    ("2026-10-18T09:00:22+09:00", "zero_width", "zero\u200bwidth", "ko",
     "@desk\u200b_official 배\u200b송 지\u200c연 \ufeff개통\u2060오류 (zero-width inside keywords)", False),
    ("2026-10-17T20:00:23-05:00", "nbsp_user", "NBSP\u00a0User", "en",
     "@desk_official\u00a0non\u00a0breaking\u3000ideographic space\u2003em space", False),
    ("2026-10-18T05:30:24+05:30", "ist_offset", "India Time", "en",
     "@desk_official posted from +05:30, parcel still not here", False),
    ("2026-10-18T00:00:25.123Z", "frac_seconds", "Millis", "en",
     "@desk_official timestamp with milliseconds", False),
    ("2026-10-18T09:00:26+09:00", "only_ws", "   ", "und",
     " \t \n ", False),
    ("2026-10-18T09:00:27+09:00", "rtl_in_korean", "아랍어 섞인 이름 ‏مرحبا‏", "ko",
     "@desk_official 개통 문의요 ‏شكرا جزيلا‏ 그리고 히브리어 ‏תודה רבה‏ 섞어서 써봤어요", False),
    ("2026-10-18T09:00:28+09:00", "cjk_punct", "「따옴표」", "ko",
     "@desk_official 「배송」『지연』〈긴급〉《공지》 … ‥ ・ ～ ￦27,500 ＆ ＜전각＞ ＂따옴표＂", False),
    ("2026-10-18T09:00:30+09:00", "markdown_md", "**bold**", "en",
     "@desk_official **bold** _it_ `code` [link](javascript:alert(1)) # heading | table |", False),
    ("2026-10-18T09:00:31+09:00", "url_weird", "URL 테스트", "ko",
     "@desk_official https://example.com/a?b=1&c=<2>&d=\"3\" javascript:alert(document.cookie) data:text/html,<h1>x</h1>", False),
    ("2026-10-18T09:00:32+09:00", "format_str", "%s%n%x{0}", "und",
     "@desk_official %s %d %n %x {0} ${user.home} {{7*7}} #{1+1} $(whoami) `id`", False),
    ("2026-10-18T09:00:33+09:00", "regex_bomb", "(a+)+$", "und",
     "@desk_official " + "a" * 60 + "! ((((((((((( [[[[ \\d{4}-\\d{2} .*.*.*", False),
    ("2026-10-18T09:00:34+09:00", "css_inject", "</style>", "en",
     "@desk_official </style><style>*{display:none}</style> -fx-background-color: red;", False),
    ("2026-10-18T09:00:35+09:00", "emoji_vs", "❤︎❤️", "und",
     "@desk_official ❤ ❤\ufe0e ❤\ufe0f ☺ ☺\ufe0f 1\ufe0f\u20e3 #\ufe0f\u20e3 keycaps", False),
    ("2026-10-18T09:00:36+09:00", "mixed_scripts", "Ελληνικά Кириллица", "en",
     "@desk_official Ελληνικά, Кириллица, हिन्दी, ไทย, 日本語, 中文, 한국어 in one post", False),
    ("2026-10-18T09:00:37+09:00", "homoglyph", "desk_οfficial", "en",
     "@desk_\u03bffficial (Greek omicron) @dеsk_official (Cyrillic e) – not the real account", False),
    ("2026-10-18T09:00:38+09:00", "xml_cdata", "<![CDATA[", "und",
     "@desk_official <![CDATA[ ]]> <?xml version=\"1.0\"?> <!-- comment --> &entity;", False),
    ("2026-10-18T09:00:39+09:00", "json_in_text", "{\"json\":true}", "und",
     "@desk_official {\"id\": \"1\", \"text\": \"nested\\\"json\", \"release_s\": -1}", False),
    ("2026-10-18T09:00:40+09:00", "hangul_filler", "\u3164", "ko",
     "@desk_official \u3164\u115f\u1160 Hangul filler chars and 텍스트", False),
    ("2026-10-18T09:00:41+09:00", "tag_chars", "tag\U000e0041\U000e0042", "und",
     "@desk_official invisible tag chars \U000e0068\U000e0069 and private use \ue000\U000f0000", False),
    ("2026-10-18T09:00:42+09:00", "many_mentions", "멘션폭탄", "ko",
     " ".join("@desk_official" for _ in range(30)) + " 답 좀!!!", False),
]
