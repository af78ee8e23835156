"""The command line: ``storyline analyze``, ``storyline export``, ``storyline report``, ``storyline settings``.

The only module that prints. Exit status: 0 when at least one document was analysed,
1 when none, 2 on bad usage.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from storyline.config import Settings

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help="storyline: turn news articles into a verified, source-attributed record of who did "
         "what to whom, when — and where outlets agree, disagree, copy each other or spin.")

LOGGER = logging.getLogger("storyline")


class Engine(StrEnum):
    local = "local"
    spark = "spark"


class Format(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


def _coerce(name: str, raw: str) -> Any:
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    if name not in fields:
        raise typer.BadParameter(f"unknown setting {name!r}; `storyline settings` lists them")
    default = Settings.help_table()[list(fields).index(name)][1]
    try:
        if isinstance(default, bool):
            return raw.lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, list):
            return [x for x in raw.split(",") if x]
        if isinstance(default, dict):
            value = json.loads(raw)
            if not isinstance(value, dict):
                raise ValueError(raw)
            return value
    except ValueError as exc:
        raise typer.BadParameter(f"setting {name} wants a {type(default).__name__}, got {raw!r}") from exc
    return raw


def build_settings(pairs: list[str] | None, workers: int | None = None) -> Settings:
    """Settings from ``--set name=value`` pairs (the one place the CLI builds them)."""
    changes: dict[str, Any] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise typer.BadParameter(f"--set wants name=value, got {pair!r}")
        k, v = pair.split("=", 1)
        changes[k.strip()] = _coerce(k.strip(), v.strip())
    if workers is not None:
        changes["workers"] = workers
    return Settings().replace(**changes)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.command()
def analyze(
    paths: list[Path] = typer.Argument(..., help="Files and folders (read recursively): .txt .md .html .htm "
                                                 ".json .jsonl, and .gz of any of these."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder: storyline.duckdb, export.json, "
                                                      "report.html, errors.jsonl."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, help="Worker processes."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (process pool) or spark."),
    master: str = typer.Option("local[2]", "--master", help="Spark master URL (with --engine spark)."),
    set_: list[str] | None = typer.Option(None, "--set", help="Override a setting: --set name=value "
                                                                   "(see `storyline settings`)."),
    reanalyze: bool = typer.Option(False, "--reanalyze", help="Analyse documents again even when the "
                                                                "store already holds them (after an upgrade)."),
    full: bool = typer.Option(False, "--full", help="Fuse every stored document again instead of adding the new "
                                                     "ones to the stored corpus (setting incremental)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each stage."),
) -> None:
    """Analyse articles: clean them, find actors, events, quotes and disagreements, and write the
    store, the JSON export, the HTML report and the error list into --out."""
    _setup_logging(verbose)
    settings = build_settings(set_, workers)
    from tqdm import tqdm

    from storyline.engine.local import check_pipelines, run
    from storyline.errors import ConfigError, StoreBusy

    try:
        check_pipelines(settings)
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None

    bar = tqdm(total=0, unit="doc", desc="analysing", disable=not sys.stderr.isatty(), file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        if engine is Engine.spark:
            from storyline.engine.spark import spark_analyzer, spark_mapper
            from storyline.export.tabular import write_partitioned_parquet

            summary, corpus = run(paths, out, settings, progress, analyzer=spark_analyzer(master),
                                  reanalyze=reanalyze, full=full, mapper=spark_mapper(master))
            write_partitioned_parquet(corpus, out / "parquet")
        else:
            summary, _ = run(paths, out, settings, progress, reanalyze=reanalyze, full=full, keep_corpus=False)
    except (ConfigError, StoreBusy) as exc:  # a setting that cannot work (an LLM coder's endpoint), a held store
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        bar.close()
    for err in summary.errors:
        typer.echo(f"{'skipped' if err.reason == 'unsupported' else 'error'}: {err.source}: "
                   f"{err.reason}: {err.detail}", err=True)
    typer.echo(summary.line())
    raise typer.Exit(0 if summary.read else 1)


@app.command()
def export(
    db: Path = typer.Argument(..., help="A storyline.duckdb made by `storyline analyze`."),
    format: Format = typer.Option(Format.json, "--format", "-f", help="json (the v1 contract), csv or parquet."),
    out: Path = typer.Option(..., "--out", "-o",
                             help="A file for json; a folder (one file per table) for csv/parquet."),
) -> None:
    """Re-export a store as JSON (schema v1), CSV or Parquet."""
    from storyline.export import write_json, write_tables
    from storyline.store import Store

    if not db.is_file():
        typer.echo(f"error: {db} is not a storyline store (run `storyline analyze ... --out DIR` first)", err=True)
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        corpus = store.corpus()
    if format is Format.json:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_json(corpus, out)
        typer.echo(f"wrote {out}")
    else:
        for p in write_tables(corpus, out, format.value):
            typer.echo(f"wrote {p}")


@app.command()
def report(
    db: Path = typer.Argument(..., help="A storyline.duckdb made by `storyline analyze`."),
    out: Path = typer.Option(..., "--out", "-o", help="A folder: index.html, stories/, articles/, actors/, outlets/."),
) -> None:
    """Render the reader's pages (stories, articles, actors, outlets) as linked HTML files: the web
    app's pages, from the same templates, readable without a server."""
    from storyline.report.pages import write_site
    from storyline.store import Store

    if not db.is_file():
        typer.echo(f"error: {db} is not a storyline store (run `storyline analyze ... --out DIR` first)", err=True)
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        n = write_site(store, out)
    typer.echo(f"wrote {n} pages to {out}; open {out / 'index.html'}")


