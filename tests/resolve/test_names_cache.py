"""The name matchers are cached (``functools.lru_cache``): a cached answer must be the one the function gives,
for every argument that changes it (order, which name is written surname first), across scripts."""
from __future__ import annotations

import itertools

from storyline.resolve.names import _other_script, persons_match, surnames_match

#: pairs of every kind the matchers tell apart: variants, gendered forms, glued articles, double-barrelled
#: surnames, generations, surname-first order, Cyrillic spellings and oblique cases
NAMES = ["Rahimov", "Rahimova", "el-Amin", "Elamin", "Wiśniewska-Nowak", "Wiśniewska", "Шмигаль", "Shmyhal",
         "Ana Rahimova", "Ana Rahimov", "Kofi Mensah", "Кофі Менсахом", "Richard Caldwell Jr.",
         "Richard Caldwell Sr.", "Yamamoto Haruki", "Haruki Yamamoto", "Carmen Ibarra Soto", "Carmen Ibarra",
         "R. J. Hall", "Robert K. Hall", "Bob Hall", "Otávio Lima", "Tavinho Lima"]


def test_cached_matchers_answer_as_the_functions_do() -> None:
    surnames_match.cache_clear()
    persons_match.cache_clear()
    for a, b in itertools.product(NAMES, repeat=2):
        assert surnames_match(a, b) == surnames_match.__wrapped__(a, b), (a, b)
        for fa, fb in itertools.product((False, True), repeat=2):
            assert persons_match(a, b, fa, fb) == persons_match.__wrapped__(a, b, fa, fb), (a, b, fa, fb)
    # answers asked again come from the cache and are still the function's
    hits = persons_match.cache_info().hits
    assert persons_match("Kofi Mensah", "Кофі Менсахом", False, False) == persons_match.__wrapped__("Kofi Mensah",
                                                                                                     "Кофі Менсахом")
    assert persons_match.cache_info().hits == hits + 1
    # the flags are part of the key: one pair, two answers
    assert persons_match("Yamamoto Haruki", "Haruki Yamamoto", True, False)
    assert not persons_match("Richard Caldwell Jr.", "Richard Caldwell Sr.")


def test_other_script_ascii_shortcut() -> None:
    for word in ["Hall", "O'Neill", "Müller", "Łukasz", "Шмигаль", "Παπαδόπουλος", "عمر", "Nguyễn", "", "123"]:
        assert _other_script(word) == any(ord(c) > 0x24F and c.isalpha() for c in word), word
