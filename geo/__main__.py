"""``python -m geo``: see :mod:`geo.cli`."""

from __future__ import annotations

import sys

from geo.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
