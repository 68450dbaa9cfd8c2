"""``aseankg bench``: synthetic data for measuring how the system grows."""

from pathlib import Path

import click

from aseankg.bench.generate import generate as generate_folder


@click.group()
def bench() -> None:
    """Generate synthetic graphs and measure load, validation and query speed."""


@bench.command()
@click.option(
    "--stories",
    type=click.IntRange(min=0),
    required=True,
    help="Synthetic stories to add to the ten real ones (about 70 triples each; "
    "14000 makes about 1M triples).",
)
@click.option("--seed", type=int, default=2025, show_default=True, help="Same seed, same files.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to create (laid out like data/); it must not exist yet.",
)
def generate(stories: int, seed: int, out_dir: Path) -> None:
    """Write the bundled data plus synthetic stories into a new folder.

    The folder is laid out like data/ and works with --data of serve, query and
    validate. The real stories stay in, so canned queries about real entities keep
    their answers while the graph grows.
    """
    if out_dir.exists():
        raise click.BadParameter(
            f"{out_dir} already exists; choose a new folder", param_hint="--out"
        )
    summary = generate_folder(out_dir, stories, seed)
    click.echo(f"wrote {summary.stories} stories in {summary.files} files to {out_dir}")
