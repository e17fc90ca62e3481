"""How a driver file is compiled for parsing: compile_commands.json, a kernel tree, or built-in headers.

The order is the one a kernel developer expects: exact recorded flags first, then a configured kernel
tree (found the way kbuild finds it), and only then drvlint's own reduced headers, which the report
says out loud because fewer APIs are modelled there."""
from __future__ import annotations

import json
import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

BUILTIN_INCLUDE = Path(__file__).with_name("include")
BUILTIN_PRELUDE = BUILTIN_INCLUDE / "drvlint_kernel.h"
STUB_ROOT = "/__drvlint_stubs__"

# gcc options clang rejects or warns about (kbuild passes them with gcc); removed from recorded flags.
GCC_ONLY_PREFIXES = (
    "-fconserve-stack", "-fno-var-tracking-assignments", "-mindirect-branch", "-mfunction-return",
    "-fno-allow-store-data-races", "-mpreferred-stack-boundary", "-mrecord-mcount", "-fmin-function-alignment",
    "-fzero-call-used-regs", "-Wimplicit-fallthrough=", "-fsanitize=bounds-strict", "-mharden-sls",
    "-fno-ipa-sra", "-Wp,", "-fno-stack-clash-protection", "-mskip-rax-setup", "-fplugin", "-Wno-alloc-size",
    "-Wno-maybe-uninitialized", "-fno-partial-inlining", "-femit-struct-debug", "-fdiagnostics-show-context",
    "-mabi=", "-Werror", "-fmacro-prefix-map", "-Wno-stringop", "-Wno-array-bounds", "-fno-inline-functions-called-once",
    "-Wno-format-truncation", "-Wno-format-overflow", "-Wno-restrict", "-Wno-packed-not-aligned",
    "-Wno-dangling-pointer", "-mno-fp-ret-in-387", "-fcf-protection", "-falign-jumps", "-falign-loops",
    "-mno-80387", "-fno-jump-tables", "-pg", "-mfentry", "-fstack-protector",
)
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ"}
DROP_ALONE = {"-c", "-MD", "-MMD", "-MP", "-S", "-E"}
COMMON = ["-ferror-limit=0", "-w", "-Wno-everything"]


class CompilationError(Exception):
    """The file cannot be compiled as asked (bad --kdir, bad compile_commands.json)."""


@dataclass
class CompileSetup:
    """Everything libclang needs for one file, plus a human description for the report."""

    mode: str  # 'compile_commands' | 'kernel' | 'builtin'
    args: list[str]
    description: str
    unsaved: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class CompileOptions:
    """The user's choices from the command line."""

    compile_commands: Optional[str] = None
    kdir: Optional[str] = None
    builtin_headers: bool = False
    includes: list[str] = field(default_factory=list)
    defines: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ compile_commands.json


def find_compile_commands(path: Path) -> Optional[Path]:
    for parent in path.resolve().parents:
        candidate = parent / "compile_commands.json"
        if candidate.is_file():
            return candidate
    return None


