"""The interview's own screens: the form, the hub and the invitation dialog."""
