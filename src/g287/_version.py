"""The version of g287 (read by the build backend, the CLI and the Sphinx extension)."""

__version__ = "0.1.0"
