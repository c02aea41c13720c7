from policewatch.cli import cli

cli(prog_name="policewatch")
