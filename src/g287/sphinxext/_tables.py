"""The tables: a policy's award tiers and overtime cap, its interpretations, and the source text.

Each row that shows a rule or interpretation id is recorded in the ``g287`` domain as a place an
id's link can go when the project has no section defining it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import cast

from docutils import nodes
from sphinx.util import logging

from g287.announced import INTERPRETATIONS, POLICY, SOURCE
from g287.money import format_money, format_percent
from g287.policy import Rule

from ._directive import SOURCE_FILE, PolicyDirective
from ._domain import G287Domain

logger = logging.getLogger(__name__)


def _text_cell(*parts: nodes.Node | str) -> nodes.entry:
    """A table cell: one paragraph of text and inline nodes."""
    paragraph = nodes.paragraph()
    for part in parts:
        paragraph += nodes.Text(part) if isinstance(part, str) else part
    return nodes.entry("", paragraph)


def _table(
    caption: str,
    headers: Sequence[str],
    widths: Sequence[int],
    rows: Iterable[tuple[str, Sequence[nodes.entry]]],
    classes: Sequence[str],
) -> nodes.table:
    """A captioned table of ``(anchor, cells)`` rows; each row's id is its anchor."""
    table = nodes.table(classes=["g287", *classes])
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.row()
    head.extend(_text_cell(h) for h in headers)
    group += nodes.thead("", head)
    body = nodes.tbody()
    for row_id, cells in rows:
        row = nodes.row(ids=[row_id])
        row.extend(cells)
        body += row
    group += body
    return table


