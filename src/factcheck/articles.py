"""Read articles: find files, decode them, and separate metadata from prose.

Metadata comes from, in order: YAML-style front matter between ``---`` lines; a
header block of ``key: value`` lines ending in a ``---`` line; the seed styles
(title, URL, byline and date lines at the top; a leading ``date 2020-10``).
Missing metadata is allowed: the language is detected from stop words; a missing date is
read from the URL's path when it has one (``/2023/02/27/``: :mod:`factcheck.urldate`,
marked ``published_how="url"``), else it stays unknown (``factcheck.pubdate`` may infer one
later, marked so).

Offsets are sacred: ``Article.text`` is the whole decoded file, and
``Article.regions`` point at the prose in it (title included, metadata excluded).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import regex

from . import regexcache
from .errors import FactcheckError
from .langdata import LANGS, load_lang
from .model import Article
from .urldate import url_date

SUFFIXES = (".txt", ".md")
MAX_BYTES = 50 * 1024 * 1024  # larger files are refused with a message (bounded memory)

# header keys users write -> our field names
_KEYS = {
    "title": "title", "headline": "title",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "site": "outlet",
    "url": "url", "link": "url",
    "published": "published", "date": "published", "pubdate": "published",
    "lang": "lang", "language": "lang",
}
_KV = regexcache.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_FENCE = regexcache.compile(r"^\s*---\s*$")
_URL_LINE = regexcache.compile(r"^(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)+)(?:/\S*)?$")
_SEED_DATE = regexcache.compile(r"^\s*date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b[ \t]*")
_ISO = regexcache.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?"
                     r"(?:[T ][\d:.]+\s*(?:Z|UTC|GMT|[+-]\d\d:?\d\d)?)?$")
# day first, as Italian (and most European) sites print it: 27/02/2023, 27.02.2023,
# 27-02-2023, optionally after a weekday and before a time
_DMY = regexcache.compile(r"^(?:\p{L}+,?\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
                     r"(?:(?:,|\s)\s*(?:ore\s+|h\s*)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?)?\s*$")
_BYLINE = regexcache.compile(r"^(?:(?:di|by)\s+)?\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+)+"
                        r"(?:\s*(?:,|\be\b|\band\b)\s*\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+)+)*$",
                        regex.IGNORECASE)
_WORD = regexcache.compile(r"\p{L}+")

# magic numbers of formats people drop into folders by mistake
# control characters other than \t \n \f \r: more than 1% of the start means binary
_CONTROLS = regexcache.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\xd0\xcf\x11\xe0",
                 b"\x7fELF", b"\x1f\x8b", b"BZh", b"RIFF", b"OggS", b"ID3")


class SkipFile(Exception):
    """A file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class _Meta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    precision: str | None = None
    lang: str | None = None
    how: str | None = None  # "metadata" (a header's date) or "url" (read from the URL's path)


# ---------------------------------------------------------------- finding files

def find_files(paths: Sequence[str | os.PathLike]) -> list[Path]:
    """Every article file under ``paths`` (folders recursively), sorted, without duplicates.

    A path that does not exist is an error (exit 2), not a silent success on nothing.
    Folder symlinks are not followed, so a symlink loop cannot hang the walk.
    """
    out: dict[Path, None] = {}
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise FactcheckError(f"{p}: no such file or directory")
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root, f) for f in files
                          if f.lower().endswith(SUFFIXES) and not f.startswith(".")]
            for f in sorted(found):
                out.setdefault(f, None)
        else:
            out.setdefault(p, None)
    return list(out)


