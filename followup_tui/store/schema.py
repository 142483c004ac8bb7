"""The schema version this code writes (``migrations`` brings older files up to it).

Apart from ``migrations`` so that start-up can compare it (``home_index``) without importing
the models the migration steps use.
"""

CURRENT_SCHEMA = 4
"""The schema version this code writes."""
