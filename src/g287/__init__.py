"""g287: the DHS/ICE 287(g) reimbursement and performance-award policy as exact, cited code.

The policy was announced on 2025-09-18 and applies from 2025-10-01. Every figure is exact
(``Decimal`` cents, ``Fraction`` rates), says which rule (``R-…``) and interpretation (``I-…``)
produced it, and cites the source sentence.

>>> import g287
>>> g287.quarterly_award(located=45, provided=50, officers=3, quarter="FY2026 Q1").amount
Decimal('3000.00')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    NotInEffectError,
    PolicyError,
)

if TYPE_CHECKING:  # type checkers and readers see every public name here
    # Submodules, re-exported for type checkers (at run time `__getattr__` loads them).
    from . import award as award
    from . import batch as batch
    from . import calendar as calendar
    from . import claims as claims
    from . import dataio as dataio
    from . import explain as explain
    from . import html as html
    from . import money as money
    from . import policy as policy
    from . import reimbursement as reimbursement
    from . import report as report
    from . import serialize as serialize
    from .award import (
        AwardResult,
        award_tier,
        location_rate,
        quarterly_award,
    )
    from .calendar import (
        DateRange,
        FiscalQuarter,
        FiscalYear,
    )
    from .claims import (
        Agency,
        Claim,
        LeadReport,
        Officer,
        OfficerLine,
        PayRecord,
        claim,
        quarterly_claim,
    )
    from .explain import (
        Explanation,
        Step,
    )
    from .policy import (
        INTERPRETATIONS,
        POLICY,
        REGISTRY,
        SOURCE,
        AwardSchedule,
        AwardTier,
        BandRounding,
        CapProration,
        Citation,
        Headcount,
        Interpretation,
        Model,
        ModelScope,
        NoLeads,
        OvertimeCap,
        Policy,
        Rule,
        Source,
        policy_diff,
        policy_in_force,
    )
    from .reimbursement import (
        ReimbursementResult,
        annual_reimbursement,
        overtime_cap,
    )
    from .serialize import (
        SCHEMA,
        dumps,
        fingerprint,
        from_dict,
        loads,
        to_dict,
    )

__version__ = "0.1.0"

# Public names load on first use (PEP 562), so `import g287` stays cheap for a command line or a
# notebook that needs only part of the library; the first use of a name imports its module.
_LAZY: dict[str, str] = {
    "Agency": "claims",
    "AwardResult": "award",
    "AwardSchedule": "policy",
    "AwardTier": "policy",
    "BandRounding": "policy",
    "CapProration": "policy",
    "Citation": "policy",
    "Claim": "claims",
    "DateRange": "calendar",
    "Explanation": "explain",
    "FiscalQuarter": "calendar",
    "FiscalYear": "calendar",
    "Headcount": "policy",
    "INTERPRETATIONS": "policy",
    "Interpretation": "policy",
    "LeadReport": "claims",
    "Model": "policy",
    "ModelScope": "policy",
    "NoLeads": "policy",
    "Officer": "claims",
    "OfficerLine": "claims",
    "OvertimeCap": "policy",
    "POLICY": "policy",
    "PayRecord": "claims",
    "Policy": "policy",
    "REGISTRY": "policy",
    "ReimbursementResult": "reimbursement",
    "Rule": "policy",
    "SCHEMA": "serialize",
    "SOURCE": "policy",
    "Source": "policy",
    "Step": "explain",
    "annual_reimbursement": "reimbursement",
    "award_tier": "award",
    "claim": "claims",
    "dumps": "serialize",
    "fingerprint": "serialize",
    "from_dict": "serialize",
    "loads": "serialize",
    "location_rate": "award",
    "overtime_cap": "reimbursement",
    "policy_diff": "policy",
    "policy_in_force": "policy",
    "quarterly_award": "award",
    "quarterly_claim": "claims",
    "to_dict": "serialize",
}
# Submodules reachable as attributes (`g287.money`, `g287.batch`, ...) without an import.
_SUBMODULES = frozenset(
    {
        "award",
        "batch",
        "calendar",
        "claims",
        "dataio",
        "explain",
        "html",
        "money",
        "policy",
        "reimbursement",
        "report",
        "serialize",
    }
)

if not TYPE_CHECKING:  # hidden from type checkers, which would otherwise accept any attribute

    def __getattr__(name: str) -> Any:
        if name in _SUBMODULES:
            return importlib.import_module(f"{__name__}.{name}")
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | _SUBMODULES)


__all__ = [
    "INTERPRETATIONS",
    "POLICY",
    "REGISTRY",
    "SCHEMA",
    "SOURCE",
    "Agency",
    "AwardResult",
    "AwardSchedule",
    "AwardTier",
    "BandRounding",
    "CapProration",
    "Citation",
    "Claim",
    "DateRange",
    "Explanation",
    "FiscalQuarter",
    "FiscalYear",
    "G287Error",
    "Headcount",
    "Interpretation",
    "InvalidInputError",
    "InvalidTypeError",
    "LeadReport",
    "Model",
    "ModelScope",
    "NoLeads",
    "NotInEffectError",
    "Officer",
    "OfficerLine",
    "OvertimeCap",
    "PayRecord",
    "Policy",
    "PolicyError",
    "ReimbursementResult",
    "Rule",
    "Source",
    "Step",
    "__version__",
    "annual_reimbursement",
    "award_tier",
    "claim",
    "dumps",
    "fingerprint",
    "from_dict",
    "loads",
    "location_rate",
    "overtime_cap",
    "policy_diff",
    "policy_in_force",
    "quarterly_award",
    "quarterly_claim",
    "to_dict",
]
