"""``python -m build_scripts`` entry point."""

import sys

from .cli import main

sys.exit(main())