def unsupported_files(paths: Sequence[str | os.PathLike]) -> list[Path]:
    """The files inside the folders of ``paths`` that are not read as articles (not
    ``.txt``/``.md``; hidden files and folders aside), sorted: they are counted and named,
    never silently passed over."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            continue
        for root, dirs, files in os.walk(p, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out += [Path(root, f) for f in files
                    if not f.lower().endswith(SUFFIXES) and not f.startswith(".")]
    return sorted(out)


def skipped_summary(unsupported: Sequence[Path], unreadable: Sequence[str]) -> str | None:
    """One line that counts and names the skipped inputs: ``3 files skipped (.html, .pdf:
    not supported; 1 unreadable, see above): a.html, b.pdf, c.txt``; None when none was."""
    n = len(unsupported) + len(unreadable)
    if not n:
        return None
    parts = []
    if unsupported:
        kinds = sorted({f.suffix.lower() or "no extension" for f in unsupported})
        parts.append(f"{', '.join(kinds)}: not supported")
    if unreadable:
        parts.append(f"{len(unreadable)} unreadable, see above")
    names = [f.name for f in unsupported] + [Path(u).name for u in unreadable]
    shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    return f"{n} {'file' if n == 1 else 'files'} skipped ({'; '.join(parts)}): {shown}"


# ---------------------------------------------------------------- decoding

def decode(data: bytes, name: str = "") -> str:
    """Decode file bytes to text: BOMs honoured, UTF-8 first, then cp1252.

    Binary files raise :class:`SkipFile` rather than producing mojibake claims.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SkipFile("invalid UTF-16 text") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(b"%PDF"):
        raise SkipFile("PDF is not supported: convert it to text first")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise SkipFile("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise SkipFile("not UTF-8, UTF-16 or cp1252 text") from None
    head = text[:8192]
    controls = len(_CONTROLS.findall(head))
    if head and controls / len(head) > 0.01:
        raise SkipFile("binary file, not text")
    return text


# ---------------------------------------------------------------- metadata

@lru_cache(maxsize=None)
def _month_numbers(root: Path | None = None) -> dict[str, int]:
    months: dict[str, int] = {}
    for lang in LANGS:
        for i, name in enumerate(load_lang(lang, "metadata", root, inherit=True)["months"],
                                 start=1):
            months[name] = i
            months[name[:3]] = i
    return months


def parse_date(value: str, root: Path | None = None) -> tuple[date, str] | None:
    """A metadata date as (date, precision): ISO (``2023-10-04``, ``2020-10``, with a time and
    a zone: ``2023-02-27T10:45:00+01:00``), day first (``27/02/2023``, ``27.02.2023``), or
    words (``lunedì 27 febbraio 2023, 10:45``, ``October 4, 2023``, month names from the
    rules folder ``root``, default: the one in use). None when unreadable or impossible."""
    value = value.strip().strip("\"'")
    try:
        m = _ISO.match(value)
        if m:
            y, mo, d = m.group(1), m.group(2), m.group(3)
            precision = "day" if d else "month" if mo else "year"
            return date(int(y), int(mo or 1), int(d or 1)), precision
        m = _DMY.match(value)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))), "day"
        words = regex.findall(r"\p{L}+|\d+", value.lower())
        months = _month_numbers(root)
        nums = [w for w in words if w.isdigit()]
        month = next((months[w] for w in words if w in months), None)
        year = next((int(n) for n in nums if len(n) == 4), None)
        day = next((int(n) for n in nums if len(n) <= 2), None)
        if month and year:
            return date(year, month, day or 1), "day" if day else "month"
    except ValueError:  # 2023-02-30: impossible, so unknown
        return None
    return None


def _split_lines(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, line) for each line of text[start:], without the newline."""
    out = []
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        out.append((pos, end, text[pos:end].rstrip("\r")))
        pos = end + 1
    return out


def _read_kv(lines: list[tuple[int, int, str]]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for _, _, line in lines:
        m = _KV.match(line)
        if m and m.group(1).lower() in _KEYS:
            meta.setdefault(_KEYS[m.group(1).lower()], m.group(2).strip().strip("\"'"))
    return meta


def _meta_from_kv(kv: dict[str, str], path: str, warn: Callable[[str], None],
                  root: Path | None) -> _Meta:
    published = precision = None
    if kv.get("published"):
        parsed = parse_date(kv["published"], root)
        if parsed:
            published, precision = parsed
        else:
            warn(f"{path}: unreadable or impossible date {kv['published']!r}; treated as unknown")
    lang = (kv.get("lang") or "").lower()[:2] or None
    if lang and lang not in LANGS:
        warn(f"{path}: language {kv['lang']!r} not supported; detecting from the text")
        lang = None
    url = kv.get("url") or None
    outlet = kv.get("outlet") or (_domain(url) if url else None)
    return _dated_by_url(_Meta(kv.get("title") or None, outlet, url, published, precision, lang),
                         root)


def _dated_by_url(meta: _Meta, root: Path | None) -> _Meta:
    """``meta`` with its date's origin, and the URL's date (:mod:`factcheck.urldate`) when
    the header gives none, or gives only the month or year the URL's day falls in."""
    how = "metadata" if meta.published is not None else None
    if meta.precision in (None, "month", "year") and meta.url:
        found = url_date(meta.url, _month_numbers(root))
        if found is not None and _refines(found, meta.published, meta.precision):
            return replace(meta, published=found[0], precision=found[1], how="url")
    return replace(meta, how=how)


