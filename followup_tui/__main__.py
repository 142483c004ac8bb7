"""Run followup with ``python -m followup_tui``."""

from followup_tui.cli.launch import main

if __name__ == "__main__":
    main()
