"""Placeholder: this command family is being built."""
COMMANDS: list = []
