#!/usr/bin/python3
"""Reference values of the standard normal pdf, cdf, quantile and Mills ratio P(Z > y) / pdf(y), computed with mpmath at 50 significant
digits (the quantile at 400, so that p as small as 1e-300 survives the 2p - 1 inside erfinv).

They test src/core/normal.ts (test/core/normal.test.ts) against an independent, high-precision
implementation: every x is an exact double, so the only rounding in the reference is the final one.

Rerun (Debian: apt-get install python3-mpmath), from the repository root:
    /usr/bin/python3 scripts/reference/gen_normal_mpmath.py > test/reference/normal-mpmath.json
The output is deterministic (fixed random seed), so a rerun reproduces the committed file.
"""
import json
import random

import mpmath
from mpmath import mp


def sig(v):
    # 20 significant digits: more than a double holds, so parsing rounds once, correctly.
    return mpmath.nstr(v, 20, min_fixed=1, max_fixed=0)


def cdf(x):
    mp.dps = 50
    return mp.erfc(-mp.mpf(x) / mp.sqrt(2)) / 2


def pdf(x):
    mp.dps = 50
    return mp.exp(-mp.mpf(x) ** 2 / 2) / mp.sqrt(2 * mp.pi)


def mills(y):
    mp.dps = 50
    y = mp.mpf(y)
    return mp.erfc(y / mp.sqrt(2)) / 2 / (mp.exp(-y ** 2 / 2) / mp.sqrt(2 * mp.pi))


def quantile(p):
    mp.dps = 400
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)


def main():
    rng = random.Random(20240601)
    xs = set()
    xs.update(round(-37 + 0.05 * i, 10) for i in range(901))           # coarse grid over [-37, 8]
    xs.update(round(-1 + 0.005 * i, 10) for i in range(401))           # fine grid over [-1, 1]
    for k in range(1, 21):                                             # approaching 0 from both sides
        xs.update((10.0 ** -k, -(10.0 ** -k)))
    for edge in (0.67448975, 5.656854249492380195, 37.5193):           # Cody's branch points
        for s in (-1, 1):
            for d in (-1e-9, 0.0, 1e-9):
                if -37.5 <= s * edge + d <= 8:
                    xs.add(s * edge + d)
    xs.update(rng.uniform(-37, 8) for _ in range(600))                 # bit patterns off any grid
    xs = sorted(xs)

    pdf_xs = sorted(set(xs) | {rng.uniform(8, 38) for _ in range(100)} | {-38.0, 38.0})

    ps = sorted({10.0 ** -k for k in range(1, 301, 3)}
                | {rng.uniform(0, 1) for _ in range(300)}
                | {0.5, 0.075, 0.925, 0.074999, 0.925001}
                | {1 - 10.0 ** -k for k in range(1, 16)})

    ys = sorted({round(0.02 * i, 10) for i in range(2001)}                # [0, 40]
                | {rng.uniform(0, 40) for _ in range(300)}
                | {0.67448975, 5.656854249492380195, 100.0, 1e3, 1e5, 1e8})

    out = {
        "generator": "scripts/reference/gen_normal_mpmath.py (mpmath %s)" % mpmath.__version__,
        "note": "[x, value] pairs; x is an exact double, value is the exact result rounded to 20 digits",
        "cdf": [[x, sig(cdf(x))] for x in xs],
        "pdf": [[x, sig(pdf(x))] for x in pdf_xs],
        "inv": [[p, sig(quantile(p))] for p in ps],
        "mills": [[y, sig(mills(y))] for y in ys],
    }
    print(json.dumps(out, separators=(",", ":")))


if __name__ == "__main__":
    main()
