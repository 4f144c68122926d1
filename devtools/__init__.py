"""Setting up a machine for Planspor's two commands (standard library only: this runs before .venv exists)."""
