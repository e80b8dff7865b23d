"""Renderers: pure functions from Results to text/bytes. One module per format."""
