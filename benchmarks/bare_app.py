"""A bare Textual app (header, one label, footer): the baseline for start-up in a pty."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label


class Bare(App[None]):
    """The smallest app a user would call an app."""

    def compose(self) -> ComposeResult:
        """Header, label, footer."""
        yield Header()
        yield Label("ready-marker")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
