"""Who a figure is attributed to.

Attribution cues are language data (``context.toml`` [sources]): a cue before the source
("secondo il governo armeno", "scrive Reuters", "according to the Health Ministry") or the
source before its verb ("il ministero della Difesa azero ha detto", "Azerbaijan said").
The cue nearest the figure in its own sentence wins; else, for a figure inside a quotation
that runs over several sentences, the speaker named where the quotation closes ("“... Twelve
died in hospital.” Kirilenko said.") or before it opens ("He said: “..."); else a trailing cue
of the next sentence ("... sono morti martedì. Questi sono i combattimenti più sanguinosi,
scrive Reuters."), or of one that is only an attribution ("The ministry said so in a
statement later.", "La prefettura lo ha confermato in serata."), or of a later one that
points back to the figures before it, over a
run of sentences naming nobody ("... Undici morti ad Accumuli. Sono gli ultimi dati,
comunicati dalla Protezione civile."); a quotation with no speaker goes on the speaker of
the quotation just before it; a breakdown by place takes the attribution of the toll it
breaks down, in the sentence before. A headline has its own conventions ("Ministry: 12 dead", "... — top
regional official"). A pronoun ("he said") stands for the source named last before it.
A source's noun phrase is the whole of it: a subject runs back to its clause's start ("the
US territory's governor said") but not past an article of its own ("In un tweet la Regione
ha scritto"), past a title's abbreviation ("Col. Mark Jones"), and time words are cut from
its end ("... on Friday"). Who relays another's words is no source (a relayed figure is
its original's: tests/corpus/GUIDE.md): "citing police", "the TV said on Sunday citing the
ministry", "secondo la tv, che cita il ministero", "quoted the prefect as saying" name the
one cited, and a medium reporting what a speaker said before the figure relays that speaker. A pronoun with nobody named before stands for the
subject the sentence before opens with, when it names a kind of source; a quotation after
a colon is its sentence's subject's ("Il sindaco: «...»"), and one opening the sentence
right after one that names a speaker is that speaker's. An aside between a subject and its
verb (a relative, a gerund's clause, where or how it spoke) or a title with no article is
read only after a subject opening its clause ("The quake struck Valcorvo, killing 12, said
the mayor" is the mayor's). Whose toll it is names its source only when the owner names a
kind of source ("the government death toll", not "the Valcorvo death toll"). A trailing
attribution covers no paragraph before its own; a sentence pointing back covers the one
before only when it opens its own. A contrast opened after a speaker's clause ("..., while
8 were hurt, according to the hospital") has the speech tag after it.

Clauses bound what an attribution covers (:mod:`.source_scope`): one inside a relative clause
speaks for that clause ("The quake, which the institute said had a magnitude of 6.1,
killed 300"), one in brackets for the phrase before them, one modifying the figure before
it ("not 15 as first reported by local media", "up from 9 reported by the ministry") for
that figure, one in a later clause of its own ("..., while in Borgoverde, according to the
mayor, three are missing") for that clause. A speech gerund ("..., saying 25 are
missing") is the words of the subject its sentence opens with; the reported-speech verbs
are one class in the data ({SAY}). "He"/"she" stand only for a person, and an outlet
naming itself ("a Reuters tally" in a Reuters story) states the figure itself.
Without a cue the figure is the outlet's own: an attribution is given only where the
structure reads one, since the score counts a wrong source as a missed one and a figure
with none of its own is, by the guide, the outlet's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

import regex

from .. import regexcache
from .lexicon import Lexicon
from .period import clause_of
from .source_scope import covers
from .words import present_keys

_SPACES = regexcache.compile(r"\s+")
# a source is a name, not a clause: trailing function words are cut
_TRAIL = regexcache.compile(r"[\s,.;:'’]+$")
# how far before its verb a source's noun phrase may start
_NP_WINDOW = 160
_END = " \t\n.!?…»”\"'’)"
# how many words a subject's noun phrase may gain by running back to its clause's start
_NP_EXTEND = 5
# how many sentences back a pronoun's source, or a quotation's start, may be
_BACK = 3
# how many sentences an embedded post's signature may sign before it
_POST = 6
_OPEN_QUOTES, _CLOSE_QUOTES = "“«", "”»"
# the kind of an opening mark: one of a kind does not nest in another of its kind
_QUOTE_KIND = {"“": "double", '"': "double", "«": "guillemet"}
# what may stand between a clause and an attribution beside it
_BESIDE = " \t\n,;:"


_POSSESSIVE_END = regexcache.compile(r"(?<=\p{L})[’']s\s*\Z")


def _clean(src: str, lex: Lexicon) -> str | None:
    """The source for display: spaces collapsed, time words cut from its end ("Kirilenko on
    Friday"), prefixes stripped ("agenzia Afp" -> "AFP"); None for a time word alone
    ("said Friday")."""
    s = _SPACES.sub(" ", src).strip()
    # a possessive ends no name: its noun is not one the phrase knows ("the ministry's
    # figures" is the ministry's)
    s = _TRAIL.sub("", _POSSESSIVE_END.sub("", s))
    if lex.source_cut is not None:
        s = _TRAIL.sub("", lex.source_cut.sub("", s))
    if s.casefold() in lex.weekdays or s.casefold() in lex.months:
        return None
    if s.casefold() in lex.source_articles or s.casefold() in lex.source_not_names:
        # a capitalised article, clitic or adverb alone ("The", "Lo ha detto", "Così ha
        # spiegato") names nobody
        return None
    if lex.source_strip is not None:
        m = lex.source_strip.match(s)
        if m and m.end() < len(s):
            s = s[m.end():]
    if not s:
        return None
    return lex.source_names.get(s.lower(), s)


def is_headline(text: str) -> bool:
    """A headline ends with no stop ("Ministry: 12 dead"); a sentence of prose does."""
    return bool(text.strip()) and text.rstrip()[-1] not in ".!?…»”\"'’)"


def find_sources(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Every attribution in ``text``: (cue start, cue end, source), in order."""
    out: list[tuple[int, int, str]] = []
    for pattern in lex.source_signatures:
        for m in pattern.finditer(text):
            _add(out, m, lex)
    if lex.source_headline_cues and is_headline(text):
        # a headline's first words are often what happened or where ("Floods: 12 dead",
        # "Italia: ..."): its source must name a kind of source ("Ministry", "sindaco")
        for pattern in lex.source_headline_cues:
            for m in pattern.finditer(text):
                if _headed(m.group("src"), lex):
                    _add(out, m, lex)
    # only the cues whose own keys are in the text (the same attributions: the order of
    # the runs does not matter, the result is sorted); none of them: no cue can match
    present = present_keys(text, lex.source_keys)
    if not lex.source_trigger.fires(present):
        return sorted(set(out))
    # "citing X", "quoted X as saying": X spoke first; who relays stands before the cue, or
    # after it when the cue follows the one cited ("X, citato dal Guardian": ``after``)
    relays: list[tuple[int, int, bool]] = []
    for pattern, trigger in zip(lex.source_cues, lex.source_cue_triggers, strict=True):
        if not trigger.fires(present):
            continue
        relay = _is_relay(pattern)
        typed = _is_typed(pattern)
        for m in pattern.finditer(text):
            if typed and not lex.source_types.values(m.group("src")):
                continue  # "the Valcorvo death toll": a place's, no one's count
            if not typed and lex.source_clause_verb_re is not None and (
                    lex.source_clause_verb_re.match(text, m.end())) and not _agent(text, m, lex):
                continue  # "he said authorities were able to ...": a reported subject
            both = _coordinated_end(text, m.end("src"), lex)
            if both is not None:
                # "according to the government and a rescue service": one attribution
                _add(out, m, lex, end=max(both, m.end()), src_end=both)
            else:
                _add(out, m, lex, end=_appositive_end(text, m.end(), lex, m.start("src")))
            if relay and m.group("relay"):
                relays.append((m.start(), m.end(), m.start("relay") > m.start("src")))
    for pattern, verb, trigger in zip(lex.source_subject_cues, lex.source_subject_verbs,
                                      lex.source_subject_triggers, strict=True):
        if not trigger.fires(present):
            continue
        if verb is None:
            for m in pattern.finditer(text):
                _add(out, m, lex)
            continue
        for v in verb.finditer(text):
            m = _ending_at(pattern, text, max(0, v.start() - _NP_WINDOW), v.end())
            if m is None or not _aside_fits(text, m, lex):
                continue
            if _is_typed(pattern) and not lex.source_types.values(m.group("src")):
                continue  # "the Valcorvo death toll rose": a place's, no one's count
            if _title(m, lex) is False:
                continue  # an appositive with no article that is no title
            # an appositive between the subject and its verb is part of its name ("the
            # Prefecture of Naples, a local branch of the interior ministry, said")
            app = m.end("app") if "app" in m.re.groupindex and m.group("app") else None
            _add(out, m, lex, _subject_start(text, m, lex), src_end=app)
    out.extend(_gerund_sources(text, lex))
    if relays:
        out = [s for s in out
               if not any(_relays(s, r, text, out, lex.source_fence_re) for r in relays)]
    return sorted(set(out))


def _agent(text: str, m: regex.Match, lex: Lexicon) -> bool:
    """Whether the source ``m`` found is an agent after its preposition ("the toll of 12
    released by the ministry is provisional"), so a verb after it is the main clause's."""
    if lex.source_agent_re is None:
        return False
    before = text[max(0, m.start("src") - 30):m.start("src")].rstrip()
    for a in sorted(lex.source_articles, key=len, reverse=True):
        if before.casefold().endswith(a) and not before[-len(a) - 1:-len(a)].isalpha():
            before = before[:-len(a)]  # the source's article ("by the ministry")
            break
    return lex.source_agent_re.search(before) is not None


def _gerund_sources(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The attributions of speech gerunds after a comma ("The county amended its count,
    stating that 40 had died"; ``[sources] gerunds``): a gerund has no subject of its own,
    so its speaker is the subject its sentence opens with, when that names a kind of source
    and is followed by its verb (:func:`_opening_subject`); "Floods hit the valley, saying
    ..." names nobody. The attribution is the gerund itself, so it competes by distance with
    any other cue of the sentence."""
    if lex.source_gerund_re is None:
        return []
    gerunds = list(lex.source_gerund_re.finditer(text))
    if not gerunds:
        return []
    subject = _opening_subject(text, lex)
    if subject is None or subject.casefold() in lex.source_pronouns:
        return []
    return [(m.start() + 1, m.end(), subject) for m in gerunds]


def _headed(src: str, lex: Lexicon) -> bool:
    """Whether a headline's noun phrase is headed by a kind of source, at either end (the
    head ends an English phrase, opens an Italian one): "Regional governor", "Red Cross",
    "Ministero della Salute", "la Protezione civile"; not a story's name that only holds a
    source word ("Valcorvo Rescue Effort: sixth body found"). A word or the two words at
    an end name a kind, the two not only by the inner word."""
    words = src.split()
    if not words:
        return False
    kinds = lex.source_types.values
    if kinds(words[-1]) or kinds(words[0]):
        return True
    if lex.source_people_re is not None and lex.source_people_re.search(src):
        return True  # a person's title before the name ("Valcorvo Governor Anna Rossi")
    if len(words) < 2:
        return False
    # the two words at an end name a kind their inner word alone does not ("Red Cross",
    # "Protezione civile"; not "Rescue Effort")
    return bool(kinds(" ".join(words[-2:])) - kinds(words[-2])
                or kinds(" ".join(words[:2])) - kinds(words[1]))


# a possessive closes the words before a subject's noun ("the US territory's governor")
_POSSESSIVE = regexcache.compile(r"[’']s?\s*\Z")


def _aside_fits(text: str, m: regex.Match, lex: Lexicon) -> bool:
    """Whether a subject with an ``aside`` between it and its verb (a relative or a gerund's
    clause: "the newspaper, drawing on records, found") opens its clause, so the aside is
    its own: "The quake struck Valcorvo, killing 12, said the mayor" has no subject
    "Valcorvo". Only a possessive may stand before it ("the US territory's governor, who
    ..."). The same holds for an appositive with no article (``title``). True for a match
    with neither."""
    aside = "aside" in m.re.groupindex and m.group("aside")
    title = "title" in m.re.groupindex and m.group("title") is not None
    return _opens_clause(text, m.start(), lex) if aside or title else True


def _opens_clause(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a subject at ``start`` opens its clause: nothing but a possessive between
    the clause's start (a ``np_breaks`` mark, or the sentence's) and it."""
    if lex.source_np_break is None:
        return True
    lead = text[max(0, start - _NP_WINDOW):start]
    breaks = list(lex.source_np_break.finditer(lead))
    if breaks:
        gap = lead[breaks[-1].end():]
    elif start <= _NP_WINDOW:
        gap = lead
    else:
        return False
    gap = gap.strip(" \t\n\"'“«‘")
    return (not gap or _POSSESSIVE.search(gap) is not None
            or _ABBREVIATIONS.fullmatch(gap) is not None)


# a title's abbreviations before a name ("Dr.", "Gov.", "Lt. Col."): part of its noun phrase
_ABBREVIATIONS = regexcache.compile(r"(?:(?-i:\p{Lu})\p{Ll}{0,3}\.\s*)+")


def _title(m: regex.Match, lex: Lexicon) -> bool | None:
    """Whether an appositive with no article after a name (the ``title`` group) is a
    title, opening with a known source word ("Anna Rossi, spokeswoman for the ministry,
    said"), not a description ("Valcorvo, devastated by the flood, said goodbye");
    None for a match with no such group. The caller checks, as for an aside, that
    the subject opens its clause."""
    if "title" not in m.re.groupindex or m.group("title") is None:
        return None
    if m.group("title")[:1].isupper():
        # a capitalised appositive is a title only when it opens with a person's title
        # ("Anna Rossi, Director General of Health Services, said"; ``[sources] people``),
        # not any name ("Valcorvo, Borgoverde and Ponte, said")
        return lex.source_people_re is not None and lex.source_people_re.match(
            m.string, m.start("title")) is not None
    if lex.source_np is not None and lex.source_np.match(m.string, m.start("title")):
        return True
    # ... or a person's title among its first words ("Anna Rossi, medical director of the
    # district hospital, said": "director")
    lead = m.string[m.start("title"):m.end("app")].split()[:_TITLE_LEAD]
    return lex.source_people_re is not None and bool(
        lex.source_people_re.search(" ".join(lead)))


# how many words may open a title before its person's title word ("medical director")
_TITLE_LEAD = 3


@lru_cache(maxsize=None)
def _is_typed(pattern: regex.Pattern) -> bool:
    """Whether a cue's source must name a kind of source (its empty ``typed`` group: "the
    government death toll", "il bilancio della Prefettura"; not "the Valcorvo death toll")."""
    return "typed" in pattern.groupindex


@lru_cache(maxsize=None)
def _is_relay(pattern: regex.Pattern) -> bool:
    """Whether a cue names one whose words another relays (its ``relay`` group); cached:
    ``groupindex`` builds a dict at each call."""
    return "relay" in pattern.groupindex


def _ending_at(pattern: regex.Pattern, text: str, pos: int, end: int) -> regex.Match | None:
    """The first match of ``pattern`` in ``text[pos:end]`` that ends at ``end``: an earlier
    subject and its verb in the window ("Firefighters said nine ..., but the regional
    emergency center said") do not hide the one of this verb."""
    while pos < end:
        m = pattern.search(text, pos, end)
        if m is None or m.end() == end:
            return m
        pos = m.start() + 1
    return None


def _relays(span: tuple[int, int, str], relay: tuple[int, int, bool], text: str,
            spans: Sequence[tuple[int, int, str]], fence: regex.Pattern | None) -> bool:
    """Whether ``span`` names who relays another's words: the figure is the one cited, who
    gave it first ("Reuters reported, citing police", "the TV said on Saturday citing the
    ministry", "State TV quoted ... as saying", "l'agenzia, che cita le autorità"). Its
    attribution ends before the relay cue, in the same clause of reported words (no ";",
    ":" or quotation mark between, no other attribution, no ``fences`` word), or starts
    right after it ("citing police, Reuters reported"), or holds it ("the TV, citing
    police, said"); for a cue after the one cited (``relay[2]``: "X, citato dal
    Guardian"), only one right after it relays."""
    s, e, _ = span
    if (s, e) == relay[:2] or (relay[0] <= s and e <= relay[1]):
        return False
    if 0 <= s - relay[1] <= 3 or (s < relay[0] and relay[1] <= e):
        return True  # "citing police, Reuters said", "the TV, citing police, said"
    if relay[2]:
        return False
    if not 0 <= relay[0] - e <= _RELAY_GAP or _RELAY_STOP.search(text, e, relay[0]):
        return False
    if fence is not None and fence.search(text, e, relay[0]):
        return False  # "..., the mayor said, while the TV, citing police, ...": another's
    return not any(e <= o[0] < relay[0] for o in spans)


# how far before a relay cue the attribution of who relays may end ("the TV said on
# Saturday, in a report on the floods, citing ..."), and what no such gap holds
_RELAY_GAP = 120
_RELAY_STOP = regexcache.compile(r"[;:“”«»\"]")


def _subject_start(text: str, m: regex.Match, lex: Lexicon) -> int:
    """Where a subject's noun phrase starts: the noun phrase the cue found, run back to its
    clause's start when only a few lower-case words lie between ("the US territory's
    governor said", "L'amministrazione regionale riferisce")."""
    start = m.start("src")
    if lex.source_np_break is None or m.group("src").casefold() in lex.source_pronouns:
        return start  # a pronoun is its whole noun phrase ("The ministry said it had counted")
    lead = text[max(0, start - _NP_WINDOW):start]
    breaks = list(lex.source_np_break.finditer(lead))
    cut = breaks[-1].end() if breaks else (0 if start <= _NP_WINDOW else len(lead))
    gap = lead[cut:]
    words = gap.split()
    # the gap opens the noun phrase: an article or a name, never a verb ("reports to")
    if not words and breaks:
        # right after a coordinator: two sources, one subject ("rescue workers and police")
        both = _coordinated(lead[:breaks[-1].start()], breaks[-1], lex, start - len(lead))
        return start if both is None else both
    if (not words or any(ch.isdigit() for ch in gap) or len(words) > _NP_EXTEND
            or not (words[0][:1].isupper() or _starts_with_article(gap.lstrip(), lex)
                    or _opens_with_source_word(gap.lstrip(), lex))):
        return start
    begin = start - len(gap.lstrip())
    # a noun phrase has one article, at its start, but for one after a connector ("Head of
    # the district administration"): words before a later one are no part of it ("In un
    # tweet la Regione ha scritto", "a few hours later the center said")
    elided = tuple(a for a in lex.source_articles if a[-1:] in "'’")
    later = [j for j in range(1, len(words))
             if (words[j].casefold() in lex.source_articles
                 or (elided and words[j].casefold().startswith(elided)))
             and not _joins(words[j - 1], words[j], lex)]
    if later:
        begin = start - len(" ".join(words[later[-1]:])) - (len(gap) - len(gap.rstrip()))
    elif breaks:
        # two sources, one subject ("il dipartimento di polizia di Maui e l'Fbi")
        both = _coordinated(lead[:breaks[-1].start()], breaks[-1], lex, start - len(lead))
        begin = begin if both is None else both
    # a leading article is not shown, as after a cue ("the US territory's governor")
    rest = text[begin:start]
    for a in lex.source_articles:
        if rest.casefold().startswith(a + ("" if a[-1:] in "'’" else " ")):
            begin += len(a) + len(rest[len(a):]) - len(rest[len(a):].lstrip())
            break
    return begin


def _joins(before: str, article: str, lex: Lexicon) -> bool:
    """Whether ``before`` and the ``article`` after it are a connector within a noun phrase
    ("of the", "per la"): two names joined by them are one noun phrase."""
    art = regex.match(r"\S*?['’]", article)
    probe = f"Xx {before} {art.group() if art else article}{'' if art else ' '}Xx"
    return lex.source_np is not None and lex.source_np.fullmatch(probe) is not None


def _coordinated(before: str, brk: regex.Match, lex: Lexicon, offset: int) -> int | None:
    """Where a subject of two sources joined by a coordinator starts ("il dipartimento di
    polizia di Maui e l'Fbi hanno dichiarato"): the first must be a source's whole noun
    phrase from its clause's start, so a clause joined by "e"/"and" is no source ("i
    soccorritori hanno scavato tutta la notte e la polizia ha detto"). ``before``: the text
    up to the coordinator, at ``offset`` in the sentence; None when there is no such pair."""
    if lex.source_np is None or brk.group().strip().casefold() not in lex.source_coordinators:
        return None
    breaks = list(lex.source_np_break.finditer(before)) if lex.source_np_break else []
    cut = breaks[-1].end() if breaks else 0
    first = before[cut:]
    m = lex.source_np.fullmatch(first.strip())
    if m is None:
        return None
    return offset + cut + (len(first) - len(first.lstrip())) + m.start("src")


def _opens_with_source_word(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` opens with a known source word in lower case, a noun phrase's head
    run back to ("ricercatori di dati libici": not only "libici")."""
    m = lex.source_np.match(text) if lex.source_np is not None else None
    return m is not None and m.start("src") == 0 and text[:1].islower()


def _starts_with_article(text: str, lex: Lexicon) -> bool:
    return any(text.casefold().startswith(a + ("" if a[-1:] in "'’" else " "))
               for a in lex.source_articles)


def _add(out: list[tuple[int, int, str]], m: regex.Match, lex: Lexicon,
         start: int | None = None, end: int | None = None, src_end: int | None = None
         ) -> None:
    """Add the source ``m`` found: its noun phrase from ``start`` (else its own start) to
    ``src_end`` (else ``end``, else its own end); the attribution runs to ``end`` (else the
    match's end)."""
    begin = m.start("src") if start is None else start
    stop = src_end or end or m.end("src")
    if src_end is None and end is None:
        stop = _past_title(m.string, begin, stop, lex)
        end = max(stop, m.end())
    src = _clean(m.string[begin:stop], lex)
    if src:
        out.append((m.start() if start is None else min(m.start(), start), end or m.end(),
                    src))


# a title's abbreviation ends a noun phrase at its stop ("Col. Mark Jones"); within one
# sentence, a stop followed by a capital is such an abbreviation's
_TITLE = regexcache.compile(r"(?<![\p{L}.])\p{Lu}\p{Ll}{0,3}\Z")
_STOP_CAPITAL = regexcache.compile(r"\.\s+(?=\p{Lu})")


def _past_title(text: str, begin: int, stop: int, lex: Lexicon) -> int:
    """Where a noun phrase ending with a title's abbreviation ends: past the name after
    it ("said Col. Mark Jones", "Gov. Anna Rossi"); ``stop`` when it does not end so."""
    if lex.source_np is None or text[stop:stop + 1] != ".":
        return stop
    dot = _STOP_CAPITAL.match(text, stop)
    if dot is None or _TITLE.search(text, max(begin, stop - 5), stop) is None:
        return stop
    n = lex.source_np.match(text, dot.end())
    return n.end("src") if n is not None else stop


def _coordinated_end(text: str, at: int, lex: Lexicon) -> int | None:
    """Where a second source joined to the one ending at ``at`` ends ("according to the
    government and a rescue service operating ..."): a coordinator, then a noun phrase
    that names a kind of source; None when there is none ("according to police and 12
    people ...", "secondo la prefettura e Valcorvo ...")."""
    if lex.source_np is None or not lex.source_coordinators:
        return None
    m = _COORDINATOR.match(text, at)
    if m is None or m.group(1).casefold() not in lex.source_coordinators:
        return None
    n = lex.source_np.match(text, m.end())
    if n is None or not lex.source_types.values(n.group("src")):
        return None
    return n.end("src")


# a coordinator word after a source ("... the government and a rescue service")
_COORDINATOR = regexcache.compile(r"\s+(\p{L}+)\s+")


def _appositive_end(text: str, at: int, lex: Lexicon, begin: int | None = None) -> int | None:
    """Where a source after its verb ends with its appositive ("said Pavlo Kyrylenko,
    governor of the Donetsk Oblast."): the end of a source noun phrase after a comma that
    closes the sentence, or of a title between commas; None when there is none."""
    rest = text[at:].rstrip(_END)
    if lex.source_np is None or not rest.startswith(","):
        return None
    body = rest[1:].strip()
    # a number within it is part of a name ("direttore del 118 della Regione": the emergency
    # line's service), read as a capitalised word
    probe = _NAME_NUMBER.sub("N", body)
    if body and lex.source_np.fullmatch(probe):
        return at + len(rest)
    if body and _described(text[:at], body, lex):
        return at + len(rest)
    # ... or a person's name after a title, to the next clause mark ("ha detto il prefetto
    # di Valcorvo, Mario Rossi: ..."; "said the county's fire chief, Anna Rossi, adding")
    mark = _CLAUSE_MARK.search(rest, 1)
    name = rest[1:mark.start()] if mark is not None else ""
    if (begin is not None and lex.source_people_re is not None
            and lex.source_people_re.search(text, begin, at)
            and _PERSON_NAME.fullmatch(name.strip())
            and not lex.source_types.values(name)):
        return at + len(name.rstrip()) + 1
    # ... or a title between commas, the sentence going on after it ("said Anna Rossi, head
    # of the fire service, adding that ..."): it opens with a known source word in lower
    # case, so a clause is no title ("said Anna Rossi, three more died")
    comma = rest.find(",", 1)
    body = rest[1:comma] if comma > 0 else ""
    if not body.strip() or not body.strip()[:1].islower():
        return None
    probe = _NAME_NUMBER.sub("N", body.strip())
    return at + len(body.rstrip()) + 1 if lex.source_np.fullmatch(probe) else None


# a person's name: two to four capitalised words
_PERSON_NAME = regexcache.compile(
    r"(?-i:\p{Lu})[\p{L}’'.-]+(?:\s+(?-i:\p{Lu})[\p{L}’'.-]+){1,3}")
# how many words a description after a speaker's name may have
_DESCRIPTION_WORDS = 12
# capitalised words ending a text (a speaker's name before ", a nurse at ..."), and words
_NAME_AT_END = regexcache.compile(r"(?:(?-i:\p{Lu})[\p{L}.’'-]*\s+)*(?-i:\p{Lu})[\p{L}’'-]*\Z")
_LETTERS = regexcache.compile(r"\p{L}+")


def _described(before: str, body: str, lex: Lexicon) -> bool:
    """Whether ``body``, closing the sentence after a comma, describes the person named
    right before it, so it is part of the source as written ("said Omar Haddad, a nurse at
    the district clinic." -> "Omar Haddad, a nurse at the district clinic"): the name is
    capitalised words, the description a short noun phrase opening with an article, with
    no number, no clause of its own (no ``np_breaks`` word: "a day after the flood hit")
    and no time word at its end ("a week later")."""
    name = _NAME_AT_END.search(before)
    if name is None or name.group().casefold() in lex.source_pronouns:
        return False
    if not _starts_with_article(body, lex) or any(ch.isdigit() for ch in body):
        return False
    if len(body.split()) > _DESCRIPTION_WORDS:
        return False
    if lex.source_np_break is not None and lex.source_np_break.search(body):
        return False
    if lex.source_cut is not None and lex.source_cut.search(" " + body):
        return False
    words = {w.casefold() for w in _LETTERS.findall(body)}
    return not (words & set(lex.weekdays) or words & set(lex.months))


# a whole number after a word, within an appositive ("del 118", "Brigade 3")
_NAME_NUMBER = regexcache.compile(r"(?<=\s)\d+(?![\d\p{L}.,])")


def _distance(span: tuple[int, int, str], start: int, end: int) -> int:
    s, e, _ = span
    if e <= start:
        return start - e
    if s >= end:
        return s - end
    return 0


def source_of(texts: Sequence[str], index: int, start: int, end: int, lex: Lexicon,
              found: Callable[[int], list[tuple[int, int, str]]] | None = None,
              claimed: Collection[int] = (), part: bool = False,
              paragraphs: Callable[[], Sequence[int] | None] | None = None,
              metric: str | None = None) -> str | None:
    """The source of a figure at ``texts[index][start:end]``; ``texts`` are the article's
    sentences, ``claimed`` the indexes of those that make claims. In order: the cue nearest
    the figure in its sentence; the speaker of the quotation it is in; an attribution after
    it that covers it (:func:`_later_source`); for a ``part`` of a breakdown by place ("106
    nel Reatino e 53 nell'Ascolano"), the attribution of the sentence right before it (the
    total's it breaks down).
    ``found(i)`` may memoise :func:`find_sources` of sentence ``i``; ``paragraphs()`` gives
    each sentence's paragraph number, when known (asked only of a post's signature).
    A figure of a background ``metric`` (``[sources] clause_metrics``: how many live in a
    place) outside a quotation takes only an attribution in its own clause."""
    found = found or (lambda i: find_sources(texts[i], lex))
    text = texts[index]
    # a subject opening a clause joined after the figure's speaks for that clause ("12 were
    # missing, and the mayor was quoted as saying one body ..."), not for the figure
    own = [s for s in found(index) if s[0] < end or lex.source_coordinator_re is None
           or lex.source_coordinator_re.search(text, max(end, s[0] - 10), s[0]) is None]
    if metric in lex.source_clause_metrics and not _in_quotation(texts, index, start):
        # "the toll was put at 64 by the authorities, on an island of 3 million people": the
        # speaker of the toll says nothing of the island's people
        left, right = clause_of(text, start, end, lex)
        # ... or right beside it, with only a break between ("..., according to the census")
        left = len(text[:left].rstrip(_BESIDE))
        right += len(text[right:]) - len(text[right:].lstrip(_BESIDE))
        return next((s[2] for s in sorted(own, key=lambda s: _distance(s, start, end))
                     if s[0] <= right and s[1] >= left
                     and s[2].casefold() not in lex.source_pronouns), None)
    if own:
        own = [s for s in own if covers(text, s, start, end, lex)]
    if own and lex.source_fence_re is not None:
        own = [s for s in own if not _fenced_off(text, s, start, end, lex)]
    if own and lex.source_comparison_re is not None:
        # a figure compared with the one attributed is no part of it ("The new estimate was
        # announced by the government, far above the 64 deaths counted so far"): with none
        # other in its sentence, it is the outlet's
        kept = [s for s in own if s[1] > start
                or lex.source_comparison_re.search(text, s[1], start) is None]
        if not kept:
            return None
        own = kept
    if own:
        best = min(own, key=lambda s: (_distance(s, start, end), s[0]))
        if best[1] <= start and lex.source_fence_re is not None:
            # a contrast opened after a speaker's clause has its own speech tag, when one
            # follows it ("The mayor confirmed 7 dead, while 8 were hurt, according to the
            # hospital": the 8 are the hospital's)
            f = _open_fence(text, start, lex.source_fence_re)
            after = [s for s in own if s[0] >= end]
            if f is not None and f.start() >= best[1] and after:
                best = after[0]
        if best[2].casefold() in lex.source_pronouns:
            # "the ministry said it had counted 12 dead": the pronoun's own sentence first
            named = [s for s in own if s[0] < best[0]
                     and s[2].casefold() not in lex.source_pronouns
                     and _may_stand_for(best[2], s[2], lex)]
            if named:
                return named[-1][2]
            opener = _opening_subject(text, lex) if 0 < best[0] and best[1] <= start else None
            if opener is not None and _may_stand_for(best[2], opener, lex):
                # the subject its sentence opens with ("The governor spoke of a disaster he
                # said may have left 300,000 homeless")
                return opener
        if source_type(text[best[0]:best[1]], None, lex) == "media":
            # a medium reporting what a speaker said before the figure relays the speaker
            # ("the governor said the toll included 15 ..., local media reported")
            speaker = _relayed_speaker(text, own, start, lex)
            if speaker is not None:
                return speaker
        if (best[2].casefold() in lex.source_pronouns and _in_quotation(texts, index, start)
                and _in_quotation(texts, index, best[0])):
            # a pronoun inside the quotation is the speaker's word: it stands for no one
            # named outside it ("Reports said more died. “They told us 50 are trapped,”
            # said Anna Rossi": Anna Rossi's)
            named = None
        else:
            named = _named(best[2], texts, index, found, lex)
        if named is None and _in_quotation(texts, index, start):
            # a pronoun inside a quotation that stands for nobody named ("“They told us 50
            # are trapped,” said Anna Rossi"): the quotation's speaker, who says so
            named = next((s[2] for s in sorted(own, key=lambda s: _distance(s, start, end))
                          if s[2].casefold() not in lex.source_pronouns), None)
            if named is None:
                quoted = _quoted_source(texts, index, start, found, lex)
                named = _named(quoted, texts, index, found, lex) if quoted else None
        return named
    quoted = _quoted_source(texts, index, start, found, lex)
    if quoted is not None:
        return _named(quoted, texts, index, found, lex)
    # a headline stands alone: the body's attributions are the body's ("Toll rises to 88"
    # over "The toll rose to 88. The prefecture said so.")
    later = (None if index == 0 and is_headline(text)
             else _later_source(texts, index, found, claimed, lex, paragraphs))
    if later is not None:
        return later
    if (part and index > 0 and not lex.source_trigger.may_match(texts[index])
            and (index - 1 in claimed or (lex.toll_noun_re is not None
                                          and lex.toll_noun_re.search(texts[index - 1])))):
        # the sentence before gives a toll this one breaks down; a sentence with a cue word
        # of its own ("according to the new toll figure") is attributed there, even when
        # the cue names no source this can read
        before = found(index - 1)
        if before:
            return _named(before[-1][2], texts, index - 1, found, lex)
    return None


def _in_quotation(texts: Sequence[str], index: int, start: int) -> bool:
    """Whether ``start`` in sentence ``index`` is inside a quotation, opened in its sentence
    or in one of the few before."""
    depth = sum(d for j, d in _marks(texts[index]) if j < start)
    for i in range(index - 1, max(-1, index - 1 - _BACK), -1):
        if depth != 0:
            break
        depth += sum(d for _, d in _marks(texts[i]))
    return depth > 0


# what closes a concessive or temporal clause: the first clause mark after its opening word
_CLAUSE_MARK = regexcache.compile(r"[,;:]")


def _open_fence(text: str, pos: int, fence: regex.Pattern) -> regex.Match | None:
    """The opening word of a concessive or temporal clause still open at ``pos`` (no
    clause mark between it and ``pos``); None when ``pos`` is in no such clause."""
    last = None
    for m in fence.finditer(text, 0, pos):
        last = m
    if last is None or _CLAUSE_MARK.search(text, last.end(), pos) is not None:
        return None
    return last


def _fenced_off(text: str, span: tuple[int, int, str], start: int, end: int,
                lex: Lexicon) -> bool:
    """Whether a concessive or temporal clause parts the attribution ``span`` from the
    figure at ``text[start:end]``: the attribution is inside one that closes before the
    figure ("Although the ministry said none are missing, 15 are still missing, the mayor
    said"); or the figure is inside one that opens its sentence, or opens within the
    attribution's own words, and the attribution is the main clause after it, with words of
    its own ("After three bodies were recovered, the prefecture raised its toll"; "The
    mayor, who spoke after six bodies were found, said ..."). An attribution before the
    clause still covers it ("Police said that after 12 bodies were found, ..."), and so
    does a speech tag closing the sentence ("After the storm 12 were dead, police said")."""
    fence = lex.source_fence_re
    assert fence is not None
    s, e, _ = span
    if e <= start:
        f = _open_fence(text, s, fence)
        return f is not None and _CLAUSE_MARK.search(text, e, start) is not None
    f = _open_fence(text, start, fence)
    if f is None:
        return False
    if s <= f.start() and end <= e:
        return True  # the clause is part of the attribution's words, not what it says
    if s < end or _CLAUSE_MARK.search(text, end, s) is None:
        return False
    if text[:f.start()].strip(" \t\n\"'“«‘"):
        return False  # the clause does not open the sentence
    rest = text[e:].rstrip(_END)
    if lex.source_cut is not None:
        rest = lex.source_cut.sub("", rest)
    return bool(rest.strip())  # a closing speech tag covers all it closes


def _relayed_speaker(text: str, own: list[tuple[int, int, str]], start: int,
                     lex: Lexicon) -> str | None:
    """The speaker a medium's report relays: the nearest attribution that is no medium's
    and no pronoun, ending before the figure with no ";" or ":" between (its clause runs
    on to the figure); None when there is none."""
    before = [s for s in own if s[1] <= start and s[2].casefold() not in lex.source_pronouns
              and source_type(text[s[0]:s[1]], None, lex) != "media"
              and not any(ch in text[s[1]:start] for ch in ";:")]
    return before[-1][2] if before else None


def _later_source(texts: Sequence[str], index: int,
                  found: Callable[[int], list[tuple[int, int, str]]],
                  claimed: Collection[int], lex: Lexicon,
                  paragraphs: Callable[[], Sequence[int] | None] | None = None) -> str | None:
    """The attribution of a sentence after the figure's that covers what came before it:
    a trailing one ("... sono morti martedì. Questi sono i combattimenti più sanguinosi,
    scrive Reuters.") or any in a sentence that points back ("Sono gli ultimi dati della
    Protezione civile.", ``[sources] back_openers``), in a sentence that makes no claim of
    its own, reached over the figure's run of sentences that name nobody ("204 ad Amatrice.
    Undici ad Accumoli. Sono gli ultimi dati, comunicati da ..."). An attribution inside a
    sentence with figures of its own is theirs. A sentence that points back reaches over
    a few that name nobody ("... 221 deaths recorded. Valencia also keeps a hospital count.
    These are the figures from the second report by ...")."""
    only_back = False  # past a sentence of other matters: only one that points back
    signs = lex.source_signatures
    stop = min(len(texts), index + 1 + max(_BACK, _POST if signs else 0))
    far = index + 1 + _BACK
    if stop > far and not any(p.search(texts[j]) for j in range(far, stop) for p in signs):
        # past _BACK sentences only a post's signature names the source: with none there,
        # those sentences end the run with none (their attributions are not looked for)
        stop = far
    for j in range(index + 1, stop):
        srcs = found(j)
        if srcs and signs:
            # a post's signature signs all of the post before it ("... — Mayor Anna Rossi
            # (@annarossi) May 3, 2023"), back to a sentence with an attribution of its own,
            # within its paragraph (when not known, a few sentences)
            signed = [x for x in srcs if any(p.match(texts[j], x[0]) for p in signs)]
            if signed and _same_paragraph(index, j, len(texts), paragraphs):
                return signed[0][2]
        if j > index + _BACK:  # only a post's signature reaches this far
            if srcs:
                return None
            continue
        if paragraphs is not None and not _same_paragraph(index, j, len(texts), paragraphs):
            # a trailing attribution covers no paragraph before its own ("... cinque ucraini.
            # ⏎ Dei feriti, 8 sono gravi, come comunicato dal presidente."); a sentence that
            # points back may ("⏎ These are the figures from the county's report."), when it
            # opens its paragraph: deeper in, it points back within it ("⏎ Fra i morti un
            # bambino. Lo confermano fonti locali." is not the paragraph before's)
            if _same_paragraph(j - 1, j, len(texts), paragraphs):
                return None
            only_back = True
        back = lex.source_back_re is not None and lex.source_back_re.match(texts[j]) is not None
        if srcs:
            if back:
                return _named(srcs[0][2], texts, j, found, lex)
            if j in claimed or only_back:
                return None
            if any(d < 0 for _, d in _marks(texts[j])) and (
                    lex.source_count_re is None or not lex.source_count_re.search(texts[j])):
                # a quotation's speaker tag is the quotation's ("... 40 were wounded. “Many are
                # in a serious condition,” said the mayor."): it says words of its own, unless
                # they speak of the figures ("“I dati sono incerti”, dice il sindaco")
                return None
            nxt = len(texts[j].rstrip(_END))
            # a trailing attribution, or one followed only by when, where and how it spoke
            # ("The ministry said so in a statement later.", "Lo ha confermato in serata")
            # (the first of these: the words after it are its tail, "confermato il bilancio")
            trailing = [s for s in srcs if s[1] >= nxt] or [
                s for s in srcs if lex.source_tail_re is not None
                and lex.source_tail_re.fullmatch(texts[j], s[1], nxt) is not None][:1]
            return _named(trailing[-1][2], texts, j, found, lex) if trailing else None
        if j not in claimed:
            only_back = True  # a sentence of other matters, naming nobody, ends the run
    return None


def _same_paragraph(i: int, j: int, n: int,
                    paragraphs: Callable[[], Sequence[int] | None] | None) -> bool:
    """Whether sentences ``i`` and ``j`` (of ``n``) are in one paragraph; when the paragraphs
    are not known, whether they are a few sentences apart."""
    paras = paragraphs() if paragraphs is not None else None
    if paras is None or len(paras) != n:
        return abs(i - j) <= _BACK
    return paras[i] == paras[j]


def _named(source: str, texts: Sequence[str], index: int,
           found: Callable[[int], list[tuple[int, int, str]]], lex: Lexicon) -> str | None:
    """A pronoun source ("he said") is the source named last before it, in its sentence or
    the few before; None when there is none (the figure is then the outlet's)."""
    if source.casefold() not in lex.source_pronouns:
        return source
    for i in range(index - 1, max(-1, index - 1 - _BACK), -1):
        named = [s for s in found(i) if s[2].casefold() not in lex.source_pronouns
                 and _may_stand_for(source, s[2], lex)]
        if named:
            return _introduced(named[-1][2], i, found)
        opener = _opening_subject(texts[i], lex)
        if opener is not None and _may_stand_for(source, opener, lex):
            return opener
    return None


def _may_stand_for(pronoun: str, source: str, lex: Lexicon) -> bool:
    """Whether ``pronoun`` may stand for ``source``: an impersonal one ("it") never stands
    for a person, a source with a title of a person's ("Anna Rossi, head of the forensic
    service"; ``[sources] people``)."""
    if pronoun.casefold() in lex.source_personal:
        return _is_person(source, lex)
    if pronoun.casefold() not in lex.source_impersonal or lex.source_people_re is None:
        return True
    return lex.source_people_re.search(source) is None


def _is_person(source: str, lex: Lexicon) -> bool:
    """Whether ``source`` may be one person, whom "he" or "lei" stands for: it names a
    person's title ("the mayor", "Anna Rossi, head of ..."; ``[sources] people``), or it is
    a name that is no kind of source and no party ("Kirilenko"); not a body ("Authorities",
    "the ministry", "la Protezione civile", "Kyiv")."""
    if lex.source_people_re is not None and lex.source_people_re.search(source):
        return True
    if lex.source_types.values(source) or source_party(source, lex) is not None:
        return False
    return any(w[:1].isupper() for w in source.split())


def _introduced(name: str, index: int,
                found: Callable[[int], list[tuple[int, int, str]]]) -> str:
    """The whole name a pronoun stands for: a person named by surname alone ("Boraso
    told TV") was introduced in full before ("city councillor Anna Boraso said", "Boraso,
    a city councillor, said"), and "he" stands for the whole of it; ``name`` itself when it
    is more than one word or was not introduced so in sentences up to ``index``."""
    if " " in name or not name[:1].isupper():
        return name
    for i in range(index, -1, -1):
        for _, _, src in reversed(found(i)):
            if src.endswith(" " + name) or src.startswith(name + ", "):
                return src
    return name


def _opening_subject(text: str, lex: Lexicon, colon: bool = False) -> str | None:
    """The subject a sentence opens with when it names a kind of source ("Valcorvo Mayor
    Anna Rossi spoke to reporters."; "Il prefetto Mario Bianchi è arrivato."): whom a
    pronoun in the next sentence stands for, though this one reports no words. A sentence
    opening with anything else ("Floods hit the town.") names nobody."""
    if lex.source_np is None:
        return None
    body = text.lstrip()
    m = lex.source_np.match(body)
    if m is None:
        return None
    stop = _past_title(body, m.start("src"), m.end("src"), lex)
    if not lex.source_types.values(body[m.start("src"):stop]):
        return None
    # a subject is followed by its verb (or, in ``colon`` form, a colon: "Il sindaco:
    # «...»"), not by a comma or a name's remainder
    rest = body[stop:]
    if not (regex.match(r"\s+(?:\p{Ll}+\s+){0,2}?\p{Ll}", rest)
            or (colon and regex.match(r"\s*:", rest))):
        return None
    return _clean(body[m.start("src"):stop], lex)


def _marks(text: str) -> list[tuple[int, int]]:
    """(offset, +1 opening / -1 closing) of each quotation mark; a straight double quote
    opens after a space or at the start, else it closes."""
    out = []
    for j, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            out.append((j, 1))
        elif ch in _CLOSE_QUOTES:
            out.append((j, -1))
        elif ch == '"':
            out.append((j, 1 if j == 0 or text[j - 1].isspace() or text[j - 1] in "(:" else -1))
    return out


def _quoted_source(texts: Sequence[str], index: int, start: int,
                   found: Callable[[int], list[tuple[int, int, str]]],
                   lex: Lexicon) -> str | None:
    """The speaker of a quotation that runs over several sentences, for a figure inside
    it: named after the mark that closes it, in its sentence or a later one, or before the
    mark that opens it, in an earlier one."""
    depth = sum(d for j, d in _marks(texts[index]) if j < start)
    opened_at = index if depth > 0 else None
    for i in range(index - 1, max(-1, index - 1 - _BACK), -1):
        if opened_at is not None:
            break
        depth += sum(d for _, d in _marks(texts[i]))
        if depth > 0:
            opened_at = i
        elif depth < 0:
            return None  # a quotation closed before the figure: it is outside
    if opened_at is None:
        return None
    # where the quotation closes: its speaker follows the closing mark. A mark of the
    # opening's kind while only this quotation is open goes on with it, nesting none (a
    # quotation reopened after a paragraph, or a closing mark the page lost: "“We are here.
    # We counted 14 dead. “We need help,” said the mayor." is all the mayor's)
    first = [texts[opened_at][j] for j, d in _marks(texts[opened_at])
             if d > 0 and (opened_at != index or j < start)]
    kind = _QUOTE_KIND.get(first[-1]) if first else None
    level, closed = 1, False
    for i in range(index, min(len(texts), index + 1 + _BACK)):
        for j, d in _marks(texts[i]):
            if i == index and j < start:
                continue
            if d > 0 and level == 1 and kind is not None and _QUOTE_KIND.get(texts[i][j]) == kind:
                continue
            level += d
            if level == 0:
                after = [s for s in found(i) if s[0] >= j]
                if after:
                    return after[0][2]
                closed = True
                break
        if closed:
            break
    opens = [j for j, d in _marks(texts[opened_at])
             if d > 0 and (opened_at != index or j < start)]
    if opened_at != index and opens:
        before = [s for s in found(opened_at) if s[1] <= opens[-1] + 1]
        if before:
            return before[-1][2]
        # a speech tag set inside the quotation, in a sentence before the figure's, the
        # quotation going on after it ("«... vittime - ha detto il colonnello Rossi - Anche
        # ... Sono 11 le vittime»")
        for i in range(opened_at, index):
            inside = [s for s in found(i) if (i != opened_at or s[0] > opens[-1])
                      and _TAG_BEFORE.search(texts[i], max(0, s[0] - 3), s[0])
                      and _TAG_AFTER.search(texts[i], s[1])]
            if inside:
                return inside[0][2]
    if opens and texts[opened_at][:opens[-1]].rstrip().endswith(":"):
        # a quotation after a colon is the words of the sentence's subject ("Il sindaco:
        # «...»", "The colonel spoke to reporters: \"...\"")
        opener = _opening_subject(texts[opened_at], lex, colon=True)
        if opener is not None:
            return opener
    # a quotation with no speaker of its own goes on the one just before ("«...», spiega il
    # ministro. Il bilancio registra «10 morti»."): the speaker of the last quotation
    for i in range(opened_at - 1, max(-1, opened_at - 1 - _BACK), -1):
        srcs = found(i)
        if srcs:
            speaker = _quote_speaker(texts[i], srcs)
            if (speaker is None and i == opened_at - 1 and opens
                    and not texts[opened_at][:opens[0]].strip() and not _marks(texts[i])
                    and not _points_back_only(texts[i], lex)):
                # a quotation opening the sentence right after one that names a speaker,
                # with no quotation of its own, is that speaker's ("La conferma è arrivata
                # dal prefetto. «Sono 7 le vittime identificate»"); not one pointing back
                # ("Lo ha detto il sindaco. «...»": its words came before)
                return _named(srcs[-1][2], texts, i, found, lex)
            return speaker
    return None


# a speech tag set inside a quotation opens after a dash or a comma
_TAG_BEFORE = regexcache.compile(r"[-–—,]\s*\Z")
# ... and the quotation goes on after it: a dash, or an opening mark
_TAG_AFTER = regexcache.compile(r"\s[-–—]\s|[“«]|(?<=\s)\"")


def _points_back_only(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` opens pointing back to the words before it ("Lo ha detto il
    sindaco."), so it introduces no quotation after it; a back opener marked ``intro`` may
    ("La conferma è arrivata dal prefetto.")."""
    m = lex.source_back_re.match(text) if lex.source_back_re is not None else None
    return m is not None and not ("intro" in m.re.groupindex and m.group("intro") is not None)


def _quote_speaker(text: str, srcs: list[tuple[int, int, str]]) -> str | None:
    """The speaker of a quotation in ``text``: an attribution right after a closing mark
    ("», spiega il ministro") or right before an opening one ("Il sindaco ha detto: «")."""
    marks = _marks(text)
    closes = [j for j, d in marks if d < 0]
    opens = [j for j, d in marks if d > 0]
    for s, e, src in reversed(srcs):
        if any(0 <= s - j <= 3 for j in closes) or any(0 <= j - e <= 3 for j in opens):
            return src
    return None


_OUTLET_WORD = regexcache.compile(r"[\p{L}\p{N}]+")
_BRACKETED = regexcache.compile(r"\([^()]*\)")


def names_outlet(source: str, outlet: str | None, lex: Lexicon) -> bool:
    """Whether an attribution names the article's own outlet ("a Reuters tally" in a Reuters
    story): an outlet naming itself states the figure itself, so the figure is the
    outlet's, no attributed source. Every word of the source, but for articles and a name's
    display form (``[source_names]``), is a word of the outlet's name. The agency in
    brackets after an aggregator's name ("Valley Herald (AP)") is another outlet, the
    figure's source (tests/corpus/GUIDE.md, copies)."""
    if not outlet or not source:
        return False
    names = {w.casefold() for w in _OUTLET_WORD.findall(_BRACKETED.sub(" ", outlet))}
    for v in (source, lex.source_names.get(source.casefold(), source)):
        words = {w.casefold() for w in _OUTLET_WORD.findall(v)}
        words -= {a.casefold() for a in lex.source_articles}
        if words and words <= names and any(ch.isupper() for ch in v):
            return True
    return False


def source_party(source: str | None, lex: Lexicon) -> str | None:
    """The party a source speaks for: the one party its words name ("il ministero della
    Difesa russo", "Kyiv", "Peskov"); None when it names none or several ("colloqui tra
    Armenia e Azerbaigian")."""
    if not source:
        return None
    found = lex.source_parties.values(source)
    return found.pop() if len(found) == 1 else None


def source_type(source: str | None, source_kind: str | None, lex: Lexicon) -> str | None:
    """What kind of source this is: ``rescue``, ``international``, ``ngo``, ``military``,
    ``government`` or ``media``; the outlet itself is media; a source that names a party
    and nothing else ("Baku", "Kyiv") is its government; None when unknown.

    The kinds and their words are language data (``context.toml`` [source_types]); the
    first kind in file order whose words the source contains wins, so "la Protezione civile
    regionale" is rescue and "il ministero della Difesa" military before government.
    """
    if not source:
        return None
    if source_kind == "outlet":
        return "media"
    kinds = lex.source_types.values(source)
    for kind in lex.source_type_order:
        if kind in kinds:
            return kind
    if source_party(source, lex) is not None:
        return "government"
    return None
