"""The example notebook runs from top to bottom, so its figures cannot rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parent.parent / "examples" / "fy2026-quarter.ipynb"


@pytest.mark.slow
class TestExampleNotebook:
    @pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client's own warnings
    def test_runs_and_shows_html(self) -> None:
        """Every cell runs (its asserts hold) and the claim cell displays g287's HTML table."""
        nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
        NotebookClient(nb, timeout=120, kernel_name="python3").execute()
        outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
        assert not [o for o in outputs if o.output_type == "error"]
        html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
        assert any("R-AWD-1" in h and "$4,000.00" in h for h in html)
