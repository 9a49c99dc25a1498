"""British and American spellings: the form a word takes in the other variety.

Regular patterns (colour/color, centre/center, travelled/traveled, analyse/analyze,
organise/organize) plus a short list of irregular pairs. A counterpart is offered only when
the vocabulary knows it as a word in use, so ``four`` never becomes ``for``. Oxford spelling
(-ize) is British too, so -ise is only ever turned into -ize, never the reverse.
"""

from __future__ import annotations

IRREGULAR_GB_US = {
    "defence": "defense", "offence": "offense", "pretence": "pretense", "grey": "gray",
    "plough": "plow", "tyre": "tire", "aluminium": "aluminum", "programme": "program",
    "cheque": "check", "jewellery": "jewelry", "manoeuvre": "maneuver", "paediatric": "pediatric",
    "anaemia": "anemia", "catalogue": "catalog", "judgement": "judgment", "ageing": "aging",
    "enrolment": "enrollment", "fulfil": "fulfill", "skilful": "skillful", "sceptical": "skeptical",
    "mould": "mold", "moustache": "mustache", "pyjamas": "pajamas", "storey": "story",
}
IRREGULAR_US_GB = {us: gb for gb, us in IRREGULAR_GB_US.items() if us not in ("check", "story", "tire", "program")}
MIN_ZIPF = 28  # the counterpart must be a word in use (Zipf x10)


def counterpart(word: str, want: str, zipf) -> str | None:
    """The ``want`` ('us' or 'gb') spelling of a lower-case ``word`` of the other variety."""
    table = IRREGULAR_GB_US if want == "us" else IRREGULAR_US_GB
    if word in table:
        return table[word]
    for other in (_to_us(word) if want == "us" else _to_gb(word)):
        if other != word and zipf(other) >= MIN_ZIPF:
            return other
    return None


def _to_us(w: str):
    for gb, us in (("ours", "ors"), ("our", "or"), ("ourite", "orite"), ("ourable", "orable"),
                   ("ouring", "oring"), ("oured", "ored"), ("ourful", "orful")):
        if w.endswith(gb) and len(w) - len(gb) >= 3:
            yield w[: -len(gb)] + us
    for gb, us in (("tre", "ter"), ("tres", "ters"), ("bre", "ber"), ("bres", "bers")):
        if w.endswith(gb) and len(w) - len(gb) >= 2:
            yield w[: -len(gb)] + us
    for gb, us in (("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
                   ("isation", "ization"), ("isations", "izations"), ("yse", "yze"), ("ysed", "yzed"),
                   ("ysing", "yzing")):
        if w.endswith(gb) and len(w) - len(gb) >= 3:
            yield w[: -len(gb)] + us
    for gb, us in (("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers")):
        stem = w[: -len(gb)]
        if w.endswith(gb) and len(stem) >= 4 and stem[-1] in "aeiou":
            yield stem + "l" + us[1:]


def _to_gb(w: str):
    for us, gb in (("ors", "ours"), ("or", "our"), ("orite", "ourite"), ("oring", "ouring"),
                   ("ored", "oured"), ("orful", "ourful")):
        if w.endswith(us) and len(w) - len(us) >= 3:
            yield w[: -len(us)] + gb
    for us, gb in (("ter", "tre"), ("ters", "tres"), ("ber", "bre"), ("bers", "bres")):
        if w.endswith(us) and len(w) - len(us) >= 2:
            yield w[: -len(us)] + gb
    for us, gb in (("yze", "yse"), ("yzed", "ysed"), ("yzing", "ysing")):
        if w.endswith(us) and len(w) - len(us) >= 3:
            yield w[: -len(us)] + gb
    for us, gb in (("led", "lled"), ("ling", "lling"), ("ler", "ller"), ("lers", "llers")):
        stem = w[: -len(us)]
        if w.endswith(us) and len(stem) >= 4 and stem[-1] in "aeiou" and not stem.endswith("l"):
            yield stem + gb
