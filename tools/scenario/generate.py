#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the CrisisDesk "launch weekend" demo data.

Writes (relative to the repository root):
  assets/scenarios/launch-weekend.jsonl         scenario mentions
  assets/scenarios/launch-weekend.labels.tsv    ground-truth categories
  assets/scenarios/README.md                    documentation with computed counts
  src/test/resources/triage/heldout.jsonl       400 labelled held-out mentions
  src/test/resources/triage/hostile.jsonl       hostile-text mentions

assets/scenarios/launch-weekend.categories.json is hand-maintained (not generated).

Usage:  python3 tools/scenario/generate.py            (from the repo root)
The output is fully determined by the seeds below.
"""
import bisect
import json
import sys
sys.dont_write_bytecode = True
import math
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

import bank_scenario as B  # noqa: E402
import bank_heldout as H  # noqa: E402
import hostile  # noqa: E402

SEED = 20261017
HELDOUT_SEED = 20261018
KST = timezone(timedelta(hours=9))
START = datetime(2026, 10, 17, 9, 0, 0, tzinfo=KST)
SPAN_S = 12 * 3600
OFFICIAL = "@desk_official"

CATEGORIES = [B.DELIVERY, B.ACTIVATION, B.FEE, B.REG, B.STOCK, B.PRAISE, B.SPAM, B.CC]
COUNTS = {B.DELIVERY: 714, B.ACTIVATION: 357, B.FEE: 333, B.REG: 286,
          B.STOCK: 190, B.PRAISE: 95, B.SPAM: 190, B.CC: 214}
HELDOUT_COUNTS = {B.DELIVERY: 120, B.ACTIVATION: 60, B.FEE: 56, B.REG: 48,
                  B.STOCK: 32, B.PRAISE: 16, B.SPAM: 32, B.CC: 36}

# Relative rate (mentions per minute, before scaling) as piecewise-linear
# points (hour after 09:00, rate). Shapes the story's bursts.
RATES = {
    B.DELIVERY: [(0, 11), (0.12, 10), (0.2, 1.5), (1.0, 1.3), (1.6, 1.4), (1.68, 5), (2.0, 6),
                 (2.5, 7.5), (2.95, 9), (3.0, 20), (3.5, 18), (3.55, 7), (4.3, 4), (6, 2.4),
                 (7.8, 2.4), (8.0, 3.4), (9.45, 3.4), (9.55, 1.2), (12, 0.5)],
    B.ACTIVATION: [(0, 0.4), (3, 0.5), (4.95, 0.8), (5.0, 7), (6.0, 7.5), (7.0, 6), (7.05, 2.0),
                   (9.5, 1.3), (12, 0.4)],
    B.FEE: [(0, 0), (2.45, 0), (2.5, 3), (3.0, 3), (4.4, 2.4), (4.5, 11), (5.0, 9), (5.05, 3),
            (7, 1.3), (9.5, 0.8), (12, 0.3)],
    B.REG: [(0, 9.5), (0.12, 8.5), (0.2, 2.2), (3, 1.7), (6, 1.2), (9, 1.5), (12, 0.7)],
    B.STOCK: [(0, 3), (0.17, 2.0), (0.95, 2.2), (1.0, 4.5), (2.0, 3.5), (3, 2.2), (5, 1.0),
              (9, 0.6), (12, 0.3)],
    B.PRAISE: [(0, 7), (0.15, 5), (0.3, 1.2), (2, 0.4), (9.45, 0.4), (9.55, 2.2), (10.6, 1.0),
               (12, 0.5)],
    B.SPAM: [(0, 2.5), (0.2, 1.0), (2.9, 1.0), (3.0, 2.0), (3.5, 2.0), (3.6, 1.0), (4.5, 2.0),
             (5.0, 2.0), (5.1, 1.0), (12, 0.7)],
    B.CC: [(0, 0.6), (1.7, 0.8), (3, 2.0), (7, 1.8), (10, 1.4), (12, 0.6)],
}

STORES_KO = ["강남역점", "홍대입구점", "수원역점", "부산 서면점", "대전 둔산점", "광주 상무점",
             "일산 라페스타점", "잠실점", "신촌점", "인천 구월점", "대구 동성로점", "청주 성안길점",
             "분당 서현점", "제주 노형점", "울산 삼산점", "창원 상남점", "전주 객사점"]
STORES_EN = ["Gangnam", "Hongdae", "Suwon Station", "Seomyeon", "Jamsil", "Sinchon", "Daejeon Dunsan",
             "Incheon Guwol", "Daegu Dongseongno", "Bundang"]
COLORS_KO = ["블루", "미드나잇 블랙", "실버", "라벤더", "세이지 그린", "블랙", "크림 화이트"]
COLORS_EN = ["blue", "midnight black", "silver", "lavender", "sage green", "cream white"]
CAPS = ["256GB", "512GB", "1TB", "256기가", "512기가", "512GB", "256GB"]
MODELS_KO = ["노바9", "노바9", "노바9 프로", "노바9 울트라", "노바 9", "Nova 9"]
MODELS_EN = ["Nova 9", "Nova 9", "Nova 9 Pro", "Nova 9 Ultra", "Nova9"]
FEES = ["27,500원", "2만7천5백원", "₩27,500", "27500원", "2만 7500원"]
COURIERS_KO = ["한빛택배", "스피드로지", "번개물류", "한빛택배"]
COURIERS_EN = ["Hanbit Express", "SpeedLogi", "Bungae Logistics"]
HUBS_KO = ["중부권 메가허브", "서부 물류센터", "동남권 허브", "중부 허브"]
HUBS_EN = ["central mega-hub", "west logistics centre", "southeast hub"]
FAKE_NAMES = ["홍길동", "김철수", "이영희", "박가상", "최예시", "정샘플", "강임시", "윤가명"]
FAKE_NAMES_EN = ["Jane Sample", "John Example", "Gil-dong Hong", "Test Kim"]
FAKE_CITY = ["가온시", "나래시", "다솜시", "서울 가상구", "부산 예시구"]
FAKE_ROAD = ["별빛로", "은하로", "솔바람길", "달무리로", "예시대로", "샘플로"]


def hangul_time(h, m, rng):
    style = rng.random()
    if style < 0.35:
        return f"{h}시 {m}분" if m else f"{h}시"
    if style < 0.6:
        hh = h - 12 if h > 12 else h
        ampm = "오후" if h >= 12 else "오전"
        return f"{ampm} {hh}시 {m}분" if m else f"{ampm} {hh}시"
    if style < 0.85:
        return f"{h}:{m:02d}"
    hh = h - 12 if h > 12 else h
    return f"{hh}시 반" if 25 <= m <= 35 else f"{hh}시"


def english_time(h, m, rng):
    hh = h - 12 if h > 12 else h
    suffix = "pm" if h >= 12 else "am"
    style = rng.random()
    if style < 0.4:
        return f"{hh}:{m:02d}{suffix}"
    if style < 0.7:
        return f"{h}:{m:02d}"
    return f"{hh}{suffix}" if m < 30 else f"{hh}:{m:02d} {suffix.upper()}"


def rand_url(rng, news=False):
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    token = "".join(rng.choice(alphabet) for _ in range(10))
    if news:
        return f"https://news.example.kr/article/202610{rng.randint(17, 18)}{rng.randint(10000, 99999)}"
    if rng.random() < 0.85:
        return f"https://t.co/{token}"
    return f"https://bit.example/{token[:6]}"


def fill(text, t_s, rng, day=17, base_hour=9):
    """Replace known {placeholders}; anything else in braces stays literal."""
    minutes = int(t_s // 60)
    h, m = base_hour + minutes // 60, minutes % 60
    t_h = t_s / 3600.0
    max_h = max(1, min(6, int(t_h - 0.7))) if base_hour == 9 else 6

    def rep(mo):
        k = mo.group(1)
        if k == "time":
            return hangul_time(h, m, rng)
        if k == "time_en":
            return english_time(h, m, rng)
        if k == "hours":
            return str(rng.randint(1, max_h))
        if k == "mins":
            return str(rng.choice([15, 20, 30, 40, 45, 50, 70, 90]))
        if k == "n":
            return str(rng.randint(2, 9))
        if k == "store":
            return rng.choice(STORES_KO)
        if k == "store_en":
            return rng.choice(STORES_EN)
        if k == "color":
            return rng.choice(COLORS_KO)
        if k == "color_en":
            return rng.choice(COLORS_EN)
        if k == "cap":
            return rng.choice(CAPS)
        if k == "model":
            return rng.choice(MODELS_KO)
        if k == "model_en":
            return rng.choice(MODELS_EN)
        if k == "order":
            return f"2026-10-{day:02d}-{rng.randint(0, 9999):04d}" if rng.random() < 0.8 else f"2026-10-{rng.randint(9, 16):02d}-{rng.randint(0, 9999):04d}"
        if k == "fee":
            return rng.choice(FEES)
        if k == "name":
            return rng.choice(FAKE_NAMES)
        if k == "name_en":
            return rng.choice(FAKE_NAMES_EN)
        if k == "addr":
            return f"{rng.choice(FAKE_CITY)} {rng.choice(FAKE_ROAD)} {rng.randint(1, 199)}, {rng.randint(101, 120)}동 {rng.randint(1, 25)}0{rng.randint(1, 4)}호"
        if k == "phone":
            return f"010-0000-{rng.randint(0, 9999):04d}" if rng.random() < 0.6 else f"010-****-{rng.randint(0, 9999):04d}"
        if k == "email":
            return f"{rng.choice(B.GIVEN_ROM)}{rng.randint(1, 99)}@example.com"
        if k == "courier":
            return rng.choice(COURIERS_KO)
        if k == "courier_en":
            return rng.choice(COURIERS_EN)
        if k == "hub":
            return rng.choice(HUBS_KO)
        if k == "hub_en":
            return rng.choice(HUBS_EN)
        if k == "url":
            return rand_url(rng)
        if k == "news":
            return rand_url(rng, news=True)
        if k == "ticket":
            return f"CS-{rng.randint(100000, 999999)}"
        return mo.group(0)

    return re.sub(r"\{([a-z_]+)\}", rep, text)


# ------------------------------------------------------------------ typos
TYPOS_KO = [
    ("안 와요", "않와요"), ("안 와요", "안와요"), ("안 왔어요", "않왔어요"), ("안 돼요", "안되요"),
    ("안 돼서", "안되서"), ("돼요", "되요"), ("됐어요", "됬어요"), ("됐는데", "됬는데"),
    ("어떡해요", "어떻해요"), ("개통이 안 돼요", "개통이안되요"), ("왔는데", "왔는대"),
    ("습니다", "습니당"), ("해주세요", "해주세여"), ("어요", "어여"), ("주세요", "주세용"),
    ("몇 시", "몇시"), ("할 수", "할수"), ("알려주세요", "알려주셈"), ("진짜", "ㄹㅇ"),
    ("그런데", "근데"), ("뭐예요", "뭐에요"), ("예요", "에요"), ("있나요", "있나여"),
    ("배송", "배숑"), ("기다리", "기달리"), ("괜찮", "갠찮"), ("않", "안"),
]
TYPOS_EN = [
    ("received", "recieved"), ("definitely", "definately"), ("it's", "its"), ("don't", "dont"),
    ("doesn't", "doesnt"), ("I'm", "im"), ("you", "u"), ("please", "pls"), ("your", "ur"),
    ("tomorrow", "tmrw"), ("because", "bc"), ("what", "wat"), ("delivery", "delievery"),
    ("activation", "activaton"), ("people", "ppl"), ("really", "rly"), ("until", "untill"),
    ("waiting", "wating"), ("cancel", "cancell"), ("address", "adress"), ("there", "their"),
]


def apply_typos(text, lang, rng):
    pairs = TYPOS_KO if lang == "ko" else TYPOS_EN
    cands = [p for p in pairs if p[0] in text]
    rng.shuffle(cands)
    for a, b in cands[: rng.randint(1, 2)]:
        pat = re.escape(a) if lang == "ko" else r"(?<![A-Za-z'])" + re.escape(a) + r"(?![A-Za-z'])"
        idx = [mo.start() for mo in re.finditer(pat, text)]
        if not idx:
            continue
        i = rng.choice(idx)
        text = text[:i] + b + text[i + len(a):]
    if lang == "en" and rng.random() < 0.35:
        text = text.lower()
    if lang == "ko" and rng.random() < 0.15:
        # collapse spaces in one stretch (people type fast)
        words = text.split(" ")
        if len(words) > 4:
            j = rng.randint(1, len(words) - 3)
            words[j:j + 3] = ["".join(words[j:j + 3])]
            text = " ".join(words)
    return text


# ------------------------------------------------------------------ authors
def make_handle(rng, used):
    while True:
        r = rng.random()
        g = rng.choice(B.GIVEN_ROM)
        s = rng.choice(B.SURNAMES_ROM)
        w = rng.choice(B.WORDS_EN)
        k = rng.choice(B.WORDS_ROM)
        if r < 0.14:
            h = f"{g}_{rng.randint(1, 999)}"
        elif r < 0.26:
            h = f"{s}{g}{rng.randint(80, 99) if rng.random() < 0.5 else rng.randint(0, 9)}"
        elif r < 0.38:
            h = f"{w}_{g}"
        elif r < 0.48:
            h = f"{w}{rng.choice(B.WORDS_EN)}{rng.randint(1, 99)}"
        elif r < 0.58:
            h = f"{k}_{w}"
        elif r < 0.66:
            h = f"{g}{s}"
        elif r < 0.72:
            h = f"_{k}{rng.randint(1, 9999)}"
        elif r < 0.78:
            h = f"{s.upper()}_{g.capitalize()}"
        elif r < 0.84:
            h = f"{w.capitalize()}{k.capitalize()}"
        elif r < 0.9:
            h = f"real_{g}{s}"
        elif r < 0.95:
            h = f"{g}{rng.choice(['_x', 'xx', '__', '_0', 'ssi', 'nim', '_kr', 'zzz'])}"
        else:
            h = f"user{rng.randint(10000000, 99999999)}"
        h = re.sub(r"[^A-Za-z0-9_]", "", h)[:15]
        if len(h) >= 4 and h.lower() not in used:
            used.add(h.lower())
            return h


def make_display_name(rng, handle, lang):
    r = rng.random()
    if lang == "en" and r < 0.55:
        first = rng.choice(B.EN_FIRST)
        style = rng.random()
        if style < 0.4:
            return f"{first} {rng.choice(B.SURNAMES_ROM).capitalize()}"
        if style < 0.6:
            return f"{first} {rng.choice(B.SURNAMES_ROM)[0].upper()}."
        if style < 0.8:
            return f"{first} {rng.choice(B.NAME_EMOJI)}"
        return f"✨{first.lower()}✨"
    if r < 0.35:
        return rng.choice(B.SURNAMES_KO) + rng.choice(B.GIVEN_KO)
    if r < 0.55:
        return rng.choice(B.GIVEN_KO) + rng.choice(B.NAME_EMOJI)
    if r < 0.72:
        nick = rng.choice(B.NICKS_KO)
        return nick if rng.random() < 0.6 else f"{nick} {rng.choice(B.NAME_EMOJI)}"
    if r < 0.8:
        return f"{rng.choice(B.NAME_EMOJI)} {rng.choice(B.GIVEN_KO)}"
    if r < 0.88:
        return handle.replace("_", " ").strip() or handle
    if r < 0.94:
        return f"{rng.choice(B.GIVEN_KO)} | {rng.choice(['노바9 대기중', '개통 대기', '택배 기다림', '직장인', '대학생', '육아중'])}"
    return f"{rng.choice(B.EN_FIRST)} {rng.choice(B.SURNAMES_KO)}{rng.choice(B.GIVEN_KO)}"


# ------------------------------------------------------------------ sampling
def sample_times(points, n, rng, lo=0.0, hi=SPAN_S):
    step = 10.0
    grid = [lo + i * step for i in range(int((hi - lo) / step))]

    def rate(ts):
        th = ts / 3600.0
        for (h0, r0), (h1, r1) in zip(points, points[1:]):
            if h0 <= th <= h1:
                return r0 + (r1 - r0) * (th - h0) / (h1 - h0) if h1 > h0 else r1
        return points[-1][1]

    cum, acc = [], 0.0
    for g in grid:
        acc += rate(g + step / 2)
        cum.append(acc)
    out = []
    for _ in range(n):
        u = rng.random() * acc
        i = bisect.bisect_left(cum, u)
        out.append(grid[i] + rng.random() * step)
    return out


def pick_window(entries, t_s):
    th = t_s / 3600.0
    ok = []
    for e in entries:
        if isinstance(e, tuple):
            if e[1] <= th < e[2]:
                ok.append(e[0])
        else:
            ok.append(e)
    return ok


# ------------------------------------------------------------------ composition
class Bank:
    """View over a sentence bank (scenario or held-out)."""

    def __init__(self, mod, heldout=False):
        self.heldout = heldout
        self.bodies = {
            ("ko", B.DELIVERY): mod.DELIVERY_KO, ("en", B.DELIVERY): mod.DELIVERY_EN,
            ("ko", B.ACTIVATION): mod.ACTIVATION_KO, ("en", B.ACTIVATION): mod.ACTIVATION_EN,
            ("ko", B.FEE): mod.FEE_KO, ("en", B.FEE): mod.FEE_EN,
            ("ko", B.REG): mod.REG_KO, ("en", B.REG): mod.REG_EN,
            ("ko", B.STOCK): mod.STOCK_KO, ("en", B.STOCK): mod.STOCK_EN,
            ("ko", B.PRAISE): mod.PRAISE_KO, ("en", B.PRAISE): mod.PRAISE_EN,
            ("ko", B.CC): mod.CC_KO, ("en", B.CC): mod.CC_EN,
        }
        self.spam = mod.SPAM_ITEMS
        self.openers = {"ko": mod.OPENERS_KO, "en": mod.OPENERS_EN}
        self.closers = {"ko": mod.CLOSERS_KO, "en": mod.CLOSERS_EN}
        g = lambda name: getattr(mod, name, [])  # noqa: E731
        self.extras = {
            ("ko", B.DELIVERY): g("DELIVERY_EXTRA_KO"), ("en", B.DELIVERY): g("DELIVERY_EXTRA_EN"),
            ("ko", B.ACTIVATION): g("ACTIVATION_EXTRA_KO"), ("en", B.ACTIVATION): g("ACTIVATION_EXTRA_EN"),
            ("ko", B.FEE): g("FEE_EXTRA_KO"), ("en", B.FEE): g("FEE_EXTRA_EN"),
            ("ko", B.REG): g("REG_EXTRA_KO"), ("en", B.REG): g("REG_EXTRA_EN"),
            ("ko", B.STOCK): g("STOCK_EXTRA_KO"), ("en", B.STOCK): g("STOCK_EXTRA_EN"),
            ("ko", B.CC): g("CC_EXTRA_KO"), ("en", B.CC): g("CC_EXTRA_EN"),
        }
        self.follows = {
            ("ko", B.DELIVERY): g("DELIVERY_FOLLOW_KO"), ("en", B.DELIVERY): g("DELIVERY_FOLLOW_EN"),
            ("ko", B.ACTIVATION): g("ACTIVATION_FOLLOW_KO"), ("en", B.ACTIVATION): g("ACTIVATION_FOLLOW_EN"),
            ("ko", B.FEE): g("FEE_FOLLOW_KO"), ("en", B.FEE): g("FEE_FOLLOW_EN"),
            ("ko", B.CC): g("CC_FOLLOW_KO"), ("en", B.CC): g("CC_FOLLOW_EN"),
        }
        self.asides = {} if heldout else {"ko": B.ASIDES_KO, "en": B.ASIDES_EN}
        self.rt_sources = [] if heldout else B.FEE_RT_SOURCES
        # usage counters to spread bodies evenly (least-used first among a random sample)
        self.use = Counter()

    def choose(self, items, rng):
        sample = rng.sample(items, min(len(items), 4))
        sample.sort(key=lambda x: self.use[x])
        choice = sample[0]
        self.use[choice] += 1
        return choice


DELIVERY_RT = [
    "[안내] 물류 허브 전산 장애로 일부 지역 배송이 지연되고 있습니다. 불편을 드려 죄송합니다",
    "오전 배송 물량 일부가 허브에서 출고되지 못했다는 얘기가 있네요. 다들 오늘 못 받을 수도",
    "Courier hub outage this morning - launch-day parcels delayed across several regions",
]


def place_mention(text, rng, opener=None):
    r = rng.random()
    if r < 0.72:
        return f"{OFFICIAL} {text}"
    if r < 0.86:
        sep = rng.choice([" ", " ", "\n"])
        return f"{text}{sep}{OFFICIAL}"
    if r < 0.90:
        return f"{OFFICIAL} {rng.choice(B.OTHER_ACCOUNTS)} {text}"
    if r < 0.93:
        return f"{rng.choice(B.OTHER_ACCOUNTS)} {OFFICIAL} {text}"
    return text  # hashtag-only / indirect mention


def compose(bank, cat, lang, t_s, rng, follow=False, day=17):
    bh = 8 if bank.heldout else 9
    if cat == B.SPAM:
        items = [s for s in bank.spam if s[1] == lang] or bank.spam
        text, _ = bank.choose(items, rng)
        text = fill(text, t_s, rng, day, bh)
        r = rng.random()
        if r < 0.55:
            text = f"{OFFICIAL} {text}"
        elif r < 0.75:
            text = f"{text} {OFFICIAL}"
        if rng.random() < 0.25:
            text += " " + rng.choice(B.HASHTAGS)
        if rng.random() < 0.2:
            text += " " + "".join(rng.choice(B.EMOJI) for _ in range(rng.randint(1, 3)))
        return text

    key = (lang, cat)
    # retweet-style lines
    if not bank.heldout and cat in (B.FEE, B.DELIVERY):
        p_rt = 0.14 if cat == B.FEE and t_s > 2.45 * 3600 else (0.03 if cat == B.DELIVERY and t_s > 1.7 * 3600 else 0)
        if rng.random() < p_rt:
            src = rng.choice(bank.rt_sources if cat == B.FEE else DELIVERY_RT)
            src = fill(src, t_s, rng, day, bh)
            who = rng.choice(["@itnews_kimreporter", "@nova_rumor_mill", "@daily_tech_kr", "@hanbit_parcel",
                              "@mobile_insider", "@" + rng.choice(B.GIVEN_ROM) + "_" + str(rng.randint(1, 99))])
            rt = f"RT {who}: {src}"
            if rng.random() < 0.45:
                cm = rng.choice(["이거 진짜예요?", "해명 좀", "사실이에요?", "is this true?", "???", "ㄷㄷ",
                                 "답변 부탁", "확인 좀요", "😳", "헐 진짜?"])
                return f"{OFFICIAL} {cm} {rt}"
            return rt if rng.random() < 0.6 else f"{rt} {OFFICIAL}"

    follows = pick_window(bank.follows.get(key, []), t_s)
    if follow and follows:
        body = bank.choose(follows, rng)
    else:
        body = bank.choose(pick_window(bank.bodies[key], t_s), rng)
    body = fill(body, t_s, rng, day, bh)
    parts = [body]
    extras = pick_window(bank.extras.get(key, []), t_s)
    if extras and rng.random() < 0.3:
        parts.append(fill(bank.choose(extras, rng), t_s, rng, day, bh))
    if bank.asides and rng.random() < 0.07:
        others = [c for c in bank.asides[lang] if c != cat]
        if others:
            aside = rng.choice(bank.asides[lang][rng.choice(others)])
            if lang == "ko":
                parts[0] = aside + rng.choice([" ", ", "]) + parts[0]
            else:
                parts.insert(1, aside)
    if rng.random() < (0.42 if cat not in (B.PRAISE,) else 0.15):
        parts.append(bank.choose(bank.closers[lang], rng))
    # join with varied punctuation
    text = parts[0]
    for p in parts[1:]:
        sep = rng.choices([" ", ". ", "\n", ", ", ".. ", " / "], weights=[40, 25, 8, 10, 10, 3])[0]
        if text and text[-1] in "?!.~ㅠㅜ" and sep.startswith("."):
            sep = " "
        text = text + sep + p
    opener = None
    if rng.random() < 0.38:
        opener = bank.choose(bank.openers[lang], rng)
        text = f"{opener} {text}" if rng.random() < 0.85 else f"{opener}\n{text}"
    if rng.random() < (0.2 if lang == "ko" else 0.22):
        text = apply_typos(text, lang, rng)
    if rng.random() < 0.33:
        k = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
        em = "".join(rng.choice(B.EMOJI) for _ in range(k))
        text = text + (" " if rng.random() < 0.7 else "") + em
    if rng.random() < 0.06:
        text += rng.choice(["!!", "??", "?!", "...", "!!!", "ㅋㅋㅋ", "ㅠㅠ"]) if lang == "ko" else rng.choice(["!!", "??", "..."])
    text = place_mention(text, rng)
    if rng.random() < 0.14:
        pool = B.HASHTAGS + B.TOPIC_HASHTAGS.get(cat, []) * 2
        tags = []
        for _ in range(rng.randint(1, 2)):
            tg = rng.choice(pool)
            if tg not in tags:
                tags.append(tg)
        text += (" " if rng.random() < 0.8 else "\n") + " ".join(tags)
    if rng.random() < 0.03:
        text += " " + rand_url(rng)
    return text


# ------------------------------------------------------------------ ids / io
def make_ids(times, base, rng):
    ids, prev = [], base
    for t in times:
        ms = int(t * 1000)
        cand = base + ms * 1048576 + rng.randint(0, 1048575)
        cand = max(cand, prev + rng.randint(1, 4096))
        ids.append(str(cand))
        prev = cand
    return ids


def dumps(obj, ascii_only=False):
    s = json.dumps(obj, ensure_ascii=ascii_only)
    # keep every record on one physical line for any line splitter
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\u0085", "\\u0085")


def iso(dt):
    return dt.isoformat(timespec="seconds")


def weighted_len(text):
    n = 0
    for ch in text:
        cp = ord(ch)
        light = (0 <= cp <= 0x10FF) or (0x2000 <= cp <= 0x200D) or (0x2010 <= cp <= 0x201F) or (0x2032 <= cp <= 0x2037)
        n += 1 if light else 2
    return n


# ------------------------------------------------------------------ scenario
def build_scenario():
    rng = random.Random(SEED)
    bank = Bank(B)
    items = []  # (t, cat, lang|None, text|None)
    # long posts (count toward category totals)
    long_counts = Counter()
    for cat, lang, (h0, h1), text in B.LONG_POSTS:
        items.append((rng.uniform(h0, h1) * 3600, cat, lang, text))
        long_counts[cat] += 1
    for cat in CATEGORIES:
        for t in sample_times(RATES[cat], COUNTS[cat] - long_counts[cat], rng):
            items.append((t, cat, None, None))
    items.sort(key=lambda x: x[0])
    early = [0.8, 1.9, 2.6, 3.4, 4.3]
    for i, t in enumerate(early):
        if items[i][0] > t:
            items[i] = (t,) + items[i][1:]
    items.sort(key=lambda x: x[0])

    used_handles = set()
    authors = []  # dicts
    by_lang = defaultdict(list)
    last_cat = {}
    seen = set()
    rows = []
    for t, cat, lang, fixed in items:
        t = round(t, 1)
        if lang is None:
            if cat == B.SPAM:
                lang = rng.choices(["ko", "en", "und"], weights=[48, 22, 30])[0]
            else:
                lang = "ko" if rng.random() < 0.735 else "en"
        author_lang = "en" if lang == "en" else "ko"
        reuse_p = 0.43 if cat != B.SPAM else 0.25
        author = None
        pool = by_lang[author_lang]
        ready = [a for a in pool[-500:] if a["last_t"] <= t - 900]  # same person posts again after 15+ min
        if ready and rng.random() < reuse_p:
            same = [a for a in ready if last_cat.get(a["handle"]) == cat]
            if same and rng.random() < 0.65:
                author = rng.choice(same)
            else:
                author = rng.choice(ready)
        follow = author is not None and last_cat.get(author["handle"]) == cat and rng.random() < 0.55
        if author is None:
            h = make_handle(rng, used_handles)
            author = {"handle": h, "name": make_display_name(rng, h, author_lang), "last_t": t}
            authors.append(author)
            pool.append(author)
        if fixed is not None:
            text = fill(fixed, t, rng)
        else:
            for _ in range(50):
                text = compose(bank, cat, lang, t, rng, follow=follow)
                if text not in seen:
                    break
            else:
                raise RuntimeError("could not make a unique text")
        seen.add(text)
        last_cat[author["handle"]] = cat
        author["last_t"] = t
        rows.append({"t": t, "cat": cat, "lang": lang, "author": author, "text": text})

    ids = make_ids([r["t"] for r in rows], 1861000000000000000, rng)
    out = []
    for r, i in zip(rows, ids):
        created = START + timedelta(seconds=math.floor(r["t"]))
        out.append(({
            "id": i,
            "created_at": iso(created),
            "author": r["author"]["handle"],
            "author_name": r["author"]["name"],
            "lang": r["lang"],
            "text": r["text"],
            "release_s": r["t"],
        }, r["cat"]))
    return out


# ------------------------------------------------------------------ held-out
def build_heldout(scenario_texts):
    rng = random.Random(HELDOUT_SEED)
    bank = Bank(H, heldout=True)
    day_start = datetime(2026, 10, 18, 8, 0, 0, tzinfo=KST)
    items = []
    for cat in CATEGORIES:
        for _ in range(HELDOUT_COUNTS[cat]):
            items.append((rng.uniform(0, 14 * 3600), cat))
    items.sort()
    used = set()
    seen = set(scenario_texts)
    rows = []
    for t, cat in items:
        if cat == B.SPAM:
            lang = rng.choices(["ko", "en", "und"], weights=[45, 25, 30])[0]
        else:
            lang = "ko" if rng.random() < 0.72 else "en"
        h = make_handle(rng, used)
        name = make_display_name(rng, h, "en" if lang == "en" else "ko")
        for _ in range(80):
            text = compose(bank, cat, lang, t, rng, follow=False, day=17)
            if text not in seen:
                break
        else:
            raise RuntimeError("heldout: could not make a unique text")
        seen.add(text)
        rows.append((t, cat, lang, h, name, text))
    ids = make_ids([r[0] for r in rows], 1870000000000000000, rng)
    out = []
    for (t, cat, lang, h, name, text), i in zip(rows, ids):
        out.append({
            "id": i,
            "created_at": iso(day_start + timedelta(seconds=math.floor(t))),
            "author": h, "author_name": name, "lang": lang, "text": text, "category": cat,
        })
    return out


def build_hostile():
    lines = []
    base = 1880000000000000000
    for n, (created, author, name, lang, text, ascii_only) in enumerate(hostile.ENTRIES):
        obj = {"id": str(base + n * 7919 + 13), "created_at": created, "author": author,
               "author_name": name, "lang": lang, "text": text}
        lines.append(dumps(obj, ascii_only=ascii_only))
    return lines


# ------------------------------------------------------------------ README
def readme(scn, heldout, hostile_n):
    cat_counts = Counter(c for _, c in scn)
    lang_counts = Counter(o["lang"] for o, _ in scn)
    n = len(scn)
    authors = len({o["author"] for o, _ in scn})
    long_n = sum(1 for o, _ in scn if weighted_len(o["text"]) > 280)
    first10 = sum(1 for o, _ in scn if o["release_s"] < 600)
    import verify  # keyword baseline with the hand-maintained rules
    _, rules = verify.compile_rules(os.path.join(ROOT, "assets", "scenarios", "launch-weekend.categories.json"))
    base_s = 100 * sum(verify.classify(rules, o["text"]) == c for o, c in scn) / n
    base_h = 100 * sum(verify.classify(rules, o["text"]) == o["category"] for o in heldout) / len(heldout)
    first_t = scn[0][0]["release_s"]
    hcat = Counter(o["category"] for o in heldout)
    hlang = Counter(o["lang"] for o in heldout)
    # per 30 min histogram
    bins = Counter(int(o["release_s"] // 1800) for o, _ in scn)
    hist = []
    for b in range(24):
        hh, mm = 9 + (b * 30) // 60, (b * 30) % 60
        c = bins.get(b, 0)
        hist.append(f"| {hh:02d}:{mm:02d} | {c:4d} | {'#' * max(1, round(c / 6)) if c else ''} |")

    def table(counter, names):
        return "\n".join(f"| {k} | {counter.get(k, 0)} | {100 * counter.get(k, 0) / max(1, sum(counter.values())):.1f}% |" for k in names)

    return f"""# Scenario: launch weekend (`launch-weekend`)

