"""Write the site's Pagefind index inside the build, with Pagefind's own service (the binary from `pagefind[bin]`).

Pagefind splits the index into chunks and one fragment per page, so a search fetches the few chunks its words
fall in and the fragments of the results it shows: the first search on a 5,000-training site stays small where a
whole-site index could not. The documents come from macros/site/search.py; only the files the browser needs
(pagefind.js, its worker and WebAssembly, the index) are kept: the site has its own search box, so Pagefind's
prebuilt UIs are left out.

Two builds of the same pages give the same bytes:
- Pagefind numbers pages in the order it receives them. Handed a folder, it takes them in the order the file system
  lists it (its walk does not sort: pagefind/src/lib.rs, `walk_for_files`), which differs between file systems and
  machines. So each page is sent on its own, in the order given, to one `pagefind --service` process. (Its Python
  API reads one answer per 0.1 s poll: ten minutes at 6,000 pages. Here one thread writes the requests while
  another reads the answers as they come.)
- Pagefind 1.5.2 writes a filter's values in the order of a hash map seeded afresh in every run
  (pagefind/src/index/mod.rs: "TODO: Change filter indexes to BTree to give them a stable hash"), and the names
  that follow from those bytes. No input or setting reaches that order, so `sort_filters` puts the values and the
  filters in order and renames what depends on them, as Pagefind itself does since its pull request #1124 (in 1.6.0;
  the package index here offers 1.5.2 at most): remove it with the upgrade.
- The files are asked for (GetFiles) and written here: Pagefind answers WriteFiles before its last writes have
  reached the disk, and a service stopped at once can leave a file empty.

Each language is indexed by a service of its own, one after the other, and the files put together (every file of an
index is named after its language, but for the entry file, which lists the languages, and the script, worker and
fallback WebAssembly, the same in every run). One service for every language holds every language's index in
memory at once: at 5,000 trainings, twice the peak of the English alone.
"""

from __future__ import annotations

import base64
import contextlib
import fnmatch
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE
from typing import IO, Any, NoReturn

import cbor2
from pagefind.service import get_executable

FOLDER = "pagefind"
"""Where the index is served from, under the site root."""
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
CONFIG = {"include_characters": "&"}
"""An index per language, by each document's `<html lang>`; `&` kept inside words so `R&S` is one term."""
ENTRY = "pagefind-entry.json"
"""Pagefind's first file: the version and, per language, the hash that names its metadata file."""
SIGNATURE = b"pagefind_dcd"
"""What Pagefind puts before the CBOR inside each of its gzipped index files."""


class SearchIndexError(RuntimeError):
    """Pagefind refused a page or stopped before handing over the index."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float


def write_index(
    languages: Iterable[Iterable[tuple[str, str]]], site_dir: Path, synonyms: dict[str, str]
) -> IndexReport:
    """Index each language's documents (address, HTML in that language), numbered in the order given, into
    `site_dir/pagefind/`, replacing what was there, with each language's synonyms (file name → JSON) beside it."""
    start = time.perf_counter()
    files = merged([_index_files(documents) for documents in languages])
    sort_filters(files)
    output = site_dir / FOLDER
    shutil.rmtree(output, ignore_errors=True)
    for name, content in files.items():
        if not any(fnmatch.fnmatch(name, pattern) for pattern in UNUSED):
            (output / name).parent.mkdir(parents=True, exist_ok=True)
            (output / name).write_bytes(content)
    for name, groups in synonyms.items():
        (output / name).write_text(groups, encoding="utf-8")
    pages = sum(language["page_count"] for language in json.loads(files[ENTRY])["languages"].values())
    return IndexReport(pages, time.perf_counter() - start)


def merged(indexes: list[dict[str, bytes]]) -> dict[str, bytes]:
    """The files of indexes made apart (a language each) as one index: their entry files' languages together, every
    other file once (a file two runs both wrote must be the same bytes)."""
    files: dict[str, bytes] = {}
    languages: dict[str, Any] = {}
    entry: dict[str, Any] = {}
    for index in indexes:
        entry = json.loads(index[ENTRY])
        if twice := sorted(set(languages) & set(entry["languages"])):
            raise SearchIndexError(f"two search indexes were made for {', '.join(twice)}")
        languages |= entry["languages"]
        for name, content in index.items():
            if name != ENTRY and files.setdefault(name, content) != content:
                raise SearchIndexError(f"Pagefind wrote two different {name} for two languages")
    if not indexes:
        raise SearchIndexError("no pages to index")
    entry["languages"] = languages
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    return files


# Pagefind's service: requests and answers are base64 JSON, each followed by a comma. It answers one request at a
# time, in the order they arrive, and exits as soon as its input closes, even with requests still queued.


def _index_files(documents: Iterable[tuple[str, str]]) -> dict[str, bytes]:
    """A new index, a request per page in the order given, then every file of the index by its path under the
    index folder. One thread writes the requests while this one reads the answers, so no pipe fills up."""
    with _service() as (service, errors):
        assert service.stdin is not None
        assert service.stdout is not None
        answers = _answers(service.stdout)
        _send(service.stdin, [_request(0, {"type": "NewIndex", "config": CONFIG})])
        created = _expect(answers, "NewIndex", {}) or _stopped(errors)
        addresses: dict[int, str] = {}
        with ThreadPoolExecutor(max_workers=1) as thread:
            sending = thread.submit(_send, service.stdin, _page_requests(created["index_id"], documents, addresses))
            try:
                got = _expect(answers, "GetFiles", addresses)
            finally:
                service.kill()  # it has handed over the files, or something failed: either way it is done
        if got is None:
            reason = sending.exception()
            if reason is not None and not isinstance(reason, BrokenPipeError):
                raise reason  # a page that could not be read
            _stopped(errors)
    return {file["path"]: base64.b64decode(file["content"]) for file in got["files"]}


