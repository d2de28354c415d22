"""Write a synthetic corpus of news-like articles (Italian and English) for benchmarks.

Every sentence comes from our own templates (no copied article text). The mix is
meant to look like conflict and disaster news to the extractor: counts in every
format (``6.500``, ``6'500``, ``6,500``, ``30 mila``, ``seimila``, ``centinaia``,
``two thousand``), hedges (``oltre``, ``almeno``, ``circa``, ``more than``), ranges,
dates, years, durations, percents, money, ages, attributions, per-side figures,
a few real and invented events, header styles the reader accepts, and plain
filler prose between the figures.

Two densities (``--density``): ``dense`` (the default, a stress case: 6 sentences in 10
hold a number, ~13 numbers per KB, like the figures paragraph of a casualty report) and
``typical``, calibrated on the owner's five seed articles (real news, 2.1 numbers per KB):
2.3 numbers per KB, the rest background prose. Its sentences are shorter than the seeds',
so 11 % of them hold a number (seeds: 27 %).

Deterministic: the same ``--seed``, ``--articles`` and ``--density`` give byte-identical
files.
About 3 KB per article (100,000 articles is about 300 MB)::

    python benchmarks/generate.py --out benchmarks/out/corpus --articles 5000 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

GENERATOR_VERSION = 1  # bump when the output changes, so run.py regenerates cached corpora
PER_FOLDER = 1000  # files per sub-folder: 100,000 files in one folder is slow to list


# ---------------------------------------------------------------- events

@dataclass(frozen=True)
class Event:
    """A real or invented event the articles talk about."""

    it: str  # "della guerra del 2020 in Nagorno-Karabakh" (after "il bilancio ...")
    en: str  # "of the 2020 Nagorno-Karabakh war"
    start: date
    end: date
    sides_it: tuple[str, str]  # plural adjectives: "armeni", "azeri"
    sides_en: tuple[str, str]
    scale: int  # typical size of a death toll, to keep figures plausible
    place: str


EVENTS = (
    Event("della guerra del 2020 in Nagorno-Karabakh", "of the 2020 Nagorno-Karabakh war",
          date(2020, 9, 27), date(2020, 11, 10), ("armeni", "azeri"), ("Armenian", "Azerbaijani"),
          3000, "Stepanakert"),
    Event("degli scontri di settembre al confine tra Armenia e Azerbaigian",
          "of the September clashes on the Armenia-Azerbaijan border",
          date(2022, 9, 12), date(2022, 9, 14), ("armeni", "azeri"), ("Armenian", "Azerbaijani"),
          200, "Jermuk"),
    Event("dell'offensiva azera del 2023", "of the 2023 Azerbaijani offensive",
          date(2023, 9, 19), date(2023, 9, 20), ("armeni", "azeri"), ("Armenian", "Azerbaijani"),
          400, "Stepanakert"),
    Event("della prima guerra del Karabakh", "of the first Karabakh war",
          date(1988, 2, 20), date(1994, 5, 12), ("armeni", "azeri"), ("Armenian", "Azerbaijani"),
          30000, "Shusha"),
    Event("dell'alluvione in Val Ferrana", "of the Ferrana Valley floods",
          date(2024, 5, 14), date(2024, 5, 20), ("residenti", "turisti"), ("local", "foreign"),
          40, "Ferrana"),
    Event("del terremoto di Montecastro", "of the Montecastro earthquake",
          date(2023, 2, 6), date(2023, 2, 8), ("residenti", "soccorritori"), ("local", "rescue"),
          1500, "Montecastro"),
    Event("della guerra di confine di Kessary", "of the Kessary border war",
          date(2021, 3, 1), date(2021, 7, 30), ("kessariani", "dovrani"), ("Kessarian", "Dovran"),
          5000, "Kessary"),
    Event("degli scontri di Porto Ilva", "of the Port Ilva clashes",
          date(2019, 10, 3), date(2019, 10, 9), ("manifestanti", "agenti"), ("protester", "police"),
          60, "Porto Ilva"),
)

OUTLETS_IT = ("Quotidiano di Prova", "Gazzetta di Valle", "Il Corriere Sintetico", "La Voce del Nord",
              "Notizie Oggi", "Il Giornale di Esempio", "Agenzia Stampa Tre")
OUTLETS_EN = ("Example Wire", "The Daily Sample", "Northern Herald", "World Desk",
              "The Synthetic Times", "Global Dispatch")
NAMES = ("Marta Rinaldi", "Luca Ferraro", "Giulia Conti", "Anna Berg", "David Osei", "Sara Levi",
         "Paolo Greco", "Helen Marsh", "Karen Petrosyan", "Elvin Aliyev")

MONTHS_IT = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
             "settembre", "ottobre", "novembre", "dicembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
DAYS_IT = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# ---------------------------------------------------------------- number words

_IT_UNITS = ("", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci",
             "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette",
             "diciotto", "diciannove")
_IT_TENS = ("", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
            "novanta")
_EN_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen")
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def it_words(n: int) -> str:
    """Italian words for 1 <= n < 1,000,000 (``seimilacinquecento``)."""
    if n >= 1000:
        k, r = divmod(n, 1000)
        head = "mille" if k == 1 else it_words(k) + "mila"
        return head + (it_words(r) if r else "")
    if n >= 100:
        h, r = divmod(n, 100)
        head = "cento" if h == 1 else _IT_UNITS[h] + "cento"
        return head + (it_words(r) if r else "")
    if n < 20:
        return _IT_UNITS[n]
    t, u = divmod(n, 10)
    tens = _IT_TENS[t]
    if u in (1, 8):  # elision: ventuno, trentotto
        tens = tens[:-1]
    return tens + (("tré" if u == 3 else _IT_UNITS[u]) if u else "")


def en_words(n: int) -> str:
    """English words for 1 <= n < 1,000,000 (``six thousand five hundred``)."""
    if n >= 1000:
        k, r = divmod(n, 1000)
        return en_words(k) + " thousand" + ((" " + en_words(r)) if r else "")
    if n >= 100:
        h, r = divmod(n, 100)
        return _EN_UNITS[h] + " hundred" + ((" and " + en_words(r)) if r else "")
    if n < 20:
        return _EN_UNITS[n]
    t, u = divmod(n, 10)
    return _EN_TENS[t] + (("-" + _EN_UNITS[u]) if u else "")


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def cap(s: str) -> str:
    """First letter upper-cased, the rest kept (``str.capitalize`` would lower "Reuters")."""
    return s[:1].upper() + s[1:]


def pred(q: str) -> str:
    """A quantity used as a predicate: "centinaia di" -> "centinaia" ("sono centinaia")."""
    return q.removesuffix(" di").removesuffix(" of")


# ---------------------------------------------------------------- the writer

# share of sentences that state a figure about people, and of those with another number
DENSITIES = {"dense": (0.4, 0.2), "typical": (0.05, 0.04)}


class Writer:
    """Builds one article at a time from a seeded ``random.Random``."""

    def __init__(self, seed: int, density: str = "dense"):
        self.r = random.Random(seed)
        self.p_claim, self.p_other = DENSITIES[density]

    # -- numbers ---------------------------------------------------------

    def figure(self, scale: int) -> int:
        """A plausible count around ``scale``, often round (as reported figures are)."""
        r = self.r
        n = max(1, int(scale * r.lognormvariate(0, 0.8)))
        roll = r.random()
        if n >= 1000 and roll < 0.45:
            n = round(n, -3 if n >= 10000 else -2)
        elif n >= 100 and roll < 0.6:
            n = round(n, -1)
        return max(n, 1)

    def num_it(self, n: int) -> str:
        """``n`` as an Italian paper might write it."""
        r = self.r.random()
        if n >= 1000:
            if n % 1000 == 0 and r < 0.25:
                k = n // 1000
                return self.r.choice((f"{k} mila", f"{k}mila", it_words(k) + "mila" if k < 1000 and k > 1 else f"{k}.000"))
            if r < 0.55:
                return _group(n, ".")
            if r < 0.7:
                return _group(n, "'")
            if r < 0.8 and n < 1_000_000:
                return it_words(n)
            if r < 0.9 and n % 100_000 == 0 and n >= 1_000_000:
                return f"{n / 1e6:g}".replace(".", ",") + " milioni"
            return str(n)
        if r < 0.2 and n < 1000:
            return it_words(n)
        return str(n)

    def num_en(self, n: int) -> str:
        """``n`` as an English paper might write it."""
        r = self.r.random()
        if n >= 1000:
            if n % 1000 == 0 and r < 0.2:
                return f"{n // 1000} thousand" if n < 1_000_000 else f"{n / 1e6:g} million"
            if r < 0.75:
                return _group(n, ",")
            if r < 0.85 and n < 1_000_000:
                return en_words(n)
            return str(n)
        if r < 0.15 and n < 100:
            return en_words(n)
        return str(n)

    def qty_it(self, scale: int) -> str:
        """A hedged count: ``oltre 6.500``, ``tra 5.000 e 7.000``, ``centinaia di``."""
        r, n = self.r.random(), self.figure(scale)
        if r < 0.08:
            return self.r.choice(("centinaia di", "migliaia di", "decine di", "migliaia e migliaia di",
                                  "una ventina di", "un centinaio di"))
        if r < 0.16:
            hi = n + self.figure(max(1, scale // 3))
            return self.r.choice((f"tra {self.num_it(n)} e {self.num_it(hi)}", f"{n}-{hi}",
                                  f"da {self.num_it(n)} a {self.num_it(hi)}"))
        q = self.r.choice(("", "", "", "oltre ", "più di ", "almeno ", "circa ", "quasi ",
                           "fino a ", "non meno di ", "all'incirca "))
        return q + self.num_it(n)

    def qty_en(self, scale: int) -> str:
        r, n = self.r.random(), self.figure(scale)
        if r < 0.08:
            return self.r.choice(("hundreds of", "thousands of", "dozens of", "tens of thousands of",
                                  "a dozen"))
        if r < 0.16:
            hi = n + self.figure(max(1, scale // 3))
            return self.r.choice((f"between {self.num_en(n)} and {self.num_en(hi)}",
                                  f"{_group(n, ',')}-{_group(hi, ',')}",
                                  f"from {self.num_en(n)} to {self.num_en(hi)}"))
        q = self.r.choice(("", "", "", "more than ", "over ", "at least ", "about ", "some ",
                           "nearly ", "up to ", "almost ", "roughly "))
        return q + self.num_en(n)

    # -- dates and phrases -----------------------------------------------

    def day_in(self, ev: Event) -> date:
        span = max(0, (ev.end - ev.start).days)
        return ev.start + timedelta(days=self.r.randint(0, span))

    def when_it(self, ev: Event, pub: date) -> str:
        d = self.day_in(ev)
        return self.r.choice((
            f"il {d.day} {MONTHS_IT[d.month - 1]} {d.year}", f"il {d.day} {MONTHS_IT[d.month - 1]}",
            DAYS_IT[pub.weekday()], f"nell'autunno del {d.year}", f"nel {d.year}",
            f"{it_words(max(1, pub.year - d.year)) if pub.year > d.year else 'due'} anni fa",
            "la settimana scorsa", "nelle ultime 24 ore", f"dal {d.day}/{d.month}/{d.year}",
            "ieri", f"tra il {ev.start.day} {MONTHS_IT[ev.start.month - 1]} e il {ev.end.day} {MONTHS_IT[ev.end.month - 1]}",
        ))

    def when_en(self, ev: Event, pub: date) -> str:
        d = self.day_in(ev)
        return self.r.choice((
            f"on {MONTHS_EN[d.month - 1]} {d.day}, {d.year}", f"on {d.day} {MONTHS_EN[d.month - 1]}",
            f"on {DAYS_EN[pub.weekday()]}", f"in the autumn of {d.year}", f"in {d.year}",
            "three years ago", "last week", "in the past 24 hours", f"since {d.isoformat()}",
            "yesterday", f"between {MONTHS_EN[ev.start.month - 1]} {ev.start.day} and {MONTHS_EN[ev.end.month - 1]} {ev.end.day}",
        ))

    def attr_it(self, side: str) -> str:
        return self.r.choice((
            f"secondo il ministero della Difesa {side[:-1] + 'o' if side.endswith('i') else side}",
            "secondo fonti ufficiali", "secondo le Nazioni Unite", "secondo la Croce Rossa",
            "ha dichiarato il portavoce del governo", "riferisce l'agenzia Reuters",
            "scrive l'Associated Press", "secondo le autorità locali",
            "secondo un rapporto di Human Rights Watch", "secondo quanto riferito dal ministero",
        ))

    def attr_en(self, side: str) -> str:
        return self.r.choice((
            f"according to the {side} defence ministry", "according to officials",
            "the United Nations said", "according to the Red Cross", "a government spokesman said",
            "Reuters reported", "the Associated Press reported", "local authorities said",
            "according to a Human Rights Watch report", "the ministry said in a statement",
        ))

    # -- sentences -------------------------------------------------------

    def claim_it(self, ev: Event, pub: date) -> str:
        r = self.r
        side = r.choice(ev.sides_it)
        q = self.qty_it(ev.scale)
        w = self.when_it(ev, pub)
        a = self.attr_it(side)
        t = r.randrange(12)
        if t == 0:
            s = f"{cap(a)}, {q} soldati {side} sono morti {w} nei combattimenti."
        elif t == 1:
            s = f"Il bilancio {ev.it} è salito a {pred(q)} morti, {a}."
        elif t == 2:
            s = f"{cap(w)} {q} persone sono state uccise a {ev.place}, {a}."
        elif t == 3:
            s = f"Sono {pred(q)} i feriti {ev.it}, {a}, e molti sono in gravi condizioni."
        elif t == 4:
            s = f"{cap(q)} persone risultano ancora disperse {w}, {a}."
        elif t == 5:
            s = f"Gli sfollati sono {pred(q)}: {a}, hanno lasciato le loro case {w}."
        elif t == 6:
            s = f"{cap(a)}, {q} soldati sono stati schierati lungo il confine {w}."
        elif t == 7:
            s = f"{cap(w)} sono stati scambiati {q} prigionieri, {a}."
        elif t == 8:
            other = ev.sides_it[1 - ev.sides_it.index(side)]
            s = (f"{cap(q)} {side} e {self.num_it(self.figure(ev.scale))} {other} hanno "
                 f"perso la vita {w}, {a}.")
        elif t == 9:
            s = f"Le vittime civili {ev.it} sarebbero {pred(q)}, {a}."
        elif t == 10:
            s = f"{cap(a)}, {q} persone sono fuggite verso {r.choice(('nord', 'sud', 'la capitale'))} {w}."
        else:
            s = f"Nel conflitto sono morte {q} persone da entrambe le parti, {a}."
        return s

    def claim_en(self, ev: Event, pub: date) -> str:
        r = self.r
        side = r.choice(ev.sides_en)
        q = self.qty_en(ev.scale)
        w = self.when_en(ev, pub)
        a = self.attr_en(side)
        t = r.randrange(12)
        if t == 0:
            s = f"{cap(q)} {side} soldiers were killed {w}, {a}."
        elif t == 1:
            s = f"The death toll {ev.en} has risen to {pred(q)}, {a}."
        elif t == 2:
            s = f"{cap(a)}, {q} people were killed in {ev.place} {w}."
        elif t == 3:
            s = f"{cap(q)} people were wounded {w}, {a}."
        elif t == 4:
            s = f"{cap(q)} people remain missing {w}, {a}."
        elif t == 5:
            s = f"{cap(q)} people have been displaced {w}, {a}."
        elif t == 6:
            s = f"{cap(a)}, {q} troops were deployed along the border {w}."
        elif t == 7:
            s = f"{cap(q)} prisoners were exchanged {w}, {a}."
        elif t == 8:
            s = (f"{cap(q)} {side} and {self.num_en(self.figure(ev.scale))} "
                 f"{ev.sides_en[1 - ev.sides_en.index(side)]} soldiers died {w}, {a}.")
        elif t == 9:
            s = f"Civilian casualties {ev.en} stand at {pred(q)}, {a}."
        elif t == 10:
            s = f"{cap(q)} refugees fled to {r.choice(('the north', 'the capital', 'Armenia'))} {w}, {a}."
        else:
            s = f"In all, {q} people died on both sides, {a}."
        return s

    def other_it(self, ev: Event, pub: date) -> str:
        """A sentence with numbers that are not counts of people."""
        r = self.r
        t = r.randrange(8)
        if t == 0:
            return f"La guerra è durata {r.randint(3, 60)} giorni e si è conclusa il {ev.end.day} {MONTHS_IT[ev.end.month - 1]} {ev.end.year}."
        if t == 1:
            return f"L'inflazione è salita al {r.randint(2, 30)},{r.randint(0, 9)}% nel {pub.year - 1}, il {r.randint(2, 40)} per cento in più."
        if t == 2:
            return f"Il governo ha stanziato {r.randint(2, 900)} milioni di euro per la ricostruzione, {r.randint(2, 9)} volte più del previsto."
        if t == 3:
            return f"Il generale, che ha {r.randint(40, 70)} anni, comanda il {r.randint(2, 12)}° battaglione dal {r.randint(pub.year - 25, pub.year)}."
        if t == 4:
            return f"Il vertice si terrà alle {r.randint(8, 20)}:{r.choice(('00', '30', '15'))} del {r.randint(1, 28)} {MONTHS_IT[r.randrange(12)]}."
        if t == 5:
            return f"Il corridoio di Lachin è lungo {r.randint(5, 60)} chilometri ed è chiuso da {r.randint(2, 11)} mesi."
        if t == 6:
            return f"Nel {r.randint(1988, 1994)} la regione contava circa {_group(r.randint(120, 190) * 1000, '.')} abitanti."
        return f"La risoluzione {r.randint(800, 2700)} è stata approvata con {r.randint(9, 15)} voti a favore."

    def other_en(self, ev: Event, pub: date) -> str:
        r = self.r
        t = r.randrange(8)
        if t == 0:
            return f"The war lasted {r.randint(3, 60)} days and ended on {MONTHS_EN[ev.end.month - 1]} {ev.end.day}, {ev.end.year}."
        if t == 1:
            return f"Inflation rose to {r.randint(2, 30)}.{r.randint(0, 9)}% in {pub.year - 1}, {r.randint(2, 40)} percent higher."
        if t == 2:
            return f"The government pledged ${r.randint(2, 900)} million for reconstruction, {r.randint(2, 9)} times the estimate."
        if t == 3:
            return f"The general, aged {r.randint(40, 70)}, has led the {r.randint(2, 12)}th battalion since {r.randint(pub.year - 25, pub.year)}."
        if t == 4:
            return f"The summit will start at {r.randint(1, 12)}:{r.choice(('00', '30', '15'))} pm on {MONTHS_EN[r.randrange(12)]} {r.randint(1, 28)}."
        if t == 5:
            return f"The Lachin corridor is {r.randint(5, 60)} kilometres long and has been closed for {r.randint(2, 11)} months."
        if t == 6:
            return f"In {r.randint(1988, 1994)} the region had about {_group(r.randint(120, 190) * 1000, ',')} inhabitants."
        return f"Resolution {r.randint(800, 2700)} passed with {r.randint(9, 15)} votes in favour."

    _FILL_IT = (
        ("Il governo", "La delegazione", "Il ministro degli Esteri", "L'inviato speciale", "La comunità internazionale",
         "Il portavoce", "Un diplomatico europeo", "La popolazione locale"),
        ("ha chiesto", "ha ribadito", "ha respinto", "ha accolto con cautela", "ha sollecitato", "ha annunciato"),
        ("un cessate il fuoco immediato", "l'apertura di nuovi negoziati", "la ripresa del dialogo",
         "l'invio di aiuti umanitari", "una commissione d'inchiesta indipendente", "il ritiro delle truppe"),
        ("dopo settimane di tensione", "in una conferenza stampa", "durante l'incontro a Bruxelles",
         "senza fornire dettagli", "mentre proseguono i colloqui", "in un comunicato diffuso in serata"),
    )
    _FILL_EN = (
        ("The government", "The delegation", "The foreign minister", "The special envoy", "The international community",
         "A spokesman", "A European diplomat", "The local population"),
        ("called for", "reiterated", "rejected", "cautiously welcomed", "urged", "announced"),
        ("an immediate ceasefire", "a new round of talks", "a return to dialogue",
         "the delivery of humanitarian aid", "an independent inquiry", "the withdrawal of troops"),
        ("after weeks of tension", "at a press conference", "during the meeting in Brussels",
         "without giving details", "as talks continue", "in a statement released in the evening"),
    )

    def filler(self, lang: str) -> str:
        parts = self._FILL_IT if lang == "it" else self._FILL_EN
        return " ".join(self.r.choice(p) for p in parts) + "."

    # -- articles --------------------------------------------------------

    def article(self, i: int) -> tuple[str, str]:
        """(file name, text) of article ``i``."""
        r = self.r
        lang = "it" if r.random() < 0.55 else "en"
        ev = r.choice(EVENTS)
        pub = ev.end + timedelta(days=r.choice((0, 1, 2, 5, 30, 365, 800)))
        outlet = r.choice(OUTLETS_IT if lang == "it" else OUTLETS_EN)
        claim, other = (self.claim_it, self.other_it) if lang == "it" else (self.claim_en, self.other_en)
        title = claim(ev, pub).rstrip(".")
        if len(title) > 110:
            title = title[:110].rsplit(" ", 1)[0]
        target = r.randint(2200, 3400)
        paras: list[str] = []
        size = 0
        while size < target:
            sents = []
            for _ in range(r.randint(2, 5)):
                x = r.random()
                s = (claim(ev, pub) if x < self.p_claim else other(ev, pub)
                     if x < self.p_claim + self.p_other else self.filler(lang))
                sents.append(s)
            p = " ".join(sents)
            paras.append(p)
            size += len(p) + 2
        body = "\n\n".join(paras) + "\n"
        slug = f"{i:06d}"
        url = f"https://{outlet.lower().replace(' ', '').replace(chr(39), '')}.example/{pub.year}/{slug}"
        style = r.random()
        if style < 0.7:  # front matter
            head = (f"---\ntitle: \"{title.replace(chr(34), '')}\"\nsource: {outlet}\nurl: {url}\n"
                    f"published: {pub.isoformat()}\nlang: {lang}\n---\n")
        elif style < 0.9:  # key: value header ending in ---
            head = f"title: {title}\nsource: {outlet}\npublished: {pub.isoformat()}\n---\n"
        else:  # seed style: title, URL, byline, date lines
            when = (f"{pub.day} {MONTHS_IT[pub.month - 1]} {pub.year}" if lang == "it"
                    else f"{MONTHS_EN[pub.month - 1]} {pub.day}, {pub.year}")
            head = f"\n{title}\n\n{url.split('://', 1)[1]}\n\n{r.choice(NAMES)}\n\n{when}\n\n"
        return f"{slug}_{lang}.md", head + body


def generate(out: Path, articles: int, seed: int = 1, quiet: bool = True,
             density: str = "dense") -> dict:
    """Write ``articles`` files under ``out`` (sub-folders of 1,000); return a manifest."""
    out.mkdir(parents=True, exist_ok=True)
    w = Writer(seed, density)
    total = 0
    t0 = time.perf_counter()
    for i in range(articles):
        name, text = w.article(i)
        folder = out / f"{i // PER_FOLDER:03d}"
        if i % PER_FOLDER == 0:
            folder.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
        if not quiet and i and i % 10000 == 0:
            print(f"generate: {i}/{articles} articles, {total / 1e6:.0f} MB", file=sys.stderr)
    manifest = {"version": GENERATOR_VERSION, "articles": articles, "seed": seed,
                "density": density, "bytes": total,
                "seconds": round(time.perf_counter() - t0, 2)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="folder to write (created)")
    ap.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--density", choices=tuple(DENSITIES), default="dense",
                    help="dense: ~13 numbers/KB (stress); typical: ~2-3/KB, like the seeds")
    args = ap.parse_args(argv)
    m = generate(args.out, args.articles, args.seed, quiet=False, density=args.density)
    print(f"wrote {m['articles']} articles, {m['bytes'] / 1e6:.1f} MB to {args.out} "
          f"in {m['seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
