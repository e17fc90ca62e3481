"""drvlint's built-in rule packs (TOML files in this directory, shipped as package data)."""
