"""``aseankg export``: write the whole dataset in one RDF syntax."""

import os
import secrets
import stat
import sys
from pathlib import Path

import click

from aseankg.cli.errors import InputError, reports_input_errors
from aseankg.cli.options import SyntaxType, articles_option, data_option, data_sources_of
from aseankg.engine import Engine
from aseankg.publish.dumps import dataset_bytes
from aseankg.rdf.formats import RDF_SYNTAXES, RdfSyntax

#: What a path that is not a regular file is, by file type, for messages.
_FILE_KINDS = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
}


def replaceable_mode(path: Path) -> int | None:
    """The permissions of the regular file at ``path``, or None when nothing is there.

    The new content is written beside ``path`` and renamed over it, which would put a
    regular file in the place of a symbolic link, device, FIFO, socket or folder, so
    those are refused, as is a path whose folder does not exist.
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise InputError(f"{path}: the folder {path.parent} does not exist") from None
        return None
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from error
    if not stat.S_ISREG(status.st_mode):
        kind = _FILE_KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
        raise InputError(
            f"{path}: is {kind}; only a regular file is replaced ('-o -' writes to standard output)"
        )
    if not os.access(path, os.W_OK):
        raise InputError(f"{path}: Permission denied")
    return stat.S_IMODE(status.st_mode)


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` only once the new content is fully written.

    Only a regular file is replaced (see ``replaceable_mode``), keeping its permissions;
    a new file gets those of any new file under the umask. No temporary file is left
    behind, whatever fails.
    """
    mode = replaceable_mode(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    try:
        # O_EXCL: a new file of our own, never one a link at that name leads to.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with open(descriptor, "wb") as out:
                out.write(payload)
                out.flush()
                if mode is not None:
                    os.fchmod(descriptor, mode)
                os.fsync(descriptor)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from error


def write_to_standard_output(payload: bytes) -> None:
    """Write ``payload``; a full disk or a closed pipe behind it gets one line, exit status 2."""
    try:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    except OSError as error:
        raise InputError(f"standard output: {error.strerror or error}") from error


@click.command()
@click.option(
    "--format",
    "syntax",
    type=SyntaxType(RDF_SYNTAXES),
    default="trig",
    show_default=True,
    help="By name, alias or media type (nquads, turtle, text/turtle). trig, nq and jsonld "
    "keep one named graph per story; ttl, nt and rdfxml write their union.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True, readable=False),
    help="File to write, replaced only when the new one is complete; a symbolic link, "
    "device, FIFO or folder is refused. Default ('-'): standard output.",
)
@data_option
@articles_option
@reports_input_errors
def export(
    syntax: RdfSyntax, output: str | None, data_dir: Path | None, article_dirs: tuple[Path, ...]
) -> None:
    """Write the dataset (ontology, reference data, story graphs) as RDF.

    The bytes are those of the server's /dumps files in the same syntax.
    """
    target = None if output in (None, "-") else Path(output)
    if target is not None:
        replaceable_mode(target)  # refused before the work, not after
    engine = Engine.from_sources(data_sources_of(data_dir, article_dirs), workers=1)
    try:
        payload = dataset_bytes(engine, syntax)
    finally:
        engine.close()
    if target is None:
        write_to_standard_output(payload)
    else:
        write_atomically(target, payload)