Demo data for CrisisDesk. A fictional Korean telecom launches the fictional
"Nova 9" (노바9) smartphone on **Saturday 2026-10-17**. Customers mention the
official account **@desk_official** all day while a courier hub fails, a fee
rumour spreads and activations break. All people, handles, order numbers,
phone numbers, addresses, couriers and stores are invented; every sentence was
written for this project.

## Files

| File | What |
|---|---|
| `launch-weekend.jsonl` | {n} mentions, 09:00-21:00 KST, sorted by `release_s` |
| `launch-weekend.labels.tsv` | ground-truth category for every scenario mention |
| `launch-weekend.categories.json` | default categories with keyword rules |
| `../../src/test/resources/triage/heldout.jsonl` | {len(heldout)} labelled mentions (Sunday 10-18), not in the scenario |
| `../../src/test/resources/triage/hostile.jsonl` | {hostile_n} mentions with hostile text for robustness tests |

## Story timeline (KST)

| Time | What happens |
|---|---|
| 09:00-10:30 | Launch morning. Unboxing praise, pre-order deliveries promised "by 10 am", questions about gift registration and store stock (stores open at 10:00). |
| ~10:40 | Courier hub failure. Tracking stops working; late-delivery complaints start. |
| ~11:30 | Rumour: extra activation fee / SIM-card fee (27,500원). Retweets ("RT @...") spread it. |
| 12:00-12:30 | Biggest burst: "오전 도착이라더니", broken delivery promises. |
| ~13:30 | News article about the fee; second burst of fee questions. |
| 14:00-16:00 | Activation failures: 개통 대기, eSIM QR errors, USIM not recognised, 번호이동 stuck. |
| all day | 사전예약 vs 사후등록 confusion, store stock (512GB blue sold out), customer-centre cases (order numbers, address changes, refunds, DMs), spam and noise. |
| 17:00-18:30 | Backlog; anger at repeated "죄송합니다 확인 중입니다" replies. |
| ~18:30 | Official notice; traffic calms, some thanks. |

