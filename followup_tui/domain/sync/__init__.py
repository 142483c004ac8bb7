"""Two devices, one history: the pure rules of stamps, merging and conflicts (no disk)."""
