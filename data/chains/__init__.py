"""The chain templates shipped with chaingraph (NAME.toml), installed as package data
of chaingraph.chains and found with importlib.resources."""