Mentions per 30 minutes (scenario clock; the desk replays at 10x by default,
so one row is 3 minutes of replay). The first mention arrives at
release_s = {first_t} and {first10} mentions arrive in the first 600 s.

| Start | Mentions | |
|---|---:|---|
{chr(10).join(hist)}

## Formats

### Canonical mention line (JSONL)

One JSON object per line, UTF-8 without BOM, keys in this order:

```json
{{"id": "1861000000000000000", "created_at": "2026-10-17T09:00:03+09:00", "author": "minji_42", "author_name": "김민지", "lang": "ko", "text": "@desk_official ...", "release_s": 3.4}}
```

- `id`: numeric string (snowflake-like), unique, strictly increasing with time.
- `created_at`: ISO-8601 with offset. In the scenario it equals
  2026-10-17T09:00:00+09:00 plus `release_s`, floored to the second.
- `author`: handle without `@`. `author_name`: display name (may contain emoji).
- `lang`: `ko`, `en` or `und` (emoji-only / markup noise).
- `text`: plain text, not HTML-escaped (`&`, `<`, `>` appear literally; hostile
  strings such as `<script>` are data, never markup). May contain `\\n`, rarely `\\t`.
- `release_s`: seconds after scenario start when the replay releases the
  mention; non-decreasing along the file. Scenario files only.
