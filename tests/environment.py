"""Loaded by pytest before Django (`-p tests.environment` in pyproject.toml).

Tests run with the development settings (DEBUG=1: no HTTPS redirect, static files straight
from the source folders). Production settings are exercised by `check --deploy` in
test_foundation.py, in a subprocess with a production environment.
"""

import os

os.environ.setdefault("DEBUG", "1")
