"""simulators.core.short_texts: answers remembered per short str (with the other arguments), nothing else kept."""
from simulators.core.short_texts import remembered_per_short_text


def test_short_strings_are_remembered_with_their_other_arguments_and_nothing_else_is():
    calls = []

    @remembered_per_short_text(maxsize=2, longest=5)
    def shout(text, times=1):
        calls.append((text, times))
        return str(text).upper() * times

    assert [shout("ab"), shout("ab"), shout("ab", times=2), shout("ab", times=2)] == ["AB", "AB", "ABAB", "ABAB"]
    assert calls == [("ab", 1), ("ab", 2)]
    assert shout("abcdef") == shout("abcdef") == "ABCDEF" and calls[-2:] == [("abcdef", 1)] * 2  # too long: not kept
    assert shout(7) == "7" and shout.cache_info().currsize == 2
    for word in ("c", "d", "e"):
        shout(word)
    assert shout.cache_info().currsize == 2 and shout.__wrapped__("x") == "X"
