"""Floor 2, model: records linked into a graph, and the domain rules read from it."""
