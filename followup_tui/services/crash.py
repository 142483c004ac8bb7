"""Crash reports that carry no user text: exception type and code locations only."""

from __future__ import annotations

from types import TracebackType


def crash_report(exc_type: type[BaseException] | None, tb: TracebackType | None) -> str:
    """Describe a crash without the exception's message or any local variable.

    Messages and locals can hold what the user typed (a company name in a KeyError), so
    only the exception's type and the file, line and function of each frame are shown.
    """
    import traceback  # only when something went wrong

    name = exc_type.__name__ if exc_type else "Error"
    lines = ["followup stopped after an internal error. Your saved data is safe.", f"Error: {name}", "Where:"]
    for frame in traceback.extract_tb(tb)[-8:]:
        lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
    lines.append("Please report this with the lines above (they hold none of your text).")
    return "\n".join(lines)
