"""``python -m g287``: the same as the ``g287`` command."""

from .cli import main

raise SystemExit(main())
