# -*- coding: utf-8 -*-
"""Held-out sentence bank (Sunday 2026-10-18, the day after the launch).

Written separately from bank_scenario.py, with different wording, so that a
classifier trained on the scenario can be tested fairly. Written for this
project. Same placeholders as the scenario bank.
"""
from bank_scenario import DELIVERY, ACTIVATION, FEE, REG, STOCK, PRAISE, SPAM, CC

OPENERS_KO = [
    "공식 계정님", "좋은 아침입니다만", "어제에 이어 오늘도", "일요일 아침부터 죄송한데", "저 또 왔어요",
    "다름이 아니라", "한 가지만요", "정말 궁금해서요", "이틀째", "오늘은 좀 답해주세요",
    "주말인데 고생하십니다만", "휴", "아오", "질문!", "[질문]", "(재문의)", "솔직히",
]
CLOSERS_KO = [
    "회신 기다립니다", "오늘은 꼭 알려주세요", "부탁드려요 진심으로", "ㅜㅜㅜ", "하..진짜",
    "이틀째 이러네요", "빠른 회신 바랍니다", "제발 좀요", "읽씹 그만", "기대 안 하고 기다릴게요",
    "휴일이라 더 막막하네요", "ㅂㄷㅂㄷ", "알려주세요~", "감사드립니다",
]
OPENERS_EN = ["Sunday check-in:", "day 2 of this:", "Morning team,", "once again", "hello again", "ok,"]
CLOSERS_EN = ["any news?", "still hoping", "please", "thanks in advance!", "day two, folks", "sigh"]

DELIVERY_KO = [
    "어제 받기로 한 폰이 오늘도 안 보여요",
    "일요일에도 택배 오나요? 어제 못 받은 사람입니다",
    "송장 조회하면 아직도 '이동 중'이에요. 하루가 지났는데",
    "어제 허브 문제 풀렸다면서 제 물건은 왜 그대로예요",
    "기사님이 오늘 오신다고 문자 주셨는데 시간이 안 적혀있어요",
    "우리 지역은 월요일에나 온다는 게 사실이에요?",
    "이틀째 현관 앞 대기 중",
    "상자가 어디서 자고 있는지 궁금하네요",
    "오늘 오후 도착이라는데 이번엔 믿어도 되죠?",
    "물건이 옆 동네 터미널까지 왔다가 다시 허브로 돌아갔어요",
    "어제 저녁에 배송 출발 떴는데 밤새 안 왔어요",
    "택배 앱엔 '배달 준비'라는데 대체 언제 출발해요",
    "아직 안 왔다고요. 하루 더 기다리래서 기다렸잖아요",
    "일요일 특별 배송 한다던 공지 진짜예요?",
    "기사님이 저희 건물 못 찾으시는 것 같아요. 계속 근처만 돌아요",
    "배송 예정일 또 바뀌었네 10/20이래요",
    "주말 내내 폰 기다리다 끝나겠어요",
    "문 앞에 놓고 간다더니 다른 층에 놓고 가셨어요",
    "어제 배송완료 떴던 거 아직도 못 찾았어요",
    "오늘은 진짜 오는 거 맞죠?",
]
DELIVERY_EN = [
    "day two and my parcel is still 'in transit'",
    "do couriers run on sunday? yesterday's delivery never came",
    "tracking says the box went back to the hub overnight??",
    "the new ETA is monday. monday!",
    "my driver texted 'today' with no time. any idea?",
    "parcel marked delivered yesterday, still can't find it",
    "is the sunday delivery thing real or not",
    "it's been 24 hours past the promised time",
]

ACTIVATION_KO = [
    "오늘 아침에 다시 개통 시도했는데 또 실패",
    "어제부터 '개통 처리 중'이라 전화를 못 받고 있어요",
    "eSIM 다시 설치하려니까 '이미 사용된 프로필'이래요",
    "유심을 새로 받았는데도 인식이 안 돼요",
    "번호 옮기는 중이라면서 하루가 지났어요",
    "새 폰에서 통화는 되는데 문자 수신이 안 돼요",
    "셀프 개통 화면이 오늘은 아예 안 열리네요",
    "어제 매장에서 개통 접수하고 왔는데 아직도 신호 없음",
    "통신사 이름 대신 'SOS'만 떠요",
    "QR 다시 받았는데 스캔하면 앱이 꺼져요",
    "기존 번호로 전화하면 꺼져 있다고 나온대요",
    "인증번호 문자가 안 와서 은행 앱도 못 써요",
]
ACTIVATION_EN = [
    "still can't activate, second day now",
    "eSIM reinstall says the profile was already used",
    "only 'SOS' in the status bar since yesterday",
    "number transfer has been 'processing' for 20+ hours",
    "calls work, incoming texts don't",
]

FEE_KO = [
    "유심값 따로 낸다는 그 얘기 결국 어떻게 됐어요?",
    "어제 공지에 추가 비용 얘기는 없던데 확정 아닌 거죠?",
    "개통할 때 3만원 가까이 더 낸다는 말이 아직 돌아요",
    "청구서 나와봐야 아는 건가요? 지금 확실히 말해주세요",
    "친척이 대리점에서 유심 값 냈다는데 원래 무료라면서요",
    "개통 수수료 부활 소식 사실이면 불매합니다",
    "eSIM은 공짜고 실물 유심만 돈 받는다는 게 맞나요",
    "추가금 받는다는 기사 정정보도 나왔어요?",
    "사은품은 안 주면서 돈은 더 받는다는 소문 ㅋㅋ",
    "금액이 2,750원인지 27,500원인지 0 하나 차이로 다들 싸우고 있어요",
    "어제 뉴스 이후로 공식 해명이 없네요",
]
FEE_EN = [
    "so is the SIM fee a thing or not? still no clear answer",
    "a relative paid for the SIM at a dealer. wasn't it free?",
    "did that news outlet correct the activation fee story?",
    "2,750 or 27,500? people are arguing over a zero",
    "I'll boycott if the activation charge is real",
]

