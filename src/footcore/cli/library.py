"""`footcore exercises` and `footcore catalog`."""

from __future__ import annotations

import difflib
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from footcore.cli.output import console, fail, print_json
from footcore.domain.catalog import Catalog
from footcore.domain.serialize import exercise_summary, exercise_to_dict
from footcore.domain.vocab import Concern, Equipment

exercises_app = typer.Typer(
    help="Browse the exercise library.", invoke_without_command=True, no_args_is_help=False
)
catalog_app = typer.Typer(help="Work with the exercise catalog data file.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(exercises_app, name="exercises")
    app.add_typer(catalog_app, name="catalog")


@exercises_app.callback()
def list_exercises(
    ctx: typer.Context,
    concern: Annotated[
        Concern | None, typer.Option(help="Only exercises that serve this concern.")
    ] = None,
    equipment: Annotated[
        Equipment | None, typer.Option(help="Only exercises that use this equipment.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List exercises, optionally filtered by concern or equipment."""
    if ctx.invoked_subcommand is not None:
        return
    catalog = _catalog()
    found = catalog.filter(concern=concern, equipment=equipment)
    if as_json:
        print_json([exercise_summary(e) for e in found])
        return
    table = Table(title=f"{len(found)} exercises", show_lines=False)
    table.add_column("id", style="bold")
    table.add_column("name")
    table.add_column("dose")
    table.add_column("helps with")
    for e in found:
        table.add_row(
            e.id, e.name, e.dose.describe(), ", ".join(c.value for c in e.indications) or "-"
        )
    console.print(table)


@exercises_app.command("show")
def show_exercise(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="Exercise id, e.g. short-foot.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one exercise: steps, dose, variations, cautions and sources."""
    catalog = _catalog()
    try:
        exercise = catalog.get(exercise_id)
    except KeyError:
        close = difflib.get_close_matches(exercise_id, catalog.ids(), n=3, cutoff=0.4)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        fail(f"no exercise with id {exercise_id!r}.{hint} (`footcore exercises` lists them)")
    if as_json:
        print_json(exercise_to_dict(exercise, catalog))
        return
    out = console.print
    out(f"[bold]{escape(exercise.name)}[/]  [dim]({exercise.id})[/]")
    if exercise.aliases:
        out(f"Also called: {escape(', '.join(exercise.aliases))}")
    out(escape(exercise.purpose))
    out(f"\n[bold]Dose:[/] {escape(exercise.dose.describe())}")
    out(f"[bold]Position:[/] {exercise.position.value}   [bold]Sides:[/] {exercise.sides.value}")
    out(f"[bold]Works:[/] {escape(', '.join(exercise.targets))}")
    out("\n[bold]How to do it[/]")
    for number, step in enumerate(exercise.steps, start=1):
        out(f"  {number}. {escape(step)}")
    if exercise.cautions:
        out("\n[bold red]Cautions[/]")
        for caution in exercise.cautions:
            out(f"  - {escape(caution.text)}")
    out("\n[bold]Easier and harder[/]")
    for variant in exercise.variants:
        mark = " <- start here" if variant.id == exercise.default_variant else ""
        out(f"  - {escape(variant.name)}: {escape(variant.dose.describe())}{mark}")
    out("\n[bold]Sources[/]")
    for citation in catalog.cited(exercise.citations):
        out("  " + escape(f"[{citation.key}] {citation.text}"), highlight=False)


@catalog_app.command("check")
def check() -> None:
    """Validate the exercise, citation and illustration data files."""
    from footcore.catalog.loader import check_catalog, default_catalog

    problems = check_catalog()
    if problems:
        for problem in problems:
            console.print(f"[red]x[/] {escape(problem)}", highlight=False)
        raise typer.Exit(1)
    catalog = default_catalog()
    console.print(
        f"[green]ok[/] {len(catalog.exercises)} exercises, {len(catalog.citations)} citations"
    )


def _catalog() -> Catalog:
    from footcore.catalog.loader import CatalogError, default_catalog

    try:
        return default_catalog()
    except CatalogError as exc:
        fail(str(exc))
