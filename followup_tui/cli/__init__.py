"""The command line (click). Textual is imported only on the path that opens the app."""
