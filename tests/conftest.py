"""Test-wide setup: every test session uses its own throwaway database and a small, fast population."""
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_tmp = tempfile.mkdtemp(prefix="dds-tests-")
os.environ.setdefault("DDS_DATABASE_URL", f"sqlite:///{_tmp}/test.db")
os.environ.setdefault("DDS_POPULATION_SIZE", "20000")
os.environ.setdefault("DDS_POPULATION_SEED", "7")