def _refines(found: tuple[date, str], published: date | None, precision: str | None) -> bool:
    """Whether a URL's date says more than the header's (none, or a wider span holding it)."""
    day, unit = found
    if published is None:
        return True
    if precision == "year":
        return day.year == published.year
    return precision == "month" and unit == "day" and (day.year, day.month) == (
        published.year, published.month)


def _domain(url: str) -> str | None:
    m = _URL_LINE.match(url.strip())
    return m.group(1).lower() if m else None


def _header(text: str, path: str, warn: Callable[[str], None], root: Path | None
            ) -> tuple[_Meta, int, list[tuple[int, int]]]:
    """Metadata, where the body starts, and extra prose spans (a title) before it."""
    lines = _split_lines(text)
    first = next((i for i, (_, _, ln) in enumerate(lines) if ln.strip()), None)
    if first is None:
        return _Meta(), len(text), []

    # 1. front matter: --- ... ---
    if _FENCE.match(lines[first][2]):
        close = next((i for i in range(first + 1, len(lines)) if _FENCE.match(lines[i][2])), None)
        if close is None:
            warn(f"{path}:{first + 1}: front matter opened with '---' is never closed; "
                 "reading the whole file as text")
        else:
            meta = _meta_from_kv(_read_kv(lines[first + 1:close]), path, warn, root)
            body = lines[close][1] + 1 if close + 1 < len(lines) else len(text)
            return meta, min(body, len(text)), _title_region(meta, text, lines[first + 1:close])

    # 2. header block: key: value lines ending in a --- line
    i = first
    while i < len(lines) and _KV.match(lines[i][2]) and _KV.match(lines[i][2]).group(1).lower() in _KEYS:
        i += 1
    if i > first and i < len(lines) and _FENCE.match(lines[i][2]):
        meta = _meta_from_kv(_read_kv(lines[first:i]), path, warn, root)
        body = lines[i][1] + 1
        return meta, min(body, len(text)), _title_region(meta, text, lines[first:i])

    # 3a. seed style: a leading "date 2020-10" before the text on the same line
    m = _SEED_DATE.match(text, lines[first][0])
    if m:
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            published = date(y, mo, d or 1)
        except ValueError:
            warn(f"{path}:{first + 1}: impossible date {m.group().strip()!r}; treated as unknown")
            return _Meta(), m.end(), []
        return (_Meta(published=published, precision="day" if d else "month", how="metadata"),
                m.end(), [])

    # 3b. seed style: title, URL, byline, date lines at the top (blank lines between)
    top = [(s, e, ln.strip()) for s, e, ln in lines[first:first + 12] if ln.strip()][:5]
    url_i = next((k for k, (_, _, ln) in enumerate(top) if _URL_LINE.match(ln) and "/" in ln), None)
    if url_i is not None and url_i <= 1:
        title = top[0] if url_i == 1 else None
        url = top[url_i][2]
        published = precision = None
        last = url_i
        for k in range(url_i + 1, len(top)):
            ln = top[k][2]
            parsed = parse_date(ln, root) if len(ln) < 40 else None
            if parsed:
                published, precision = parsed
                last = k
                break
            if _BYLINE.match(ln) and len(ln) < 200:
                last = k
                continue
            break
        meta = _dated_by_url(_Meta(title[2] if title else None, _domain(url), url, published,
                                   precision), root)
        body = top[last][1] + 1
        extra = [(title[0], title[1])] if title else []
        return meta, min(body, len(text)), extra
    return _Meta(), lines[first][0], []


