"""Faces of the model as text: French renderings for the terminal and the web page."""
