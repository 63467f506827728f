"""How contact details look in a fiche: a French telephone number, an e-mail address, a web address.

Found by their shape, not by a word before them (the fiche writes "Tél :", a bullet, or nothing). The chat
quotes them (`answering/contacts.py`); the cards say which fiches give any (`index/cards.py`)."""

from __future__ import annotations

import re

PHONE = re.compile(r"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(r"https?://\S+|www\.\S+")
