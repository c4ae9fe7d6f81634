"""A count written out in Vietnamese words, as the transfer list's closing line asks ("Viết bằng
chữ: … hồ sơ", Appendix V III)."""

from __future__ import annotations

__all__ = ["in_words"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", " nghìn", " triệu", " tỷ")


def _below_thousand(number: int, full: bool) -> str:
    """0–999; ``full`` when a higher group precedes it ("không trăm linh năm")."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return " ".join(words)
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return " ".join(words)


def in_words(number: int) -> str:
    """``21`` → "Hai mươi mốt", ``105`` → "Một trăm linh năm", ``1005`` → "Một nghìn không
    trăm linh năm" (up to 999 tỷ); capitalised, as written on the form."""
    if number < 0 or number >= 10**12:
        raise ValueError(f"out of range: {number}")
    if number == 0:
        return "Không"
    groups: list[int] = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        higher = index < len(groups) - 1
        words.append(_below_thousand(group, higher) + _GROUPS[index])
    text = " ".join(words)
    return text[0].upper() + text[1:]
