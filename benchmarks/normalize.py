"""Throughput of vnterms.fold and vnterms.canonical, side by side with their peers.

fold is compared with unidecode and anyascii (transliteration to ASCII), canonical with
underthesea's text_normalize. Run by hand:
``pip install -e ".[bench]"; python benchmarks/normalize.py``.
"""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from vnterms import canonical, fold

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIZE = 3_000_000  # characters of each sample


def vietnamese_sample(size: int) -> str:
    """Realistic Vietnamese prose: sentences of real syllables, in a mix of both tone styles."""
    syllables = (
        (Path(__file__).resolve().parent.parent / "tests/data/vi-DauCu.dic")
        .read_text(encoding="utf-8")
        .split()[1:]
    )
    common = (
        "Liên hợp quốc Hội đồng Bảo an Việt Nam Đại hội đồng hòa bình phát triển bền vững "
        "Công ước quốc tế về quyền con người và Ủy ban Nhân quyền được thông qua tại Hà Nội "
        "những người thuộc các nước đang phát triển hoà thuỷ khoẻ của chúng ta trong năm"
    ).split()
    rng = random.Random(1)
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(common) if rng.random() < 0.7 else rng.choice(syllables)
        words.append(word)
        length += len(word) + 1
    text = " ".join(words)
    return "\n".join(text[i : i + 400] + "." for i in range(0, len(text), 400))


def english_sample(size: int) -> str:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    english = "".join(c for c in text if c.isascii())
    return (english * (size // len(english) + 1))[:size]


def throughput(function: Callable[[str], str], lines: list[str], repeat: int = 3) -> float:
    """Best-of-``repeat`` throughput in MB/s (UTF-8 bytes of input per second)."""
    megabytes = sum(len(line.encode("utf-8")) for line in lines) / 1e6
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for line in lines:
            function(line)
        times.append(time.perf_counter() - start)
    return megabytes / min(times)


def main() -> None:
    from anyascii import anyascii
    from underthesea import text_normalize
    from unidecode import unidecode

    samples = {
        "Vietnamese": vietnamese_sample(SIZE).splitlines(),
        "Vietnamese NFD": unicodedata.normalize("NFD", vietnamese_sample(SIZE)).splitlines(),
        "English": english_sample(SIZE).splitlines(),
    }
    for name, lines in samples.items():
        print(f"\n{name}: {sum(map(len, lines)) / 1e6:.1f} M characters in {len(lines)} lines")
        figures = {
            "vnterms.fold": throughput(fold, lines),
            "unidecode": throughput(unidecode, lines),
            "anyascii": throughput(anyascii, lines),
            "vnterms.canonical": throughput(canonical, lines),
        }
        small = lines[: max(1, len(lines) // 20)]  # underthesea is slow: a twentieth is plenty
        figures["underthesea.text_normalize"] = throughput(text_normalize, small, repeat=1)
        for label, value in figures.items():
            print(f"  {label:28} {value:9.2f} MB/s")
        peer = max(figures["unidecode"], figures["anyascii"])
        print(f"  fold / faster of unidecode, anyascii: {figures['vnterms.fold'] / peer:.2f}x")
        ratio = figures["vnterms.canonical"] / figures["underthesea.text_normalize"]
        print(f"  canonical / underthesea: {ratio:.1f}x")


if __name__ == "__main__":
    main()
