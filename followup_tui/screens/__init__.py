"""One module per screen. Each is imported only when first opened."""