@contextlib.contextmanager
def _service() -> Iterator[tuple[subprocess.Popen[bytes], IO[bytes]]]:
    """`pagefind --service`, stopped on the way out, with what it writes to stderr kept for an error message."""
    binary = get_executable()
    if binary is None:
        raise SearchIndexError("Pagefind's program is missing: install the project with `pip install -e .`")
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen([str(binary), "--service"], stdin=PIPE, stdout=PIPE, stderr=errors) as service,
    ):
        try:
            yield service, errors
        finally:
            service.kill()


def _stopped(errors: IO[bytes]) -> NoReturn:
    errors.seek(0)
    said = errors.read().decode(errors="replace").strip()[-2000:]
    raise SearchIndexError(f"Pagefind stopped before handing over the search index. {said}".strip())


def _request(message_id: int, payload: dict[str, Any]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode()) + b","


def _page_requests(index_id: int, documents: Iterable[tuple[str, str]], addresses: dict[int, str]) -> Iterator[bytes]:
    """A request per page, numbered from 1 (`addresses` maps the number back for error messages), then one for
    the files."""
    number = 0
    for number, (address, html) in enumerate(documents, start=1):
        addresses[number] = address
        page = {"type": "AddFile", "index_id": index_id, "url": address, "file_path": None, "file_contents": html}
        yield _request(number, page)
    yield _request(number + 1, {"type": "GetFiles", "index_id": index_id})


def _send(stream: IO[bytes], requests: Iterable[bytes]) -> None:
    """Write every request; on a failure (a page that cannot be read) close the input, which stops the service."""
    try:
        for request in requests:
            stream.write(request)
        stream.flush()
    except BaseException:
        with contextlib.suppress(OSError):
            stream.close()
        raise


def _answers(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Each answer as soon as it is complete (base64 has no comma), until the service's output closes."""
    pending: list[bytes] = []
    while chunk := os.read(stream.fileno(), 1 << 20):
        *complete, rest = chunk.split(b",")
        for end in complete:
            yield json.loads(base64.b64decode(b"".join([*pending, end])))
            pending.clear()
        pending.append(rest)


def _expect(answers: Iterator[dict[str, Any]], wanted: str, addresses: dict[int, str]) -> dict[str, Any] | None:
    """Read answers up to the one of type `wanted` (None if the service stopped first); an error names its page."""
    for answer in answers:
        payload: dict[str, Any] = answer["payload"]
        if payload["type"] == wanted:
            return payload
        if payload["type"] == "Error":
            page = addresses.get(answer.get("message_id") or 0)
            what = f"index {page}" if page else "build the search index"
            raise SearchIndexError(f"Pagefind could not {what}: {payload['message']}")
    return None


# Pagefind 1.5.2's filters, put in order.


def sort_filters(files: dict[str, bytes]) -> None:
    """Each filter's values in order, the filters in order, and new names after the new bytes: for the filter
    files, the metadata file that names them and, in the entry file, the name of the metadata file."""
    entry = json.loads(files[ENTRY])
    for language, about in entry["languages"].items():
        meta = _decode(files.pop(f"pagefind.{about['hash']}.pf_meta"))
        filters = sorted(meta[3], key=lambda each: each[0])  # MetaIndex.filters: [[name, file hash], …]
        taken: set[str] = set()
        for each in filters:
            name, values = _decode(files.pop(f"filter/{each[1]}.pf_filter"))
            data = cbor2.dumps([name, sorted(values, key=lambda value: value[0])])
            each[1] = _unique(f"{language}_", _hash(data), taken)
            files[f"filter/{each[1]}.pf_filter"] = _encode(data)
        meta[3] = filters
        data = cbor2.dumps(meta)
        about["hash"] = f"{language}_{_hash(data)[: len(language) + 8]}"
        files[f"pagefind.{about['hash']}.pf_meta"] = _encode(data)
    entry["languages"] = dict(sorted(entry["languages"].items()))  # a hash map's order too: the same in every run
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()


def _decode(content: bytes) -> Any:
    return cbor2.loads(gzip.decompress(content).removeprefix(SIGNATURE))


def _encode(data: bytes) -> bytes:
    """Gzipped with Pagefind's signature before the CBOR, and no time in the gzip header."""
    return gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0)


def _hash(data: bytes) -> str:
    """SHA-1 in hex as Pagefind writes it for file names: each byte without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data, usedforsecurity=False).digest())


def _unique(prefix: str, digest: str, taken: set[str]) -> str:
    """A filter file's hash: seven characters, one more for as long as an earlier filter has it (as Pagefind)."""
    name = next(
        f"{prefix}{digest[:size]}" for size in range(7, len(digest) + 1) if f"{prefix}{digest[:size]}" not in taken
    )
    taken.add(name)
    return name
