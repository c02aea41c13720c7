"""``python -m policewatch.demo_site [--port N]``: serve the demo site."""

import sys

from . import main

sys.exit(main())
