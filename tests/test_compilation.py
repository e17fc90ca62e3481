"""How a file is compiled: compile_commands.json first, then a kernel tree, then built-in headers."""
from __future__ import annotations

import json

import pytest

from drvlint import compilation
from drvlint.compilation import CompilationError, CompileOptions, clean_recorded, setup_for, source_of_build

from conftest import CORPUS, require_kernel

FIXED = CORPUS / "c" / "lock-imbalance" / "fixed" / "misc_ioctl_efault_unlock.c"


def test_compile_commands_found_above_the_file(tmp_path):
    src = tmp_path / "drv" / "sub" / "foo.c"
    src.parent.mkdir(parents=True)
    src.write_text("int f(void) { return 0; }\n")
    (tmp_path / "compile_commands.json").write_text(json.dumps([{
        "directory": str(tmp_path / "drv"), "file": "sub/foo.c",
        "arguments": ["gcc", "-Wp,-MMD,foo.d", "-Iinclude", "-DFOO=1", "-fconserve-stack",
                      "-mindirect-branch=thunk-extern", "-c", "-o", "sub/foo.o", "sub/foo.c"]}]))
    setup = setup_for(src, CompileOptions(), {})
    assert setup.mode == "compile_commands"
    assert f"-I{tmp_path / 'drv' / 'include'}" in setup.args and "-DFOO=1" in setup.args
    for dropped in ("gcc", "-c", "-o", "sub/foo.o", "-fconserve-stack", "-mindirect-branch=thunk-extern",
                    "-Wp,-MMD,foo.d"):
        assert dropped not in setup.args
    assert "compile_commands.json" in setup.description


def test_explicit_compile_commands_must_list_the_file(tmp_path):
    db = tmp_path / "cc.json"
    db.write_text("[]")
    with pytest.raises(CompilationError, match="not in"):
        setup_for(FIXED, CompileOptions(compile_commands=str(db)), {})
    db.write_text("{not json")
    with pytest.raises(CompilationError, match="cannot read"):
        setup_for(FIXED, CompileOptions(compile_commands=str(db)), {})


def test_clean_recorded_keeps_includes_and_defines():
    args = clean_recorded(["clang", "-nostdinc", "-I/k/include", "-include", "/k/kconfig.h", "-D__KERNEL__",
                           "-MD", "-MF", "x.d", "-c", "/src/a.c"], "/src/a.c")
    assert args == ["-nostdinc", "-I/k/include", "-include", "/k/kconfig.h", "-D__KERNEL__"]


def test_builtin_when_no_kernel_is_found(monkeypatch, tmp_path):
    monkeypatch.setattr(compilation, "candidate_build_dirs", lambda kdir: iter(()))
    src = tmp_path / "drv.c"
    src.write_text('#include <linux/module.h>\n#include "local.h"\nint x;\n')
    (tmp_path / "local.h").write_text("#include <linux/usb.h>\n")
    setup = setup_for(src, CompileOptions(), {})
    assert setup.mode == "builtin"
    assert "no kernel headers found" in setup.notes[0]
    stubs = dict(setup.unsaved)
    assert f"{compilation.STUB_ROOT}/linux/module.h" in stubs and f"{compilation.STUB_ROOT}/linux/usb.h" in stubs
    assert not any(name.endswith("local.h") for name in stubs)  # the driver's own header is real


def test_builtin_flag_wins_and_user_flags_pass_through(tmp_path):
    setup = setup_for(FIXED, CompileOptions(builtin_headers=True, includes=[str(tmp_path)], defines=["X=2"]), {})
    assert setup.mode == "builtin" and "--builtin-headers" in setup.notes[0]
    assert f"-I{tmp_path}" in setup.args and "-DX=2" in setup.args
    assert f"-I{FIXED.parent.resolve()}" in setup.args


def test_kdir_errors(tmp_path):
    with pytest.raises(CompilationError, match="no such directory"):
        setup_for(FIXED, CompileOptions(kdir=str(tmp_path / "nope")), {})
    with pytest.raises(CompilationError, match="not a configured kernel tree"):
        setup_for(FIXED, CompileOptions(kdir=str(tmp_path)), {})


