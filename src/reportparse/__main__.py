"""`python -m reportparse` runs the CLI."""

from reportparse.cli import main

if __name__ == "__main__":
    main()
