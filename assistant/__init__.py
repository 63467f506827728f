"""vae-assistant: explains RNCP certifications to VAE candidates and their advisers, from the fiches."""

__version__ = "0.1.0"
