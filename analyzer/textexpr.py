"""A tiny parser for lock expressions written in macro arguments and annotations.

``__acquires(&dev->lock)`` and ``guard(mutex)(&priv->lock)`` vanish or change shape under macro
expansion, so their arguments are read from the source text.  Lock expressions are simple l-values:
names, ``&``, ``*``, ``->``, ``.``, ``[]`` and parentheses; anything else is not understood (None)."""
from __future__ import annotations

import re
from typing import Optional

from . import ir

TOKEN = re.compile(r"\s*(->|[A-Za-z_][A-Za-z0-9_]*|\d+|[&*().\[\]])")


def tokenize(text: str) -> Optional[list[str]]:
    tokens, pos = [], 0
    text = text.strip()
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if not match:
            return None
        tokens.append(match.group(1))
        pos = match.end()
    return tokens


def parse_expr_text(text: str) -> Optional[ir.Expr]:
    tokens = tokenize(text)
    if not tokens:
        return None
    parser = _Parser(tokens)
    expr = parser.unary()
    return expr if expr is not None and parser.pos == len(tokens) else None


class _Parser:
    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> Optional[str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        self.pos += 1
        return self.tokens[self.pos - 1]

    def unary(self) -> Optional[ir.Expr]:
        tok = self.peek()
        if tok in ("&", "*"):
            self.take()
            inner = self.unary()
            return ir.Unary(tok, inner) if inner is not None else None
        return self.postfix()

    def postfix(self) -> Optional[ir.Expr]:
        expr = self.primary()
        while expr is not None and self.peek() in ("->", ".", "["):
            tok = self.take()
            if tok == "[":
                index = self.unary()
                if index is None or self.peek() != "]":
                    return None
                self.take()
                expr = ir.Index(expr, index)
            else:
                name = self.peek()
                if name is None or not re.match(r"[A-Za-z_]", name):
                    return None
                self.take()
                expr = ir.Member(expr, name, tok == "->")
        return expr

    def primary(self) -> Optional[ir.Expr]:
        tok = self.peek()
        if tok is None:
            return None
        if tok == "(":
            self.take()
            inner = self.unary()
            if inner is None or self.peek() != ")":
                return None
            self.take()
            return inner
        if tok.isdigit():
            self.take()
            return ir.Const(int(tok), tok)
        if re.match(r"[A-Za-z_]", tok):
            self.take()
            return ir.Name(tok)
        return None
