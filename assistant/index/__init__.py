"""The index the assistant searches: Chroma (dense), BM25 (lexical) and the catalog of certifications."""
