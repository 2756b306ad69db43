"""Remember a pure function's answers per short text (issue #18): the app shows the same texts on every run — style
sheets, labels, names, subjects — and cleaning or escaping them again each time added up. A text longer than the
bound, or anything that is not exactly a ``str`` (a subclass may carry its own meaning), goes straight through and
is not kept, so nothing a visitor types can fill the memory."""
from __future__ import annotations

from functools import lru_cache, wraps


def remembered_per_short_text(maxsize: int, longest: int):
    """Decorator for ``fn(text, *rest, **options)``: remembered (lru, ``maxsize`` entries) when ``text`` is a ``str``
    of at most ``longest`` characters. The wrapper has lru_cache's ``cache_info``/``cache_clear``; the original is
    ``__wrapped__``."""
    def decorate(fn):
        remembered = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def call(text, *rest, **options):
            if type(text) is str and len(text) <= longest:
                return remembered(text, *rest, **options)
            return fn(text, *rest, **options)

        call.cache_info, call.cache_clear = remembered.cache_info, remembered.cache_clear
        return call
    return decorate