def test_split_layout_build_dir_points_to_common_sources(tmp_path):
    common = tmp_path / "linux-headers-common"
    (common / "include" / "linux").mkdir(parents=True)
    (common / "include" / "linux" / "kernel.h").write_text("")
    build = tmp_path / "linux-headers-amd64"
    (build / "include" / "generated").mkdir(parents=True)
    (build / "include" / "generated" / "autoconf.h").write_text("")
    (build / "Makefile").write_text(f"include {common}/Makefile\n")
    assert source_of_build(build) == common
    setup = setup_for(FIXED, CompileOptions(kdir=str(build)), {})
    assert setup.mode == "kernel"
    assert f"-I{common / 'include'}" in setup.args and f"-I{build / 'include'}" in setup.args
    assert str(build) in setup.description


def test_real_kernel_headers_are_used_by_default():
    require_kernel()
    setup = setup_for(FIXED, CompileOptions(), {})
    assert setup.mode == "kernel" and "-D__KERNEL__" in setup.args and "-DCC_USING_FENTRY" in setup.args


def test_file_inside_a_kernel_source_tree_uses_its_headers(tmp_path):
    tree = tmp_path / "linux"
    (tree / "include" / "linux").mkdir(parents=True)
    (tree / "include" / "linux" / "kernel.h").write_text("")
    (tree / "Kbuild").write_text("")
    (tree / "drivers" / "foo").mkdir(parents=True)
    (tree / "drivers" / "foo" / "Makefile").write_text("ccflags-y += -I$(srctree)/drivers/foo/inc -DFOO_DEBUG\n")
    src = tree / "drivers" / "foo" / "foo.c"
    src.write_text("int x;\n")
    build = tmp_path / "build"
    (build / "include" / "generated").mkdir(parents=True)
    (build / "include" / "generated" / "autoconf.h").write_text("")
    (build / "Makefile").write_text(f"include {tree}/Makefile\n")
    setup = setup_for(src, CompileOptions(kdir=str(build)), {})
    assert f"-I{tree / 'include'}" in setup.args and f"-I{build / 'include'}" in setup.args
    assert f"-I{tree / 'drivers' / 'foo' / 'inc'}" in setup.args and "-DFOO_DEBUG" in setup.args


def test_makefile_flags_of_the_ancestor_that_builds_the_file(tmp_path):
    """A file in a subdirectory that a parent Makefile builds (``drv-objs += common/x.o``) gets that
    Makefile's ccflags-y (``-I$(srctree)/$(src)`` is the parent itself); an ancestor that does not build
    it contributes only subdir-ccflags-y."""
    from drvlint.compilation import KernelTree, makefile_flags

    root = tmp_path / "linux"
    drv = root / "drivers" / "net" / "drv"
    (drv / "common").mkdir(parents=True)
    (root / "drivers" / "net" / "Makefile").write_text("ccflags-y += -DNOT_FOR_SUBDIRS\nsubdir-ccflags-y += -DNET_ALL\n")
    (drv / "Makefile").write_text("ccflags-y += -I$(srctree)/$(src)\nccflags-y += -I$(srctree)/drivers/net/drv/pf\n"
                                  "drv-objs = main.o common/x.o\n")
    source = drv / "common" / "x.c"
    source.write_text("int x;\n")
    tree = KernelTree(root, root)
    flags = makefile_flags(source.parent, tree, source)
    assert flags == [f"-I{drv}", f"-I{root}/drivers/net/drv/pf", "-DNET_ALL"]


def test_makefile_flags_with_spaces_continuations_and_variables(tmp_path):
    """``-I $(srctree)/dir`` (a space after -I), include lists continued over lines with a backslash and
    kept in a variable of the Makefile (``ccflags-y += $(INCLUDES)``)."""
    from drvlint.compilation import KernelTree, makefile_flags

    root = tmp_path / "linux"
    drv = root / "drivers" / "media" / "cam"
    drv.mkdir(parents=True)
    (drv / "Makefile").write_text(
        "cam = $(srctree)/drivers/media/cam\n"
        "INCLUDES += \\\n\t-I$(cam)/include \\\n\t-I$(cam)/pci/\n"
        "INCLUDES += -I$(cam)/hw\n"
        "ccflags-y += -I $(srctree)/drivers/media/tuners\n"
        "ccflags-y += $(INCLUDES) -D ISP2401 -fno-common\n")
    source = drv / "main.c"
    source.write_text("int x;\n")
    flags = makefile_flags(drv, KernelTree(root, root), source)
    assert flags == [f"-I{root}/drivers/media/tuners", f"-I{drv}/include", f"-I{drv}/pci/", f"-I{drv}/hw",
                     "-DISP2401"]
