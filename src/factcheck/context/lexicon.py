"""Language data for the context stage, compiled once per (language, rules folder).

``rules/lang/<lang>/context.toml`` holds the words (months, weekdays, relative phrases,
attribution cues); this module only turns them into regexes. Party words come from
``rules/parties.toml`` (:func:`factcheck.parties.load_parties`), the same words the claim
rules' ``{SIDE}`` and the comparison read; "both sides" phrases from ``context.toml``
[both_sides] and the ``total`` words of ``sides.toml``. Subgroup words come from
``rules/lang/<lang>/subgroups.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex
from regex import _regex

from .. import regexcache

from ..errors import FactcheckError
from ..langdata import lang_file, load_lang
from ..parties import load_parties
from ..tomlfile import where
from .words import (
    DIGIT, YEAR, Trigger, TriggerIndex, WordIndex, all_keys, first_class, required_keys,
)

APOS = "[’']"
_FLAGS = regex.IGNORECASE | regex.VERSION0
# a date phrase never starts or ends inside a word or a number
_LEFT = r"(?<![\p{L}\p{N}])"
_RIGHT = r"(?![\p{L}\p{N}])"


@dataclass(frozen=True)
class Relative:
    """A fixed relative phrase: the calendar ``unit`` and its ``offset`` from the base."""

    unit: str
    offset: int


@dataclass(frozen=True)
class DateTemplate:
    """One date template on its own: ``date_re`` is the alternation of all of them, and a
    sentence only runs the templates whose ``trigger`` fires (see period.find_phrases)."""

    index: int  # its t<i> group in ``date_re``
    kind: str
    rx: regex.Pattern  # the template between the same word boundaries as in ``date_re``
    fields: tuple[str, ...]  # the named parts it has (day, month, ...)
    trigger: Trigger


@dataclass(frozen=True)
class Lexicon:
    """Everything the context stage needs for one language, compiled."""

    lang: str
    months: dict[str, int]  # full names and abbreviations, lower-case
    weekdays: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    units: dict[str, str]
    numbers: dict[str, int]
    decades: dict[str, int]
    date_re: regex.Pattern  # one alternation; group t<i> tells which template matched
    date_kinds: tuple[str, ...]  # kind of template i ("relative" for the [[relative]] ones)
    relatives: dict[int, Relative]  # template index -> unit/offset
    anaphora: tuple[tuple[regex.Pattern, bool], ...]  # (pattern, since)
    lookback: int
    clause_re: regex.Pattern
    future_re: regex.Pattern | None
    dateline_re: regex.Pattern | None
    sides: WordIndex  # every party word (people, groups, place names) -> party id
    date_trigger: Trigger  # can a sentence hold a date phrase at all?
    source_trigger: Trigger  # ... an attribution?
    both_re: regex.Pattern | None
    possessive_re: regex.Pattern | None
    source_cues: tuple[regex.Pattern, ...]  # each has group "src"
    source_subject_cues: tuple[regex.Pattern, ...]
    # each subject cue without its leading {SRC}: found first, so the noun phrase is only
    # tried just before a verb (a pattern that opens with a free noun phrase is slow)
    source_subject_verbs: tuple[regex.Pattern | None, ...]
    source_strip: regex.Pattern | None
    source_names: dict[str, str]
    source_types: WordIndex  # words -> media, ngo, official
    source_type_order: tuple[str, ...]
    # "a Valcorvo", "near Port Ellery": a capitalised name after a locative word
    place_re: regex.Pattern | None = None
    # nouns of events ("valanga", "flood"): a place after them is the event's, not an area's
    event_noun_re: regex.Pattern | None = None
    # toll nouns ("bilancio", "death toll"): a place between them and the figure is its area
    toll_noun_re: regex.Pattern | None = None
    # the templates of ``date_re`` one by one, and which of them a text may match
    date_templates: tuple[DateTemplate, ...] = ()
    date_index: TriggerIndex = TriggerIndex((), frozenset(), {})
    # a trigger for each of ``source_cues`` and ``source_subject_cues``, and their keys
    source_cue_triggers: tuple[Trigger, ...] = ()
    source_subject_triggers: tuple[Trigger, ...] = ()
    # occasions that are not counts (a funeral, a cabinet meeting, a decree): a date in
    # their clause is theirs, never a figure's or its event's
    occasion_re: regex.Pattern | None = None
    # verbs that tell an event began ("broke out", "scoppiato"): a day they govern is the
    # event's start, from which a count runs, never the day of a figure of another verb
    onset_re: regex.Pattern | None = None
    # words that tell a count as it stands at the report or still moving ("has killed",
    # "sono stati", "so far", "finora"): such a figure is no old event's final toll
    running_re: regex.Pattern | None = None
    # verbs of a count's rise ("has risen to", "è salito a"): a figure after one is the new
    # count, and a date told with the count it rose from is that count's, never the new one's
    rise_re: regex.Pattern | None = None
    # a count in words or digits, and no number that a unit follows ("3 days", "tre giorni"):
    # another figure than the one being dated
    count_re: regex.Pattern | None = None
    source_keys: tuple[str, ...] = ()
    # can a text hold a match of ``both_re`` at all? (a figure's sentence, before the
    # three searches around the figure)
    both_trigger: Trigger = Trigger((), (), True)
    # demonyms and armed groups only: the words that name a counted group ("50 azeri"),
    # never a place ("300 morti in Italia")
    side_people: WordIndex = WordIndex(())
    # every party word and the leaders' names: whom a source speaks for ("Peskov")
    source_parties: WordIndex = WordIndex(())
    # a sentence is about fighting ("guerra", "missile"): nationalities are sides there,
    # elsewhere (a flood, an earthquake) they are a subgroup of the victims
    conflict: WordIndex = WordIndex(())
    # "X said it lost N", "Mosca ha ammesso la morte di N": the subject's own losses
    own_loss_re: regex.Pattern | None = None
    # a group of one side whose side is not named ("soldati", "troops"): no total
    one_side: WordIndex = WordIndex(())
    # feasts and named days ("pasqua", "easter"), lower-case: dates, never places
    feasts: frozenset[str] = frozenset()
    # cut from the end of a source ("Pavel Kirilenko on Friday" -> "Pavel Kirilenko")
    source_cut: regex.Pattern | None = None
    # a source that is only one of these ("he", "lui") stands for the one named before it
    source_pronouns: frozenset[str] = frozenset()
    # attributions only a headline makes ("Ministry: 12 dead", "... — top regional official")
    source_headline_cues: tuple[regex.Pattern, ...] = ()
    # where a subject's noun phrase may start at the earliest: a clause mark before it
    source_np_break: regex.Pattern | None = None
    source_articles: tuple[str, ...] = ()  # "the", "l'": a noun phrase may open with one
    # capitalised adverbs opening a sentence, never a source alone ("Così ha spiegato ...")
    source_not_names: frozenset[str] = frozenset()
    # a source's noun phrase, whole (with its article), and the words that join two of them
    # into one subject ("il dipartimento di polizia di Maui e l'Fbi hanno dichiarato")
    source_np: regex.Pattern | None = None
    source_coordinators: frozenset[str] = frozenset()
    # a territory named by its own word -> the place it is around ("reatino" -> "rieti"),
    # slugs: the area of "106 nel Reatino" is the one of "106 in provincia di Rieti"
    area_names: dict[str, str] = field(default_factory=dict)
    # a word opening the next item of a breakdown by place ("7.600 in Turchia, mentre in
    # Siria 1.280"): a place after it is never the area of a figure before it
    area_break_re: regex.Pattern | None = None
    # ``place_re`` that also steps over a few modifiers ("in the neighbouring Ascoli Piceno
    # province", "nella vicina Accumoli"): where a figure's area is read (``area_of``)
    area_re: regex.Pattern | None = None
    # a clause opening with one of these points back to the place before it ("come
    # Paiporta, dove si registrano 45 morti", "the Valencia region, where 211 died")
    area_relative_re: regex.Pattern | None = None
    # a place, a copula and a short noun phrase closing the text before a relative clause
    # ("Valcorvo was the worst-hit province, where"): the place is the antecedent
    area_copula_re: regex.Pattern | None = None
    # locatives that are genitives before a figure ("il sindaco di Amatrice ha detto che
    # 200 ..."): whose, not where
    area_genitives: frozenset[str] = frozenset()
    # words that restrict a figure to one place ("nella sola Siria", "in Syria alone"): such a
    # place is the figure's area even after the event's noun ("i morti del sisma nella sola X")
    area_only: frozenset[str] = frozenset()
    # nouns that name a town's region ("the Valencia region", "la regione di Valencia"): such
    # a town stands for the region around it, the area of "in the Comunitat Valenciana"
    area_regions: frozenset[str] = frozenset()
    # where the people a figure of these metrics counts left from: its area ("3,000 were
    # evacuated from Valcorvo", "5.000 evacuati da Valcorvo"), a place after ``area_origin_re``
    area_origin_re: regex.Pattern | None = None
    area_origin_metrics: frozenset[str] = frozenset()
    # "respectively" after a list of figures: the n-th figure counts the n-th place of the
    # list named before them ("in Valcorvo and Borgoverde ... at 40 and 11, respectively")
    area_respectively_re: regex.Pattern | None = None
    # a partitive right after a figure, ending before another ("211 of the 217"): the second
    # figure is the whole, no area
    area_partitive_re: regex.Pattern | None = None
    # a sentence opening with one of these points back to the figures before it ("Sono gli
    # ultimi dati della Protezione civile."): its attribution is theirs
    source_back_re: regex.Pattern | None = None
    # a finite verb right after a source found after its verb ("said authorities were
    # able"): the source is the reported clause's subject, no attribution
    source_clause_verb_re: regex.Pattern | None = None
    # a comma and a coordinator right before a subject: a clause of its own ("..., and the
    # mayor said"), not a second source of one subject ("Human Rights Watch and SITU said")
    source_coordinator_re: regex.Pattern | None = None
    # a word opening a concessive or temporal clause ("although", "after", "sebbene"): an
    # attribution inside such a clause is no attribution of a figure outside it
    source_fence_re: regex.Pattern | None = None
    # an embedded post's signature ("— Mayor Anna Rossi (@annarossi) May 3, 2023"): it signs
    # all of the post before it; no trigger (it has no word to look for)
    source_signatures: tuple[regex.Pattern, ...] = ()
    # the metrics of background figures ("population": how many live somewhere): one takes
    # only an attribution in its own clause, never a neighbour's
    source_clause_metrics: frozenset[str] = frozenset()
    # what may follow an attribution in a sentence that reports nothing of its own ("The
    # ministry said so in a statement later."): the words of when, where and how it spoke
    # and a word standing for the figures before; such a sentence points back
    source_tail_re: regex.Pattern | None = None
    # pronouns that never stand for a person ("it"), and the titles that make a source one
    # ("Anna Rossi, head of the forensic service")
    source_impersonal: frozenset[str] = frozenset()
    # pronouns that stand only for one person ("he", "lei"): never for a body ("the
    # ministry", "Authorities")
    source_personal: frozenset[str] = frozenset()
    source_people_re: regex.Pattern | None = None
    # words by which a quotation speaks of the figures before it ("“I dati sono incerti”"):
    # its speaker's tag, in the sentence after a figure, covers the figure
    source_count_re: regex.Pattern | None = None
    # a comparison between an attribution and a figure after it ("far above the 64 deaths"):
    # the figure is another count than the attributed one
    source_comparison_re: regex.Pattern | None = None
    # an attribution that covers only the figure right before it ("253, not 359 as reported
    # by the media": the media's is the 359), matched at the attribution's start
    source_left_re: regex.Pattern | None = None
    # a speech verb's gerund after a comma ("..., saying 25 are missing"): its subject is
    # the one its clause opens with
    source_gerund_re: regex.Pattern | None = None
    # the words opening a relative clause ("which", "that", "che"): an attribution in one
    # speaks for that clause
    source_relative_re: regex.Pattern | None = None
    # a preposition naming an agent, right before a source ("released by the ministry"): a
    # verb after such a source is its clause's, not one the source is the subject of
    source_agent_re: regex.Pattern | None = None
    # the words opening a later clause of its own ("while", "but"): an attribution past one,
    # followed by that clause's words, speaks for that clause
    source_contrast_re: regex.Pattern | None = None


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (so "sett" beats "set")."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _alt_tree(words) -> str:
    """:func:`_alt` as a tree of the words' prefixes ("minist(?:ero|ri)"): the same matches,
    tried in the same order (wherever several words match, the longer first), but the
    engine follows the one branch each next character allows instead of trying every word
    in turn (a source's noun phrase, ~500 words: its patterns run 3-5x faster). When two
    of the words' characters are one letter to a case-blind pattern ("K" and "k"), two
    branches could both match: the plain alternation then."""
    words = set(words)
    codes = {ord(c) for w in words for c in w}
    if any(set(_regex.get_all_cases(_FLAGS, c)) & codes - {c} for c in codes):
        return _alt(words)
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        rest = [regex.escape(c) + branch(sub) for c, sub in sorted(node.items()) if c]
        if not rest:
            return ""
        body = rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"
        return f"(?:{body})?" if "" in node else body  # the longer words before this one

    return branch(tree)


def _words_re(words) -> regex.Pattern:
    return regexcache.compile(_LEFT + _initials_lookahead(words) + "(?:" + _alt(words) + ")"
                              + _RIGHT, _FLAGS)


def _initials(words) -> str | None:
    """The class of the first characters of literal ``words`` (None: an empty word)."""
    words = list(words)
    if not words or not all(words):
        return None
    return "[" + "".join(sorted({regex.escape(w[0]) for w in words})) + "]"


def _initials_lookahead(words) -> str:
    first = _initials(words)
    return f"(?={first})" if first else ""


def _count_re(data: dict) -> regex.Pattern:
    """A count in digits or in words (the [numbers] worth two or more), unless a unit word
    follows it (a duration: "3 days", "tre giorni")."""
    words = sorted((w for w, v in data.get("numbers", {}).items() if int(v) >= 2),
                   key=len, reverse=True)
    units = sorted(data.get("units", {}), key=len, reverse=True)
    alt = "|".join(regex.escape(w) for w in words)
    unit = "|".join(regex.escape(u) for u in units) or "(?!)"
    return regexcache.compile(
        rf"(?<![\p{{L}}\d])(?:\d+(?:[.,'’]\d+)*(?:mila)?{'|' + alt if alt else ''})"
        rf"(?![\p{{L}}\d])(?!\s+(?:{unit})\b)", _FLAGS)


def _any_re(patterns, what: str, path: str) -> regex.Pattern | None:
    if not patterns:
        return None
    try:
        alt = "|".join(f"(?:{p})" for p in patterns)
        return regexcache.compile(first_char_lookahead(alt) + "(?:" + alt + ")", _FLAGS)
    except regex.error as exc:
        raise FactcheckError(_bad_regex(path, what, patterns, exc)) from None


def _tail_re(patterns, path: str) -> regex.Pattern | None:
    """``[sources] tails``: any run of them, each after a space, to the sentence's end
    (matched whole, from an attribution's end)."""
    if not patterns:
        return None
    alt = "|".join(f"(?:{_fill(p, {'APOS': APOS})})" for p in patterns)
    try:
        return regexcache.compile(r"(?:\s+(?:" + alt + r"))*[\s.!…]*", _FLAGS)
    except regex.error as exc:
        raise FactcheckError(_bad_regex(path, "sources.tails", patterns, exc)) from None


def _bad_regex(path: str, what: str, patterns, exc: regex.error) -> str:
    """The error of a bad pattern under the key ``what`` ("sources.cut"): the file, the line
    and the pattern that does not compile on its own, else the key and the combined error."""
    keys = tuple(what.split("."))
    for i, p in enumerate(patterns):
        try:
            regex.compile(p, _FLAGS)
        except regex.error as own:
            return f"{where(path, keys + (i,))}: {what}: bad regex {p!r}: {own}"
    return f"{where(path, keys)}: {what}: bad regex: {exc}"


def _compile_at(pattern: str, flags: int, path: str, keys: tuple, raw: str) -> regex.Pattern:
    """``regexcache.compile(pattern, flags)``; a bad pattern is an error naming the file, the
    line and the key ``keys`` of ``raw``, the data it was made from (never a traceback)."""
    try:
        return regexcache.compile(pattern, flags)
    except regex.error as exc:
        key = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys).lstrip(".")
        raise FactcheckError(f"{where(path, keys)}: {key}: bad regex {raw!r}: {exc}") from None


def _stand_ins(data: dict) -> dict[str, str]:
    """For reading first characters only: each date slot as the class of its first
    characters (one character, like the slot's first), or as "any character, maybe none"
    when that class is not known. Word slots from their words' initials: parsing the
    alternations would cost start-up time."""
    def initials(*keys: str, digits: bool = False) -> str:
        first = _initials([w for k in keys for w in data.get(k, {})] + (["0"] if digits else []))
        return (first[:-1] + r"\d]" if digits else first) if first else "(?:.)?"

    small = {k: first_class(v, True) or "(?:.)?" for k, v in _date_slots(data).items()
             if k in ("APOS", "DAY", "FIRST_DAY", "MNUM", "YEAR", "DECADE", "THIS_YEAR")}
    small.update(MONTH=initials("months"), MON=initials("months", "month_abbreviations"),
                 FIRST_MON=initials("months", "month_abbreviations"),
                 WEEKDAY=initials("weekdays"), SEASON=initials("seasons"),
                 UNIT=initials("units"), DECADE_WORD=initials("decades"),
                 N=initials("numbers", digits=True))
    return small


def first_char_lookahead(pattern: str) -> str:
    """A lookahead for the characters a match of ``pattern`` (compiled with ``_FLAGS``) can
    start with, or "" when unknown: the engine then skips other positions at once."""
    first = first_class(pattern, True)
    return f"(?={first})" if first else ""


def _fill(pattern: str, slots: dict[str, str]) -> str:
    # plain replace, not str.format: regexes are full of braces ({0,5})
    for key, value in slots.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def _date_slots(data: dict) -> dict[str, str]:
    months = {k.lower(): v for k, v in data.get("months", {}).items()}
    abbrevs = {k.lower(): v for k, v in data.get("month_abbreviations", {}).items()}
    numbers = data.get("numbers", {})
    this_year = data.get("this_year", {}).get("pattern", "(?!)")
    return {
        "APOS": APOS,
        "DAY": r"(?P<day>[12]\d|3[01]|0?[1-9])(?!\d|[.,'’]\d)",
        "FIRST_DAY": r"(?P<first_day>[12]\d|3[01]|0?[1-9])(?!\d|[.,'’]\d)",
        "MONTH": f"(?P<month>{_alt(months)})",
        "MON": f"(?P<month>{_alt({**months, **abbrevs})})",
        "FIRST_MON": f"(?P<first_month>{_alt({**months, **abbrevs})})",
        "MNUM": r"(?P<mnum>0?[1-9]|1[0-2])(?!\d)",
        "YEAR": r"(?<![\d.,'’])(?P<year>1[89]\d\d|20\d\d)(?!\d|[.,'’]\d|\s?%)",
        "WEEKDAY": f"(?P<weekday>{_alt(data.get('weekdays', {}))})",
        "SEASON": f"(?P<season>{_alt(data.get('seasons', {}))})",
        "N": rf"(?P<n>\d{{1,3}}|{_alt(numbers)})" if numbers else r"(?P<n>\d{1,3})",
        "UNIT": f"(?P<unit>{_alt(data.get('units', {}))})",
        "DECADE": rf"{APOS}?(?P<decade>(?:1[89]|20)?\d0)(?!\d)",
        "DECADE_WORD": f"(?P<decade_word>{_alt(data.get('decades', {}))})",
        "THIS_YEAR": f"(?P<this_year>{_fill(this_year, {'APOS': APOS})})",
    }


def _trigger_slots(data: dict) -> dict:
    """The keys each date placeholder guarantees (None: nothing)."""
    def words(*keys: str) -> frozenset[str]:
        return frozenset(w.casefold() for k in keys for w in data.get(k, {}))

    digit = frozenset({DIGIT})
    slots: dict = {
        "DAY": digit, "FIRST_DAY": digit, "YEAR": frozenset({YEAR}), "DECADE": digit, "MNUM": digit, "APOS": None,
        "N": digit | words("numbers"), "MONTH": words("months"),
        "MON": words("months", "month_abbreviations"),
        "FIRST_MON": words("months", "month_abbreviations"), "WEEKDAY": words("weekdays"),
        "SEASON": words("seasons"), "UNIT": words("units"), "DECADE_WORD": words("decades"),
    }
    slots["THIS_YEAR"] = required_keys(data.get("this_year", {}).get("pattern", "(?!)"), slots)
    return slots


def _date_templates(data: dict, templates: list[str], kinds: list[str]
                    ) -> tuple[DateTemplate, ...]:
    """Each template of ``date_re`` compiled alone, with its own trigger. A match of the
    alternation at a position is the first template that matches there, so running only
    the templates that can match in a sentence finds the same phrases."""
    slots = _trigger_slots(data)
    raw = [e["pattern"] for key in ("dates", "relative") for e in data.get(key, ())]
    # the first characters are read from each template with its slots as small stand-ins
    # (parsing the month alternation once, not in every template: start-up time)
    small = _stand_ins(data)
    out = []
    for i, (template, kind, pattern) in enumerate(zip(templates, kinds, raw)):
        rx = regexcache.compile(_LEFT + first_char_lookahead(_fill(pattern, small)) + "(?:"
                                + template + ")" + _RIGHT, _FLAGS)
        fields = tuple(k for k in DATE_FIELDS if k in rx.groupindex)
        out.append(DateTemplate(i, kind, rx, fields, Trigger.of([pattern], slots)))
    return tuple(out)


# the named parts a date template may have, in the order a Phrase lists them
DATE_FIELDS = ("day", "first_day", "first_month", "month", "mnum", "year", "weekday", "season", "n", "unit", "decade",
                "decade_word", "this_year")


def _np_pattern(src: dict) -> str:
    """The source noun phrase: capitalised words or known words, joined by connectors."""
    article = _alt(src.get("articles", ()))
    conn = _alt(src.get("connectors", ()))
    # where an adjective follows its noun, one may stand between a known word and a name
    # after it ("l'agenzia sudcoreana Yonhap", "il governo metropolitano di Valcorvo"), never
    # at the phrase's end ("il sindaco preoccupato" is "sindaco")
    adj = src.get("adjectives")
    after = (rf"(?:\s+(?-i:{adj})(?=\s+(?:(?:{conn})\s*)?(?-i:\p{{Lu}})))?"
             if adj else "")
    # ... and one that is no verb's form too may end it ("le autorità sudcoreane hanno
    # detto", "il governo libico"; not "le autorità sanitarie avevano": ``adjectives_final``)
    final = src.get("adjectives_final")
    if final:
        after = (rf"(?:\s+(?-i:{adj})(?=\s+(?:(?:{conn})\s*)?(?-i:\p{{Lu}}))"
                 rf"|\s+(?-i:{final})(?![\p{{L}}]))?")
    # a known word may open a compound ("a government-commissioned study", "state-run TV"),
    # as a capitalised word may ("Kremlin-backed"); a name may open with a short particle
    # joined by a hyphen ("Marie el-Drese", "Omar al-Farouk"); a known word may be a
    # possessive before the rest of its phrase ("the county's emergency manager"), as a
    # capitalised one may ("Valcorvo's mayor")
    word = rf"(?:(?:(?-i:\p{{Ll}}{{1,3}})-)?(?-i:\p{{Lu}})[\p{{L}}\p{{N}}&’'-]*|(?:{_alt_tree(src.get('words', ()))})(?:-\p{{L}}+)*(?:[’']s(?=\s))?(?![\p{{L}}]){after})"
    joiner = rf"(?:\s+|\s+(?:{conn})\s*)" if conn else r"\s+"
    # an article ends with an apostrophe ("l'") or a space: "ANSA" opens with no "an"
    lead = rf"(?:(?:{article})(?:(?<=['’])\s*|\s+))?" if article else ""
    return rf"{lead}(?P<src>{word}(?:{joiner}{word}){{0,6}})"


@lru_cache(maxsize=None)
def lexicon(lang: str, root: Path | None = None) -> Lexicon:
    """The compiled context data of ``lang`` (cached)."""
    data = load_lang(lang, "context", root)
    path = str(lang_file(lang, "context", root))  # the file of the folder in use, for errors
    slots = _date_slots(data)
    party_data = load_parties(root)
    party_words = party_data.words(lang)
    try:
        shared = load_lang(lang, "sides", root).get("parties", {})
    except FactcheckError:
        shared = {}
    both = list(data.get("both_sides", {}).get("patterns", ()))
    both += [regex.escape(w) for w in shared.get("total", ()) if isinstance(w, str)]

    templates: list[str] = []
    kinds: list[str] = []
    relatives: dict[int, Relative] = {}
    for i, entry in enumerate(data.get("dates", ())):
        templates.append(_fill(entry["pattern"], slots))
        kinds.append(entry["kind"])
    for entry in data.get("relative", ()):
        relatives[len(templates)] = Relative(entry["unit"], int(entry["offset"]))
        templates.append(_fill(entry["pattern"], slots))
        kinds.append("relative")
    try:
        date_re = regexcache.compile(
            _LEFT + "(?:" + "|".join(f"(?P<t{i}>{t})" for i, t in enumerate(templates)) + ")" + _RIGHT,
            _FLAGS,
        )
    except regex.error as exc:
        tables = [("dates", i) for i in range(len(data.get("dates", ())))]
        tables += [("relative", i) for i in range(len(data.get("relative", ())))]
        for (table, i), t in zip(tables, templates):
            try:
                regexcache.compile(t, _FLAGS)
            except regex.error as own:
                raise FactcheckError(f"{where(path, (table, i, 'pattern'))}: {table}[{i}].pattern: "
                                     f"bad regex {data[table][i]['pattern']!r}: {own}") from None
        raise FactcheckError(f"{path}: [[dates]]/[[relative]]: bad regex: {exc}") from None

    src = dict(data.get("sources", {}))
    # nationality adjectives belong in a source's name ("il governo armeno")
    src["words"] = list(src.get("words", ())) + [
        w for w, _ in party_data.words(lang, ("people",)) if w[:1].islower() and " " not in w]
    np = _np_pattern(src)
    # the reported-speech verbs, a class of words ({SAY}: "said", "ha detto"): every cue
    # that needs a speech verb reads the same class, so a verb added once counts everywhere
    say = src.get("speech_verbs", ())
    speech = {"SAY": "(?:" + _alt(say) + ")"} if say else {}
    # what a source's noun phrase starts with: a capital, or an article's or a known
    # word's first letter (first_class cannot read \p{Lu})
    initials = "".join(sorted({regex.escape(w[0])
                               for w in (*src.get("articles", ()), *src.get("words", ())) if w}))
    np_first = rf"(?=(?-i:\p{{Lu}})|[{initials}])" if initials else ""

    def cue_list(key: str) -> tuple[regex.Pattern, ...]:
        out = []
        for i, p in enumerate(src.get(key, ())):
            try:
                # whole words at both ends: "Come comunicato" is no "X comunica"
                filled = _fill(p, {"APOS": APOS, "SRC": np, **speech})
                first = (np_first if p.startswith("{SRC}")
                         else first_char_lookahead(_fill(p, {"APOS": APOS, "SRC": "(?:.)?",
                                                             **speech})))
                out.append(regexcache.compile(_LEFT + first + "(?:" + filled + ")" + _RIGHT,
                                              _FLAGS))
            except regex.error as exc:
                raise FactcheckError(f"{where(path, ('sources', key, i))}: sources.{key}: "
                                     f"bad regex {p!r}: {exc}") from None
        return tuple(out)

    date_templates = _date_templates(data, templates, kinds)
    src_slots: dict = {"SRC": None, "APOS": None}
    if say:
        src_slots["SAY"] = frozenset(w.casefold() for w in say)
    cue_triggers = tuple(Trigger.of([p], src_slots) for p in src.get("cues", ()))
    subject_triggers = tuple(Trigger.of([p], src_slots) for p in src.get("subject_cues", ()))
    dateline = data.get("dateline", {}).get("pattern")
    future = data.get("future", {}).get("cues", ())
    return Lexicon(
        lang=lang,
        months={**{k.lower(): v for k, v in data.get("month_abbreviations", {}).items()},
                **{k.lower(): v for k, v in data.get("months", {}).items()}},
        weekdays={k.lower(): v for k, v in data.get("weekdays", {}).items()},
        seasons={k.lower(): (v[0], v[1]) for k, v in data.get("seasons", {}).items()},
        units={k.lower(): v for k, v in data.get("units", {}).items()},
        numbers={k.lower(): v for k, v in data.get("numbers", {}).items()},
        decades={k.lower(): v for k, v in data.get("decades", {}).items()},
        date_re=date_re,
        date_kinds=tuple(kinds),
        relatives=relatives,
        anaphora=tuple(
            (_compile_at(_LEFT + first_char_lookahead(p := _fill(a["pattern"], slots))
                         + "(?:" + p + ")" + _RIGHT, _FLAGS, path, ("anaphora", i, "pattern"),
                         a["pattern"]),
             bool(a.get("since", False)))
            for i, a in enumerate(data.get("anaphora", ()))
        ),
        lookback=int(data.get("anaphora_options", {}).get("lookback", 2)),
        clause_re=_any_re(data.get("clauses", {}).get("breaks", ()), "clauses.breaks", path)
        or regexcache.compile("(?!)"),
        future_re=_any_re(future, "future.cues", path),
        occasion_re=_any_re(data.get("future", {}).get("occasions", ()), "future.occasions",
                            path),
        onset_re=_any_re(data.get("onsets", {}).get("patterns", ()), "onsets.patterns", path),
        running_re=_any_re(data.get("onsets", {}).get("running", ()), "onsets.running", path),
        rise_re=_any_re(data.get("onsets", {}).get("rises", ()), "onsets.rises", path),
        count_re=_count_re(data),
        dateline_re=(_compile_at(_fill(dateline, slots), _FLAGS | regex.MULTILINE, path,
                                 ("dateline", "pattern"), dateline) if dateline else None),
        sides=WordIndex(party_words),
        side_people=WordIndex(party_data.words(lang, ("people", "groups"))),
        source_parties=WordIndex(party_data.words(lang, leaders=True)),
        conflict=WordIndex((w, "conflict") for w in data.get("conflict", {}).get("words", ())),
        own_loss_re=_any_re(data.get("own_losses", {}).get("patterns", ()), "own_losses.patterns", path),
        one_side=WordIndex((w, "one_side") for w in data.get("one_side", {}).get("words", ())),
        date_trigger=Trigger.merge([*(t.trigger for t in date_templates),
                                    Trigger.of([a["pattern"] for a in data.get("anaphora", ())],
                                               _trigger_slots(data))]),
        source_trigger=Trigger.merge(cue_triggers + subject_triggers),
        both_re=_any_re(both, "both_sides.patterns", path),
        both_trigger=Trigger.of(both),
        possessive_re=_any_re(data.get("possessive", {}).get("patterns", ()), "possessive.patterns", path),
        source_cues=cue_list("cues"),
        source_subject_cues=cue_list("subject_cues"),
        source_subject_verbs=tuple(
            regexcache.compile(first_char_lookahead(verb := _fill(p[len("{SRC}"):],
                                                                  {"APOS": APOS, **speech}))
                               + "(?:" + verb + ")" + _RIGHT, _FLAGS)
            if p.startswith("{SRC}") else None for p in src.get("subject_cues", ())),
        source_strip=_any_re(src.get("strip", ()), "sources.strip", path),
        source_names={k.lower(): v for k, v in data.get("source_names", {}).items()},
        feasts=frozenset(k.lower() for k in data.get("feasts", {}).get("names", ())),
        source_types=WordIndex((w, kind) for kind, words in data.get("source_types", {}).items()
                               for w in words),
        source_type_order=tuple(data.get("source_types", {})),
        place_re=_place_re(data.get("places", {}).get("locatives", ())),
        event_noun_re=_words_re(nouns) if (nouns := data.get("places", {}).get("event_nouns")) else None,
        toll_noun_re=_words_re(tolls) if (tolls := data.get("places", {}).get("toll_nouns")) else None,
        date_templates=date_templates,
        date_index=TriggerIndex.of(t.trigger for t in date_templates),
        source_cue_triggers=cue_triggers,
        source_subject_triggers=subject_triggers,
        source_keys=all_keys(cue_triggers + subject_triggers),
        source_cut=_any_re(src.get("cut", ()), "sources.cut", path),
        source_pronouns=frozenset(w.casefold() for w in src.get("pronouns", ())),
        source_headline_cues=cue_list("headline_cues"),
        source_np_break=_any_re(src.get("np_breaks", ()), "sources.np_breaks", path),
        source_articles=tuple(a.casefold() for a in src.get("articles", ())),
        source_not_names=frozenset(w.casefold() for w in src.get("not_names", ())),
        source_np=regexcache.compile(np, _FLAGS),
        source_coordinators=frozenset(w.casefold() for w in src.get("coordinators", ())),
        source_clause_verb_re=(_any_re([r"\s+(?:" + _alt(vs) + r")(?![\p{L}])"],
                                       "sources.clause_verbs", path)
                               if (vs := src.get("clause_verbs")) else None),
        source_coordinator_re=(_any_re([r",\s*(?:" + _alt(cs) + r")\s+\Z"],
                                       "sources.coordinators", path)
                               if (cs := src.get("coordinators")) else None),
        source_fence_re=(_words_re(fs) if (fs := src.get("fences")) else None),
        source_signatures=cue_list("signatures"),
        source_clause_metrics=frozenset(src.get("clause_metrics", ())),
        source_tail_re=_tail_re(src.get("tails", ()), path),
        source_impersonal=frozenset(w.casefold() for w in src.get("impersonal", ())),
        source_personal=frozenset(w.casefold() for w in src.get("personal", ())),
        source_people_re=_words_re(ws) if (ws := src.get("people")) else None,
        source_count_re=_words_re(ws) if (ws := src.get("count_words")) else None,
        source_comparison_re=_any_re([_LEFT + _fill(p, {"APOS": APOS}) + _RIGHT
                                      for p in src.get("comparisons", ())],
                                     "sources.comparisons", path),
        source_left_re=_any_re([_fill(p, {"APOS": APOS}) for p in src.get("left_cues", ())],
                               "sources.left_cues", path),
        source_relative_re=_words_re(rs) if (rs := src.get("relatives")) else None,
        source_agent_re=(_any_re([r"(?<![\p{L}])(?:" + _alt(ps) + r")\s*\Z"],
                                 "sources.agent_prepositions", path)
                         if (ps := src.get("agent_prepositions")) else None),
        source_contrast_re=_words_re(cs) if (cs := src.get("contrasts")) else None,
        source_gerund_re=(_any_re([r",\s*(?:" + _alt(gs) + r")\b"], "sources.gerunds", path)
                          if (gs := src.get("gerunds")) else None),
        source_back_re=_any_re([r"\A\s*(?:" + _fill(p, {"APOS": APOS}) + ")"
                                for p in src.get("back_openers", ())], "sources.back_openers", path),
        area_names=_area_names(data.get("places", {}).get("areas", {}), path),
        area_break_re=_words_re(brk) if (brk := data.get("places", {}).get("breaks")) else None,
        area_re=_place_re([*data.get("places", {}).get("locatives", ()),
                           *data.get("places", {}).get("area_locatives", ())],
                          data.get("places", {}).get("modifiers", ())),
        area_relative_re=(_any_re([r"\A\s*(?:" + _alt(rel) + r")(?![\p{L}])"], "places.relatives", path)
                          if (rel := data.get("places", {}).get("relatives")) else None),
        # the name is case-sensitive (a capitalised word), after an optional article ("Il Sindh")
        area_copula_re=(_any_re([(r"(?<![\p{L}])(?:(?:" + _alt(arts) + r")\s*)?" if (arts := [
                                     a for a in src.get("articles", ()) if a.strip()]) else "")
                                 + rf"(?P<place>(?-i:{NAME}))\s+(?:" + _alt(cop)
                                 + r")\s+(?:[\p{L}’'-]+\s+){0,4}?[\p{L}’'-]+\s*,?\s*\Z"],
                                "places.relative_copulas", path)
                        if (cop := data.get("places", {}).get("relative_copulas")) else None),
        area_genitives=frozenset(w.casefold() for w in data.get("places", {}).get("genitives", ())),
        area_only=frozenset(w.casefold() for w in data.get("places", {}).get("only", ())),
        area_regions=frozenset(w.casefold() for w in data.get("places", {}).get("regions", ())),
        area_origin_re=_place_re(data.get("places", {}).get("origins", ()),
                                 data.get("places", {}).get("modifiers", ())),
        area_origin_metrics=frozenset(data.get("places", {}).get("origin_metrics", ())),
        area_respectively_re=(_words_re(rs) if (rs := data.get("places", {}).get("respectively"))
                              else None),
        area_partitive_re=(_any_re([r"\d[\d.,']*\s+(?:" + _alt(part) + r")\s*\Z"],
                                   "places.partitives", path)
                           if (part := data.get("places", {}).get("partitives")) else None),
    )


def _slug(name: str) -> str:
    return "-".join(name.casefold().replace("’", "'").split())


def _area_names(table, path: str) -> dict[str, str]:
    """[places] areas: a territory's own word -> the place it is around, both as slugs."""
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise FactcheckError(f"{path}: places.areas must map names to place names")
    return {_slug(k): _slug(v) for k, v in table.items()}


# a name: capitalised words, joined by a hyphen or a space ("Port Ellery", "Nagorno-Karabakh");
# an apostrophe inside it only before a capital ("L'Aquila", "Sant'Elia", never a clitic)
_WORD = r"\p{Lu}(?:\p{L}|['’](?=\p{Lu}))*"
_NAME = rf"{_WORD}(?:[- ]{_WORD})*"


def _place_re(locatives, modifiers=()) -> regex.Pattern | None:
    """A name right after a locative word, past up to three lower-case ``modifiers`` ("in
    the eastern Valencia region"); the case of the name matters, not the locative's."""
    if not locatives:
        return None
    first = first_class(_alt(locatives), True)
    mods = rf"(?P<mods>(?:(?:{_alt(modifiers)})\s+){{0,3}})" if modifiers else ""
    return regexcache.compile(_LEFT + (f"(?i:(?={first}))" if first else "") + "(?i:"
                              + _alt(locatives) + r")(?:(?<=['’])\s*|\s+)" + mods + "(?P<place>"
                              + _NAME + ")" + _RIGHT, regex.VERSION0)


NAME = _NAME  # a place's or a person's name, for the area readers (context.area_of)
