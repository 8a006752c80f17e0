"""chaingraph: an industrial-chain knowledge graph from news articles and firm lists."""

__version__ = "0.1.0"