REG_KO = [
    "사은품 신청 기간 계산은 개통일 기준이에요 수령일 기준이에요?",
    "사후 등록 페이지 주소 좀 공유해주세요",
    "예약은 했는데 아직 개통 전이라 사은품 신청이 막혀요",
    "어제 사은품 신청했는데 내역 조회에 아무것도 없어요",
    "이어폰이랑 케이스 중 고르는 화면에서 다음이 안 눌려요",
    "구매 인증하라는데 영수증 사진으로 되나요?",
    "온라인 예약자랑 매장 예약자 혜택이 다르다는 게 맞나요",
    "쿠폰 문자 대신 카톡으로 온다던데 둘 다 안 왔어요",
    "등록할 때 모델명 입력칸에 노바9이 선택지에 없어요",
    "사전 예약 혜택 기간 연장해주세요. 배송이 늦어서 못 했잖아요",
]
REG_EN = [
    "is the gift deadline counted from activation or from delivery?",
    "can someone share the post-registration page link",
    "claim page won't let me past the gift selection step",
    "registered for the gift yesterday, nothing shows in my history",
    "please extend the pre-order benefit window, deliveries were late",
]

STOCK_KO = [
    "오늘 문 여는 매장 중에 블루 있는 데 있어요?",
    "일요일에도 입고되나요? 매장에선 모르겠대요",
    "512 블루는 이번 주 안에 다시 풀리나요",
    "매장에 남은 건 전시용뿐이라고 하네요",
    "{store}에 실버 256 딱 한 대 남았대요 달려갑니다",
    "근처 매장 다섯 곳 전화했는데 다 없어요",
    "울트라 구경이라도 하고 싶은데 실물이 없어요",
    "재고 알림 받을 수 있게 해주세요",
]
STOCK_EN = [
    "any shops open today with blue in stock?",
    "called five stores nearby, all out",
    "will the 512GB blue be restocked this week?",
]

PRAISE_KO = [
    "어제 늦게라도 도와주신 상담사님 감사해요",
    "오늘 아침에 폰 받았어요. 기사님 일요일에도 고생하셨어요",
    "매장 직원분이 개통 막힌 거 바로 풀어주셨어요 최고예요",
    "사과 공지 진정성 있어서 좋았어요",
    "어제 화냈던 거 좀 미안하네요. 처리 빨랐어요",
    "써보니까 기다린 값 하네요 만족",
]
PRAISE_EN = [
    "got it this morning, thanks to the sunday crew",
    "support sorted my activation in ten minutes, kudos",
    "the apology notice felt genuine, appreciated",
]

SPAM_ITEMS = [
    ("일요일 한정 코인 에어드랍 🎁 {url}", "ko"),
    ("grow your followers fast, link in bio 📈", "en"),
    ("맞팔 구함 ㄱㄱ", "ko"),
    ("🐶🐶", "und"),
    ("💯💯💯", "und"),
    ("일요일엔 짜장면이지", "ko"),
    ("오늘 비 온대요 우산 챙기세요 ☔", "ko"),
    ("<svg onload=alert(1)>", "und"),
    ("free airdrop claim now {url}", "en"),
    ("심심한 사람 멘션 ㄱ", "ko"),
    ("😎🤙", "und"),
    ("헤어 살롱 오픈 기념 이벤트 {url}", "ko"),
    ("good morning twitter ☀️", "en"),
    ("ㄱㄱㄱㄱ", "ko"),
    ("🙈🙉🙊", "und"),
    ("이 글 보면 무조건 좋아요 누르기", "ko"),
    ("giveaway: 3 gift cards, retweet to enter {url}", "en"),
    ("드라마 정주행 중인데 결말 스포 금지", "ko"),
]

CC_KO = [
    "주문 {order} 배송지를 부모님 댁 {addr}로 옮겨주세요",
    "어제 DM 드린 건 오늘 중 답변 부탁드립니다",
    "카드 승인이 세 번 났어요. 제 명의 {name}",
    "주문한 색상이랑 다른 게 왔어요 ({order}) 교환 원합니다",
    "취소했는데 환불 예정일이 안 나와요. {order}",
    "상자에 유심 핀이 빠져 있었어요. 주문 {order}",
    "저 말고 다른 사람 이름으로 송장이 붙어 왔어요. 개인정보 괜찮은 거예요?",
    "요금 납부일을 바꾸고 싶어요. 본인 확인은 DM으로",
    "예약 때 입력한 연락처가 틀렸어요. 바뀐 번호: {phone}",
    "중고 반납 수거 기사님이 안 오셨어요. 접수번호 {ticket}",
    "DM에 영수증 사진 첨부했습니다. 확인 부탁드려요",
    "미개봉 반품 신청합니다. 주문번호 {order}",
]
CC_EN = [
    "please move order {order} to my parents' address, details in DM",
    "three card authorisations for one order. please DM me",
    "received someone else's shipping label on my box. privacy issue",
    "need a return label for {order}, unopened",
    "changed my mind, want to cancel {order} before it ships",
]
