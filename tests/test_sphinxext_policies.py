"""How the directives load a policy named ``module:attribute``, and what the extension declares.

Small projects are built in temporary folders with the variants module of test_sphinxext.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import g287

# _isolated_imports is an autouse fixture: imported, it applies to this module's tests too.
from test_sphinxext import _build, _isolated_imports, _project  # noqa: F401

_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _errors(warnings: str) -> list[str]:
    """The text after ``ERROR:`` on each warning line, without terminal colours."""
    return [
        line.split("ERROR: ", 1)[1]
        for line in _COLOUR.sub("", warnings).splitlines()
        if "ERROR: " in line
    ]


def test_spec_with_two_colons(tmp_path: Path) -> None:
    """Only the first colon splits module from attribute: ``g287:POLICY:x`` imports g287 and
    looks for an attribute named ``POLICY:x``."""
    _app, warnings = _build(_project(tmp_path, ".. g287-tiers:: g287:POLICY:x\n"))
    assert _errors(warnings) == [
        (
            "g287-tiers: policy 'g287:POLICY:x' cannot be loaded: "
            "module 'g287' has no attribute 'POLICY:x' [docutils]"
        )
    ]


def test_dotted_attribute(tmp_path: Path) -> None:
    """The attribute may be a dotted path inside the module, such as ``g287:POLICY.award_schedule``
    (which is then refused only because it is not a Policy)."""
    _app, warnings = _build(_project(tmp_path, ".. g287-tiers:: g287:POLICY.award_schedule\n"))
    assert _errors(warnings) == [
        (
            "g287-tiers: 'g287:POLICY.award_schedule' is a AwardSchedule; "
            "expected a g287.Policy [docutils]"
        )
    ]


def test_dotted_attribute_to_a_policy(tmp_path: Path) -> None:
    """A dotted path that ends at a Policy is shown: ``g287_test_variants:g287.POLICY`` is the
    built-in policy, reached through the module's own ``import g287``."""
    src = _project(tmp_path, ".. g287-tiers:: g287_test_variants:g287.POLICY\n")
    app, warnings = _build(src)
    assert warnings == ""
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "$1,000.00" in html


def test_policy_module_is_a_dependency(tmp_path: Path) -> None:
    """A page showing a variant is read again when the variant's module changes, and only
    then."""
    src = _project(tmp_path, ".. g287-tiers:: g287_test_variants:HIGHER_TOP\n")
    app, warnings = _build(src)
    assert warnings == ""
    read_at = app.env.all_docs["index"]

    app, warnings = _build(src, fresh=False)
    assert warnings == ""
    assert app.env.all_docs["index"] == read_at

    module = src / "g287_test_variants.py"
    module.write_text(
        module.read_text(encoding="utf-8").replace('amount="1250"', 'amount="1300"'),
        encoding="utf-8",
    )
    later = module.stat().st_mtime + 10
    os.utime(module, (later, later))
    sys.modules.pop("g287_test_variants", None)
    app, warnings = _build(src, fresh=False)
    assert warnings == ""
    assert app.env.all_docs["index"] > read_at
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "$1,300.00" in html


def test_extension_metadata(tmp_path: Path) -> None:
    """The extension declares g287's version, environment version 1 (raised whenever what it
    stores in a pickled environment changes shape), and that it reads and writes in parallel
    safely."""
    app, _warnings = _build(_project(tmp_path, "Text.\n"))
    extension = app.extensions["g287.sphinxext"]
    assert extension.version == g287.__version__
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
    assert extension.metadata == {"env_version": 1}
