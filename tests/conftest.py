"""Test configuration: Hypothesis settings profiles.

Choose a profile with the ``HYPOTHESIS_PROFILE`` environment variable:

* ``ci`` (the default): 200 examples per property, no deadline (shared CI machines are noisy).
* ``dev``: 25 examples per property, for a quick local loop.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
