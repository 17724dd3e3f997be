import sys

from stratege.web.server import main

sys.exit(main())