- `category` (held-out file only): the true category.

### Labels (`launch-weekend.labels.tsv`)

Tab-separated, header `id<TAB>category`, then one line per scenario mention in
file order. Category is one of the eight names below, exactly as written.
Mentions that touch two topics are labelled by their main topic.

### Categories (`launch-weekend.categories.json`)

```json
{{"format": "crisisdesk-categories/1",
 "categories": [{{"name": "배송 지연", "color": "#D9480F", "kind": "topic",
                 "keywords": ["배송", "택배"], "regex": ["오전\\\\s*도착"], "exclude": ["배송비 무료"]}}]}}
```

- `format`: always `crisisdesk-categories/1`.
- `categories`: ordered list; order is the display order and the rule
  priority (first matching category wins).
- `name`: category name shown on the board and used in labels.
- `color`: `#RRGGBB`, readable on light and dark backgrounds.
- `kind`: `topic`, or `customer_centre` for the category whose mentions go to
  private follow-up by the customer centre.
- `keywords`: plain substrings, matched case-insensitively (English is
  lowercase); a keyword also matches when spaces are removed from both sides.
- `regex`: Java regular expressions (`java.util.regex`), matched with
  case-insensitive find.
- `exclude`: substrings that veto this category for a mention even if a
  keyword or regex matched.

