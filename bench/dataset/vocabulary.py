"""The words, names and proportions the generated data is made of."""

SCALE_PASSWORD = "hataraku-scale"  # noqa: S105 - a documented demo password for local data
BENCH_MODERATOR = "bench-moderator@scale.example"

APPLICATION_STATES = {
    "submitted": 34,
    "in_review": 20,
    "interview": 10,
    "offer": 3,
    "hired": 3,
    "rejected": 25,
    "withdrawn": 5,
}
# The path an application took to reach its state (after "submitted").
PATHS = {
    "submitted": [],
    "in_review": ["in_review"],
    "interview": ["in_review", "interview"],
    "offer": ["in_review", "interview", "offer"],
    "hired": ["in_review", "interview", "offer", "hired"],
    "withdrawn": ["withdrawn"],
}
REJECTED_AFTER = ([], ["in_review"], ["in_review", "interview"])
LISTING_STATES = {"published": 86, "closed": 5, "expired": 5, "draft": 2, "pending": 2}
NATIONALITIES = {"PH": 20, "VN": 25, "NP": 12, "PK": 10, "ID": 12, "MM": 8, "LK": 4, "BD": 4}
NATIONALITY_WEIGHTED = [code for code, weight in NATIONALITIES.items() for _ in range(weight)]
PREFECTURE_WEIGHTS = {"13": 12, "14": 6, "23": 7, "27": 7, "11": 4, "12": 4, "40": 4, "01": 4}
HOT_LISTINGS = 5  # listings with 5,000+ applicants each
HOT_APPLICANTS = (5_000, 8_000)

EXTRA_EN = (
    "Working hours are {hours} hours a day, five days a week, with overtime paid at the legal "
    "rate. Paid leave starts at ten days in the first year, as the Labour Standards Act requires.",
    "New staff train for {weeks} weeks with a senior colleague. Instructions are given in simple "
    "Japanese, and a colleague who speaks English helps in the first month.",
    "{prefecture} has good train and bus connections; supermarkets, a clinic and a city office "
    "are within fifteen minutes of the workplace. Many of our foreign staff live nearby.",
    "We pay the same wage as Japanese staff doing the same work and review pay every April. "
    "Bonuses depend on the company's results and have been paid twice a year recently.",
    "After you apply, we read your CV within a week. The interview is online, in Japanese and "
    "English, and lasts about forty minutes; you can ask us anything about the job.",
    "Our support covers airport pick-up, opening a bank account, registering at the city office "
    "and a mobile phone contract. A support worker visits every three months.",
    "Safety comes first: you receive protective equipment and safety training before starting, "
    "and a supervisor checks every new task with you.",
    "We help you study for the next Japanese test with weekly lessons after work and pay the "
    "test fee when you pass. Several colleagues moved from {sector} (i) to (ii) with us.",
)
EXTRA_JA = (
    "勤務時間は1日{hours}時間、週5日です。時間外労働には法定の割増賃金を支払います。"
    "年次有給休暇は労働基準法どおり初年度10日からです。",
    "入社後{weeks}週間は先輩社員と一緒に研修を行います。やさしい日本語で説明し、"
    "最初の1か月は英語ができる社員がサポートします。",
    "{prefecture}は電車やバスが便利で、職場から15分以内にスーパー、診療所、市役所があります。"
    "外国人スタッフの多くが近くに住んでいます。",
    "同じ仕事をする日本人社員と同等以上の給与を支払い、毎年4月に昇給を見直します。"
    "賞与は業績により年2回支給の実績があります。",
    "応募後1週間以内に書類を確認します。面接はオンラインで、日本語と英語で約40分です。"
    "仕事について何でも質問してください。",
    "空港への出迎え、銀行口座の開設、市役所での手続き、携帯電話の契約を支援します。"
    "支援担当者が3か月に1回面談します。",
    "安全第一です。作業開始前に保護具と安全教育を提供し、新しい作業は必ず担当者が確認します。",
    "次の日本語試験に向けて毎週勉強会を開き、合格したら受験料を会社が負担します。"
    "{sector}で1号から2号へ移行した先輩もいます。",
)
COVER_LETTERS = (
    "",
    "",
    "I have worked in this field for {years} years and passed the skills test. "
    "I would like to work in {prefecture} and keep improving my Japanese.",
    "はじめまして。{years}年の経験があります。日本で長く働きたいと思っています。"
    "よろしくお願いいたします。",
)
FIRST_NAMES = (
    "Maria",
    "Jose",
    "Nguyen Van",
    "Tran Thi",
    "Le Minh",
    "Ram",
    "Sita",
    "Muhammad",
    "Ayesha",
    "Budi",
    "Siti",
    "Aung",
    "Thida",
    "Ahmed",
    "Fatima",
)
LAST_NAMES = (
    "Santos",
    "Reyes",
    "An",
    "Hoa",
    "Khan",
    "Gurung",
    "Thapa",
    "Sharma",
    "Wijaya",
    "Rahman",
    "Kyaw",
    "Win",
    "Perera",
    "Hossain",
    "Ali",
)
