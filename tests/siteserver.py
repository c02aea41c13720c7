"""The local fixture website used by the tests.

The server lives in :mod:`policewatch.demo_site` (the demo command uses it
too); this module re-exports it.  ``python -m tests.siteserver [--port N]``
serves it and prints its URL.
"""

import sys

from policewatch.demo_site import SITE_ROOT, FixtureSite, main

__all__ = ["FixtureSite", "SITE_ROOT", "main"]

if __name__ == "__main__":
    sys.exit(main())
