"""``python -m povertydata``: the command line (see :mod:`povertydata.cli`)."""

import sys

from povertydata.cli import main

sys.exit(main())
