"""Regression references for test/reference/linregress.json, from scipy.stats.linregress.

Each case is seeded, so rerunning reproduces the file. x and y are written with repr() precision (JSON
floats round-trip exactly), so the TypeScript test regresses exactly the doubles scipy saw. The 95% CI is
slope -/+ t(0.975, n - 2) * stderr, the interval STATS reports, with the t quantile from mpmath (40 digits):
scipy.stats.t.ppf is only good to ~1e-9 here (1.0.x: 2.0017174830 for df = 58, true 2.0017174841), which
would make the reference, not the code under test, the limiting error.
Run: /usr/bin/python3 scripts/reference/linregress.py
"""
import json
import os

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 40


def t975(df):
    nu = mp.mpf(df)
    cdf = lambda t: 1 - mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2
    return mp.findroot(lambda t: cdf(t) - mp.mpf("0.975"), mp.mpf(2))


def case(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    r = stats.linregress(x, y)  # y = intercept + slope * x
    n = len(x)
    tcrit = t975(n - 2)
    slope = mp.mpf(r.slope)
    se = mp.mpf(r.stderr)
    return {
        "name": name,
        "n": n,
        "x": x.tolist(),
        "y": y.tolist(),
        "slope": r.slope,
        "intercept": r.intercept,
        "rvalue": r.rvalue,
        "stderr": r.stderr,
        "intercept_stderr": r.intercept_stderr,
        "t_stat": r.slope / r.stderr,
        "t_crit": float(tcrit),
        "ci95_low": float(slope - tcrit * se),
        "ci95_high": float(slope + tcrit * se),
        "x_sd": float(np.std(x, ddof=1)),
        "y_sd": float(np.std(y, ddof=1)),
    }


rng = np.random.default_rng(20240607)
cases = []
x = rng.normal(0, 0.03, 30)
cases.append(case("futures changes, n=30, rho~0.9", x, 0.8 * x + rng.normal(0, 0.013, 30)))
x = rng.normal(50, 5, 200)
cases.append(case("levels with an offset, n=200", x, 12 + 1.7 * x + rng.normal(0, 4, 200)))
x = rng.normal(0, 1, 5)
cases.append(case("five observations", x, -0.4 * x + rng.normal(0, 0.5, 5)))
x = rng.normal(0, 0.01, 1000)
cases.append(case("weak correlation, n=1000", x, 0.05 * x + rng.normal(0, 0.01, 1000)))
x = rng.standard_t(3, 250) * 0.02
cases.append(case("fat tails, negative slope, n=250", x, -1.3 * x + rng.standard_t(3, 250) * 0.01))
x = rng.normal(0.0005, 0.012, 60)
cases.append(case("daily returns, beta~1.2, n=60", x, 0.0001 + 1.2 * x + rng.normal(0, 0.008, 60)))

out = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "linregress.json")
with open(out, "w") as fh:
    json.dump({"source": f"scripts/reference/linregress.py (scipy {scipy.__version__}, numpy {np.__version__})", "cases": cases}, fh)
    fh.write("\n")
