"""The reads of a measure's labelled values that are not free text or coded lists: website,
scope and nature, budget, partners and the evaluation answer."""

from __future__ import annotations

import re

from pipeline.fields import money
from pipeline.fields.choices import lookup, parse_yes_no
from pipeline.fields.partners import parse_partners
from pipeline.fields.text import TextValue
from pipeline.inference import infer_entity_type
from pipeline.measure.reading import MeasureReading, line_span, value_span
from pipeline.normalize import match_key
from pipeline.patterns import URL_START
from pipeline.tables import load_table
from schemas.common import EntityType, Source, Span
from schemas.measure import Budget, BudgetStatus, Evaluation, MoneyAmount, Partner
from schemas.outcome import IssueCode

_URL = re.compile(URL_START + r"[^\s<>\"']+[^\s<>\"'.,;:)\]]", re.I)
_URL_WRAPPED_TAIL = re.compile(rf" ((?!{URL_START})[\w\-/%?=&#~+.]*[\w/])(?=\n|$)", re.I)
# Between the codes of scope or nature: a separator, or a joining word (`local and national`).
_CODE_SEPARATOR = re.compile(
    "[,;/\n]|"
    + "|".join(f" {re.escape(word)} " for word in load_table("form_words")["code_joiners"]["words"])
)


def read_website(reading: MeasureReading) -> str | None:
    """The first address in the value; the text itself when it holds none."""
    value = reading.text("website")
    if value is None:
        return None
    match = _URL.search(value.text)
    if match is None:
        reading.mark("website", value_span(value))
        return value.text
    address, stop = match.group(), match.end()
    wrapped = _URL_WRAPPED_TAIL.match(value.text, stop)
    if wrapped and "/" in address.split("//", 1)[-1]:
        # A PDF wraps a long address inside a word and the reader joins the lines with a space
        # (`…arts-du-spectac le`): a lone address-like piece ending the line belongs to an
        # address that has a path (a bare domain is complete).
        address, stop = address + wrapped.group(1), wrapped.end(1)
    start, end = value.document_offset(match.start()), value.document_offset(stop)
    reading.mark("website", Span(start=start, end=end, page=value.page))
    return address


def read_codes(reading: MeasureReading, name: str) -> list[str]:
    """Scope and nature: codes only, comma-separated or one per line, each once."""
    value = reading.text(name)
    if value is None:
        return []
    reading.mark(name, value_span(value))
    codes: list[str] = []
    for piece in _CODE_SEPARATOR.split(value.text):
        code = lookup(name, piece)
        if code and code not in codes:
            codes.append(code)
    return codes


def _label_currency(label_text: str) -> str | None:
    key = match_key(label_text)
    for currency, wordings in load_table("vocabularies")["label_currency"].items():
        if any(match_key(wording) in key for wording in wordings):
            return str(currency)
    return None


def read_budget(reading: MeasureReading) -> Budget:
    field = reading.field("budget")
    value = reading.text("budget")
    parsed = money.parse_budget(
        value.text if value else None, _label_currency(field.label.label_text) if field else None
    )
    if value is not None:
        reading.mark("budget", value_span(value))
    amounts = [_money_amount(amount, value) for amount in parsed.amounts]
    if parsed.currency_from_label:
        reading.note(
            IssueCode.CURRENCY_FROM_LABEL,
            "budget",
            f"the value names no currency; the label's {parsed.currency} applies",
        )
    if parsed.status == "unparsed":
        reading.note(IssueCode.BUDGET_UNPARSED, "budget", "the value holds no figure")
    elif parsed.amount is None and len([a for a in amounts if not a.conversion]) > 1:
        reading.note(
            IssueCode.BUDGET_WITHOUT_TOTAL,
            "budget",
            "several figures and no total are given: amount left null",
        )
    return Budget(
        raw=parsed.raw,
        status=BudgetStatus(parsed.status),
        amount=parsed.amount,
        currency=parsed.currency,
        amounts=amounts,
    )


def _money_amount(amount: money.MoneyAmount, value: TextValue | None) -> MoneyAmount:
    span = (
        Span(
            start=value.document_offset(amount.start),
            end=value.document_offset(amount.end),
            page=value.page,
        )
        if value
        else None
    )
    return MoneyAmount(
        value=amount.value,
        currency=amount.currency,
        year=amount.year,
        conversion=amount.conversion,
        note=amount.note,
        span=span,
    )


def read_partners(reading: MeasureReading) -> list[Partner]:
    field = reading.field("partners")
    if field is None:
        return []
    partners = []
    for row in parse_partners(field.lines):
        cells = [cell for cell in (row.name, row.type) if cell is not None]
        span = Span(start=cells[0].start, end=cells[-1].end, page=row.page)
        if row.name is None:
            reading.note(
                IssueCode.PARTNER_NAME_MISSING,
                "partners",
                f"a partner row gives the type '{row.type.text if row.type else ''}' but no name",
            )
        entity_type, source = row.entity_type, Source.FORM
        if row.name is not None and row.type is None:
            entity_type = infer_entity_type(row.name.text)
            source = Source.INFERRED if entity_type else Source.FORM
            inferred = f"; '{entity_type}' is inferred from its name" if entity_type else ""
            reading.note(
                IssueCode.PARTNER_TYPE_MISSING,
                "partners",
                f"the partner '{row.name.text[:60]}' has no type of entity{inferred}",
            )
        partners.append(
            Partner(
                name=row.name.text if row.name else None,
                entity_type=EntityType(entity_type) if entity_type else None,
                raw_type=row.type.text if row.type else None,
                source=source,
                span=span,
            )
        )
    return partners


def read_evaluation(reading: MeasureReading, conclusions: str | None) -> Evaluation:
    field = reading.field("evaluated")
    evaluated = None
    if field is not None and field.lines:
        answer = field.lines[0]
        evaluated = parse_yes_no(answer.text)
        if evaluated is None:
            reading.note(
                IssueCode.EVALUATION_UNCLEAR,
                "evaluated",
                f"'{answer.text[:60]}' is not a yes/no answer",
            )
        else:
            reading.mark("evaluated", line_span(answer))
    return Evaluation(evaluated=evaluated, conclusions=conclusions)
