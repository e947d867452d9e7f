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
