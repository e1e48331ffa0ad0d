"""The flag of one figure of an invented sentence, as the loader decides it: the figure's clause and the words
before it in that clause (its subject) read by semantics.relevance. Shared by the grammar tests."""

from __future__ import annotations

from loaders import semantics


def flag(sentence: str, number: str, environmental_document: bool = False) -> bool:
    """is_environmental of the figure written `number` in `sentence`; `environmental_document` says whether the
    document's title names the environment (a plan's neutral figure then counts as environmental)."""
    at = sentence.index(number)
    clause = semantics._clause(sentence, at)
    subject = clause[: clause.index(number)] if number in clause else clause
    return semantics.relevance(subject, clause, sentence, at, environmental_document, at + len(number))[0]
