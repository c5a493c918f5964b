"""Test configuration: Hypothesis settings profiles.

Choose a profile with the ``HYPOTHESIS_PROFILE`` environment variable:

* ``ci`` (the default): 200 examples per property, no deadline (shared CI machines are noisy).
* ``dev``: 25 examples per property, for a quick local loop.
* ``mutation``: 10 examples per property, for mutation runs (each mutant reruns the tests that
  reach it; fewer examples can only let more mutants survive, so the score is a lower bound).
  It does not shrink a failing example: a mutant is killed by the first failure, and nobody
  reads the counterexample.
"""

from __future__ import annotations

import os

from hypothesis import Phase, settings

settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "mutation",
    max_examples=10,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
