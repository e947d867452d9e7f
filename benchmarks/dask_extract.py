"""Every figure of a JSON lines corpus, extracted on a Dask cluster, into Parquet.

    python benchmarks/dask_extract.py CORPUS OUT --id-field id [--text-field text]
        [--scheduler tcp://HOST:8786 | --workers N] [--blocksize BYTES] [-S key=value ...]
    python benchmarks/dask_extract.py corpus.jsonl out/ --id-field id --generate 20000   # a test corpus first

CORPUS is any fsspec path or glob of JSON lines files, one document an object with a text
field and an id field (``data/*.jsonl``, ``s3://bucket/news/*.jsonl.gz`` with s3fs,
``gs://…`` with gcsfs; compressed files are read whole, one partition each). OUT is an
fsspec folder for the Parquet files, in the columns of ``povertydata.corpus.MENTION_SCHEMA``:
values exact, as ``decimal128(38, 10)`` and as strings. ``-S`` passes storage options to
fsspec (``-S anon=true``).

With no ``--scheduler`` it starts a ``distributed.LocalCluster`` of ``--workers`` processes
(one thread each). It prints the documents, the mentions and the throughput.

How it works: ``dask.bag.read_text`` splits the corpus into byte blocks at line ends, sized
from the input (about four per worker, between 256 KiB and 64 MiB: enough tasks to keep
every worker busy, and each task's memory bounded); ``map_partitions`` runs
``povertydata.corpus.extract_lines`` (``extract_table`` over the block's documents) on
each; ``to_parquet`` writes one file per block with the fixed schema. Bad lines (not JSON,
no text) are logged by the workers and left out. Text is read once and never gathered on
the client: reading is the bottleneck at ~1 M characters a second a core, so the recipe
reads in parallel, close to the workers, and compresses nothing it does not have to.
"""

from __future__ import annotations

import argparse
import math
import operator
import sys
import time
from typing import Any

KIB = 1024
MIB = 1024 * KIB


def corpus_bytes(urlpath: str, storage_options: dict[str, Any] | None = None) -> int:
    """The size of the corpus in bytes, from any fsspec path or glob."""
    import fsspec

    fs, _, paths = fsspec.get_fs_token_paths(urlpath, storage_options=storage_options)
    return sum(int(fs.size(p)) for p in paths)


def blocksize_for(total: int, workers: int) -> int:
    """Bytes per partition: about four partitions per worker, within 256 KiB and 64 MiB."""
    return max(256 * KIB, min(64 * MIB, math.ceil(total / (4 * max(1, workers)))))


