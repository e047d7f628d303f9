"""``python -m geo``: see :mod:`geo.cli`."""

from __future__ import annotations

import gc
import sys

from geo.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    status = main()
    gc.freeze()  # the process ends: no last collection walks every imported module's objects before it goes
    sys.exit(status)
