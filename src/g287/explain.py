"""Explanations: the audit trail every g287 result carries.

An :class:`Explanation` is an ordered tuple of :class:`Step` s. Each step names the rule (``R-…``)
or interpretation (``I-…``) that applied, cites the source passage behind it, lists the inputs it
used and states the figure it produced. ``str()`` gives a short audit trail that can be pasted
into a memo.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from . import html
from ._validators import Value, check_with, of_type
from .errors import InvalidTypeError
from .policy import Citation

__all__ = ["Explanation", "Step"]


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    """Inputs as ``(name, value)`` text pairs, from a dict or from pairs."""
    if isinstance(value, dict):
        return tuple((str(k), str(v)) for k, v in value.items())
    if isinstance(value, (tuple, list)) and all(
        isinstance(p, (tuple, list)) and len(p) == 2 for p in value
    ):
        return tuple((str(k), str(v)) for k, v in value)
    raise InvalidTypeError.about("inputs", value, "is not inputs; expected a dict or pairs")


def _listed(inputs: tuple[tuple[str, str], ...]) -> str:
    """Inputs as every form of a trail shows them: ``overtime=$500.00, cap=$19,500.00``."""
    return ", ".join(f"{k}={v}" for k, v in inputs)


def _passage(step: Step) -> tuple[str, str, str]:
    """The passage a step cites: its source's id, its locator and its quote."""
    cite = step.citation
    return cite.source.id, cite.locator, cite.quote


def _passages(steps: Iterable[Step]) -> tuple[tuple[str, str, str], ...]:
    """The passages the steps cite, each once, in order of first citation (a trail's
    Sources)."""
    return tuple(dict.fromkeys(map(_passage, steps)))


def _steps(value: Iterable[Step]) -> tuple[Step, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError.about("steps", value, "is not steps; expected an iterable of Step")
    steps = tuple(value)
    if not all(isinstance(s, Step) for s in steps):
        raise InvalidTypeError.about("steps", steps, "hold a non-Step; expected only Step objects")
    return steps


@attrs.frozen(slots=False, repr=False, eq=False)
class Step(Value):
    """One step of a calculation: which rule applied, to what, with what result."""

    #: The rule or interpretation id, e.g. ``"R-OT"`` or ``"I-BAND"``.
    rule_id: str = attrs.field(metadata=check_with(of_type(str, "an id")))
    #: What the step did, in a sentence.
    text: str = attrs.field(metadata=check_with(of_type(str, "text")))
    #: The figure the step produced, as text (``"$750.00"``, ``"9/10"``, ``"no award"``).
    figure: str = attrs.field(metadata=check_with(of_type(str, "text")))
    #: The source passage behind the rule (for an interpretation: the passage it reads).
    citation: Citation = attrs.field(metadata=check_with(of_type(Citation, "a Citation")))
    #: The inputs the step used, as ``(name, value)`` pairs.
    inputs: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    def as_row(self) -> dict[str, str]:
        """The step as one flat row of text."""
        return {
            "rule_id": self.rule_id,
            "text": self.text,
            "inputs": _listed(self.inputs),
            "figure": self.figure,
            "locator": self.citation.locator,
            "quote": self.citation.quote,
        }

    def __str__(self) -> str:
        used = f" ({_listed(self.inputs)})" if self.inputs else ""
        return f"[{self.rule_id}] {self.text}{used} -> {self.figure}  ({self.citation.locator})"


@attrs.frozen(slots=False, repr=False, eq=False)
class Explanation(Value):
    """An ordered audit trail: a title, the steps, and the figure they arrive at."""

    title: str = attrs.field(metadata=check_with(of_type(str, "text")))
    figure: str = attrs.field(metadata=check_with(of_type(str, "text")))
    steps: tuple[Step, ...] = attrs.field(converter=_steps)
    #: The policy applied, as its :attr:`~g287.Policy.label` shows it (``[unregistered]`` …).
    policy: str = attrs.field(default="", metadata=check_with(of_type(str, "text")))

    def _repr_html_(self) -> str:
        # As the text form: each step with its inputs and figure; each passage quoted once,
        # under Sources, and a step refers to its passage by number.
        numbers = {passage: f"[{i}]" for i, passage in enumerate(_passages(self.steps), 1)}
        rows = [
            (
                s.rule_id,
                s.text,
                _listed(s.inputs),
                s.figure,
                f"{s.citation.locator} {numbers[_passage(s)]}",
            )
            for s in self.steps
        ]
        caption = f"{self.title}: {self.figure}" + (
            f"; policy: {self.policy}" if self.policy else ""
        )
        steps = html.table(("rule", "step", "inputs", "figure", "source"), rows, caption=caption)
        quoted = [
            (number, f"{source} {locator}: \u201c{quote}\u201d")
            for (source, locator, quote), number in numbers.items()
        ]
        sources = html.table(("#", "passage"), quoted, caption="Sources")
        return html.block(steps, sources)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Every rule and interpretation id used, in order of first use."""
        return tuple(dict.fromkeys(step.rule_id for step in self.steps))

    def __str__(self) -> str:
        lines = [f"{self.title}: {self.figure}"]
        if self.policy:
            lines.append(f"  Policy: {self.policy}")
        lines += [f"  {i}. {step}" for i, step in enumerate(self.steps, 1)]
        lines.append("  Sources:")
        lines += [
            f"    {src} {loc}: \u201c{quote}\u201d" for src, loc, quote in _passages(self.steps)
        ]
        return "\n".join(lines)