def _title_region(meta: _Meta, text: str, lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The span of the title's value inside a header, so claims in a title count."""
    if not meta.title:
        return []
    for s, e, ln in lines:
        m = _KV.match(ln)
        if m and _KEYS.get(m.group(1).lower()) == "title":
            at = text.find(meta.title, s, e + 1)
            if at >= 0:
                return [(at, at + len(meta.title))]
    return []


def detect_language(text: str, root: Path | None = None) -> str:
    """'it' or 'en' by counting each language's stop words (``detect.toml`` of the rules
    folder ``root``, default: the one in use; ties go to Italian)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    scores = {}
    for lang in LANGS:
        stop = _stopwords(lang, root)
        scores[lang] = sum(1 for w in words if w in stop)
    return max(LANGS, key=lambda lang: (scores[lang], lang == "it"))


@lru_cache(maxsize=None)
def _stopwords(lang: str, root: Path | None = None) -> frozenset[str]:
    return frozenset(load_lang(lang, "detect", root, inherit=True)["stopwords"])


# ---------------------------------------------------------------- articles

def has_body(article: Article) -> bool:
    """Whether the article has prose beyond its header (a title alone is not an article)."""
    title = (article.title or "").strip()
    return any((t := article.text[s:e].strip()) and t != title for s, e in article.regions)


def parse_article(text: str, doc_id: str, path: str = "",
                  warn: Callable[[str], None] | None = None, root: Path | None = None) -> Article:
    """Build an Article from decoded text (pure: no file access), with the month names and
    stop words of the rules folder ``root`` (the ``Config``'s; default: the one in use)."""
    warn = warn or (lambda msg: None)
    meta, body_start, extra = _header(text, path or doc_id, warn, root)
    regions = tuple(extra) + ((body_start, len(text)),) if body_start < len(text) else tuple(extra)
    prose = " ".join(text[s:e] for s, e in regions)
    lang = meta.lang or detect_language(prose, root)
    title = meta.title
    if title is None:  # a short first line followed by a blank line reads as a title
        lines = _split_lines(text, body_start)
        first = next((k for k, (_, _, ln) in enumerate(lines) if ln.strip()), None)
        if first is not None and first + 1 < len(lines) and not lines[first + 1][2].strip():
            cand = lines[first][2].strip()
            if len(cand) < 200 and not cand.endswith((".", ":", ";")):
                title = cand
    return Article(
        id=doc_id, path=path or doc_id, text=text, regions=regions, title=title,
        outlet=meta.outlet, url=meta.url, published=meta.published,
        published_how=meta.how if meta.published else None,
        published_precision=meta.precision, lang=lang, lang_detected=meta.lang is None,
    )


def read_bytes(path: Path) -> bytes:
    """The file's bytes; raises :class:`SkipFile` for a file too large, unreadable or gone."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SkipFile(f"{size / 1e6:.0f} MB is more than the {MAX_BYTES // 2**20} MiB limit "
                           "for one article; split it into articles")
        return path.read_bytes()
    except PermissionError:
        raise SkipFile("permission denied") from None
    except IsADirectoryError:
        raise SkipFile("is a directory") from None
    except OSError as exc:
        raise SkipFile(exc.strerror or str(exc)) from None


def read_article(path: Path, doc_id: str | None = None,
                 warn: Callable[[str], None] | None = None, root: Path | None = None) -> Article:
    """Read one file (language data of the rules folder ``root``); raises :class:`SkipFile`
    (with the reason) when it is not usable text."""
    text = decode(read_bytes(path), str(path))
    if not text.strip():
        raise SkipFile("empty file")
    return parse_article(text, doc_id or path.name, str(path), warn, root)


def doc_ids(files: Sequence[Path]) -> list[str]:
    """The file name as id; the path when two files share a name."""
    counts = Counter(f.name for f in files)  # (list.count per name was quadratic: minutes
    # before any work on 100,000 files)
    return [str(f) if counts[f.name] > 1 else f.name for f in files]


def read_articles(paths: Iterable[str | os.PathLike],
                  warn: Callable[[str], None] | None = None,
                  root: Path | None = None) -> list[Article]:
    """Read every article under ``paths`` (language data of the rules folder ``root``);
    unusable files are skipped with a warning."""
    warn = warn or (lambda msg: print(f"factcheck: warning: {msg}", file=sys.stderr))
    files = find_files(list(paths))
    out = []
    for f, doc in zip(files, doc_ids(files)):
        try:
            art = read_article(f, doc, warn, root)
        except SkipFile as exc:
            warn(f"{f}: skipped: {exc}")
            continue
        if not has_body(art):
            warn(f"{f}: skipped: no text after the header")
            continue
        out.append(art)
    return out
