"""claimdesk: sift reported facts from rumour, copies and contradictions.

The pipeline: ingest -> Document; audit -> Finding*; extract -> Claim*; corroborate -> Story*.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # `claimdesk.extract` is a callable package (see claimdesk/extract/__init__.py); importing it
    # lazily keeps `import claimdesk` free of spaCy until claims are wanted.
    if name == "extract":
        import importlib

        return importlib.import_module("claimdesk.extract")
    raise AttributeError(f"module 'claimdesk' has no attribute {name!r}")
