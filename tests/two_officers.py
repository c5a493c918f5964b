"""A small quarterly claim shared by the pinned-output tests: one agency signed for every model,
a task force officer (T-1) and a jail enforcement officer (J-2) hired mid-quarter and separated
before its end, a pay record each, and FY2026 Q1 leads at 90% (R-AWD-1)."""

from __future__ import annotations

import datetime as dt

from g287 import Agency, LeadReport, Model, Officer, PayRecord

AGENCY = Agency("A1", "Example County", dt.date(2025, 7, 1), frozenset(Model))
ALICE = Officer("T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "78000")
BOB = Officer(
    "J-2", Model.JAIL_ENFORCEMENT, dt.date(2025, 11, 1), "52000", separated_on=dt.date(2025, 12, 15)
)
PAY = (
    PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 14), "3000", "1000", "500"),
    PayRecord("J-2", dt.date(2025, 10, 20), dt.date(2025, 11, 2), "2000", "700", "140"),
)
LEADS = LeadReport("FY2026 Q1", provided=20, located=18)
