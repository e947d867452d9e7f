"""Sphinx configuration: MyST Markdown pages and the API reference from docstrings."""

from importlib.metadata import version as _version

project = "povertydata"
author = "The povertydata developers"
copyright = "2026, The povertydata developers"
release = _version("povertydata")
# No intersphinx: the docs build offline.
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
autodoc_typehints = "description"
autodoc_member_order = "bysource"
html_theme = "alabaster"
nitpicky = False
suppress_warnings = ["myst.xref_missing"]


def _draw_tutorial_charts() -> None:
    # The chart of tutorial 4, drawn at every build by the code on that page (which is
    # also a doctest), so the page shows all the code that makes the picture.
    import contextlib
    import doctest
    import io
    from pathlib import Path

    here = Path(__file__).parent
    page = (here / "tutorials" / "plotting.md").read_text(encoding="utf-8")
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(io.StringIO()):  # the page's prints are for its readers
        for example in doctest.DocTestParser().get_examples(page):
            exec(compile(example.source, "tutorials/plotting.md", "exec"), namespace)
    (here / "_static").mkdir(exist_ok=True)
    namespace["lifted_out_routes"](here / "_static" / "tutorial-routes.png")


def _write_generated_pages() -> None:
    # One page per report and the data dictionary, from the data and the model.
    import sys
    from pathlib import Path

    here = Path(__file__).parent
    sys.path.insert(0, str(here))
    from generate import write

    write(here / "_generated")


_draw_tutorial_charts()
_write_generated_pages()
html_static_path = ["_static"]
