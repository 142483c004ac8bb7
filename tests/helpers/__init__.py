"""Scripts and builders used by the fault, signal and concurrency tests."""