class TiersDirective(PolicyDirective):
    """``.. g287-tiers:: [module:attribute]``: the award tiers and overtime cap of a policy."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        spec = self.arguments[0] if self.arguments else None
        if spec is not None and self.options.get("policy", spec) != spec:
            raise self.error(f"{self.name}: name the policy once, as argument or :policy:")
        policy = self.load_policy(spec)
        rank = 0 if policy is POLICY else 1
        docname = self.env.docname
        base = f"g287-tiers-{self.env.new_serialno('g287-tiers')}"
        domain = cast("G287Domain", self.env.domains["g287"])

        tier_rows = []
        for tier in policy.tiers:
            anchor = f"{base}-{tier.rule_id.lower()}"
            domain.note_target(tier.rule_id, rank, docname, anchor)
            tier_rows.append(
                (
                    anchor,
                    [
                        _text_cell(self.id_link(tier.rule_id, base)),
                        _text_cell(tier.band),
                        _text_cell(format_money(tier.amount)),
                        _text_cell(*self.cite(policy.rule(tier.rule_id).citation, base)),
                    ],
                )
            )
        award = policy.rule("R-AWD")
        tiers = _table(
            f"{award.title} (R-AWD) per eligible task force officer: {policy.label}",
            ("Rule", "Location rate", "Per officer", "Source"),
            (12, 14, 14, 60),
            tier_rows,
            ["g287-tiers"],
        )
        tiers["ids"].append(base)
        domain.note_target("R-AWD", rank, docname, base)

        rules = nodes.paragraph(classes=["g287-tiers-notes"])
        rules += [
            nodes.Text("Rates are placed in the whole-percent bands by "),
            nodes.literal(text=policy.band_rounding.value),
            nodes.Text(" ("),
            self.id_link("I-BAND", base),
            nodes.Text(
                f"). Below {policy.lowest_tier.low}% there is no award; a quarter without leads: "
            ),
            nodes.literal(text=policy.no_leads.value),
            nodes.Text(" ("),
            self.id_link("I-BELOW", base),
            nodes.Text("). Officers counted: "),
            nodes.literal(text=policy.headcount.value),
            nodes.Text(" ("),
            self.id_link("I-HEAD", base),
            nodes.Text(")."),
        ]

        cap_anchor = f"{base}-r-ot"
        domain.note_target("R-OT", rank, docname, cap_anchor)
        basis = _text_cell(
            f"{format_percent(policy.overtime_share)} of the officer's annual base salary (",
            self.id_link("I-CAPBASE", base),
            "), per federal fiscal year (",
            self.id_link("I-CAPYEAR", base),
            "), rounded down to the cent (",
            self.id_link("I-CENT", base),
            "); proration: ",
            nodes.literal(text=policy.cap_proration.value),
            " (",
            self.id_link("I-CAPPRO", base),
            ")",
        )
        ot_rule = policy.rule("R-OT")
        overtime = _table(
            f"{ot_rule.title} (R-OT): {policy.label}",
            ("Rule", "Reimbursed overtime is at most", "Source"),
            (12, 48, 40),
            [
                (
                    cap_anchor,
                    [
                        _text_cell(self.id_link("R-OT", base)),
                        basis,
                        _text_cell(*self.cite(ot_rule.citation, base)),
                    ],
                )
            ],
            ["g287-overtime-cap"],
        )
        container = nodes.container(classes=["g287-policy"])
        container += [tiers, rules, overtime]
        self.set_source_info(container)
        return [container]


class InterpretationsDirective(PolicyDirective):
    """``.. g287-interpretations::``: every interpretation and the option a policy chooses."""

    def run(self) -> list[nodes.Node]:
        policy = self.load_policy()
        rank = 0 if policy is POLICY else 1
        docname = self.env.docname
        base = f"g287-interpretations-{self.env.new_serialno('g287-interpretations')}"
        domain = cast("G287Domain", self.env.domains["g287"])
        chosen, defaults = policy.choices, POLICY.choices
        rows = []
        for item in INTERPRETATIONS.values():
            anchor = f"{base}-{item.id.lower()}"
            domain.note_target(item.id, rank, docname, anchor)
            if item.alternatives:
                listing = nodes.bullet_list()
                for option in item.alternatives:
                    text = str(option)
                    listing += nodes.list_item("", nodes.paragraph(text, text))
                alternatives = nodes.entry("", listing)
            else:
                alternatives = _text_cell("none")
            if item.id not in chosen:
                choice = _text_cell("fixed")
            elif chosen[item.id] == defaults[item.id]:
                choice = _text_cell(nodes.literal(text=chosen[item.id]))
            else:
                choice = _text_cell(
                    nodes.literal(text=chosen[item.id]),
                    " (g287's default: ",
                    nodes.literal(text=defaults[item.id]),
                    ")",
                )
            rows.append(
                (
                    anchor,
                    [
                        _text_cell(self.id_link(item.id, base)),
                        _text_cell(item.question),
                        _text_cell(item.default),
                        alternatives,
                        choice,
                    ],
                )
            )
        table = _table(
            f"Interpretations: {policy.label}",
            ("Id", "Question", "Default", "Alternatives", "Chosen"),
            (12, 24, 34, 20, 10),
            rows,
            ["g287-interpretations"],
        )
        table["ids"].append(base)
        self.set_source_info(table)
        return [table]


class SourceDirective(PolicyDirective):
    """``.. g287-source::``: the bundled source text, paragraph by paragraph, with citations."""

    def run(self) -> list[nodes.Node]:
        policy = self.load_policy()
        path = Path(str(resources.files("g287") / "data" / SOURCE_FILE))
        self.env.note_dependency(str(path))
        paragraphs = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        cited: defaultdict[int, list[Rule]] = defaultdict(list)
        for rule in policy.rules:
            if rule.citation.source.id == SOURCE.id:
                number = int(rule.citation.locator.removeprefix("¶"))
                cited[number].append(rule)
                self.check_quote(rule, paragraphs, number)
        rows = []
        for number, text in enumerate(paragraphs, start=1):
            label = f"{SOURCE.id.lower()}-p{number}"
            citers: list[nodes.Node | str] = []
            for n, rule in enumerate(cited.get(number, [])):
                citers += [", "] if n else []
                citers.append(self.id_link(rule.id))
            cells = [_text_cell(f"\u00b6{number}"), _text_cell(text), _text_cell(*citers)]
            rows.append((label, cells))
        table = _table(
            f"{SOURCE.title} ({SOURCE.publisher}, {SOURCE.date.isoformat()})",
            ("\u00b6", "Text", "Cited by"),
            (6, 80, 14),
            rows,
            ["g287-source"],
        )
        table["support_smartquotes"] = False  # the text exactly as received
        for paragraph_row in table.findall(nodes.row):
            if paragraph_row["ids"]:
                paragraph_row["names"] = list(paragraph_row["ids"])
                self.state.document.note_explicit_target(paragraph_row, paragraph_row)
        intro = nodes.paragraph()
        intro += [
            nodes.Text(f"{SOURCE.id}: "),
            nodes.reference(SOURCE.url, SOURCE.url, refuri=SOURCE.url),
            nodes.Text(
                f". {len(paragraphs)} paragraphs, numbered by non-empty line as every "
                "locator (\u00b6) in g287 counts them."
            ),
        ]
        self.set_source_info(table)
        return [intro, table]

    def check_quote(self, rule: Rule, paragraphs: Sequence[str], number: int) -> None:
        """Warn if a rule's quote is not, verbatim, in the paragraph its locator names."""
        quote = " ".join(rule.citation.quote.split())
        if not 1 <= number <= len(paragraphs):
            logger.warning(
                "g287-source: %s cites %s, but the source has %d paragraphs",
                rule.id,
                rule.citation.locator,
                len(paragraphs),
                location=self.get_location(),
            )
        elif quote not in " ".join(paragraphs[number - 1].split()):
            logger.warning(
                "g287-source: %s quotes %r, which is not in %s",
                rule.id,
                rule.citation.quote,
                rule.citation.locator,
                location=self.get_location(),
            )
