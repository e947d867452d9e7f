"""The ``extract`` command's reading: documents in batches, in order, on one process or several.

Documents come from text files or JSON lines; bad inputs are reported and skipped. Memory
stays bounded whatever the size of the corpus: input is read one batch at a time, at most
a few batches per worker are in flight, and each result is written out before the next is
asked for.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from povertydata._cli_errors import InputError, UsageError
from povertydata._jsonl import record

__all__ = ["Batch", "Result", "Settings", "batches", "run", "text_files"]


class Settings(NamedTuple):
    """How each document is read and its mentions written (the same in every worker)."""

    input: str  # "text" or "jsonl"
    text_field: str
    id_field: str | None
    format: str  # "jsonl" or "parquet"
    ascii: bool  # JSON escapes every character beyond ASCII
    label: bool  # JSON lines name their file ("file") or record ("id")


class Batch(NamedTuple):
    """A unit of work: one text file, a text already read, or a run of JSON lines."""

    kind: str  # "file", "text" or "lines"
    source: str  # the file name ("-" for standard input)
    first: int  # the line number of the first line (JSON lines)
    items: tuple[Any, ...]  # (text,) for "text"; the raw lines (bytes) for "lines"


class Result(NamedTuple):
    """What a batch gave: its output, the documents read, and the problems met."""

    output: Any  # JSON lines (list of str), or an Arrow table for Parquet
    documents: int
    problems: tuple[str, ...]


def text_files(names: Sequence[str]) -> list[str]:
    """Expand folders into their ``*.txt`` files, sorted; keep files and ``-`` as given.

    Raises:
        InputError: for a folder with no ``.txt`` file in it.
        UsageError: for ``-`` mixed with files.

    """
    files: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob("*.txt") if not p.is_dir())
            if not found:
                raise InputError(f"{name}: no .txt files in this folder")
            files.extend(found)
        else:
            files.append(name)
    if "-" in files and len(files) > 1:
        raise UsageError("'-' (standard input) cannot be mixed with files")
    return files


def _lines(source: str) -> Iterator[tuple[int, bytes]]:
    """The lines of a JSON lines file (or standard input), numbered from 1, as bytes."""
    if source == "-":
        stream: BinaryIO = sys.stdin.buffer
        yield from enumerate(stream, start=1)
        return
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below, after the last line is read
    except OSError as error:
        raise InputError(f"{source}: {_os_reason(error)}") from None
    with handle:
        yield from enumerate(handle, start=1)


def batches(names: Sequence[str], settings: Settings, size: int) -> Iterator[Batch]:
    """The work, in input order: a batch per text file, or ``size`` JSON lines at a time."""
    if settings.input == "text":
        for name in names:
            if name == "-":
                yield Batch("text", "-", 0, (sys.stdin.read(),))
            else:
                yield Batch("file", name, 0, ())
        return
    for name in names:
        run: list[bytes] = []
        first = 1
        for number, line in _lines(name):
            if not run:
                first = number
            run.append(line)
            if len(run) >= size:
                yield Batch("lines", name, first, tuple(run))
                run = []
        if run:
            yield Batch("lines", name, first, tuple(run))


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot be read ({error.strerror or error})"


def _read_file(name: str) -> tuple[str | None, str | None]:
    """The text of a file as UTF-8, code points as in the file (no newline translation)."""
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        return None, f"{name}: {_os_reason(error)}"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, f"{name}: not UTF-8 text ({error.reason} at byte {error.start})"


def _documents(batch: Batch, settings: Settings) -> tuple[list[tuple[str | None, str]], list[str]]:
    if batch.kind == "text":
        return [(None, batch.items[0])], []
    if batch.kind == "file":
        text, problem = _read_file(batch.source)
        return ([], [problem]) if problem is not None else ([(batch.source, text or "")], [])
    documents: list[tuple[str | None, str]] = []
    problems = []
    for offset, line in enumerate(batch.items):
        where = f"{batch.source}:{batch.first + offset}"
        if not line.strip():
            continue  # a blank line (the last newline of a file) is no record
        got = record(line, where, settings.text_field, settings.id_field)
        if isinstance(got, str):
            problems.append(got)
        else:
            documents.append(got)
    return documents, problems


def work(batch: Batch, settings: Settings) -> Result:
    """Read one batch and extract its mentions (runs in worker processes too)."""
    from povertydata._cli_output import dumps, figure_json
    from povertydata.figures import extract

    documents, problems = _documents(batch, settings)
    if settings.format == "parquet":
        from povertydata.corpus import extract_table

        table = extract_table([text for _, text in documents], ids=[ident or "-" for ident, _ in documents])
        return Result(table, len(documents), tuple(problems))
    key = "file" if batch.kind == "file" else "id"
    lines = []
    for ident, text in documents:
        for m in extract(text):
            row: dict[str, Any] = {key: ident} if ident is not None and settings.label else {}
            row.update(start=m.start, end=m.end, text=m.text, kind=m.kind, figure=figure_json(m.figure))
            # What the words around the figure gave it, where they did: a rate across a verb,
            # the unit of a noun, a hedge (each key only where it has something to say).
            if m.cues:
                row.update(
                    inferred=list(m.inferred),
                    cues=[{"field": c.field, "start": c.start, "end": c.end, "text": c.text} for c in m.cues],
                )
            if m.note is not None:
                row["note"] = m.note
            lines.append(dumps(row, ascii=settings.ascii) + "\n")
    return Result(lines, len(documents), tuple(problems))


class ParquetParts:
    """Mention tables written to ``part-00000.parquet``, ``part-00001.parquet`` … in a folder.

    Each batch is one row group, written as it comes; a part holds at most
    ``rows_per_file`` rows. Parts are written under a hidden name and renamed when closed;
    :meth:`abort` removes every part of the run, so a failed run leaves no partial output.
    The files carry the package version in their key/value metadata beside the schema's.
    """

    def __init__(self, folder: str, rows_per_file: int = 5_000_000) -> None:
        from povertydata._arrow import need
        from povertydata._cli_errors import OutputError

        self.pq = need("pyarrow.parquet", "arrow")
        self.folder = Path(folder)
        if self.folder.exists() and (not self.folder.is_dir() or any(self.folder.iterdir())):
            raise OutputError(f"{folder}: cannot write: {'not a folder' if not self.folder.is_dir() else 'not empty'}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{folder}: cannot write: {error.strerror or error}") from None
        self.rows_per_file = rows_per_file
        self.parts: list[Path] = []
        self._writer: Any = None
        self._rows = 0
        self._pending: Path | None = None

    def _schema(self) -> Any:
        from importlib.metadata import version

        from povertydata.corpus import MENTION_SCHEMA

        return MENTION_SCHEMA.with_metadata({**MENTION_SCHEMA.metadata, b"povertydata.version": version("povertydata")})

    def _open(self) -> None:
        self._pending = self.folder / f".part-{len(self.parts):05d}.parquet.tmp"
        self._writer = self.pq.ParquetWriter(self._pending, self._schema())
        self._rows = 0

    def _close(self) -> None:
        if self._writer is None or self._pending is None:
            return
        self._writer.close()
        final = self.folder / f"part-{len(self.parts):05d}.parquet"
        self._pending.rename(final)
        self.parts.append(final)
        self._writer = self._pending = None

    def write(self, table: Any) -> None:
        """Write one batch's mentions as a row group."""
        if table.num_rows == 0:
            return
        if self._writer is None or self._rows >= self.rows_per_file:
            self._close()
            self._open()
        self._writer.write_table(table.replace_schema_metadata(self._schema().metadata))
        self._rows += table.num_rows

    def close(self) -> list[Path]:
        """Finish the last part (an empty one if no batch had a mention); return the parts."""
        if self._writer is None and not self.parts:
            self._open()
        self._close()
        return self.parts

    def abort(self) -> None:
        """Remove everything this run wrote."""
        if self._writer is not None:
            self._writer.close()
        for path in [*self.parts, self._pending]:
            if path is not None:
                path.unlink(missing_ok=True)


