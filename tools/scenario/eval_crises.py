#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the labelled evaluation crises (issue 24): three crises from other industries than the demo.

Writes (relative to the repository root), for each crisis SLUG:
  assets/scenarios/eval/SLUG.train.jsonl       the fixed 60% training split, canonical JSONL with "category"
  assets/scenarios/eval/SLUG.test.jsonl        the fixed 40% test split
  assets/scenarios/eval/SLUG.categories.json   the crisis's categories with a few keyword rules

Everything here was written for this project; no sentence comes from the demo scenario's banks, and the demo
crisis played no part in choosing these texts. Deterministic: the seeds below fix every byte.

Usage:  python3 tools/scenario/eval_crises.py      (from the repository root)
"""
import json
import os
import random
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "assets", "scenarios", "eval")
KST = timezone(timedelta(hours=9))

# ------------------------------------------------------------------ shared noise
CHOSUNG = ["ㅋㅋ", "ㅋㅋㅋ", "ㅋㅋㅋㅋ", "ㅠㅠ", "ㅜㅜ", "ㅠㅠㅠ", "ㄹㅇ", "ㅇㅇ", "ㅎㅎ", "ㄷㄷ", "ㅡㅡ", "ㅗㅗ", "ㅈㅅ", "ㄱㄱ"]
EMOJI = ["😡", "😭", "🙏", "😤", "🤬", "😂", "🥲", "👍", "💢", "😱", "🔥", "🙄", "😮‍💨", "❤️", "👏", "🤦", "💸", "⚠️"]
OPEN_KO = ["", "", "", "아니 ", "진짜 ", "저기요 ", "혹시 ", "아 ", "와 ", "하 ", "ㅋㅋ ", "지금 ", "솔직히 ", "제발 ", "여기요 "]
CLOSE_KO = ["", "", "", " 빨리 답 주세요", " 언제 해결돼요?", " 어이가 없네", " 답변 부탁드립니다", " 실화냐", " 확인 좀요",
            " 너무하네요", " 이게 맞아요?", " 공지라도 올려주세요", " 다들 그런가요?", " 미치겠다", " 제발요"]
CLOSE_PRAISE = ["", "", " 감사해요", " 최고", " 힘내세요", " 다음에도 이용할게요", " 😊", " 수고하세요"]
OPEN_EN = ["", "", "", "hey ", "ok so ", "seriously ", "um ", "lol ", "guys ", "so "]
CLOSE_EN = ["", "", "", " pls fix", " any update?", " unbelievable", " thanks", " asap", " ???", " is it just me?",
            " smh", " come on", " wtf"]
MIX_EN = [" lol", " seriously", " ASAP", " wtf", " omg", " pls", " plz help", " thx", " fr", " smh", " bruh"]
MIX_KO = [" ㅠㅠ", " 진짜", " 제발", " 답답하네", " 미쳤다", " 빨리요", " ㅋㅋ"]
TYPOS_KO = [("안 돼요", "안되요"), ("안 돼", "안되"), ("됐어요", "됬어요"), ("돼요", "되요"), ("습니다", "습니당"),
            ("해주세요", "해주세여"), ("주세요", "주세용"), ("있나요", "있나여"), ("어떡해요", "어떻해요"),
            ("진짜", "ㄹㅇ"), ("그런데", "근데"), ("뭐예요", "뭐에요"), ("예요", "에요"), ("않", "안"),
            ("몇 시", "몇시"), ("할 수", "할수"), ("알려주세요", "알려주셈"), ("괜찮", "갠찮"), ("왜", "외"),
            ("어요", "어여"), ("네요", "네여"), ("계속", "게속"), ("확인", "화긴")]
TYPOS_EN = [("you", "u"), ("please", "pls"), ("your", "ur"), ("because", "bc"), ("really", "rly"),
            ("people", "ppl"), ("don't", "dont"), ("I'm", "im"), ("what", "wat"), ("received", "recieved"),
            ("cancelled", "canceled"), ("tomorrow", "tmrw"), ("account", "acount")]
SURN = ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin"]
GIVEN = ["minji", "jiwoo", "seoyeon", "hyun", "dohyun", "yuna", "jisoo", "taeho", "sora", "junho", "eunbi",
         "haneul", "woojin", "chaewon", "sehun", "bora", "kyung", "nari", "dami", "jaeho", "somin", "yejin"]
NAMES_KO = ["민지", "지우", "서연", "현우", "도현", "유나", "지수", "태호", "소라", "준호", "은비", "하늘", "우진", "채원"]
SPAM_KO = [
    "하루 50만원 부업 {spamlink} 디엠 주세요", "💰재택 알바 일당 30만💰 선착순 {spamlink}", "맞팔 100% 선팔하면 바로 맞팔 {spamlink}",
    "코인 리딩방 무료입장 수익률 300% 보장 {spamlink}", "🎁 {brand} 사칭 아님 이벤트 당첨자 발표 {spamlink}",
    "카톡 상담 24시 대출 당일 승인 {spamlink}", "팔로워 1만명 늘리는 법 프로필 링크 확인", "에어드랍 진행중 지갑 주소만 보내면 끝 {spamlink}",
    "오늘만 90% 할인 명품 레플 {spamlink}", "ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ", "배고프다 치킨 시킬까", "ㅎㅇ 심심한 사람 디엠",
    "이거 보고 웃음 참기 ㅋㅋㅋ {spamlink}", "주식 급등주 무료 추천 받으세요 {spamlink}", "{brand} 보상금 조회하기 → {spamlink} (공식 아님)",
]
SPAM_EN = [
    "earn $500/day from home DM me", "Earn $300 a day working from your phone!! DM me for details",
    "follow back? 🔥 link in bio", "crypto airdrop live now, claim at {spamlink}", "100x gem launching tonight {spamlink}",
    "free followers 💯 {spamlink}", "I made $9k last week with this one trick, dm me", "giveaway! RT and follow to win {spamlink}",
    "hot singles near you {spamlink}", "check my profile 😘", "who else is bored lol", "claim your {brand} compensation here {spamlink} (not official)",
]
SPAMLINKS = ["bit.ly/3xK{n}q", "t.co/a{n}Zk", "tinyurl.com/ern{n}", "han.gl/e{n}p", "goo.su/{n}a"]


class Crisis:
    def __init__(self, slug, title, brand, brand_en, handle, date, seed, cats, slots, total):
        self.slug, self.title, self.brand, self.brand_en, self.handle = slug, title, brand, brand_en, handle
        self.date, self.seed, self.cats, self.slots, self.total = date, seed, cats, slots, total
        self.urls = []  # links some posts carry (news, screenshots); none for the first three crises


def cat(name, kind, color, share, keywords, ko, en, regex=(), exclude=(), spam=False, sarcasm=()):
    return dict(name=name, kind=kind, color=color, share=share, keywords=list(keywords), regex=list(regex),
                exclude=list(exclude), ko=list(ko), en=list(en), spam=spam, sarcasm=list(sarcasm))


# ------------------------------------------------------------------ crisis 1: a bank's app outage
BANK = Crisis(
    "bank-outage", "한결은행 앱 장애 (bank app outage on payday)", "한결은행", "Hangyeol Bank", "@hangyeol_bank",
    datetime(2026, 11, 25, 8, 0, tzinfo=KST), 2026112501,
    [
        cat("앱 접속 장애", "topic", "#D9480F", 0.24,
            ["접속", "로그인", "먹통", "점검", "앱이", "튕", "login", "app down", "crash", "won't load", "502"],
            ["{app} 또 안 열려요 {time}째 로딩만 돌아요", "로그인 누르면 하얀 화면만 나와요", "앱 먹통인데 공지도 없네",
             "{app} 업데이트하고 나서 계속 튕겨요", "인증서 로그인이 안 돼요 {err} 뜸", "앱 켜자마자 종료됨 아이폰 {ios}",
             "지문 로그인 갑자기 안 됨 비번 입력해도 {err}", "월급날에 앱 점검이라니 진짜 ㅋㅋ", "웹뱅킹도 접속이 안 되네요",
             "{app} 서버 터진 듯 다들 되세요?", "로그인 대기 인원 {n}만명이래요 ㅋㅋㅋ", "간편비밀번호 치면 오류코드 {err} 나와요",
             "폰 바꾼 것도 아닌데 기기 인증이 계속 실패해요", "접속 지연 안내 팝업만 {n}번째", "앱이 안 되니까 잔액 확인도 못 해요"],
            ["{app_en} won't load, stuck on the splash screen", "can't log in since {time_en}, error {err}",
             "is {brand_en} app down again?", "app keeps crashing after the update", "login page just spins forever",
             "502 bad gateway on your web banking", "fingerprint login broken, password gives {err}"],
            sarcasm=["월급날 맞춰서 앱 닫아주는 센스 최고네요^^", "와 {brand} 일관성 하나는 인정 오늘도 접속 불가 👏"]),
        cat("이체·결제 실패", "topic", "#C2255C", 0.22,
            ["이체", "송금", "출금", "결제", "자동이체", "transfer", "payment", "debited", "withdraw"],
            ["{amount} 이체했는데 상대방이 못 받았대요", "송금 버튼 누르고 오류 났는데 돈은 빠져나갔어요",
             "체크카드 결제가 계속 거절돼요 {shop}에서", "자동이체 날인데 카드값 안 빠져나가면 연체되는 거예요?",
             "이체 한도 초과라는데 오늘 처음 보내는 거예요", "월세 {amount} 보내야 되는데 이체가 안 돼요",
             "{shop}에서 결제 두 번 된 것 같아요 {amount}씩", "ATM 출금도 안 되네 현금 어떻게 뽑아요",
             "이체 처리중만 {time}째 떠요 돈은 어디 간 거예요", "토스로 보내도 {brand} 계좌로는 입금이 안 된대요",
             "급여 이체가 아직 안 들어왔어요 회사는 보냈다는데", "해외송금 {amount} 걸어둔 거 상태가 이상해요",
             "앱은 열리는데 이체만 누르면 오류 {err}"],
            ["transfer of {amount_en} failed but money left my account", "card payment declined at {shop} twice",
             "my rent transfer is stuck in processing", "got debited twice for one payment", "can't withdraw cash at the ATM",
             "salary hasn't arrived, employer says it was sent", "app opens but every transfer fails with {err}"],
            sarcasm=["돈은 잘 빼가시네요 입금은 안 되고 ㅎㅎ 대단한 은행", "이체 실패 알림은 칼같이 오네 ㅋㅋ 고마워요 진짜"]),
        cat("보안·해킹 우려", "topic", "#9C36B5", 0.13,
            ["해킹", "보안", "피싱", "유출", "개인정보", "비밀번호", "hack", "phishing", "breach", "secure"],
            ["혹시 해킹당한 거 아니에요? 장애 원인 공개해주세요", "장애 틈타서 {brand} 사칭 문자 왔어요 링크 눌러도 돼요?",
             "로그인 기록에 모르는 기기가 있어요 무서워요", "내 돈 안전한 거 맞죠? 해킹설 돌던데", "보안 업데이트라면서 개인정보 유출된 거 아님?",
             "비밀번호 바꾸라는 문자 진짜 은행에서 보낸 거예요?", "장애가 디도스 공격 때문이라는 얘기 사실이에요?",
             "OTP 번호 물어보는 전화 받았어요 {brand}라던데", "접속 안 되는데 계좌 정보는 털린 거 아니죠",
             "보안카드 번호 다 입력하라는 팝업 떴어요 이거 피싱?"],
            ["is this outage a hack? are our accounts safe", "got a text pretending to be {brand_en}, is it phishing",
             "unknown device in my login history after the outage", "was customer data breached or not, be honest",
             "someone called asking for my OTP saying they're from the bank"]),
        cat("보상 요구", "topic", "#1971C2", 0.12,
            ["보상", "연체료", "수수료", "손해", "배상", "compensation", "late fee", "refund the fee"],
            ["이체 못 해서 연체료 물었는데 보상해주나요?", "장애 때문에 손해 본 거 누가 책임져요", "수수료 환급 해주세요 앱 오류였잖아요",
             "주식 매수 못 해서 손해 {amount} 봤어요 보상 기준 알려주세요", "카드 연체 기록 남으면 은행이 지워주는 거죠?",
             "보상 안 해주면 금감원 민원 넣습니다", "작년 장애 때는 보상했다던데 이번엔요?", "대출 이자 연체 처리된 거 취소해주세요",
             "장애 시간 동안 발생한 수수료 전액 돌려주세요", "소상공인인데 결제 못 받아서 매출 날렸어요 보상 계획 있나요"],
            ["I paid a late fee because of your outage, will you refund it", "who compensates for my losses today",
             "missed a stock trade worth {amount_en} because the app was down, compensation?",
             "remove the late payment mark, it was your system", "will there be compensation like last year"]),
        cat("칭찬·응원", "topic", "#0C8599", 0.06,
            ["감사", "고생", "수고", "친절", "응원", "thank", "appreciate", "great job"],
            ["지점 직원분이 친절하게 처리해주셨어요 감사합니다", "복구 빨리 해주셔서 감사해요 고생 많으셨어요",
             "새벽까지 고치신 분들 수고하셨어요", "공지 바로 올려주셔서 좋았어요", "상담원분 목소리 지치셨던데 힘내세요",
             "이제 잘 되네요! 빠른 복구 감사합니다", "그래도 {brand} 계속 쓸게요 응원합니다"],
            ["thanks for fixing it so fast", "the branch staff were really kind today, thank you",
             "appreciate the quick update on the outage", "great job getting it back up"]),
        cat("스팸·잡음", "topic", "#868E96", 0.10, ["부업", "리딩방", "맞팔", "에어드랍", "dm me", "airdrop", "link in bio"],
            [], [], spam=True),
        cat("고객센터", "customer_centre", "#5F3DC4", 0.13,
            ["계좌번호", "dm", "상담", "연락", "전화", "처리 부탁", "call me"],
            ["계좌 {acct}에서 {amount} 빠져나갔는데 확인 부탁드려요 DM 드렸어요", "DM 보냈어요 제 이체 건 확인해주세요",
             "고객센터 전화 {n}시간째 안 받아요 제 건 처리 부탁합니다", "{name} 명의 계좌인데 이체 취소 가능한가요? 연락 주세요",
             "거래번호 {txn} 건 환불 처리 언제 돼요", "상담 예약했는데 연락이 없어요 {phone}", "제 카드 분실신고 좀 해주세요 앱이 안 돼서요",
             "대출 상환 {amount} 넣었는데 반영 안 됨 계좌 {acct}", "DM 확인 부탁드려요 급합니다", "콜센터 대기 {n}0분째 ㅠㅠ 제 건 봐주세요"],
            ["sent you a DM about my transfer, ref {txn}", "please call me back, account ending {n}{n}{n}",
             "my card needs to be blocked, app won't let me, please help", "been on hold {n}0 min, please check my case"]),
    ],
    {"app": ["앱", "한결뱅킹", "한결 앱", "모바일뱅킹", "한결뱅킹 앱"], "app_en": ["the app", "Hangyeol Banking", "mobile banking"],
     "err": ["E-503", "E-1024", "9001", "오류코드 77", "SYS-404", "E-2210"], "ios": ["18.1", "17.6", "18.2"],
     "shop": ["편의점", "마트", "배달앱", "주유소", "카페", "쿠팡", "병원"], "amount": ["3만원", "50만원", "120만원", "8,900원", "200만원", "75만원"],
     "amount_en": ["$200", "500,000 won", "1.2M won", "$80"]},
    470)

# ------------------------------------------------------------------ crisis 2: a food-delivery platform's data leak
FOOD = Crisis(
    "food-leak", "배달쏙 개인정보 유출 (food-delivery data leak)", "배달쏙", "Baedalssok", "@baedalssok",
    datetime(2026, 12, 2, 10, 0, tzinfo=KST), 2026120202,
    [
        cat("유출 범위 문의", "topic", "#D9480F", 0.24,
            ["유출", "개인정보", "주소", "전화번호", "범위", "leak", "breach", "exposed", "my data"],
            ["제 개인정보도 유출된 건가요? 조회는 어디서 해요", "주소랑 전화번호까지 털렸다는 게 사실이에요?",
             "유출 범위 정확히 공개하세요 뉴스 보고 알았네", "{n}만명 유출이라는데 저도 포함인지 확인 좀",
             "카드 정보도 나간 거예요 아니면 주소만이에요?", "유출 조회했더니 해당된대요 뭐가 나간 건데요",
             "공동현관 비밀번호 메모한 것도 유출됐을까 봐 무서워요", "배달 요청사항까지 다 보였다면서요",
             "왜 기사로 먼저 알아야 돼요 유출 통지 문자도 없고", "탈퇴한 계정 정보도 유출됐나요?",
             "유출 조회 페이지 접속이 안 돼요 ㅋㅋ 이것도 터짐"],
            ["was my data part of the leak? how do I check", "address and phone number exposed? seriously?",
             "how many users were affected, be transparent", "did card numbers leak or just addresses",
             "found out about the breach from the news, not from you", "the leak check page is down lol"],
            sarcasm=["개인정보 공유 서비스까지 해주시고 배달쏙 최고다 ^^", "와 이제 전국민이 제 주소 아는 거죠? 감사합니다 ㅎㅎ"]),
        cat("계정·비밀번호", "topic", "#C2255C", 0.19,
            ["비밀번호", "로그인", "계정", "도용", "인증", "password", "login", "account", "hacked"],
            ["비밀번호 바꾸라는데 변경 페이지가 안 열려요", "제 계정으로 모르는 주문이 {n}건 들어왔어요 도용인가요",
             "로그인했더니 다른 기기에서 로그아웃됐대요", "2단계 인증 어디서 켜요?", "비번 재설정 메일이 안 와요",
             "계정 도용돼서 포인트 {point} 다 썼대요", "다른 사이트랑 비번 같은데 그것도 바꿔야 돼요?",
             "강제 로그아웃 당하고 다시 로그인이 안 돼요", "인증번호 문자가 {n}번 연속 왔어요 누가 시도하는 듯",
             "비밀번호 변경 권고 메일 진짜예요 피싱이에요?"],
            ["can't reset my password, the page errors", "someone ordered food on my account", "how do I turn on 2FA",
             "got logged out everywhere and now can't log back in", "reset email never arrives", "my points were used by someone else"]),
        cat("보상·쿠폰", "topic", "#9C36B5", 0.14,
            ["보상", "쿠폰", "할인", "포인트", "compensation", "coupon", "voucher"],
            ["유출 보상이 {coupon} 쿠폰이 끝이에요? 장난하나", "보상 쿠폰 어디서 받아요 안 보여요", "쿠폰 말고 현금 보상 해주세요",
             "보상 쿠폰 최소주문 {won} 이상이라니 또 시켜먹으라는 거네", "집단소송 참여하면 보상 더 받나요?",
             "쿠폰 유효기간 {n}일이 말이 돼요?", "보상 기준 공개해주세요 유출 항목별로 달라요?", "포인트로 보상한다던데 언제 들어와요"],
            ["is a {coupon} coupon really the compensation?", "where is the compensation voucher", "give cash, not coupons",
             "the coupon needs a minimum order, that's not compensation", "class action anyone?"],
            sarcasm=["개인정보 값이 {coupon}이라니 후하시네요 ㅋㅋ", "쿠폰 감사합니다~ 제 주소 값 치곤 많이 주셨네 ^^"]),
        cat("탈퇴·불매", "topic", "#1971C2", 0.11,
            ["탈퇴", "삭제", "불매", "지운다", "갈아탄", "delete", "uninstall", "boycott", "quit"],
            ["탈퇴했습니다 다신 안 써요", "회원 탈퇴 버튼 어디 숨겨놨어요", "탈퇴하면 제 정보 진짜 삭제되는 거죠?",
             "앱 지웠어요 다른 배달앱으로 갈아탑니다", "불매합니다 사과문이 저게 뭐예요", "탈퇴하려니까 쿠폰 사라진다고 협박하네",
             "가게 사장님들도 입점 철회했으면", "이참에 전화 주문으로 돌아갑니다"],
            ["deleted my account, never again", "where's the delete account button", "uninstalled, switching apps",
             "boycotting until they explain", "does deleting my account actually erase my data?"]),
        cat("주문·배달", "topic", "#2B8A3E", 0.12,
            ["주문", "배달", "라이더", "도착", "음식", "order", "delivery", "rider", "food"],
            ["주문한 치킨이 {n}0분째 안 와요", "라이더 위치가 {n}분째 그대로예요", "오늘 배달 왜 이렇게 늦어요",
             "음식 식어서 왔어요 ㅠㅠ", "주문 취소가 안 돼요 앱 오류인가", "가게는 접수했다는데 배달 출발을 안 해요",
             "리뷰 이벤트 서비스 안 왔어요", "도착 완료라는데 문 앞에 아무것도 없어요"],
            ["my order is {n}0 min late", "rider hasn't moved for {n} minutes", "food arrived cold",
             "app says delivered, nothing at my door", "can't cancel my order"]),
        cat("스팸·사칭", "topic", "#868E96", 0.08, ["부업", "리딩방", "맞팔", "에어드랍", "dm me", "airdrop", "link in bio"],
            ["[배달쏙] 유출 피해 보상금 신청 {spamlink}", "배달쏙 보상금 지급 대상자입니다 본인확인 {spamlink}"],
            ["Baedalssok breach refund: verify here {spamlink}"], spam=True),
        cat("고객센터", "customer_centre", "#5F3DC4", 0.12,
            ["주문번호", "dm", "상담", "환불", "연락", "order number"],
            ["주문번호 {order} 환불 아직이에요 DM 확인해주세요", "도용 주문 {order} 결제 취소해주세요 {won}이에요",
             "상담원 연결이 안 돼요 제 계정 잠가주세요 아이디 {uid}", "DM 드렸어요 제 주소 변경 이력 확인 부탁",
             "{name}입니다 주문 {order} 건 카드 취소 요청해요", "고객센터 채팅 {n}시간째 대기중 제 건 처리 좀",
             "도용 결제 {won} 환불 언제 돼요 주문번호 {order}"],
            ["order {order} refund still pending, DMed you", "please lock my account, user {uid}",
             "fraudulent order {order}, need a refund", "chat support queue {n} hours, please check my case"]),
    ],
    {"coupon": ["3천원", "5,000원", "2천원", "3,000원"], "won": ["2만원", "15,000원", "3만 2천원", "18,500원"],
     "point": ["2만점", "5,000P", "12,000포인트"]},
    450)

# ------------------------------------------------------------------ crisis 3: an airline's storm cancellations
AIR = Crisis(
    "airline-storm", "하늘항공 태풍 결항 (airline storm cancellations)", "하늘항공", "Haneul Air", "@haneulair",
    datetime(2026, 8, 30, 6, 0, tzinfo=KST), 2026083003,
    [
        cat("결항·지연 안내", "topic", "#D9480F", 0.22,
            ["결항", "지연", "운항", "뜨나요", "출발", "cancelled", "delayed", "flight status", "departure"],
            ["{flight} 오늘 뜨나요? 아직 결항 공지 없던데", "{city}행 {flight} 지연이라는데 몇 시 출발이에요",
             "결항 문자 받았는데 앱에는 정상 운항이래요", "내일 첫 비행기는 운항해요?", "태풍 때문에 전편 결항인가요",
             "{flight} 게이트 변경됐어요? 안내 방송이 안 들려요", "지연 {n}시간째 출발 시간 좀 알려주세요",
             "{city} 공항 활주로 폐쇄라는데 우리 편은요", "운항 재개 언제예요 공지 좀", "결항 확정이에요 아직 대기예요?"],
            ["is {flight_en} still flying today?", "my flight to {city_en} shows delayed, new departure time?",
             "got a cancellation text but the app says on time", "when do flights resume after the typhoon",
             "gate changed for {flight_en}? nobody is announcing anything"],
            sarcasm=["운항 정보 업데이트 속도 실화냐 ㅋㅋ 태풍이 더 빠르겠다"]),
        cat("환불·변경", "topic", "#C2255C", 0.20,
            ["환불", "변경", "재발행", "취소", "수수료", "refund", "rebook", "change fee", "reschedule"],
            ["결항된 표 환불 수수료 내야 돼요?", "다음 날로 변경하려는데 앱에서 좌석이 안 잡혀요", "예약 변경 버튼 누르면 오류나요",
             "여행사 통해 산 표는 어디서 환불해요", "마일리지 항공권도 수수료 없이 취소돼요?", "대체편 자리가 없대요 언제로 바꿔줘요",
             "자동으로 {date} 편으로 바뀌었는데 저는 그날 안 돼요", "환불 신청했는데 {n}일 걸린다네요", "변경하면 차액 내라는 게 말이 돼요?"],
            ["do I pay a fee to refund a cancelled flight?", "can't rebook in the app, no seats show", "auto-rebooked me to {date_en}, I can't go then",
             "how do I refund a ticket bought through an agency", "change fee for a storm cancellation? really?"]),
        cat("숙소·보상", "topic", "#9C36B5", 0.13,
            ["숙소", "호텔", "보상", "식사", "바우처", "hotel", "voucher", "compensation", "meal"],
            ["공항에서 밤새우라는 거예요? 숙소 제공 안 해요?", "호텔 바우처 준다더니 카운터에 아무도 없어요",
             "천재지변이라 보상 없다는데 식사권도 없나요", "{city}에서 발 묶였는데 숙박비 청구 가능해요?", "호텔비 {won} 냈는데 영수증 보내면 돼요?",
             "식사 쿠폰 {won}짜리로 뭘 먹으라고", "아이 둘 데리고 공항 노숙 중입니다 숙소 좀"],
            ["no hotel provided? we're sleeping at the airport", "meal voucher worth {won_en}, come on",
             "can I claim my hotel costs for the storm night?", "said force majeure, so no compensation at all?"],
            sarcasm=["공항 바닥 숙소 제공 감사합니다^^ 별 다섯 개 드림"]),
        cat("수하물", "topic", "#1971C2", 0.10,
            ["수하물", "짐", "캐리어", "가방", "baggage", "luggage", "bag"],
            ["결항됐는데 부친 짐은 어디서 찾아요?", "캐리어가 {city}로 먼저 갔대요 ㅋㅋ 저는 여기 있는데",
             "수하물 찾는 데 {n}시간째 줄 서 있어요", "짐은 비행기에 실린 채로 결항이래요 약이 들어있어요",
             "가방 파손돼서 나왔어요", "수하물 태그 번호 조회가 안 돼요"],
            ["where do I pick up checked bags after a cancellation", "my luggage flew to {city_en} without me",
             "bag came out damaged", "baggage claim queue is {n} hours long"]),
        cat("현장 혼잡", "topic", "#2B8A3E", 0.10,
            ["줄", "카운터", "현장", "대기", "혼잡", "queue", "counter", "line", "crowd"],
            ["카운터 줄이 끝이 안 보여요 직원 두 명이 다예요", "{city} 공항 현장 아수라장이에요", "대기 번호표 {n}00번대 실화?",
             "현장 안내 직원이 아무것도 몰라요", "키오스크 다 꺼져있어요", "사람 너무 많아서 숨막혀요 안내 좀"],
            ["the counter line goes out the door", "total chaos at {city_en} airport", "only two agents for hundreds of people",
             "kiosks are all off"]),
        cat("칭찬", "topic", "#0C8599", 0.07,
            ["감사", "친절", "수고", "고생", "thank", "kind", "appreciate"],
            ["카운터 직원분 정말 친절하셨어요 감사합니다", "승무원분들 고생 많으세요", "안전이 먼저죠 결항 이해합니다 수고하세요",
             "문자 안내 빨라서 좋았어요", "대체편 바로 잡아주셔서 감사해요"],
            ["thank you to the ground staff, so kind", "safety first, appreciate the clear updates", "crew were amazing, thanks"]),
        cat("스팸·잡음", "topic", "#868E96", 0.07, ["부업", "리딩방", "맞팔", "에어드랍", "dm me", "airdrop", "link in bio"],
            ["하늘항공 결항 보상금 즉시 지급 {spamlink}"], [], spam=True),
        cat("고객센터", "customer_centre", "#5F3DC4", 0.11,
            ["예약번호", "dm", "상담", "연락", "booking", "call"],
            ["예약번호 {pnr} 환불 건 DM 드렸어요", "{name} 승객인데 예약 {pnr} 대체편 연락 주세요", "콜센터 {n}시간째 연결 안 돼요 예약 {pnr}",
             "DM 확인 부탁드려요 유아 동반 예약이에요", "예약번호 {pnr} 이름 철자 수정해야 돼요 급해요"],
            ["booking {pnr}, please DM me about my refund", "call center unreachable, booking ref {pnr}",
             "DMed you my booking, need a seat tomorrow"]),
    ],
    {"flight": ["HN123", "HN 501", "하늘 707편", "HN802", "HN1204편"], "flight_en": ["HN123", "HN 501", "HN802"],
     "city": ["제주", "김포", "부산", "후쿠오카", "오사카", "타이베이"], "city_en": ["Jeju", "Gimpo", "Busan", "Osaka", "Taipei"],
     "date": ["9월 2일", "모레", "다음 주 화요일", "9/3"], "date_en": ["Sep 2", "next Tuesday", "the 3rd"],
     "won": ["15만원", "8천원", "12만 원", "1만원"], "won_en": ["8,000 won", "$7", "10,000 won"]},
    520)

# ------------------------------------------------------------------ crisis 4: a ticketing platform's presale meltdown
# Written after the engine's parameters were chosen (issue 24): it is never used to tune anything, only to check
# that what was chosen on the other three carries over to a crisis nobody looked at.
TICKET = Crisis(
    "ticket-crash", "티켓온 선예매 서버 마비 (concert presale meltdown)", "티켓온", "TicketOn", "@ticketon_kr",
    datetime(2026, 10, 17, 20, 0, tzinfo=KST), 2026101704,
    [
        cat("예매 접속 장애", "topic", "#D9480F", 0.25,
            ["대기열", "접속", "튕", "서버", "새로고침", "queue", "server", "crash", "waiting room"],
            ["대기열 {q}번이었는데 새로고침 했더니 {q2}번 됐어요 ㅋㅋ", "8시 정각에 들어갔는데 흰 화면만 {time}째",
             "예매 버튼 누르면 튕겨요 앱 {ver} 최신인데", "서버 터졌다 선예매 어떻게 하라는 거", "좌석 선택 화면에서 계속 멈춰요",
             "대기 순번이 안 줄어요 {time}째 그대로", "접속 오류 {err} 뜨고 처음부터 다시래요", "PC로 해도 모바일로 해도 안 들어가져요",
             "좌석 잡았는데 다음 누르니까 '이미 선택된 좌석' 무한반복", "대기열 통과하자마자 세션 만료 ㅠㅠ", "{artist} 콘서트 예매창 아직도 로딩 중"],
            ["queue said {q} then reset to {q2} after refresh", "stuck on a white screen since 8pm", "app crashes on the book button",
             "seat map won't load, error {err}", "session expired right after the waiting room", "server is dead, presale is a joke"],
            sarcasm=["대기열 {q2}번 당첨 축하드립니다 저한테 ^^ 역시 티켓온", "서버 튼튼한 거 하나는 인정 ㅋㅋ 3초 버팀"]),
        cat("결제 오류", "topic", "#C2255C", 0.18,
            ["결제", "카드", "무통장", "입금", "승인", "payment", "charged", "card"],
            ["결제 완료 문자 왔는데 예매 내역에 없어요", "카드 승인 {n}번 났는데 표는 한 장도 없음", "무통장 입금 기한이 {time}이래요 말이 돼요?",
             "결제창에서 멈췄는데 돈은 빠져나감 {won}", "간편결제 누르면 오류 {err}", "중복 결제됐어요 {won}씩 두 번",
             "입금했는데 미입금 취소됐대요", "결제 단계에서 좌석이 풀렸어요 ㅠ"],
            ["charged {won_en} twice but no ticket", "payment went through, booking not in my account",
             "card declined {n} times then charged anyway", "bank transfer deadline was 30 minutes?? it got cancelled"]),
        cat("매크로·공정성", "topic", "#9C36B5", 0.14,
            ["매크로", "암표", "리셀", "봇", "되팔", "공정", "bot", "scalper", "resale"],
            ["매크로 돌린 사람들만 잡은 거 아니에요?", "예매 5분 만에 리셀 사이트에 {won2}에 올라옴 ㅋㅋ", "암표상 계정 정지 안 하나요",
             "봇 막는다더니 대기열 1번이 해외 IP래요", "팬클럽 선예매인데 공정하게 한 거 맞아요?", "되팔이 신고는 어디에 해요",
             "캡차라도 넣으세요 매크로 천국이네", "리셀 가격 {won2} 실화냐 정가 {won}인데"],
            ["bots got all the seats again", "tickets on resale for {won2_en} five minutes after opening",
             "what are you doing about scalpers", "queue #1 was a bot, fair presale my ass"],
            sarcasm=["매크로 전용 예매처 티켓온 ^^ 사람은 못 사요", "공정한 예매 감사합니다 암표상님들 축하드려요 👏"]),
        cat("취소·환불", "topic", "#1971C2", 0.12,
            ["환불", "취소", "수수료", "취소표", "refund", "cancel", "fee"],
            ["취소 수수료 {won}이라는데 오류 때문에 잘못 잡은 좌석이에요", "환불 신청 버튼이 회색이에요", "취소표 언제 풀려요?",
             "중복 예매된 거 하나 취소하고 싶은데 수수료 면제돼요?", "환불은 며칠 걸려요 카드사는 모른대요", "공연 취소되면 전액 환불 맞죠?"],
            ["refund button is greyed out", "cancel fee {won_en} for a seat your bug gave me?", "when are cancelled seats released",
             "how long does the refund take"]),
        cat("칭찬·응원", "topic", "#0C8599", 0.07,
            ["감사", "고생", "수고", "친절", "응원", "thank", "finally", "appreciate"],
            ["드디어 잡았어요 ㅠㅠ 고생하셨어요 감사합니다", "상담원분이 끝까지 도와주셨어요 친절 감동", "서버 복구 빠르네요 수고하셨습니다",
             "2차 예매는 안정적이네요 고마워요", "{artist} 보러 갑니다 티켓온 직원분들 응원해요"],
            ["got my ticket finally, thanks team", "support agent was super kind, appreciate it", "second round went smooth, thank you"]),
        cat("스팸·사칭", "topic", "#868E96", 0.10, ["부업", "리딩방", "맞팔", "에어드랍", "dm me", "airdrop", "link in bio"],
            ["{artist} 티켓 양도 정가 이하 입금 먼저 {spamlink}", "티켓온 예매 성공 꿀팁 매크로 판매 {spamlink}",
             "[티켓온] 예매 오류 보상 쿠폰 받기 {spamlink}"],
            ["selling 2 floor seats for {artist}, pay first, {spamlink}", "ticket bot for sale, 100% success {spamlink}"],
            spam=True),
        cat("고객센터", "customer_centre", "#5F3DC4", 0.14,
            ["예매번호", "dm", "상담", "문의", "연락", "booking no"],
            ["예매번호 {tno} 결제는 됐는데 내역이 없어요 DM 드렸어요", "{name} 이름으로 {tno} 중복결제 취소 부탁드려요",
             "1:1 문의 {n}번 넣었는데 답이 없어요 예매번호 {tno}", "상담 전화 {n}시간째 연결 안 돼요 제 건 확인 좀",
             "DM 확인해주세요 휠체어석 예매 건이에요", "예매번호 {tno} 좌석 등급 잘못 들어갔어요 연락 주세요"],
            ["booking no {tno}, charged but no ticket, DMed you", "please check my case {tno}, double charge",
             "1:1 inquiry ignored for {n} hours, booking {tno}"]),
    ],
    {"artist": ["루미너스", "LUMINOUS", "블루아워", "문라이트 밴드", "세븐틴즈"], "q": ["1,204", "3,518", "842", "12,060"],
     "q2": ["48,211", "102,337", "67,900", "215,004"], "ver": ["5.2.1", "5.3.0", "5.1.8"], "err": ["E1003", "T-500", "9999", "ERR_QUEUE_77"],
     "won": ["15만 4천원", "13만원", "99,000원", "16만 5천원"], "won2": ["80만원", "120만원", "55만원"],
     "won_en": ["154,000 won", "$110", "130k won"], "won2_en": ["800k won", "$900", "1.2M won"],
     "tno": ["T20261017-{n}{n}{n}{n}", "TK{n}{n}{n}{n}{n}{n}", "2026-{n}{n}{n}{n}{n}"]},
    480)

TICKET.urls = ["https://news.example.kr/article/2026101{n}{n}{n}", "https://imgur.example/a/Tk{n}{n}x", "https://youtu.example/shorts/q{n}Zp{n}",
               "https://ticketon.example/notice/{n}{n}{n}", "pic.x.example/{n}{n}{n}ab"]

CRISES = [BANK, FOOD, AIR, TICKET]


# ------------------------------------------------------------------ filling and noise
def fill(cr, text, rng):
    def rep(mo):
        k = mo.group(1)
        if k in cr.slots:
            return fill(cr, rng.choice(cr.slots[k]), rng)  # a slot's value may hold {n}
        if k == "brand":
            return cr.brand
        if k == "brand_en":
            return cr.brand_en
        if k == "n":
            return str(rng.randint(2, 9))
        if k == "time":
            return rng.choice(["30분", "1시간", "2시간", "한 시간", "40분", "세 시간"])
        if k == "time_en":
            return rng.choice(["8am", "this morning", "an hour ago", "noon", "9:30"])
        if k == "name":
            return rng.choice(NAMES_KO)
        if k == "acct":
            return f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
        if k == "txn":
            return f"TX{rng.randint(10000000, 99999999)}"
        if k == "order":
            return f"B{rng.randint(2026, 2026)}{rng.randint(1000000, 9999999)}"
        if k == "uid":
            return rng.choice(GIVEN) + str(rng.randint(1, 999))
        if k == "pnr":
            return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        if k == "phone":
            return f"010-****-{rng.randint(0, 9999):04d}"
        if k == "spamlink":
            return rng.choice(SPAMLINKS).replace("{n}", str(rng.randint(10, 99)))
        return mo.group(0)

    return re.sub(r"\{([a-z_][a-z0-9_]*)\}", rep, text)


def typos(text, lang, rng):
    pairs = TYPOS_KO if lang == "ko" else TYPOS_EN
    cands = [p for p in pairs if p[0] in text]
    rng.shuffle(cands)
    for a, b in cands[: rng.randint(1, 2)]:
        text = text.replace(a, b, 1)
    if lang == "ko" and rng.random() < 0.3:
        words = text.split(" ")
        if len(words) > 3:
            j = rng.randint(0, len(words) - 2)
            words[j:j + 2] = ["".join(words[j:j + 2])]
            text = " ".join(words)
    if lang == "ko" and rng.random() < 0.2 and len(text) > 8:  # a dropped syllable
        i = rng.randint(2, len(text) - 2)
        if "가" <= text[i] <= "힣":
            text = text[:i] + text[i + 1:]
    if lang == "en" and rng.random() < 0.4:
        text = text.lower()
    return text


VAGUE_KO = ["{kw} 아직이에요?", "{kw} 언제 돼요", "{kw} 이거 저만 이래요?", "{kw} 때문에 미치겠네", "{kw} 관련 공지 좀요",
            "오늘 {kw} 난리네", "{kw} ㅠㅠ", "{kw} 답변 좀 주세요", "{kw} 문의했는데 답이 없어요"]
VAGUE_EN = ["{kw} still??", "any news on {kw}", "{kw} issue again", "is it just me or {kw}", "{kw} pls"]


def other_sentence(cr, c, lang, rng):
    """A sentence from another (non-spam) category: many posts touch two topics and are labelled by the main one."""
    others = [o for o in cr.cats if o is not c and not o["spam"] and o["kind"] == "topic"]
    o = rng.choice(others)
    pool = o["en"] if lang == "en" and o["en"] else o["ko"]
    return fill(cr, rng.choice(pool), rng)


def compose(cr, c, lang, rng):
    """One post of category c in language lang ('ko', 'en' or 'mix')."""
    text, lang2 = compose_main(cr, c, lang, rng)
    if not c["spam"] and rng.random() < 0.06:  # a short, vague post that only a word or two ties to its topic
        kw = rng.choice([k for k in c["keywords"] if (lang2 == "en") == k.isascii()] or c["keywords"])
        text = fill(cr, rng.choice(VAGUE_EN if lang2 == "en" else VAGUE_KO).replace("{kw}", kw), rng)
    elif not c["spam"] and rng.random() < 0.28:
        extra = other_sentence(cr, c, lang2, rng)
        text = (text + " " + extra) if rng.random() < 0.7 else (extra + " " + text)
    return text, lang2


def compose_main(cr, c, lang, rng):
    if c["spam"]:
        pool = SPAM_KO + c["ko"] if lang != "en" else SPAM_EN + c["en"]
        text = fill(cr, rng.choice(pool), rng)
        if rng.random() < 0.3:
            text += " " + rng.choice(["#" + cr.brand, "#" + cr.brand + "장애", "#급구", "#부업", "#맞팔"])
        return text, ("en" if lang == "en" else "ko")
    if lang == "en" and c["en"]:
        base = fill(cr, rng.choice(c["en"]), rng)
        text = rng.choice(OPEN_EN) + base + rng.choice(CLOSE_EN)
        if rng.random() < 0.2:
            text += rng.choice(MIX_KO)
        return typos(text, "en", rng) if rng.random() < 0.35 else text, "en"
    if c["sarcasm"] and rng.random() < 0.12:
        text = fill(cr, rng.choice(c["sarcasm"]), rng)
    else:
        parts = [fill(cr, rng.choice(c["ko"]), rng)]
        if rng.random() < 0.25:  # two sentences of the same topic
            parts.append(fill(cr, rng.choice(c["ko"]), rng))
        closers = CLOSE_PRAISE if c["name"].startswith("칭찬") else CLOSE_KO
        text = rng.choice(OPEN_KO) + " ".join(parts) + rng.choice(closers)
    if lang == "mix" or rng.random() < 0.1:
        if c["en"] and rng.random() < 0.4:
            text += " / " + fill(cr, rng.choice(c["en"]), rng)
        else:
            text += rng.choice(MIX_EN)
    if rng.random() < 0.45:
        text = typos(text, "ko", rng)
    return text, "ko"


def decorate(text, rng):
    r = rng.random()
    if r < 0.35:
        text += " " + rng.choice(CHOSUNG)
    if rng.random() < 0.3:
        text += " " + "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 3)))
    return text


def handle(rng):
    g, s = rng.choice(GIVEN), rng.choice(SURN)
    return rng.choice([f"{g}_{s}", f"{s}{g}{rng.randint(1, 99)}", f"{g}{rng.randint(80, 99)}", f"the_{g}", f"{g}.{s}"[:15].replace(".", "_")])


def build(cr):
    rng = random.Random(cr.seed)
    cats = cr.cats
    counts = [max(20, round(cr.total * c["share"])) for c in cats]
    labels = []
    for c, k in zip(cats, counts):
        labels += [c] * k
    rng.shuffle(labels)
    posts = []  # (text, lang, category name)
    by_cat = {c["name"]: [] for c in cats}
    for c in labels:
        r = rng.random()
        lang = "ko" if r < 0.64 else ("en" if r < 0.86 else "mix")
        prior = by_cat[c["name"]]
        r2 = rng.random()
        if prior and r2 < 0.07 and not c["spam"]:  # a retweet of an earlier post
            src = rng.choice(prior)
            text, lang = f"RT @{src[2]}: {src[0]}", src[1]
        elif prior and r2 < 0.13:  # a near-duplicate: the same complaint again, slightly changed
            src = rng.choice(prior)
            text, lang = decorate(src[0].rstrip("!?. ") + rng.choice(["", "!!", " ㅠ", "??", " 2222", " (again)"]), rng), src[1]
        else:
            text, lang = compose(cr, c, lang, rng)
            text = decorate(text, rng)
            if cr.urls and rng.random() < 0.1:
                text += " " + fill(cr, rng.choice(cr.urls), rng)
        author = handle(rng)
        at = cr.handle if rng.random() < 0.85 else cr.handle.upper()
        full = (f"{at} {text}" if rng.random() < 0.8 else f"{text} {at}") if not text.startswith("RT @") else text
        by_cat[c["name"]].append((text, lang, author))
        posts.append((full, lang, c["name"], author))
    # fixed 60/40 split, stratified per category so every category is in both
    train, test = [], []
    seen = Counter()
    totals = Counter(p[2] for p in posts)
    for p in posts:
        seen[p[2]] += 1
        (train if seen[p[2]] <= round(totals[p[2]] * 0.6) else test).append(p)
    rng.shuffle(train)
    rng.shuffle(test)
    return train, test


def lines(cr, posts, base_id, rng):
    out = []
    t = cr.date
    for i, (text, lang, category, author) in enumerate(posts):
        t = t + timedelta(seconds=rng.randint(3, 90))
        obj = {"id": str(base_id + i * 7919 + rng.randint(0, 999)), "created_at": t.isoformat(), "author": author,
               "author_name": rng.choice(NAMES_KO + [a.title() for a in GIVEN]), "lang": lang, "text": text,
               "category": category}
        out.append(json.dumps(obj, ensure_ascii=False))
    return out


def categories_json(cr):
    cats = []
    for c in cr.cats:
        cats.append({"name": c["name"], "color": c["color"], "kind": c["kind"], "keywords": c["keywords"],
                     "regex": c["regex"], "exclude": c["exclude"]})
    return json.dumps({"format": "crisisdesk-categories/1", "categories": cats}, ensure_ascii=False, indent=1)


def main():
    os.makedirs(OUT, exist_ok=True)
    for n, cr in enumerate(CRISES):
        train, test = build(cr)
        rng = random.Random(cr.seed + 1)
        base = 1900000000000000000 + n * 10000000000000000
        for suffix, posts, off in (("train", train, 0), ("test", test, 5000000000000000)):
            with open(os.path.join(OUT, f"{cr.slug}.{suffix}.jsonl"), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines(cr, posts, base + off, rng)) + "\n")
        with open(os.path.join(OUT, f"{cr.slug}.categories.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(categories_json(cr) + "\n")
        cnt = Counter(p[2] for p in train + test)
        langs = Counter(p[1] for p in train + test)
        print(f"{cr.slug}: {len(train)} train, {len(test)} test; "
              + ", ".join(f"{c['name']} {cnt[c['name']]}" for c in cr.cats) + f"; langs {dict(langs)}")


if __name__ == "__main__":
    main()
