"""Translation catalogs and the tools of `make catalogs` (extract.py: where the code uses keys; catalogs.py)."""
