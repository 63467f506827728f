"""The assistant's brain: structured answers from the model, extractive answers from passages, refusals."""
