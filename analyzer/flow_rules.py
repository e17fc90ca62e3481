"""Control-flow knowledge from rules/: calls that never return, calls that stop the path when their
argument is true (``BUG_ON``), and statement-level assertions whose argument is assumed false
(``WARN_ON(!p);``).  The CFG builder ends paths there, so code after ``BUG()`` or behind a
failed ``BUG_ON(down_trylock(...))`` is not mistaken for a reachable path."""
from __future__ import annotations

from dataclasses import dataclass

from .rules import FieldSpec, RuleSet, TableSpec, declare

NORETURN = declare(TableSpec("noreturn", {"names": FieldSpec(list, True)},
                             "Functions and macros that never return (BUG, panic, __builtin_unreachable)."))
NORETURN_IF = declare(TableSpec("noreturn_if", {"names": FieldSpec(list, True), "arg": FieldSpec(int)},
                                "Calls that do not return when argument ARG is true (BUG_ON)."))
ASSUME_FALSE = declare(TableSpec("assume_false", {"names": FieldSpec(list, True), "arg": FieldSpec(int)},
                                 "Statement-level assertions (WARN_ON(c);): paths where ARG is true are not "
                                 "followed."))

PURE_CALL = declare(TableSpec("pure_call", {"names": FieldSpec(list, True)},
                              "Calls with no side effects whose result depends only on the state their arguments "
                              "name (static keys, test_bit, netif_running): two tests with nothing written in "
                              "between agree, like two reads of a field."))

LOG_MACRO = declare(TableSpec("log_macro", {"names": FieldSpec(list, True)},
                              "Logging macros written as statements whose expansion no checker needs (dynamic "
                              "debug, message-level tests, rate limits): kept as a call with the arguments as "
                              "written, the expansion not converted."))


@dataclass(frozen=True)
class FlowRules:
    noreturn: frozenset[str] = frozenset()
    noreturn_if: tuple[tuple[str, int], ...] = ()
    assume_false: tuple[tuple[str, int], ...] = ()
    noraise: frozenset[str] = frozenset()  # Python: calls that never raise (no exception edge)
    # Python: calls whose run-time failures are only these exceptions (py_raises), as (name, exceptions)
    raises: tuple[tuple[str, tuple[str, ...]], ...] = ()
    pure: frozenset[str] = frozenset()  # C: calls that are facts, not events (pure_call)
    log_macros: frozenset[str] = frozenset()  # C: logging statements kept as calls (log_macro)

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "FlowRules":
        return cls(frozenset(rules.by_name("noreturn")) | frozenset(rules.by_name("py_noreturn")),
                   tuple((name, rule.get("arg", 0)) for name, rule in rules.by_name("noreturn_if").items()),
                   tuple((name, rule.get("arg", 0)) for name, rule in rules.by_name("assume_false").items()),
                   frozenset(rules.by_name("py_noraise")),
                   tuple((name, tuple(rule["exceptions"])) for name, rule in rules.by_name("py_raises").items()),
                   frozenset(rules.by_name("pure_call")), frozenset(rules.by_name("log_macro")))

    def stops_if(self, call) -> int | None:
        """Argument index that stops the path when true, for this call.  An assertion counts only as
        itself, not as a call its expansion makes (``WARN(c, fmt)`` expands to ``__warn_printk(fmt)``)."""
        table = dict(self.noreturn_if)
        found = next((table[n] for n in call.names if n in table), None)
        if found is None and call.callee == call.written:
            found = dict(self.assume_false).get(call.written)
        return found
