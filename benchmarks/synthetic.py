"""A synthetic glossary of realistic UN-style names in English and Vietnamese, for benchmarks."""

from __future__ import annotations

import random

from vnterms import Concept, Glossary, Term

HEADS = [
    ("Committee", "Ủy ban"), ("Council", "Hội đồng"), ("Convention", "Công ước"),
    ("Agreement", "Hiệp định"), ("Programme", "Chương trình"), ("Fund", "Quỹ"),
    ("Commission", "Ủy ban"), ("Conference", "Hội nghị"), ("Office", "Văn phòng"),
    ("Treaty", "Hiệp ước"), ("Protocol", "Nghị định thư"), ("Forum", "Diễn đàn"),
]  # fmt: skip
TOPICS = [
    ("Human Rights", "Nhân quyền"), ("Climate Change", "Biến đổi khí hậu"),
    ("Sustainable Development", "Phát triển bền vững"), ("Food Security", "An ninh lương thực"),
    ("Disarmament", "Giải trừ quân bị"), ("Maritime Safety", "An toàn hàng hải"),
    ("Public Health", "Y tế công cộng"), ("Cybercrime", "Tội phạm mạng"),
    ("Migration", "Di cư"), ("Refugees", "Người tị nạn"), ("Oceans", "Đại dương"),
    ("Trade and Development", "Thương mại và Phát triển"), ("Gender Equality", "Bình đẳng giới"),
    ("Drug Control", "Kiểm soát ma túy"), ("Nuclear Safety", "An toàn hạt nhân"),
    ("Water Resources", "Tài nguyên nước"), ("Education", "Giáo dục"),
]  # fmt: skip
REGIONS = [
    ("Asia and the Pacific", "châu Á - Thái Bình Dương"), ("Africa", "châu Phi"),
    ("Europe", "châu Âu"), ("Latin America", "Mỹ Latinh"), ("Western Asia", "Tây Á"),
    ("Small Island States", "các quốc đảo nhỏ"),
    ("Least Developed Countries", "các nước kém phát triển"),
]  # fmt: skip


def synthetic_glossary(size: int, seed: int = 7) -> Glossary:
    """``size`` concepts with realistic, unique English and Vietnamese names and acronyms."""
    rng = random.Random(seed)
    concepts = []
    for n in range(size):
        head, head_vi = rng.choice(HEADS)
        topic, topic_vi = rng.choice(TOPICS)
        region, region_vi = rng.choice(REGIONS)
        english = f"{head} on {topic} in {region} {n}"
        vietnamese = f"{head_vi} về {topic_vi} tại {region_vi} số {n}"
        acronym = "".join(w[0] for w in english.split() if w[0].isupper()) + str(n)
        concepts.append(Concept(f"c{n}", "subsidiary-body", [
            Term(english, "en", "full", "preferred"),
            Term(f"United Nations {english}", "en", "full", "admitted"),
            Term(acronym, "en", "abbreviation", "admitted"),
            Term(vietnamese, "vi", "full", "preferred"),
        ]))  # fmt: skip
    return Glossary(concepts)
