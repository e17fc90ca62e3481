"""A non-editable `pip install .` into a fresh virtual environment works, rule packs and headers included."""
from __future__ import annotations

import site
import subprocess
import venv
from pathlib import Path

from conftest import CORPUS, ROOT


def test_fresh_venv_install(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # Dependencies come from the test environment (appended to sys.path, so no download); drvlint itself is
    # built and installed as a regular, non-editable package, which comes first on the new sys.path.
    own_site = subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                              capture_output=True, text=True, check=True).stdout.strip()
    (Path(own_site) / "drvlint-test-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q",
                              str(ROOT)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stdout + install.stderr
    probe = subprocess.run([str(python), "-c",
                            "import drvlint, importlib.resources as r, pathlib;"
                            "print(drvlint.__file__);"
                            "print(sorted(p.name for p in r.files('drvlint.rulepacks').iterdir() if p.name.endswith('.toml')));"
                            "print((pathlib.Path(drvlint.__file__).parent / 'include' / 'drvlint_kernel.h').is_file())"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert probe.returncode == 0, probe.stderr
    where, packs, header = probe.stdout.splitlines()
    assert where.startswith(str(env_dir)), f"imported {where}, not the fresh install"
    assert "kernel-locks.toml" in packs
    assert header == "True"
    exe = env_dir / "bin" / "drvlint"
    run = subprocess.run([str(exe), "--builtin-headers", str(CORPUS / "c/lock-imbalance/buggy/misc_ioctl_efault_unlock.c")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "[lock-imbalance]" in run.stdout
    rules = subprocess.run([str(exe), "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert rules.returncode == 0 and "rules/kernel-locks.toml" in rules.stdout
    # `drvlint explain` takes its examples from the corpus pairs shipped in the wheel (drvlint/examples)
    explain = subprocess.run([str(exe), "explain", "null-return"], capture_output=True, text=True, cwd=tmp_path)
    assert explain.returncode == 0, explain.stderr
    assert "Bad: corpus/c/null-return/buggy/" in explain.stdout and "Good: corpus/c/null-return/fixed/" in explain.stdout
    explain = subprocess.run([str(exe), "explain", "py-unchecked-none"], capture_output=True, text=True, cwd=tmp_path)
    assert explain.returncode == 0, explain.stderr
    assert "Bad: corpus/python/py-unchecked-none/buggy/" in explain.stdout