The rules are a deliberately imperfect baseline: many mentions are phrased
without the obvious words, and many mention two topics. Keyword baseline
(first matching category in list order, no match counts as wrong):
**{base_s:.1f}%** on the scenario, **{base_h:.1f}%** on the held-out set.

## Counts

Scenario: {n} mentions from {authors} distinct authors; {long_n} posts exceed
280 weighted characters.

| Category | Mentions | Share |
|---|---:|---:|
{table(cat_counts, CATEGORIES)}

| Language | Mentions | Share |
|---|---:|---:|
{table(lang_counts, ["ko", "en", "und"])}

Held-out set ({len(heldout)} mentions, separate sentence bank, created 2026-10-18):

| Category | Mentions | Share |
|---|---:|---:|
{table(hcat, CATEGORIES)}

| Language | Mentions | Share |
|---|---:|---:|
{table(hlang, ["ko", "en", "und"])}

## How it was made

Written for this project: hand-written sentence banks per topic
(`tools/scenario/bank_scenario.py`, and a separate bank for the held-out set in
`tools/scenario/bank_heldout.py`) combined by a seeded generator that adds
openers, details, closers, typos, emoji, hashtags, retweets and follow-ups
from repeat authors, and shapes the timeline with per-topic rate curves.
Hostile lines are hand-written in `tools/scenario/hostile.py` (newlines, tabs,
CRLF, ZWJ/flag/skin-tone emoji, RTL text with bidi controls, combining marks,
NFD Hangul, literal `&amp;`, script/img injection strings, quotes and
backslashes, SQL-looking text, a ~5,000-character post, supplementary-plane
CJK, U+2028/U+2029, zero-width characters; offsets +09:00, Z, -05:00, +05:30).
`launch-weekend.categories.json` is maintained by hand.

