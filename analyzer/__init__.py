"""drvlint: a static analyser for device-driver bugs."""
__version__ = "0.1.0"
