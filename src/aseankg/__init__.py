"""aseankg: a knowledge graph of China-ASEAN cooperation in 2025."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("aseankg")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
