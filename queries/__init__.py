"""The named Cypher queries (NAME.cypher) and the loader's own statements (_NAME.cypher),
read with importlib.resources as package data of chaingraph.queries."""
