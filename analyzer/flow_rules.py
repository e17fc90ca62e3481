"""Control-flow knowledge from rules/: calls that never return, and calls that stop the path when their
argument is true (``BUG_ON``).  The CFG builder ends paths there, so code after ``BUG()`` or behind a
failed ``BUG_ON(down_trylock(...))`` is not mistaken for a reachable path."""
from __future__ import annotations

from dataclasses import dataclass

from .rules import FieldSpec, RuleSet, TableSpec, declare

NORETURN = declare(TableSpec("noreturn", {"names": FieldSpec(list, True)},
                             "Functions and macros that never return (BUG, panic, __builtin_unreachable)."))
NORETURN_IF = declare(TableSpec("noreturn_if", {"names": FieldSpec(list, True), "arg": FieldSpec(int)},
                                "Calls that do not return when argument ARG is true (BUG_ON)."))


@dataclass(frozen=True)
class FlowRules:
    noreturn: frozenset[str] = frozenset()
    noreturn_if: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "FlowRules":
        return cls(frozenset(rules.by_name("noreturn")),
                   tuple((name, rule.get("arg", 0)) for name, rule in rules.by_name("noreturn_if").items()))

    def stops_if(self, names: tuple[str, ...]) -> int | None:
        """Argument index that stops the path when true, for a call with these names."""
        table = dict(self.noreturn_if)
        return next((table[n] for n in names if n in table), None)
