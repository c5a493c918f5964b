"""g287: the DHS/ICE 287(g) reimbursement and performance-award policy as exact, cited code.

The policy was announced on 2025-09-18 and applies from 2025-10-01. Every figure is exact
(``Decimal`` cents, ``Fraction`` rates), says which rule (``R-…``) and interpretation (``I-…``)
produced it, and cites the source sentence.

>>> import g287
>>> g287.quarterly_award(located=45, provided=50, task_force_officers=3, quarter="FY2026 Q1").amount
Decimal('3000.00')
"""

from __future__ import annotations

from ._version import __version__
from .announced import INTERPRETATIONS, POLICY, REGISTRY, SOURCE, policy_in_force
from .award import AwardResult, award_tier, location_rate, quarterly_award
from .calendar import DateRange, FiscalQuarter, FiscalYear
from .claims import Claim, OfficerLine, claim, quarterly_claim
from .errors import (
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    NotInEffectError,
    PolicyError,
    VerificationError,
)
from .explain import Explanation, Step
from .filings import Adjustment, FiledLine, Filing
from .inputs import Agency, LeadReport, Officer, PayRecord, Payroll
from .policy import (
    AwardTier,
    BandRounding,
    CapProration,
    Citation,
    Headcount,
    Interpretation,
    Interpretations,
    Model,
    ModelScope,
    NoLeads,
    Option,
    Policy,
    Rule,
    Source,
    policy_diff,
)
from .reimbursement import ReimbursementResult, annual_reimbursement, overtime_cap
from .serialize import SCHEMA, dumps, from_dict, loads, to_dict, verify
from .year import FiscalYearClaims, fiscal_year_claims

__all__ = [
    "INTERPRETATIONS",
    "POLICY",
    "REGISTRY",
    "SCHEMA",
    "SOURCE",
    "Adjustment",
    "Agency",
    "AwardResult",
    "AwardTier",
    "BandRounding",
    "CapProration",
    "Citation",
    "Claim",
    "DateRange",
    "Explanation",
    "FiledLine",
    "Filing",
    "FiscalQuarter",
    "FiscalYear",
    "FiscalYearClaims",
    "G287Error",
    "Headcount",
    "Interpretation",
    "Interpretations",
    "InvalidInputError",
    "InvalidTypeError",
    "LeadReport",
    "Model",
    "ModelScope",
    "NoLeads",
    "NotInEffectError",
    "Officer",
    "OfficerLine",
    "Option",
    "PayRecord",
    "Payroll",
    "Policy",
    "PolicyError",
    "ReimbursementResult",
    "Rule",
    "Source",
    "Step",
    "VerificationError",
    "__version__",
    "annual_reimbursement",
    "award_tier",
    "claim",
    "dumps",
    "fiscal_year_claims",
    "from_dict",
    "loads",
    "location_rate",
    "overtime_cap",
    "policy_diff",
    "policy_in_force",
    "quarterly_award",
    "quarterly_claim",
    "to_dict",
    "verify",
]