def mentions(
    urlpath: str,
    *,
    id_field: str,
    text_field: str = "text",
    blocksize: int,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """A Dask DataFrame of every mention of the corpus (lazy), one partition per block."""
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from povertydata.corpus import MENTION_SCHEMA, extract_lines

    lines = db.read_text(urlpath, blocksize=blocksize, storage_options=storage_options)
    tables = lines.map_partitions(extract_lines, text_field=text_field, id_field=id_field, on_error="skip")
    # Arrow-backed pandas columns keep the decimals exact on their way to Parquet.
    to_pandas = operator.methodcaller("to_pandas", types_mapper=pd.ArrowDtype)
    meta = to_pandas(MENTION_SCHEMA.empty_table())
    frames = [dask.delayed(to_pandas)(part) for part in tables.to_delayed()]
    return dd.from_delayed(frames, meta=meta, verify_meta=False)


def _warm() -> None:
    """Import the reader and compile its patterns on every worker (and here) before timing.

    A long run pays this once per worker, a second or so; a short benchmark should not.
    """
    import functools

    from distributed import get_client

    from povertydata.figures import extract

    extract("投入1万元")
    get_client().run(functools.partial(extract, "投入1万元"))


def run(
    urlpath: str,
    out: str,
    *,
    id_field: str,
    text_field: str = "text",
    workers: int,
    blocksize: int | None = None,
    storage_options: dict[str, Any] | None = None,
) -> dict[str, float]:
    """Extract the corpus into Parquet files in ``out`` on the current Dask client.

    Returns the numbers of the run: bytes read, partitions, mentions written, seconds and
    bytes a second.
    """
    from importlib.metadata import version

    import pyarrow.dataset as ds

    from povertydata.corpus import MENTION_SCHEMA

    total = corpus_bytes(urlpath, storage_options)
    size = blocksize or blocksize_for(total, workers)
    _warm()
    start = time.perf_counter()
    frame = mentions(urlpath, id_field=id_field, text_field=text_field, blocksize=size, storage_options=storage_options)
    frame.to_parquet(
        out,
        schema=MENTION_SCHEMA,
        write_index=False,
        storage_options=storage_options,
        custom_metadata={"povertydata.version": version("povertydata")},
    )
    seconds = time.perf_counter() - start
    import fsspec

    fs, _, (root,) = fsspec.get_fs_token_paths(out, storage_options=storage_options)
    written = ds.dataset(root, filesystem=fs, format="parquet").count_rows()  # from the files' metadata
    return {
        "bytes": float(total),
        "partitions": float(frame.npartitions),
        "mentions": float(written),
        "seconds": seconds,
        "bytes_per_second": total / seconds,
    }


def make_corpus(path: str, documents: int, seed: int = 2017) -> list[tuple[str, str]]:
    """Write a corpus of report-like documents as JSON lines (``id``, ``text``); return them.

    Sentences of the five reports, shuffled into documents, with their digits changed at
    random so that no two documents read alike; a few documents hold values no decimal128
    holds (40 digits, 11 decimal places) and a few are blank.
    """
    import json
    import random
    import re

    from povertydata.sources import seed_names, seed_text

    sentences = [s + "。" for name in seed_names() for s in seed_text(name).split("。") if s.strip()]
    rng = random.Random(seed)
    corpus = []
    for n in range(documents):
        picked = rng.sample(sentences, rng.randint(2, 6))
        text = re.sub(r"[0-9]", lambda _: str(rng.randint(0, 9)), "".join(picked))
        if n % 250 == 7:
            text += f"另有{'1234567890' * 4}元和0.00000000001%。"
        if n % 500 == 11:
            text = ""
        corpus.append((f"doc-{n:06d}", text))
    with open(path, "w", encoding="utf-8") as handle:
        for ident, text in corpus:
            handle.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")
    return corpus


def one_process(urlpath: str, out: str, *, id_field: str, text_field: str = "text") -> dict[str, float]:
    """The same work in this process alone, on one core: read, extract, write Parquet.

    The baseline of the cluster's rate; ``out`` is a local folder.
    """
    import os

    import fsspec
    import pyarrow.parquet as pq

    from povertydata.corpus import extract_lines
    from povertydata.figures import extract

    total = corpus_bytes(urlpath)
    os.makedirs(out, exist_ok=True)
    extract("投入1万元")  # warm, as the cluster's workers are
    start = time.perf_counter()
    rows = 0
    for n, opened in enumerate(fsspec.open_files(urlpath, mode="rb")):
        with opened as handle:
            table = extract_lines(handle, text_field=text_field, id_field=id_field)
        pq.write_table(table, os.path.join(out, f"part.{n}.parquet"))
        rows += table.num_rows
    seconds = time.perf_counter() - start
    return {"bytes": float(total), "mentions": float(rows), "seconds": seconds, "bytes_per_second": total / seconds}


def _options(pairs: list[str]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        options[key] = {"true": True, "false": False}.get(value.lower(), value)
    return options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="fsspec path or glob of JSON lines files")
    parser.add_argument("out", help="fsspec folder for the Parquet files")
    parser.add_argument("--id-field", required=True, help="the field holding each document's id")
    parser.add_argument("--text-field", default="text", help="the field holding the text (default text)")
    parser.add_argument("--scheduler", help="address of a running scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    parser.add_argument("--blocksize", type=int, help="bytes per partition (default: from the input)")
    parser.add_argument("-S", "--storage-option", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--generate", type=int, metavar="N", help="first write a test corpus of N documents to CORPUS")
    parser.add_argument("--one-process", action="store_true", help="also time one process alone, for the ratio")
    args = parser.parse_args(argv)
    if args.generate:
        make_corpus(args.corpus, args.generate)

    from distributed import Client, LocalCluster

    options = _options(args.storage_option) or None
    if args.scheduler:
        client = Client(args.scheduler)
        workers = len(client.scheduler_info()["workers"])
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
        workers = args.workers
    with client:
        numbers = run(
            args.corpus,
            args.out,
            id_field=args.id_field,
            text_field=args.text_field,
            workers=workers,
            blocksize=args.blocksize,
            storage_options=options,
        )
    print(
        f"{numbers['bytes'] / MIB:.1f} MiB, {int(numbers['mentions'])} mentions, "
        f"{int(numbers['partitions'])} partitions on {workers} workers: "
        f"{numbers['seconds']:.1f} s, {numbers['bytes_per_second'] / MIB:.2f} MiB/s"
    )
    if args.one_process:
        alone = one_process(args.corpus, args.out + "-one-process", id_field=args.id_field, text_field=args.text_field)
        assert alone["mentions"] == numbers["mentions"], (alone, numbers)
        print(
            f"one process, one core: {alone['seconds']:.1f} s, {alone['bytes_per_second'] / MIB:.2f} MiB/s; "
            f"the cluster: {numbers['bytes_per_second'] / alone['bytes_per_second']:.2f}x"
        )
    return 0


# The guard Dask's process-based workers need: they import this file, and must not run it.
if __name__ == "__main__":
    sys.exit(main())