def _serve(settings: Settings, tasks: Any, results: Any) -> None:
    """A worker process: take numbered batches until ``None``, send back numbered results."""
    # Ctrl-C reaches every process of the terminal's group: the main process reports it
    # and ends the workers; a worker of its own would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while (job := tasks.get()) is not None:
        number, batch = job
        try:
            results.put((number, work(batch, settings), None))
        except BaseException:  # a bug in the library: the main process raises it
            import traceback

            results.put((number, None, traceback.format_exc()))


def run(work_items: Iterable[Batch], settings: Settings, jobs: int) -> Generator[Result, None, None]:
    """Each batch's result, in input order, on ``jobs`` processes.

    At most two batches per process are read ahead, so memory does not grow with the corpus.
    The workers are plain processes this generator starts and ends: when the caller stops
    early, an error or Ctrl-C closes the generator, and every worker is terminated and
    reaped (no pool whose shutdown can wait on a worker that is gone).
    """
    if jobs == 1:
        yield from (work(item, settings) for item in work_items)
        return
    import multiprocessing
    import queue

    # spawn, not fork: the same on every platform, and safe whatever threads are running.
    context = multiprocessing.get_context("spawn")
    tasks = context.SimpleQueue()  # no feeder thread: nothing to flush at the end
    results = context.Queue()  # a timeout on get, to notice a worker that died
    workers = [context.Process(target=_serve, args=(settings, tasks, results), daemon=True) for _ in range(jobs)]
    for w in workers:
        w.start()
    finished = False
    try:
        items = iter(work_items)
        sent = wanted = 0
        done: dict[int, Result] = {}
        exhausted = False
        while True:
            while not exhausted and sent - wanted < 2 * jobs:
                item = next(items, None)
                if item is None:
                    exhausted = True
                else:
                    tasks.put((sent, item))
                    sent += 1
            if wanted == sent:
                break
            while wanted not in done:
                try:
                    number, result, failure = results.get(timeout=1)
                except queue.Empty:
                    if not all(w.is_alive() for w in workers):
                        raise RuntimeError("a worker process ended unexpectedly") from None
                    continue
                if failure is not None:
                    raise RuntimeError(f"a worker process failed:\n{failure}")
                done[number] = result
            yield done.pop(wanted)
            wanted += 1
        for _ in workers:
            tasks.put(None)
        for w in workers:
            w.join()
        finished = True
    finally:
        if not finished:  # an error, Ctrl-C, or the reader stopping early
            for w in workers:
                w.terminate()
            for w in workers:
                w.join()
        results.close()
        results.cancel_join_thread()
