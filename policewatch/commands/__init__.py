"""One module per command family; each exposes COMMANDS (see policewatch/cli.py)."""
