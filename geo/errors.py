"""The exceptions of the ``geo`` package: one root, one class per kind of failure.

Every error the package raises on purpose derives from :class:`GeoStoryError`,
so a caller (the command line, the Streamlit app) can report it in one line.
"""

from __future__ import annotations

__all__ = [
    "GeoStoryError",
    "InputError",
    "EncodingError",
    "FrontMatterError",
    "IndexBuildError",
    "OutputError",
    "OutputConflictError",
    "SkippedInputWarning",
]


class GeoStoryError(Exception):
    """Root of every error raised on purpose by the ``geo`` package."""


class InputError(GeoStoryError):
    """An input path or article cannot be used: missing, empty, binary or too large."""


class EncodingError(InputError):
    """An article's bytes do not decode in any of the supported encodings."""


class FrontMatterError(InputError):
    """An article's YAML front matter is malformed or has fields of the wrong type."""


class IndexBuildError(GeoStoryError):
    """The gazetteer index could not be compiled or loaded from its inputs."""


class OutputError(GeoStoryError):
    """An output file could not be written."""


class OutputConflictError(OutputError):
    """The output folder holds a file the tool did not write (or changed since), so nothing is written."""


class SkippedInputWarning(GeoStoryError, UserWarning):
    """An input file was skipped (its name cannot be decoded); the rest of the folder is read."""
