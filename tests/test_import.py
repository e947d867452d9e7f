from __future__ import annotations

import subprocess
import sys

import povertydata


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


def test_import_loads_nothing_heavy() -> None:
    out = _run(
        "import sys, povertydata\n"
        "print(sorted(m for m in ('pint', 'babel', 'cattrs', 'attrs', 'attr') if m in sys.modules))"
    )
    assert out.strip() == "[]"


def test_parse_does_not_load_pint_or_babel() -> None:
    out = _run(
        "import sys, povertydata\n"
        "povertydata.parse('1800万元'); povertydata.extract('1800万元')\n"
        "print(sorted(m for m in ('pint', 'babel', 'cattrs') if m in sys.modules))"
    )
    assert out.strip() == "[]"


def test_loading_the_records_does_not_load_pint_or_babel_or_the_scanner() -> None:
    # The reader is loaded (every figure is checked against parse(quote)), but not what
    # only extract needs: the scanner and its patterns of running text.
    heavy = "('pint', 'babel', 'povertydata.figures._scan', 'povertydata.figures._context')"
    out = _run(f"import sys, povertydata\npovertydata.load()\nprint(sorted(m for m in {heavy} if m in sys.modules))")
    assert out.strip() == "[]"


def test_extract_loads_on_first_use_from_the_figures_module() -> None:
    from povertydata import figures

    assert "extract" in dir(figures)
    assert figures.extract("3万元")[0].figure == povertydata.parse("3万元")


def test_public_names() -> None:
    assert povertydata.__all__ == sorted(povertydata.__all__)
    for name in povertydata.__all__:
        assert getattr(povertydata, name).__doc__, name
    assert set(povertydata.__all__) <= set(dir(povertydata))


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert povertydata.__version__ == version("povertydata")


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        povertydata.nothing_here  # noqa: B018
    except AttributeError as error:
        assert "nothing_here" in str(error)
    else:
        raise AssertionError("no AttributeError")
