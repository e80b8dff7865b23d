"""`python -m reportparse` runs the CLI."""

from reportparse.cli import main

main()
