"""The example notebooks run from top to bottom, so their figures cannot rot.

A cell that raises (a failed ``assert`` included) fails the test with the cell's traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).parent.parent / "examples"


def outputs_of(name: str) -> list[Any]:
    """Run the notebook ``examples/<name>`` and return every output of its code cells."""
    nb = nbformat.read(EXAMPLES / name, as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def shown(outputs: list[Any], mime: str) -> list[Any]:
    """What the outputs display as ``mime`` (a rich display or a cell's value)."""
    return [o["data"][mime] for o in outputs if mime in o.get("data", {})]


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client's own warnings
class TestQuarterNotebook:
    def test_runs_and_shows_html(self) -> None:
        """Every cell of the quarter notebook runs (its asserts hold) and the claim cell displays
        g287's HTML table."""
        html = shown(outputs_of("fy2026-quarter.ipynb"), "text/html")
        assert any("R-AWD-1" in h and "$4,000.00" in h for h in html)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client's own warnings
class TestNationalWhatIfNotebook:
    def test_runs_and_draws_its_three_figures(self) -> None:
        """Every cell of the national what-if notebook runs (its asserts about the costs, the
        tiers and the comparison with the published range hold) and it draws its three figures:
        the costs by interpretation, the award against the location rate, the overtime share."""
        outputs = outputs_of("national-what-if.ipynb")
        assert len(shown(outputs, "image/png")) == 3
