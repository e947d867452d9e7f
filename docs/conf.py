"""Sphinx configuration: MyST Markdown pages and the API reference from docstrings."""

from importlib.metadata import version as _version

project = "povertydata"
author = "The povertydata developers"
copyright = "2026, The povertydata developers"
release = _version("povertydata")
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.intersphinx"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
autodoc_typehints = "description"
autodoc_member_order = "bysource"
intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}
intersphinx_disabled_reftypes = ["*"]
html_theme = "alabaster"
nitpicky = False
suppress_warnings = ["myst.xref_missing"]
