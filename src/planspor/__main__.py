"""`python -m planspor` runs the planspor command."""

import sys

from planspor.cli import main

sys.exit(main())