Regenerate (deterministic) and verify, from the repository root:

```
python3 tools/scenario/generate.py
python3 tools/scenario/verify.py
```
"""


def main():
    scn = build_scenario()
    heldout = build_heldout({o["text"] for o, _ in scn})
    hostile_lines = build_hostile()
    sdir = os.path.join(ROOT, "assets", "scenarios")
    tdir = os.path.join(ROOT, "src", "test", "resources", "triage")
    os.makedirs(sdir, exist_ok=True)
    os.makedirs(tdir, exist_ok=True)
    with open(os.path.join(sdir, "launch-weekend.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for o, _ in scn:
            f.write(dumps(o) + "\n")
    with open(os.path.join(sdir, "launch-weekend.labels.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("id\tcategory\n")
        for o, c in scn:
            f.write(f"{o['id']}\t{c}\n")
    with open(os.path.join(tdir, "heldout.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for o in heldout:
            f.write(dumps(o) + "\n")
    with open(os.path.join(tdir, "hostile.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for line in hostile_lines:
            f.write(line + "\n")
    with open(os.path.join(sdir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme(scn, heldout, len(hostile_lines)))
    print(f"scenario {len(scn)}  heldout {len(heldout)}  hostile {len(hostile_lines)}")


if __name__ == "__main__":
    main()
