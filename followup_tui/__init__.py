"""followup: prepare for a job interview, debrief after it, and follow up on what matters."""

__version__ = "0.1.0"