def load_compile_commands(db_path: Path) -> dict[str, list[str]]:
    """Map of absolute source path to its recorded arguments."""
    try:
        entries = json.loads(db_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CompilationError(f"{db_path}: cannot read compile_commands.json ({exc})") from exc
    if not isinstance(entries, list):
        raise CompilationError(f"{db_path}: not a compile_commands.json (expected a JSON list)")
    table: dict[str, list[str]] = {}
    for entry in entries:
        if not isinstance(entry, dict) or "file" not in entry:
            continue
        directory = entry.get("directory", str(db_path.parent))
        args = entry.get("arguments") or shlex.split(entry.get("command", ""))
        source = os.path.normpath(os.path.join(directory, entry["file"]))
        table[source] = absolutize(args, directory)
    return table


def absolutize(args: list[str], directory: str) -> list[str]:
    """Make relative include paths absolute (libclang does not chdir into the entry's directory)."""
    out = []
    pending = None
    for arg in args:
        if pending:
            out.append(arg if os.path.isabs(arg) else os.path.normpath(os.path.join(directory, arg)))
            pending = None
            continue
        if arg in ("-I", "-include", "-isystem", "-iquote", "-idirafter"):
            out.append(arg)
            pending = arg
            continue
        for prefix in ("-I", "-isystem", "-iquote"):
            if arg.startswith(prefix) and len(arg) > len(prefix) and not os.path.isabs(arg[len(prefix):]):
                arg = prefix + os.path.normpath(os.path.join(directory, arg[len(prefix):]))
                break
        out.append(arg)
    return out


def clean_recorded(args: list[str], source: str) -> list[str]:
    """Recorded compiler arguments minus the compiler, outputs, the source and gcc-only flags."""
    out: list[str] = []
    skip = False
    for i, arg in enumerate(args):
        if i == 0 and not arg.startswith("-"):
            continue  # the compiler itself
        if skip:
            skip = False
            continue
        if arg in DROP_WITH_VALUE:
            skip = True
            continue
        if arg in DROP_ALONE or arg.startswith(GCC_ONLY_PREFIXES):
            continue
        if os.path.normpath(arg) == source:
            continue
        out.append(arg)
    return out


# ------------------------------------------------------------------ kernel trees


@dataclass
class KernelTree:
    source: Path  # include/, arch/x86/include ...
    build: Path  # include/generated, arch/x86/include/generated

    def describe(self) -> str:
        if self.source == self.build:
            return f"kernel tree {self.source}"
        return f"kernel headers {self.build} (sources {self.source})"


def _has_generated(path: Path) -> bool:
    return (path / "include" / "generated" / "autoconf.h").is_file()


def _is_source_tree(path: Path) -> bool:
    return (path / "include" / "linux" / "kernel.h").is_file()


def source_of_build(build: Path) -> Optional[Path]:
    """The source dir of a build dir: itself, or the dir its Makefile includes (Debian's split layout)."""
    if _is_source_tree(build):
        return build
    makefile = build / "Makefile"
    try:
        text = makefile.read_text(errors="replace")
    except OSError:
        return None
    match = re.search(r"^\s*include\s+(\S+)/Makefile\s*$", text, re.M)
    if match and _is_source_tree(Path(match.group(1))):
        return Path(match.group(1))
    return None


def enclosing_source_tree(path: Path) -> Optional[Path]:
    for parent in path.resolve().parents:
        if (parent / "Kbuild").is_file() and _is_source_tree(parent):
            return parent
    return None


def candidate_build_dirs(kdir: Optional[str]) -> Iterable[Path]:
    if kdir:
        yield Path(kdir)
        return
    if os.environ.get("KDIR"):
        yield Path(os.environ["KDIR"])
    yield Path("/lib/modules") / os.uname().release / "build"
    heads = [p for p in Path("/usr/src").glob("linux-headers-*") if _has_generated(p)]
    yield from sorted(heads, key=lambda p: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", p.name)],
                      reverse=True)


def find_kernel(path: Path, kdir: Optional[str]) -> Optional[KernelTree]:
    """The kernel tree for a file, or None.  An explicit --kdir that is not a kernel tree is an error."""
    inside = enclosing_source_tree(path)
    for build in candidate_build_dirs(kdir):
        if not build.is_dir():
            if kdir:
                raise CompilationError(f"--kdir {kdir}: no such directory")
            continue
        source = source_of_build(build)
        if source is None or not _has_generated(build):
            if kdir:
                raise CompilationError(f"--kdir {kdir}: not a configured kernel tree "
                                       "(no include/generated/autoconf.h or no kernel headers)")
            continue
        return KernelTree(inside or source, build)
    if inside is not None and _has_generated(inside):
        return KernelTree(inside, inside)
    return None


def kernel_args(tree: KernelTree) -> list[str]:
    src, build = tree.source, tree.build
    dirs = [src / "arch/x86/include", build / "arch/x86/include/generated", src / "include", build / "include",
            src / "arch/x86/include/uapi", build / "arch/x86/include/generated/uapi", src / "include/uapi",
            build / "include/generated/uapi"]
    args = ["-nostdinc"] + [f"-I{d}" for d in dirs]
    for header in ("compiler-version.h", "kconfig.h", "compiler_types.h"):
        if (src / "include/linux" / header).is_file():
            args += ["-include", str(src / "include/linux" / header)]
    args += ["-D__KERNEL__", "-DMODULE", "-DCC_USING_FENTRY", '-DKBUILD_MODNAME="drvlint"',
             '-DKBUILD_BASENAME="drvlint"', "-std=gnu11"]
    return args


def makefile_flags(directory: Path, tree: KernelTree, source: Optional[Path] = None) -> list[str]:
    """Kbuild's ``ccflags-y``/``subdir-ccflags-y`` include paths and defines for a file in ``directory``:
    its own directory's, then, going up, every ancestor's ``subdir-ccflags-y`` and the ``ccflags-y`` of an
    ancestor whose Makefile builds the file itself (``hclge-objs += hns3_common/hclge_comm_cmd.o``)."""
    out = _makefile_flags(directory, tree, subdir_only=False)
    if source is None:
        return out
    root = tree.source.resolve()
    ancestor = directory
    for _ in range(4):
        if ancestor == root or root not in ancestor.parents:
            break
        ancestor = ancestor.parent
        obj = source.resolve().relative_to(ancestor).with_suffix(".o").as_posix()
        builds_it = any(obj in text for text in _makefile_texts(ancestor))
        out += _makefile_flags(ancestor, tree, subdir_only=not builds_it)
    return list(dict.fromkeys(out))


def _makefile_texts(directory: Path) -> list[str]:
    texts = []
    for name in ("Makefile", "Kbuild"):
        try:
            texts.append((directory / name).read_text(errors="replace"))
        except OSError:
            continue
    return texts


MAKE_ASSIGNMENT = re.compile(r"^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*(:=|\+=|\?=|=)[ \t]*(.*)$", re.M)
MAKE_REFERENCE = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")


def _makefile_flags(directory: Path, tree: KernelTree, subdir_only: bool) -> list[str]:
    out = []
    prefix = r"subdir-" if subdir_only else r"(?:subdir-)?"
    builtin = {"srctree": str(tree.source), "src": str(directory), "obj": str(directory)}
    for text in _makefile_texts(directory):
        text = text.replace("\\\n", " ")  # continued lines
        variables = _make_variables(text)
        for match in re.finditer(r"^\s*" + prefix + r"ccflags-[^\s:+=]*\s*[:+]?=\s*(.*)$", text, re.M):
            value = _expand(match.group(1).replace("$(srctree)/$(src)", str(directory)), variables, builtin)
            flags = iter(value.split())
            for flag in flags:
                if flag in ("-I", "-D"):  # ``-I $(srctree)/drivers/media/tuners``
                    flag += next(flags, "")
                if flag.startswith("-I") and len(flag) > 2 and "$(" not in flag:
                    inc = flag[2:]
                    out.append("-I" + (inc if os.path.isabs(inc) else str(tree.source / inc)))
                elif flag.startswith("-D") and len(flag) > 2 and "$(" not in flag:
                    out.append(flag)
    return out


def _make_variables(text: str) -> dict[str, str]:
    """The Makefile's own simple variables (``INCLUDES += -I$(atomisp)/pci``), appended in order."""
    variables: dict[str, str] = {}
    for name, op, value in MAKE_ASSIGNMENT.findall(text):
        if name.startswith(("obj", "ccflags", "subdir")):
            continue
        variables[name] = (variables.get(name, "") + " " + value) if op == "+=" else value
    return variables


def _expand(value: str, variables: dict[str, str], builtin: dict[str, str], depth: int = 0) -> str:
    """``$(NAME)`` references replaced by the Makefile's variables and kbuild's srctree/src/obj."""
    if depth > 5 or "$(" not in value:
        return value
    def one(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name in builtin:
            return builtin[name]
        return _expand(variables[name], variables, builtin, depth + 1) if name in variables else match.group(0)
    return MAKE_REFERENCE.sub(one, value)


# ------------------------------------------------------------------ built-in headers

# A directive may follow a comment on its line (`/* ... */#include <x.h>` is valid C).
INCLUDE_LINE = re.compile(rb'^(?:[ \t]*|.*\*/[ \t]*)#[ \t]*include[ \t]*([<"])([^>"]+)[>"]', re.M)


def stub_headers(path: Path, search: list[Path]) -> list[tuple[str, str]]:
    """Empty stand-ins for every header the file (or its local headers) includes that cannot be found."""
    stubs: dict[str, str] = {}
    seen: set[Path] = set()
    todo = [path]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            text = current.read_bytes()
        except OSError:
            continue
        for match in INCLUDE_LINE.finditer(text):
            name = match.group(2).decode(errors="replace")
            dirs = ([current.parent] if match.group(1) == b'"' else []) + search
            found = next((d / name for d in dirs if (d / name).is_file()), None)
            if found is not None:
                todo.append(found)
            else:
                stubs[f"{STUB_ROOT}/{name}"] = ""
    return sorted(stubs.items())


def builtin_args() -> list[str]:
    return ["-nostdinc", "-include", str(BUILTIN_PRELUDE), "-D__KERNEL__", "-DMODULE",
            '-DKBUILD_MODNAME="drvlint"', "-std=gnu11"]


# ------------------------------------------------------------------ choosing


def user_flags(options: CompileOptions) -> list[str]:
    return [f"-I{os.path.abspath(i)}" for i in options.includes] + [f"-D{d}" for d in options.defines]


def setup_for(path: Path, options: CompileOptions, db_cache: dict[Path, dict[str, list[str]]]) -> CompileSetup:
    """Choose how to compile ``path``: recorded flags, kernel tree, or built-in headers."""
    source = os.path.normpath(str(path.resolve()))
    own_dir = [f"-I{path.resolve().parent}"]
    if not options.builtin_headers:
        db_path = Path(options.compile_commands) if options.compile_commands else find_compile_commands(path)
        if db_path is not None:
            if not db_path.is_file():
                raise CompilationError(f"--compile-commands {db_path}: no such file")
            if db_path not in db_cache:
                db_cache[db_path] = load_compile_commands(db_path)
            recorded = db_cache[db_path].get(source)
            if recorded is not None:
                args = clean_recorded(recorded, source) + own_dir + user_flags(options) + COMMON
                return CompileSetup("compile_commands", args, f"compile_commands.json {db_path}")
            if options.compile_commands:
                raise CompilationError(f"{path}: not in {db_path}")
        tree = find_kernel(path, options.kdir)
        if tree is not None:
            args = kernel_args(tree) + makefile_flags(path.resolve().parent, tree, path) + own_dir
            return CompileSetup("kernel", args + user_flags(options) + COMMON, tree.describe())
    search = [Path(i) for i in options.includes] + [path.resolve().parent]
    args = builtin_args() + own_dir + user_flags(options) + [f"-I{STUB_ROOT}"] + COMMON
    why = "--builtin-headers" if options.builtin_headers else "no kernel headers found"
    return CompileSetup("builtin", args, "drvlint built-in kernel API headers (reduced mode)",
                        stub_headers(path, search),
                        [f"reduced mode: parsed with drvlint's built-in kernel API headers ({why}); "
                         "APIs they do not model are invisible"])
