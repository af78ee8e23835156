"""The paired test that decides whether a quote-speaker change is kept (``scripts/eval_quotes.py --compare``):
flips that go both ways are noise, a one-sided run of flips spread over passages and sets is a change."""
from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _eval_quotes():
    spec = importlib.util.spec_from_file_location("eval_quotes", REPO / "scripts" / "eval_quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outcomes(flips: dict[str, list[int]], size: int = 40) -> tuple[dict, dict]:
    """Two runs over sets of ``size`` passages with one attributed quote each; ``flips[set]`` lists the changes
    (+1 the candidate gains the passage's quote, -1 it loses it)."""
    base: dict[str, dict] = {}
    cand: dict[str, dict] = {}
    for name, changes in flips.items():
        base[name], cand[name] = {}, {}
        for i in range(size):
            change = changes[i] if i < len(changes) else 0
            before = change != 1
            after = change != -1
            base[name][f"p{i}#0"] = {"figure": "attributed", "ok": before}
            cand[name][f"p{i}#0"] = {"figure": "attributed", "ok": after}
        base[name]["p0#1"] = cand[name]["p0#1"] = {"figure": "restraint", "ok": True}
    return base, cand


def test_sign_test_is_exact_and_two_sided():
    ev = _eval_quotes()
    assert ev.sign_test(0, 0) == 1.0
    assert ev.sign_test(5, 5) == 1.0
    assert abs(ev.sign_test(6, 0) - 2 / 64) < 1e-12          # 2 * (1/2)^6
    assert ev.sign_test(0, 6) == ev.sign_test(6, 0)
    assert ev.sign_test(9, 1) < 0.05 < ev.sign_test(7, 3)


def test_balanced_flips_are_noise_and_not_kept():
    ev = _eval_quotes()
    # twenty flips, eleven against nine: what a retrain of unchanged code does
    base, cand = _outcomes({"a": [1, -1] * 5 + [1], "b": [-1, 1] * 4 + [-1]})
    result = ev.paired_test(base, cand)
    assert result["attributed"]["net"] == 0
    assert result["attributed"]["verdict"] == "within noise"
    assert not ev.keep(result)


def test_one_sided_gains_over_sets_are_kept_and_losses_are_not():
    ev = _eval_quotes()
    gains = {f"s{k}": [1, 1, 1] for k in range(5)}          # fifteen gains, in five sets, none lost
    base, cand = _outcomes(gains)
    result = ev.paired_test(base, cand)
    assert result["attributed"]["gained"] == 15 and result["attributed"]["lost"] == 0
    assert result["attributed"]["verdict"] == "better"
    assert result["attributed"]["sets_up"] == 5
    assert result["restraint"]["verdict"] == "within noise"
    assert ev.keep(result)
    worse = ev.paired_test(cand, base)                        # the same flips the other way round
    assert worse["attributed"]["verdict"] == "worse"
    assert not ev.keep(worse)


def test_the_bootstrap_is_seeded():
    ev = _eval_quotes()
    base, cand = _outcomes({"a": [1, 1, -1, 1, 0, 1], "b": [1, -1, 1]})
    assert ev.paired_test(base, cand)["attributed"]["interval"] == ev.paired_test(base, cand)["attributed"]["interval"]
