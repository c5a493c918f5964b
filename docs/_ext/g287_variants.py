"""Policy variants shown in the documentation (the g287-tiers directive takes ``module:name``)."""

from __future__ import annotations

import g287

#: The built-in policy with I-BAND's half-up alternative: 89.5% of leads located earns R-AWD-1.
HALF_UP = g287.POLICY.choose("I-BAND", "half-up")
