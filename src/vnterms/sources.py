"""How far a cited source can be trusted for a Vietnamese term: three ranks, by the site it is on.

Rank 1: Vietnamese official texts and the state press. Rank 2: other press and published sites.
Rank 3: Wikipedia, blogs, forums and document-sharing uploads.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["RANK_NAMES", "is_legal_text", "source_rank"]

RANK_NAMES = {
    1: "official texts and state press",
    2: "other press and sites",
    3: "wikipedia, blogs, uploads",
}

# Government, National Assembly, Party and legal-text sites (any *.gov.vn is official too).
_OFFICIAL = frozenset([
    "chinhphu.vn", "baochinhphu.vn", "vbpl.vn", "quochoi.vn", "dangcongsan.vn",
    "daibieunhandan.vn", "moj.gov.vn", "mofa.gov.vn", "congbao.chinhphu.vn",
])  # fmt: skip
# The state press: VNA (VietnamPlus, vnanet, Tin tức), Nhân Dân, Báo Quốc tế (of the Ministry of
# Foreign Affairs), VOV (and its foreign service VOV World), Quân đội nhân dân, VTV and the
# Party's review.
_STATE_PRESS = frozenset([
    "vietnamplus.vn", "vnanet.vn", "baotintuc.vn", "nhandan.vn", "baoquocte.vn", "vov.vn",
    "vovworld.vn", "qdnd.vn", "vtv.vn", "tapchicongsan.org.vn",
])  # fmt: skip
# Sites anyone can write on, and document-sharing uploads of unknown origin.
_OPEN = frozenset([
    "wikipedia.org", "wikiwand.com", "wiktionary.org", "blogspot.com", "wordpress.com",
    "medium.com", "facebook.com", "scribd.com", "academia.edu", "studocu.com", "studocu.vn",
    "tailieu.vn", "123doc.net", "123docz.net", "luanvan.co", "luanvan.net.vn", "doc.edu.vn",
    "vndoc.com", "hoatieu.vn", "tailieumienphi.vn", "thuvienso.vn",
])  # fmt: skip
# A legal database republishes official texts: the page of a text itself ranks as the text does
# (it carries the text's own wording, number and date), the site's news and question pages as
# other press. Each is known by the path of its text pages. Other copy sites, whose pages cannot
# be told from their articles, rank as other press.
_LEGAL_DATABASES = {
    "thuvienphapluat.vn": re.compile(r"/van-ban/"),
    "luatvietnam.vn": re.compile(r"/[^/]+/[^/]+-d\d+\.html\Z"),
    "thuviennhadat.vn": re.compile(r"/vbpl/"),
}


def source_rank(url: str) -> int:
    """The rank (1 best, 3 last) of a cited URL.

    >>> source_rank("https://baoquocte.vn/abc.html"), source_rank("https://tuoitre.vn/x")
    (1, 2)
    >>> source_rank("https://vi.wikipedia.org/wiki/X"), source_rank("https://www.moit.gov.vn/")
    (3, 1)
    >>> source_rank("https://thuvienphapluat.vn/van-ban/X.aspx")
    1
    >>> source_rank("https://luatvietnam.vn/x/quyet-dinh-445-51246-d1.html")
    1
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.endswith(".gov.vn") or host == "gov.vn":
        return 1
    for domain, text_page in _LEGAL_DATABASES.items():
        if _on(host, domain):
            return 1 if text_page.match(parts.path) else 2
    if any(_on(host, domain) for domain in _OFFICIAL | _STATE_PRESS):
        return 1
    if any(_on(host, domain) for domain in _OPEN) or _looks_like_upload(host):
        return 3
    if parts.path.startswith("/wiki/"):  # a copy of Wikipedia on another site
        return 3
    return 2


def is_legal_text(url: str) -> bool:
    """Whether a URL is a legal text as published (vbpl.vn, Công báo, the text page of a legal
    database: thuvienphapluat.vn, luatvietnam.vn, thuviennhadat.vn).

    >>> is_legal_text("https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1")
    True
    >>> is_legal_text("https://thuvienphapluat.vn/hoi-dap-phap-luat/x.html")
    False
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if _on(host, "vbpl.vn") or _on(host, "congbao.chinhphu.vn"):
        return True
    return any(_on(host, domain) and text_page.match(parts.path) is not None
               for domain, text_page in _LEGAL_DATABASES.items())  # fmt: skip


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _looks_like_upload(host: str) -> bool:
    """Document-sharing sites and wiki copies come under many names: tailieu…, …123doc…,
    luanvan…, studocu…, tieng.wiki…"""
    words = ("tailieu", "123doc", "luanvan", "studocu", "doc.edu", "wiki")
    return any(word in host for word in words)