@app.command()
def settings(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """List every setting with its default and meaning (override with --set name=value), then the
    pipelines: each part with what it requires and assigns."""
    from storyline.engine.stages import document_pipeline
    from storyline.fuse import fuse_pipeline
    from storyline.registry import components, describe, fuse_steps

    rows = Settings.help_table()
    defaults = Settings()
    pipelines = {"pipeline": describe(document_pipeline(defaults)),
                 "fuse_pipeline": describe(fuse_pipeline(defaults))}
    registered = {"components": sorted(components.get_all()), "fuse_steps": sorted(fuse_steps.get_all())}
    if as_json:
        typer.echo(json.dumps({"settings": [{"name": n, "default": d, "help": h} for n, d, h in rows],
                               "pipelines": pipelines, "registered": registered}, indent=1))
        return
    for name, default, help_ in rows:
        if name in pipelines:
            typer.echo(f"{name:26s} (below) {help_}")
        else:
            typer.echo(f"{name:26s} {default!r:28s} {help_}")
    for setting, parts in pipelines.items():
        typer.echo(f"\n{setting} (default order; --set {setting}=name1,name2,... to change it):")
        for i, part in enumerate(parts, 1):
            typer.echo(f"  {i}. {part['name']}  requires {', '.join(part['requires']) or '-'}"
                       f"  assigns {', '.join(part['assigns'])}")
            if part["doc"]:
                typer.echo(f"       {part['doc']}")


@app.command()
def serve(
    db: Path = typer.Argument(..., help="A storyline.duckdb made by `storyline analyze`."),
    port: int = typer.Option(8000, "--port", "-p", help="Port on 127.0.0.1."),
    max_upload_mb: float = typer.Option(5.0, "--max-upload-mb", help="Largest POST /api/documents body."),
    cache_mb: float = typer.Option(64.0, "--cache-mb", min=0, help="Memory for rendered pages (0: none); "
                                                                  "emptied by every upload."),
    set_: list[str] | None = typer.Option(None, "--set", help="Pipeline setting for uploads: name=value."),
    processes: int = typer.Option(1, "--processes", min=1, help="Server processes sharing the store read-only "
                                                               "(more answers per second; uploads are then off)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log requests and stages."),
) -> None:
    """Serve the report's views with search and filters, and the REST API (/docs, /openapi.json), on
    127.0.0.1. Uploads (POST /api/documents) need the bearer token in STORYLINE_TOKEN; unset, they are off."""
    import os

    import uvicorn

    from storyline.serve import create_app

    _setup_logging(verbose)
    if not db.is_file():
        typer.echo(f"error: {db} is not a storyline store (run `storyline analyze ... --out DIR` first)", err=True)
        raise typer.Exit(2)
    token = os.environ.get("STORYLINE_TOKEN") or None  # the edge reads the environment, nothing below it
    if processes > 1:
        from storyline.serve.app import SERVE_CACHE_ENV, SERVE_DB_ENV

        if token:
            typer.echo("note: uploads are off with --processes > 1 (each process holds the store open); "
                       "serve with one process to accept them", err=True)
        os.environ[SERVE_DB_ENV] = str(db.resolve())
        os.environ[SERVE_CACHE_ENV] = str(int(cache_mb * 1024 * 1024))
        typer.echo(f"serving {db} on http://127.0.0.1:{port}/ with {processes} processes (uploads off)")
        uvicorn.run("storyline.serve.app:app_from_env", factory=True, workers=processes, host="127.0.0.1",
                    port=port, log_level="info" if verbose else "warning")
        return
    application = create_app(db, token=token, settings=build_settings(set_),
                             max_upload_bytes=int(max_upload_mb * 1024 * 1024),
                             cache_bytes=int(cache_mb * 1024 * 1024))
    typer.echo(f"serving {db} on http://127.0.0.1:{port}/ (uploads {'on' if token else 'off'})")
    uvicorn.run(application, host="127.0.0.1", port=port, log_level="info" if verbose else "warning")


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
