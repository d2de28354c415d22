"""Which figure of its article a figure is a part of (its ``parent``), across clauses and
sentences.

A part is always of the same metric as its whole, of the same story (the same event, times
that overlap or nearly, not another party's people) and never larger. The evidence,
strongest first; each figure takes the first that gives it a whole:

1. **a cue in the text** (``rules/lang/<lang>/parents.toml`` [parts]):
   ``between`` the whole and the part in one sentence ("25 morti, di cui 4 bambini",
   "including 12 children", a colon before a breakdown); a partitive right before the
   whole, ``whole_first``, which makes every other figure of its metric in the sentence
   a part, before it or after it ("Delle 29 vittime, 15 sono uomini", "74 of the 97
   victims", "Paiporta (45), Catarroja (25) ... of the 221 deaths"); ``after`` a part,
   pointing back ("Twelve of them died", "one of the injured", "four in a critical
   condition"); ``before`` a part that names a subgroup ("Tra le vittime ci sono 9 donne",
   "Of the dead, 30 were soldiers") or ``total_before`` any part ("Del totale delle
   vittime, 222 ...", "the death toll included 19 ...", "Gli altri due dispersi"): the
   whole is then the nearest earlier sentence's figure that can hold it. A cue that names
   the whole by a noun of another metric ties nothing ("the body of one of the missing" is
   no part of a death toll: [nouns]). The next item of a list whose previous item is a
   part shares its whole ("included 19 who drowned and 15 ...");
   A state only some of the whole's people are in, before or after the part, reaches as
   far back as a cue naming the whole ("There is still one unidentified victim",
   "restano da identificare cinque corpi"; ``state_before`` / ``state_after``), and so
   does an ``after`` cue naming the whole by its noun ("were among the dead"); one naming
   it by a pronoun ("Eleven of them") whose nearest figure is of another story links
   nothing. A ``between`` cue right after a part makes a part of that part ("cinque
   corpi, compresi i due recuperati"). A figure one site counted (``site_before`` /
   ``site_after``: "12 were admitted to the Riverside Hospital", "the Riverside Hospital
   received 12 dead", "8 bodies were taken to a morgue") is that site's share, as far back
   as a toll reaches, and with no toll that holds it still only a part: a hospital's or a
   morgue's count is never the event's whole, whatever other report it meets; so is a
   narrower kind of the metric's people (``narrow_before`` / ``narrow_after``: the
   injured admitted to hospital, some of all those treated; the missing presumed dead);
2. **a sum**: consecutive figures right after a whole that add up to it exactly ("Sale a
   58 il bilancio: 50 in Emilia, altre 6 in Toscana e 2 in Umbria"; "8 died on the spot.
   12 died in hospital" after a toll of 20), or right before a whole named as a total
   (``total_lead`` / ``total_tail``: "12,391 died in Turkey and 2,992 in Syria, bringing
   the total to 15,383"); an approximate whole ("more than 15,000") takes a breakdown by
   place (``place_after``: "9,000 from Lyon, 4,500 from Grenoble") adding up to around it.
   One place's share is never the whole of the next items of its list ("Three died in
   Forli, one in Cesena, two others ...": 1 + 2 = 3 by chance);
3. **no cue**: a subgroup of one place ("5 people in the Riverside care home") is a part of
   that place's figure; one place of a breakdown by place ("106 nel Reatino") or a
   subgroup named in a later sentence ("Five crew members were killed" after "killing six
   people") of the nearest earlier whole of the metric, never of an addition to a toll;
4. **others** (``others_before`` / ``others_after``: "Two others died overnight", "altre
   due persone"): a further part of the whole of the part named just before them, while
   the parts fit in it; right after a whole they are outside it (an addition), and after a
   definite article (``rest_lead``: "the two other missing") the rest of a set named
   before. A figure set apart as others is never the whole of a figure named after it.

A figure inside a parenthesis that closes before the part is an aside, never its whole
("15 feriti (erano 16), e 9 di loro"). Linking is one pass over an article's claims that
reads only each claim's own sentence, a bounded number of figures at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache
from ..errors import FactcheckError
from ..langdata import lang_file, load_lang
from ..model import Claim
from .events import parse_auto
from .subgroups import alternation

_AREA = "area:"  # the side of one place of a breakdown by place (see context.area_of)
_BLOCKED = -1  # a part whose cue points to a whole it cannot be linked to: no whole at all
# a part whose words name its whole ("Tra i feriti, due ...", "one unidentified victim")
# when the article states no such whole: its parent is its own start, so it is compared
# only as a part, never as the whole it is some of
_UNSTATED = -2
# sentences back a cue naming the whole may reach ("Tra le vittime ...", "the toll included")
_BACK = 8
# ... and one naming the toll, when no figure of its story comes between ("Morti anche due
# bambini", "14 dead are still unidentified" near an article's end, its toll in the lead)
_BACK_TOLL = 16
# sentences back a part with no cue may reach (a subgroup, a place of a breakdown)
_NEAR = 4
# sentences forward the items of a sum may run after their whole, and how many items
_SUM_AHEAD = 6
_SUM_ITEMS = 12
# statuses that never take part in a sum or a link without a cue: not counts
_NOT_COUNTS = frozenset({"feared", "projected"})
# ... and what is never a whole without a cue: an addition to a toll is not the toll
_NOT_WHOLES = _NOT_COUNTS | {"increment"}
# how far apart the periods of a whole and its part may be when a word ties them
_SLACK = timedelta(days=31)
# how many figures of one sentence a look-up reads, nearest first
_GROUP = 64
# how many characters before a figure a partitive naming it as a whole may take
_LEAD = 60
# the gap between two items of one list: words without a clause mark, then a comma or a
# conjunction ("19 people who drowned and 15", "7 persone annegate e 3")
_LIST_GAP = regexcache.compile(r"[^.;:()]{0,80}?(?:,|\b(?:and|e|ed|as\s+well\s+as|oltre\s+a)\b)\s*$",
                          regex.IGNORECASE)
KEYS = ("between", "before", "total_before", "whole_first", "after", "others_before",
        "others_after", "rest_lead", "state_before", "state_after", "total_lead",
        "total_tail", "place_before", "place_after", "site_before", "site_after",
        "narrow_before", "narrow_after", "whole_after_parts", "sibling_between")
# the keys read on the words before a figure (anchored at their end) and after it (anchored
# at their start); the others are searched anywhere in the span they are given
_LEADS = ("whole_first", "others_before", "rest_lead", "state_before", "total_lead",
          "place_before", "site_before", "narrow_before", "whole_after_parts")
_TAILS = ("after", "others_after", "state_after", "total_tail", "place_after", "site_after",
          "narrow_after")
# how many characters after a figure a cue about it may take
_TAIL = 100
# a sum of parts of an approximate whole ("more than 15,000", "circa 300"): its share of
# the whole, at least and at most (at most the whole itself for "fewer than", "fino a")
_APPROX_LOW, _APPROX_HIGH = 0.8, 1.1


@dataclass(frozen=True)
class PartCues:
    """The compiled part cues of one language (see ``rules/lang/<lang>/parents.toml``)."""

    between: regex.Pattern | None = None
    before: regex.Pattern | None = None
    total_before: regex.Pattern | None = None
    whole_first: regex.Pattern | None = None
    after: regex.Pattern | None = None
    nouns: dict[str, str] | None = None  # the noun a cue names a whole by -> its metric
    # "two others", "altre due persone": a part set apart from the parts named before it
    others_before: regex.Pattern | None = None
    others_after: regex.Pattern | None = None
    # ... named with a definite article, the rest of a set ("the two other missing")
    rest_lead: regex.Pattern | None = None
    # a state only some of the whole's people are in, named before or after the part
    # ("restano da identificare cinque corpi", "one unidentified victim")
    state_before: regex.Pattern | None = None
    state_after: regex.Pattern | None = None
    # a figure named as a total ("bringing the total to 15,383", "il bilancio complessivo
    # è di"): the whole of the figures right before it that add up to it
    total_lead: regex.Pattern | None = None
    total_tail: regex.Pattern | None = None
    # an item of a breakdown by place ("2,992 in Syria", "5,000 from Faenza", "in Syria
    # the toll stood at 3,377")
    place_before: regex.Pattern | None = None
    place_after: regex.Pattern | None = None
    # the figure counts the people one site took in ("47 dead were brought to the X
    # Hospital", "the X Hospital received 47 dead", "sixteen bodies taken to a morgue"):
    # one site's share of the toll, read before the figure (the whole sentence) or after it
    site_before: regex.Pattern | None = None
    site_after: regex.Pattern | None = None
    # the figure counts a narrower kind of its metric's people, by what it says of them
    # ("40 injured were admitted": those kept in hospital, some of all treated; "58 missing,
    # presumed dead": those the search has given up on, not everyone unaccounted for)
    narrow_before: regex.Pattern | None = None
    narrow_after: regex.Pattern | None = None
    # a whole named after its parts, pointing back to them: "They were among the 75
    # admitted" (the figures of the sentence before are its parts)
    whole_after_parts: regex.Pattern | None = None
    # between two figures of one sentence, a breakdown by place going on: "Alta counted 310,
    # followed by Borgo (120)" (the figure before is the breakdown's first place, a sibling
    # of the items after it, never their whole)
    sibling_between: regex.Pattern | None = None

    def names_other(self, m: regex.Match | None, metric: str) -> bool:
        """Does the cue matched as ``m`` name its whole by a noun of another metric?"""
        if m is None or not self.nouns or "noun" not in m.re.groupindex:
            return False
        noun = m.group("noun")
        return noun is not None and self.nouns.get(noun.casefold(), metric) != metric


def _compile(path: str, parts: dict[str, tuple[str, ...]], nouns: dict[str, str]
             ) -> PartCues:
    def anchored(key: str) -> tuple[str, ...]:
        if key in _LEADS:
            return tuple(f"(?:{p})$" for p in parts[key])
        if key in _TAILS:
            return tuple(f"^(?:{p})" for p in parts[key])
        return parts[key]

    return PartCues(nouns=nouns, **{k: alternation(anchored(k), path, f"parts.{k}") for k in KEYS})


def parent_data(lang: str, root: Path | None = None) -> dict:
    """``rules/lang/<lang>/parents.toml`` as parsed (its examples are read by the tests)."""
    return load_lang(lang, "parents", root)


@lru_cache(maxsize=None)
def part_cues(lang: str, root: Path | None = None) -> PartCues:
    """The part cues of ``lang`` (cached per rules folder: ``config`` empties the cache when
    the folder changes); FactcheckError names the file when one is invalid."""
    data = parent_data(lang, root)
    path = str(lang_file(lang, "parents", root))
    parts = data.get("parts", {})
    if not isinstance(parts, dict):
        raise FactcheckError(f"{path}: [parts] must be a table")
    unknown = set(parts) - set(KEYS)
    if unknown:
        raise FactcheckError(f"{path}: parts: unknown key(s) {', '.join(sorted(unknown))} "
                             f"(known: {', '.join(KEYS)})")
    lists: dict[str, tuple[str, ...]] = {}
    for key in KEYS:
        value = parts.get(key, [])
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            raise FactcheckError(f"{path}: parts.{key} must be an array of regexes")
        lists[key] = tuple(value)
    nouns: dict[str, str] = {}
    for metric, words in data.get("nouns", {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise FactcheckError(f"{path}: nouns.{metric} must be an array of words")
        nouns.update((w.casefold(), metric) for w in words)
    return _compile(path, lists, nouns)


# ---------------------------------------------------------------- is it the same story?


def _party(side: str | None) -> str | None:
    return None if side in (None, "total") or side.startswith(_AREA) else side


def _same_event(a: str | None, b: str | None) -> bool:
    """Events of one story: the same id, one unknown, or two automatic ids that one story
    can get in one article: the same place and month (the type can differ: "crash" and
    "avalanche" for a helicopter lost in the snow), or the same type and month, or the same
    type undated (the place can differ: the town in one sentence, its region in the next)."""
    if a is None or b is None or a == b:
        return True
    pa, pb = parse_auto(a), parse_auto(b)
    if pa is None or pb is None:
        return False
    same_month = pa.year == pb.year and pa.month == pb.month
    return (pa.place == pb.place and same_month) or (pa.kind == pb.kind and same_month)


def _same_story(whole: Claim, part: Claim, strict: bool = False) -> bool:
    """Could ``part`` count some of the people ``whole`` counts? Same metric and event, not
    two different parties, and periods that overlap (``strict``, for a link no word in the
    text makes) or at least lie within ``_SLACK`` of each other (a toll as of Tuesday and
    its part as of the report, not a toll of another year)."""
    if whole.metric != part.metric or not _same_event(whole.event, part.event):
        return False
    pw, pp = _party(whole.side), _party(part.side)
    if pw is not None and pp is not None and pw != pp:
        return False
    # one automatic or curated event named for both: its id says when (a period read
    # from the words around one figure is no better evidence than that)
    if whole.event is not None and whole.event == part.event:
        return True
    if whole.period_start and whole.period_end and part.period_start and part.period_end:
        slack = timedelta(0) if strict else _SLACK
        if (part.period_end + slack < whole.period_start
                or whole.period_end + slack < part.period_start):
            return False
    return True


def _high(c: Claim) -> float | None:
    q = c.quantity
    return q.high if q.high is not None else q.low


def _fits(whole: Claim, part: Claim, strict: bool = False, nested: bool = False) -> bool:
    """Can ``part`` be a part of ``whole``? The same story, a whole that is no part itself
    (unless ``nested``: a cue ties the two) nor the same subgroup, and a part not larger
    than it."""
    if (whole is part or (whole.parent is not None and not nested)
            or not _same_story(whole, part, strict)
            or (whole.subgroup is not None and whole.subgroup == part.subgroup)):
        return False
    w, p = _high(whole), part.quantity.low
    return w is None or p is None or p <= w


def _aside(c: Claim, e: Claim) -> bool:
    """Is ``e`` (earlier in ``c``'s sentence) inside a parenthesis closed before ``c``?"""
    base = c.quote_start
    lead = c.quote[:e.start - base]
    opened = lead.rfind("(")
    return opened > lead.rfind(")") and ")" in c.quote[e.end - base:c.start - base]


# ---------------------------------------------------------------- linking


@dataclass
class _Article:
    """The working state of one article's linking: its claims in text order (their parents
    set as they are found), each one's sentence index, and what is read once per claim.

    Every look-up is bounded (``_GROUP`` figures of a sentence, nearest first), so that a
    sentence of hundreds of figures (a table read as one sentence) stays linear."""

    claims: list[Claim]
    index: list[int | None]
    position: dict[int, int] = field(default_factory=dict)  # start offset -> position
    first: list[int] = field(default_factory=list)  # position of its sentence's first claim
    last: list[int] = field(default_factory=list)  # ... and of its last
    partitive: dict[int, bool] = field(default_factory=dict)  # position -> named as a whole?
    partitives: dict[int, list[int]] = field(default_factory=dict)  # sentence -> those
    cues: PartCues = field(default_factory=PartCues)
    blocked: set[int] = field(default_factory=set)  # parts of a whole not linked (_BLOCKED)
    others: dict[int, bool] = field(default_factory=dict)  # position -> set apart as others?
    tied: set[int] = field(default_factory=set)  # parts tied to their whole in one sentence

    def __post_init__(self) -> None:
        self.position = {c.start: i for i, c in enumerate(self.claims)}
        n = len(self.claims)
        self.first, self.last = [0] * n, [0] * n
        for i, c in enumerate(self.claims):
            same = i > 0 and self.claims[i - 1].quote_start == c.quote_start
            self.first[i] = self.first[i - 1] if same else i
        for i in range(n - 1, -1, -1):
            same = i < n - 1 and self.claims[i + 1].quote_start == self.claims[i].quote_start
            self.last[i] = self.last[i + 1] if same else i

    def lead(self, pos: int, width: int = _LEAD) -> str:
        """The (at most ``width``) characters of its sentence before the figure at ``pos``."""
        c = self.claims[pos]
        at = c.start - c.quote_start
        return c.quote[max(0, at - width):at]

    def tail(self, pos: int) -> str:
        """The (at most ``_TAIL``) characters of its sentence after the figure at ``pos``."""
        c = self.claims[pos]
        at = c.end - c.quote_start
        return c.quote[at:at + _TAIL]

    def is_others(self, pos: int) -> bool:
        """Is the figure at ``pos`` set apart as "others" ("two others", "altre due")? Such
        a figure is a part or an addition, never the whole of a figure named after it."""
        if pos not in self.others:
            cues = self.cues
            self.others[pos] = (_cue(cues.others_before, self.lead(pos))
                                or _cue(cues.others_after, self.tail(pos)))
        return self.others[pos]

    def earlier(self, pos: int) -> range:
        """The positions of the (at most ``_GROUP``) claims before ``pos`` in its sentence."""
        return range(max(self.first[pos], pos - _GROUP), pos)

    def is_partitive(self, pos: int, cues: PartCues) -> bool:
        """Is the figure at ``pos`` right after a partitive ("delle 29 vittime", "of the
        221 deaths")? Read once per figure, on the few words before it."""
        if pos not in self.partitive:
            c = self.claims[pos]
            lead = c.quote[max(0, c.start - c.quote_start - _LEAD):c.start - c.quote_start]
            self.partitive[pos] = bool(cues.whole_first and cues.whole_first.search(lead))
        return self.partitive[pos]

    def partitive_wholes(self, pos: int, cues: PartCues) -> list[int]:
        """The figures of ``pos``'s sentence named as wholes by a partitive, nearest first."""
        f = self.first[pos]
        if f not in self.partitives:
            self.partitives[f] = [j for j in range(f, self.last[pos] + 1)
                                  if self.is_partitive(j, cues)]
        return sorted((j for j in self.partitives[f] if j != pos), key=lambda j: abs(j - pos))

    def sentence_before(self, pos: int, back: int) -> list[list[int]]:
        """The positions of the claims before ``pos`` in its sentence and the ``back``
        sentences before it, grouped by sentence, nearest sentence first (each group in
        text order, its last ``_GROUP`` claims)."""
        me = self.index[pos]
        groups = [list(self.earlier(pos))] if pos > self.first[pos] else []
        j = self.first[pos] - 1
        while j >= 0 and me is not None:
            k = self.index[j]
            if k is None or k < me - back:
                break
            f = self.first[j]
            groups.append(list(range(max(f, j + 1 - _GROUP), j + 1)))
            j = f - 1
        return groups


def link_parts(claims: Sequence[Claim], starts: dict[int, int], cues: PartCues
               ) -> list[Claim]:
    """``claims`` (of one article, any order) with ``parent`` set on each figure that is a
    part of another of the article: the ``start`` offset of that whole. ``starts`` maps
    each sentence's start offset to its index. A parent already set (a breakdown read by
    the claim rules) is kept."""
    order = sorted(range(len(claims)), key=lambda i: claims[i].start)
    art = _Article([claims[i] for i in order], [starts.get(claims[i].quote_start) for i in order],
                   cues=cues)
    parents: list[int | None] = [None] * len(order)  # position of each claim's whole
    given = [c.parent is not None for c in art.claims]

    def settle(pos: int, whole: int) -> None:
        parents[pos] = whole
        art.claims[pos] = replace(art.claims[pos], parent=art.claims[whole].start)

    for pos in range(len(order)):
        if not given[pos] and (w := _cued(pos, art, cues)) is not None:
            if w == _BLOCKED:
                given[pos] = True
                art.blocked.add(pos)
            elif w == _UNSTATED:
                given[pos] = True
                art.claims[pos] = replace(art.claims[pos], parent=art.claims[pos].start)
            else:
                settle(pos, w)
    for w in range(len(order)):
        # "9 adults and 4 children are still being treated. They are among the 40 admitted":
        # the whole named after its parts, by a pronoun pointing back to them
        for pos in _parts_before(w, art, cues):
            if not given[pos] and parents[pos] is None:
                settle(pos, w)
    # exact wholes first: "12,391 in Turkey and 2,992 in Syria, bringing the total to 15,383"
    # are parts of the exact total, not of an approximate one before them ("above 15,000")
    for w in sorted(range(len(order)), key=lambda w: _sum_limits(art.claims[w]) is None
                    or len(set(_sum_limits(art.claims[w]))) > 1):
        for pos in _sum_parts(w, art, cues):
            if not given[pos] and parents[pos] in (None, w):
                settle(pos, w)
    for pos in range(len(order)):
        if not given[pos] and parents[pos] is None and (w := _uncued(pos, art)) is not None:
            settle(pos, w)
    for pos in range(len(order) - 1):
        # the first place of a breakdown going on after it ("Valcorvo counted 310, followed
        # by Borgo (120)"): a part of the whole its next places are parts of
        nxt = pos + 1
        if (not given[pos] and parents[pos] is None and parents[nxt] is not None
                and parents[nxt] < pos and _sibling_first(pos, nxt, art)
                and _fits(art.claims[parents[nxt]], art.claims[pos])):
            settle(pos, parents[nxt])
    for pos in range(len(order)):
        if (not given[pos] and parents[pos] is None
                and (w := _other_part(pos, art, parents, cues)) is not None):
            settle(pos, w)
    for pos in art.tied:
        # a part tied to one place's figure in its sentence counts in that place ("9 a
        # Treviso (di cui due minori)": two minors in Treviso), unless it names its own
        c, w = art.claims[pos], parents[pos]
        if (w is not None and (c.side or "total") == "total"
                and (art.claims[w].side or "").startswith(_AREA)):
            art.claims[pos] = replace(c, side=art.claims[w].side)
    out = list(claims)
    for pos, i in enumerate(order):
        out[i] = art.claims[pos]
    return out


def _nearest_holding(pos: int, art: _Article, back: int, skip_parts: bool,
                     tolls_only: bool = False) -> int | None:
    """The whole for the claim at ``pos`` among the figures of the nearest earlier sentence
    (its own first) holding a figure of its story: the last of them that can hold it, else
    none (a figure of the story too small ends the search: it is the one the text means).
    ``tolls_only``: for a cue that names the toll, not the figure just before ("Morti anche
    due bambini", "the first 6 victims"), an addition to it is no whole ("altri 6 corpi"),
    and a sentence naming only subgroups ("Among the dead are 5 Ukrainians") is passed
    for an earlier toll, taken only when there is none."""
    c = art.claims[pos]
    place = c.side if (c.side or "").startswith(_AREA) else None
    fallback = None
    for group in art.sentence_before(pos, back):
        story = [j for j in group if art.claims[j].metric == c.metric
                 and _same_story(art.claims[j], c)
                 and not (tolls_only and art.claims[j].status in _NOT_WHOLES)
                 # a part is no whole, but one place's share is the whole of that place's
                 # people ("Riverside (40) ... Among them were 5 people in Riverside")
                 and not (skip_parts and (art.claims[j].parent is not None
                                          or j in art.blocked)
                          and not (place and art.claims[j].side == place))
                 and not art.is_others(j)
                 and not (art.claims[j].quote_start == c.quote_start
                          and _aside(c, art.claims[j]))]
        if skip_parts:
            # the shares of a breakdown by place (parts, maybe not linked yet) hold only
            # their own place's people ("Four in Lyon and 1 in Grenoble. Among the victims,
            # 2 children"); a sentence about one place is that place's whole
            areas = {s for j in story if (s := art.claims[j].side or "").startswith(_AREA)}
            if len(areas) > 1:
                story = [j for j in story if art.claims[j].side not in areas
                         or art.claims[j].side == c.side]
        if not story:
            continue
        fit = [j for j in story
               if _fits(art.claims[j], c, nested=place is not None
                        and art.claims[j].side == place)]
        if tolls_only and story and all(art.claims[j].subgroup is not None for j in story):
            # some of the toll's people, not the toll: "Tra i morti ci sono cinque ucraini
            # ... Morti anche due bambini" (the children are of the toll, maybe not Ukrainian)
            fallback = fallback if fallback is not None else (fit[-1] if fit else None)
            continue
        return fit[-1] if fit else fallback
    return fallback


def _points_elsewhere(pos: int, art: _Article) -> bool:
    """Is the figure of ``pos``'s metric nearest before it (its sentence or the two before)
    of another story? A pronoun ("Eleven of them") points there: a part of a figure that
    is not linked here, never of a whole further back."""
    c = art.claims[pos]
    for group in art.sentence_before(pos, 2):
        for j in reversed(group):
            if art.claims[j].metric == c.metric:
                return not _same_story(art.claims[j], c)
    return False


def _cued(pos: int, art: _Article, cues: PartCues) -> int | None:
    """The whole a cue in the text gives the claim at ``pos``, ``_BLOCKED`` when a cue
    points to a figure it cannot be linked to, ``_UNSTATED`` when a cue names the whole by
    its noun and the article states none, or None."""
    c = art.claims[pos]
    base = c.quote_start
    earlier = art.earlier(pos)
    unstated = False  # a cue names the whole, and none is found: _UNSTATED
    # a cue between a whole of the same sentence and the part; the figures in between are
    # the breakdown's earlier items ("30 vittime: 16 uomini, 9 donne e 5 minori")
    if cues.between is not None:
        for j in reversed(earlier):
            e = art.claims[j]
            gap = c.quote[e.end - base:c.start - base]
            if e.parent is not None:
                # a part of a part, the cue right after it ("restano da identificare cinque
                # corpi, compresi i due recuperati"; "identificate 7 persone, di cui 4
                # ucraini, un italiano ...": the items after the cue are the 7's)
                if _sub_breakdown(j, pos, art, cues) and _fits(e, c, nested=True):
                    art.tied.add(pos)
                    return j
                continue  # an earlier item of the same breakdown
            if cues.between.search(gap) and _fits(e, c):
                part = _partitive_part(j, art, cues, c)
                art.tied.add(pos)
                return j if part is None else part
            break
    # a whole named with a partitive ("Delle 29 vittime, 15 sono uomini", "74 of the 97
    # victims", "Paiporta (45) ... of the 221 deaths"): every other figure of its metric
    # in its sentence is its part; the nearest such whole
    if cues.whole_first is not None:
        for j in art.partitive_wholes(pos, cues):
            if art.claims[j].parent is None and _fits(art.claims[j], c):
                return j
    # a part whose words point back ("Twelve of them died"), by a pronoun to the figure
    # just before, or by the whole's noun as far as a cue before a part reaches ("At least
    # seven children were among the dead")
    m = cues.after.search(c.quote[c.end - base:]) if cues.after is not None else None
    if m is None and cues.after is not None:
        # "Nine Ukrainians, three Germans and two Poles were among the dead": the words
        # naming the whole after a list's last item tell of every item (a pronoun's do not:
        # "12 injured and 4 of them seriously")
        m = _listed_cue(pos, art, cues.after)
        m = m if m is not None and "noun" in m.re.groupindex and m.group("noun") else None
    if (m is not None and not cues.names_other(m, c.metric)
            # "Ten of the 15 are in intensive care": the words tell of the part, the whole
            # a partitive names is no part of anything here
            and not _partitive_whole(pos, art, cues)):
        named = "noun" in m.re.groupindex and m.group("noun") is not None
        if not named and _points_elsewhere(pos, art):
            return _BLOCKED
        w = _nearest_holding(pos, art, _BACK_TOLL if named else 2, skip_parts=True,
                             tolls_only=named)
        if w is not None:
            return w
        unstated = named
    # a state some of the whole's people are in, some sentences on ("There is still one
    # unidentified victim", "restano da identificare cinque corpi"); not a whole named by
    # a partitive ("74 of the 97 victims have been identified": the 97 is the whole)
    if ((_cue(cues.state_before, art.lead(pos)) or _cue(cues.state_after, art.tail(pos))
         or _listed_cue(pos, art, cues.state_after) is not None)
            and not _partitive_whole(pos, art, cues)):
        w = _nearest_holding(pos, art, _BACK_TOLL, skip_parts=True, tolls_only=True)
        if w is not None:
            return w
    # a figure one site counted (one hospital's patients, a morgue's bodies), or a narrower
    # kind of the metric's people (the admitted among the treated): a share of the toll,
    # never the toll; when the article states no toll that holds it, still only a part
    if _share(pos, art, cues):
        w = _nearest_holding(pos, art, _BACK_TOLL, skip_parts=True, tolls_only=True)
        return _UNSTATED if w is None else w
    # a cue before the part naming the whole: "Tra le vittime ci sono 9 donne" (a
    # subgroup), "Del totale delle vittime, 222 ..." (any part)
    lead = c.quote[:c.start - base]
    before = (cues.before.search(lead) if cues.before is not None and c.subgroup is not None
              else None)
    total = cues.total_before.search(lead) if cues.total_before is not None else None
    if ((before is not None and not cues.names_other(before, c.metric))
            or (total is not None and not cues.names_other(total, c.metric))):
        w = _nearest_holding(pos, art, _BACK_TOLL, skip_parts=True, tolls_only=True)
        if w is not None:
            return w
        # only a cue naming the whole by its noun says there is one ("Tra i feriti, ...");
        # a pronoun's may point to people of another metric ("Of these, 12 died")
        unstated = any(m is not None and "noun" in m.re.groupindex and m.group("noun")
                       for m in (before, total))
    # the next item of a list whose previous item is a part shares its whole ("the toll
    # included 19 people who drowned and 15 whose deaths ..."): the nearest earlier figure
    # of the metric in the sentence, joined to this one by a comma or a conjunction only
    for j in reversed(earlier):
        e = art.claims[j]
        if e.metric != c.metric:
            continue
        if e.parent is not None and _LIST_GAP.match(c.quote[e.end - base:c.start - base]):
            w = art.position.get(e.parent)
            if w is not None and _fits(art.claims[w], c):
                return w
        break
    # a whole named and not stated: only when no figure of the story comes before within
    # reach (a smaller one may still be summed with it: "Four ... and five are unidentified"
    # after a toll of nine)
    return _UNSTATED if unstated and not _story_before(pos, art) else None


# how far before a figure a site's words may start ("A spokesman for the X Hospital told
# reporters they had received 47 dead")
_SITE_LEAD = 200


def _share(pos: int, art: _Article, cues: PartCues) -> bool:
    """Does the figure at ``pos`` count only the people one site took in (one named
    hospital, a morgue: ``site_before`` / ``site_after``), or a narrower kind of its
    metric's people (``narrow_before`` / ``narrow_after``)? Not a whole a partitive names
    ("30 of the 47 dead brought to the X Hospital": the 47 is the hospital's, 30 its part)."""
    metric = art.claims[pos].metric
    narrow = [m for rx, text in ((cues.narrow_before, art.lead(pos)),
                                 (cues.narrow_after, art.tail(pos)))
              if rx is not None and (m := rx.search(text)) is not None]
    return ((_cue(cues.site_before, art.lead(pos, _SITE_LEAD))
             or _cue(cues.site_after, art.tail(pos))
             # a kind named by another metric's noun is that metric's ("58 are missing and
             # presumed dead" read as the dead: the toll, not some of the missing)
             or any(not cues.names_other(m, metric) for m in narrow))
            and not _partitive_whole(pos, art, cues))


def _parts_before(w: int, art: _Article, cues: PartCues) -> list[int]:
    """The figures the whole at ``w`` is named after by a pronoun pointing back to them
    ("They are part of the 40 admitted on Sunday", ``whole_after_parts``): its metric's
    figures of the sentence right before it, in its story and none larger than it."""
    if cues.whole_after_parts is None or not cues.whole_after_parts.search(art.lead(w)):
        return []
    whole = art.claims[w]
    if whole.status in _NOT_WHOLES or w != art.first[w]:
        return []
    back = art.sentence_before(w, 1)
    if not back:
        return []
    parts = [j for j in back[0] if art.claims[j].metric == whole.metric]
    return parts if parts and all(_fits(whole, art.claims[j], nested=True) for j in parts) \
        else []


def _story_before(pos: int, art: _Article) -> bool:
    """Is there a figure of the story of the claim at ``pos`` (same metric) before it, in
    its sentence or as far back as a cue naming the toll reaches?"""
    c = art.claims[pos]
    return any(art.claims[j].metric == c.metric and _same_story(art.claims[j], c)
               for group in art.sentence_before(pos, _BACK_TOLL) for j in group)


def _sub_breakdown(j: int, pos: int, art: _Article, cues: PartCues) -> bool:
    """Is the figure at ``pos`` an item of a breakdown of the part at ``j`` (earlier in its
    sentence) that a cue right after that part opens? Right after the cue ("restano 5 corpi,
    compresi i due recuperati"), or a later item of its list ("identificate 7 persone, di cui
    4 ucraini, un italiano": the previous item is the 7's, and only a list gap comes between);
    not after the breakdown closes ("9 a Valcorvo (di cui due minori), 4 a Borgoverde") nor
    for another place's figure ("25 in Valcorvo, including 6 children, and 15 in X")."""
    e, c = art.claims[j], art.claims[pos]
    base = c.quote_start
    if cues.between is None or not cues.between.search(
            c.quote[e.end - base:art.claims[j + 1].start - base]):
        return False
    if j == pos - 1:
        return True
    p = art.claims[pos - 1]
    if p.parent != e.start or _LIST_GAP.match(c.quote[p.end - base:c.start - base]) is None:
        return False
    return not ((c.side or "").startswith(_AREA) and c.side != e.side)


# how many later items of a list a cue named after its last item may reach back over
_LIST_ITEMS = 6


def _listed_cue(pos: int, art: _Article, pattern: regex.Pattern | None
                ) -> regex.Match | None:
    """The match of ``pattern`` (a cue read after a figure) after a later item of a list
    the figure at ``pos`` is an item of ("14 morti e 4 feriti sono ancora da identificare",
    "Nine Ukrainians, three Germans and two Poles were among the dead"): what is said of
    the list is said of every item. Items: figures of the sentence joined by a comma or a
    conjunction, a noun at most between them."""
    if pattern is None:
        return None
    j = pos
    while j < art.last[pos] and j - pos < _LIST_ITEMS:
        a, b = art.claims[j], art.claims[j + 1]
        gap = a.quote[a.end - a.quote_start:b.start - b.quote_start]
        if len(gap.split()) > 3 or _LIST_GAP.match(gap) is None:
            return None
        j += 1
        m = pattern.search(art.tail(j))
        if m is not None:
            return m
    return None


def _partitive_part(j: int, art: _Article, cues: PartCues, c: Claim) -> int | None:
    """The part of the partitive whole at ``j`` named right before it ("13 of the 15 have
    been identified: 5 ..."), when it can hold ``c``: a breakdown after it details that
    part, the subject of the sentence, not the whole it is taken from."""
    if j == 0 or art.first[j] > j - 1 or not art.is_partitive(j, cues):
        return None
    p = art.claims[j - 1]
    w = art.claims[j]
    if p.metric != w.metric or p.parent != w.start or not _fits(p, c, nested=True):
        return None
    # only the partitive between them ("13 delle 15", "74 of the 97")
    gap = p.quote[p.end - p.quote_start:w.start - w.quote_start]
    return j - 1 if len(gap.split()) <= 3 else None


def _partitive_whole(pos: int, art: _Article, cues: PartCues) -> bool:
    """Is the figure at ``pos`` the whole of a partitive in its sentence ("74 of the 97
    victims")? Right after a partitive, with another figure of its metric in the sentence
    (alone, "the autopsies of the 6 first victims" names no whole of anything there)."""
    if not art.is_partitive(pos, cues):
        return False
    c = art.claims[pos]
    return any(j != pos and art.claims[j].metric == c.metric
               for j in range(art.first[pos], art.last[pos] + 1))


def _summable(c: Claim) -> bool:
    return (c.subgroup is None and c.status not in _NOT_COUNTS
            and c.quantity.value is not None and c.quantity.low is not None
            and c.quantity.low == c.quantity.value)


def _cue(pattern: regex.Pattern | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _is_total(w: int, art: _Article, cues: PartCues) -> bool:
    """Is the figure at ``w`` named as a total ("bringing the total to 15,383", "a
    combined toll of", "il bilancio complessivo è di", "10 in all")?"""
    return _cue(cues.total_lead, art.lead(w)) or _cue(cues.total_tail, art.tail(w))


def _placed(j: int, art: _Article, cues: PartCues) -> bool:
    """Is the figure at ``j`` one place's share ("2,992 in Syria", "5.000 da Faenza", "in
    Siria 3.377")?"""
    side = art.claims[j].side or ""
    return (side.startswith(_AREA) or _party(side or None) is not None
            or _cue(cues.place_after, art.tail(j)) or _cue(cues.place_before, art.lead(j)))


def _sum_limits(whole: Claim) -> tuple[float, float] | None:
    """What the parts of ``whole`` may add up to: exactly its value, or around an
    approximate one ("more than 15,000", "circa 300"); None when it cannot be a sum."""
    q = whole.quantity
    if q.value is None:
        return None
    if q.qualifier == "exact" and q.low == q.value:
        return q.value, q.value
    if q.qualifier in ("at_most", "less_than"):
        return _APPROX_LOW * q.value, q.value
    return _APPROX_LOW * q.value, _APPROX_HIGH * q.value


def _run(w: int, art: _Article, positions: range, reach: int) -> list[int]:
    """The consecutive figures of ``w``'s story at ``positions`` (walked away from ``w``,
    within ``reach`` sentences of it) that can be items of a sum: figures of another
    story are skipped; a part of another whole or a bound ends the run."""
    whole = art.claims[w]
    me = art.index[w]
    items: list[int] = []
    for j in positions:
        e = art.claims[j]
        k = art.index[j]
        if me is None or k is None or abs(k - me) > reach or len(items) >= _SUM_ITEMS:
            break
        if e.metric != whole.metric or not _same_story(whole, e) or e.subgroup is not None:
            continue
        if (e.parent is not None and e.parent != whole.start) or not _summable(e):
            break
        items.append(j)
    return items


def _sibling(w: int, j: int, art: _Article, cues: PartCues) -> bool:
    """Is the figure at ``j`` the next item of a list the figure at ``w`` (one place's
    share) is an item of, not its part ("Three died in Forli, one in Cesena, and two
    others ...": three is no whole of one and two, whatever they add up to)?"""
    a, b = art.claims[w], art.claims[j]
    return (a.quote_start == b.quote_start and _placed(w, art, cues)
            and _LIST_GAP.match(a.quote[a.end - a.quote_start:b.start - b.quote_start])
            is not None)


def _sum_parts(w: int, art: _Article, cues: PartCues) -> list[int]:
    """The positions of the consecutive figures that add up to the whole at ``w`` (two or
    more), or none: right after it, within ``_SUM_AHEAD`` sentences ("Sale a 58 il
    bilancio: 50 in Emilia, altre 6 in Toscana e 2 in Umbria"), or, for a figure named as
    a total, right before it in its sentence or the one before ("12,391 died in Turkey and
    2,992 in Syria, bringing the total to 15,383"). An approximate whole ("more than
    15,000") takes only a breakdown by place (or is named as a total), its items adding up
    to around it; an exact one, items adding up to it exactly."""
    whole = art.claims[w]
    limits = _sum_limits(whole)
    if (whole.parent is not None or limits is None or (whole.quantity.value or 0) < 3
            or whole.status in _NOT_COUNTS):
        return []
    low, high = limits
    exact = low == high
    value = whole.quantity.value
    forward = _run(w, art, range(w + 1, len(art.claims)), _SUM_AHEAD)
    # the evidence a figure is named as a total is read only when a run needs it
    backward = _run(w, art, range(w - 1, -1, -1), 1) if w > 0 else []
    total: bool | None = None
    for items, needs_total in ((forward, False), (backward, True)):
        if len(items) < 2:
            continue
        s = 0.0
        best = 0
        found = None
        for k, j in enumerate(items):
            s += art.claims[j].quantity.value
            if s == value and k > 0:  # adding up to the figure as written: always parts
                found = items[:k + 1]
                break
            if s > high:
                break
            if s >= low and k > 0:
                best = k + 1
        if found is None and (not best or exact):
            continue
        if not needs_total and (_sibling(w, items[0], art, cues)
                                or _sibling_first(w, items[0], art)):
            continue  # the first place of a breakdown, not the whole of the places after it
        if total is None and (needs_total or found is None):
            total = _is_total(w, art, cues)
        if needs_total and not total:
            continue
        if found is not None:
            return found
        if total or all(_placed(j, art, cues) for j in items[:best]):
            return items[:best]
    return []


def _uncued(pos: int, art: _Article) -> int | None:
    """A whole for a part with no cue: one place of a breakdown by place ("106 nel
    Reatino e 53 nell'Ascolano") or a subgroup named in a later sentence than its whole;
    the nearest earlier whole of the metric that is no place's itself."""
    c = art.claims[pos]
    if c.status in _NOT_WHOLES:
        return None
    area = (c.side or "").startswith(_AREA)
    if not area and c.subgroup is None:
        return None
    if _is_total(pos, art, art.cues):
        return None  # "per un totale di 15.383": a total, whatever place the side names
    if area and c.subgroup is not None:
        # a subgroup of one place ("5 people in the Riverside care home"): the figure of
        # that place, itself maybe a part of a total ("Riverside (40)")
        for group in art.sentence_before(pos, _BACK):
            for j in reversed(group):
                e = art.claims[j]
                if (e.side == c.side and e.subgroup is None and e.status not in _NOT_WHOLES
                        and _same_story(e, c, strict=True)
                        and (e.quantity.low is None or c.quantity.low is None
                             or c.quantity.low <= (_high(e) or e.quantity.low))):
                    return j
    for group in art.sentence_before(pos, _NEAR):
        if not area and art.claims[group[0]].quote_start == c.quote_start:
            continue  # "12 bodies on Monday and 5 children on Tuesday": a list, not parts
        story = [j for j in group if art.claims[j].metric == c.metric
                 and _same_story(art.claims[j], c, strict=True)
                 and art.claims[j].parent is None and j not in art.blocked
                 # "altri sei corpi ... Morti anche due bambini": the children are of the
                 # toll, not of the bodies just found (a cue may still say so)
                 and art.claims[j].status not in _NOT_WHOLES
                 and not art.is_others(j)
                 and not (art.claims[j].side or "").startswith(_AREA)
                 and (area or art.claims[j].subgroup is None)
                 and not (area and _sibling_first(j, pos, art))]
        if not story:
            continue
        fit = [j for j in story if _fits(art.claims[j], c, strict=True)]
        return fit[-1] if fit else None
    return None


def _sibling_first(j: int, pos: int, art: _Article) -> bool:
    """Is the figure at ``j`` the first place of the breakdown the area part at ``pos`` goes
    on (the same sentence, ``sibling_between`` between them: "Alta counted 310 deaths,
    followed by Borgo (120)")? Its side may read as no place's (the place is named before
    it, beyond the area reader's reach), but it is a sibling, not the whole."""
    c, w = art.claims[pos], art.claims[j]
    if w.quote_start != c.quote_start or w.start >= c.start:
        return False
    return _cue(art.cues.sibling_between,
                c.quote[w.end - c.quote_start:c.start - c.quote_start])


def _other_part(pos: int, art: _Article, parents: list[int | None], cues: PartCues
                ) -> int | None:
    """A figure set apart as "others" ("Two others died overnight", "altre due persone")
    counts people other than those of the figure of its metric just before it: when that
    figure is a part, this is one more part of the same whole ("Three died in Forli, one in
    Cesena. Two others died overnight" after a toll of 8), as long as the parts named so far
    fit in it; when that figure is a whole, the others are outside it, an addition, no
    part of it ("Eight have died. Two others ..."). What the status rules read as an
    addition ("ne sono stati estratti altri due", "two more bodies") is never a part here:
    the verb tells bodies found since, which a breakdown stated before does not count.
    With a
    definite article they are the rest of a set, a part of its whole ("one of three people
    reported missing ... like the two other missing people")."""
    c = art.claims[pos]
    if c.status in _NOT_WHOLES or c.quantity.low is None or not art.is_others(pos):
        return None
    if _cue(cues.rest_lead, art.lead(pos)):
        # "the two other missing": the rest of a set named before, whatever came between
        return _nearest_holding(pos, art, _BACK, skip_parts=True)
    for group in art.sentence_before(pos, _NEAR):
        story = [j for j in group if art.claims[j].metric == c.metric
                 and _same_story(art.claims[j], c)
                 and not (art.claims[j].quote_start == c.quote_start
                          and _aside(c, art.claims[j]))]
        if not story:
            continue
        # the whole stated before the part just named
        w = parents[story[-1]]
        if w is None or w > story[-1] or not _fits(art.claims[w], c):
            return None
        # the parts of that whole named so far and this one must fit in it
        cap = art.claims[w].quantity.high
        named = sum(art.claims[j].quantity.low or 0 for j, pw in enumerate(parents)
                    if pw == w)
        return w if cap is None or named + c.quantity.low <= cap else None
    return None


def link_article(claims: Sequence[Claim], texts: Sequence[str], starts: dict[int, int],
                 lang: str, root: Path | None = None) -> list[Claim]:
    """The context stage's last step over one article's claims: their subgroups as the
    whole article tells them (:func:`.subgroups.refine_subgroups`), then each part linked
    to its whole (:func:`link_parts`)."""
    from .subgroups import refine_subgroups, subgroup_data

    claims = refine_subgroups(claims, texts, starts, subgroup_data(lang, root), root)
    return link_parts(claims, prose_steps(texts, starts), part_cues(lang, root))


# a sentence of fewer words is a heading or a fragment ("LE VITTIME.", "[...]"): no step
# between a part and its whole
_FRAGMENT_WORDS = 4


def prose_steps(texts: Sequence[str], starts: dict[int, int]) -> dict[int, int]:
    """``starts`` (sentence start -> index) renumbered so that a heading or a fragment
    between two sentences does not count: how far back a cue may reach is a count of
    sentences of prose."""
    step, at = [], 0
    for t in texts:
        step.append(at)
        if len(t.split(None, _FRAGMENT_WORDS)) >= _FRAGMENT_WORDS:
            at += 1
    return {s: step[i] if 0 <= i < len(step) else i for s, i in starts.items()}
