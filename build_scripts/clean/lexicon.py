"""The word list behind the repair rules: ``wordfreq`` frequencies (Zipf scale).

Guarantee: lookups are cached and never touch the network (wordfreq ships
its data inside the package).
"""

from __future__ import annotations

import functools

from wordfreq import zipf_frequency

KNOWN = 2.0  # Zipf frequency from which a word counts as known (about 1 per 10 million words)


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of *word* (0.0 when unknown)."""
    return zipf_frequency(word, lang if lang in ("fr", "en") else "fr")


def known(word: str, lang: str) -> bool:
    """True when *word* is a known word of *lang*."""
    return zipf(word, lang) >= KNOWN
