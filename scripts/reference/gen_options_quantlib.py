#!/usr/bin/python3
"""Reference prices and greeks of European options for test/core/options.test.ts and impliedVol.test.ts.

Two independent references per grid point, neither sharing code or formulas with src/core/options.ts:
  ql: QuantLib's analytic ql.BlackCalculator (C++, via the Debian bindings), which fixes the
      conventions (what delta, vega, theta and rho mean and in which units);
  mp: mpmath at 300 digits, where only the PRICE formula is written out and every greek is a numerical
      derivative of it (mp.diff), so the greeks' definitions come from which inputs are held fixed,
      not from hand-derived formulas.
QuantLib's CumulativeNormalDistribution is only accurate to about 1e-7 relative near x = -5.6 (it is
0.5 * (1 + erf), switching to an asymptotic series below 1e-8), and its prices subtract two tail
probabilities, so out of the money it is off by more than its inputs' precision: on this grid ql is
within 2e-11 relative (3.5e-14 absolute below 1e-4) of mp, good enough for the tests' 1e-9 / 1e-13
comparison with QuantLib, but only mp can measure accuracy in relative terms down to 1e-230.

Conventions and how each QuantLib number is obtained (spot = S; for Black-76 S is the futures price F):
  BSM:      forward F = S e^((r - q)T), discount D = e^(-rT), stdDev = sigma sqrt(T).
            value(), delta(S), gamma(S), vega(T) (per 1.00 of sigma), theta(S, T) (per year, which
            QuantLib computes from the PDE as r V - (r - q) S delta - sigma^2 S^2 gamma / 2 = -dV/dT),
            rho(T) (per 1.00 of r, S and q fixed: forward moves with r). All as QuantLib gives them.
  Black-76: forward = S, discount = e^(-rT). delta(S) and gamma(S) are then w.r.t. the futures price
            (QuantLib scales by forward / spot = 1); theta(S, T) reduces to r V - sigma^2 F^2 gamma / 2,
            -dV/dT with F fixed. QuantLib's rho(T) assumes the forward grows with r, which is wrong for a
            futures option: TRANSFORMED to -T * value(), the derivative with F held fixed.

Grid: S/K in {0.6, 0.8, 0.95, 1, 1.05, 1.25, 1.7} with K = 100, T in {1/365, 1/52, 0.25, 1, 3},
sigma in {0.05, 0.2, 0.5, 0.9}, r in {0, 0.05, -0.01}, q in {0, 0.03} (BSM only; 0 is stored for
Black-76), call and put: 2520 rows. Plus 800 "wings" rows, random (fixed seed) with sigma sqrt(T) down
to 1e-8 and ln(S/K) from 1e-8 to 3, mpmath prices only: see wings().

Rerun (Debian: apt-get install quantlib-python python3-mpmath), from the repository root; it takes
about five minutes, most of it mpmath at 300 digits, and is deterministic:
    /usr/bin/python3 scripts/reference/gen_options_quantlib.py > test/reference/options-quantlib.json
"""
import json
import math
import random

import mpmath
import QuantLib as ql
from mpmath import mp

MONEYNESS = [0.6, 0.8, 0.95, 1.0, 1.05, 1.25, 1.7]
EXPIRIES = [1 / 365, 1 / 52, 0.25, 1.0, 3.0]
VOLS = [0.05, 0.2, 0.5, 0.9]
RATES = [0.0, 0.05, -0.01]
YIELDS = [0.0, 0.03]
K = 100.0


def quantlib(model, typ, S, T, r, q, sigma):
    payoff = ql.PlainVanillaPayoff(ql.Option.Call if typ == "call" else ql.Option.Put, K)
    discount = math.exp(-r * T)
    forward = S if model == "black76" else S * math.exp((r - q) * T)
    bc = ql.BlackCalculator(payoff, forward, sigma * math.sqrt(T), discount)
    rho = -T * bc.value() if model == "black76" else bc.rho(T)
    return [bc.value(), bc.delta(S), bc.gamma(S), bc.vega(T), bc.theta(S, T), rho]


def mp_price(model, w, S, T, r, q, sigma):
    F = S if model == "black76" else S * mp.exp((r - q) * T)
    s = sigma * mp.sqrt(T)
    d1 = mp.log(F / K) / s + s / 2
    d2 = d1 - s
    return w * mp.exp(-r * T) * (F * mp.ncdf(w * d1) - K * mp.ncdf(w * d2))


def exact(model, typ, S, T, r, q, sigma):
    # The smallest greeks on the grid are 1e-230 next to prices of 100: a numerical derivative needs
    # that many digits to cancel, and 50 more to be exact.
    mp.dps = 300
    w = 1 if typ == "call" else -1
    S, T, r, q, sigma = (mp.mpf(v) for v in (S, T, r, q, sigma))
    f = lambda S_=S, T_=T, r_=r, sigma_=sigma: mp_price(model, w, S_, T_, r_, q, sigma_)
    return [
        f(),
        mp.diff(lambda v: f(S_=v), S),
        mp.diff(lambda v: f(S_=v), S, 2),
        mp.diff(lambda v: f(sigma_=v), sigma),
        -mp.diff(lambda v: f(T_=v), T),
        mp.diff(lambda v: f(r_=v), r),   # Black-76: S is F and stays fixed; BSM: S and q fixed
    ]


def wings(count=800, seed=20240602):
    """Prices (and vegas, to tell where sigma is recoverable) off the grid: sigma sqrt(T) from 1e-8 to
    10 and moneyness from 1e-8 to e^3 away from the forward, where rounding and cancellation bite.
    mpmath only (the price formula at 60 digits; vega's formula only decides which rows the implied
    volatility test uses)."""
    rng = random.Random(seed)
    mp.dps = 60
    out = []
    for _ in range(count):
        model = rng.choice(["bsm", "black76"])
        typ = rng.choice(["call", "put"])
        u = 0.0 if rng.random() < 0.05 else rng.choice([-1, 1]) * 10 ** rng.uniform(-8, 0.5)
        S = K * math.exp(u)
        T = 10 ** rng.uniform(-4, 1)
        sigma = 10 ** rng.uniform(-6.5, 0.5)
        r = rng.choice([0.0, 0.05, -0.01])
        q = 0.0 if model == "black76" else rng.uniform(0, 0.05)
        w = 1 if typ == "call" else -1
        M = [mp.mpf(v) for v in (S, T, r, q, sigma)]
        price = mp_price(model, w, *M)
        F = M[0] if model == "black76" else M[0] * mp.exp((M[2] - M[3]) * M[1])
        st = M[4] * mp.sqrt(M[1])
        d1 = mp.log(F / K) / st + st / 2
        vega = mp.exp(-M[2] * M[1]) * F * mp.npdf(d1) * mp.sqrt(M[1])
        out.append([model, typ, S, K, T, r, q, sigma, float(price), float(vega)])
    return out


def main():
    rows = []
    worst = 0.0
    for model in ("bsm", "black76"):
        for typ in ("call", "put"):
            for m in MONEYNESS:
                for T in EXPIRIES:
                    for sigma in VOLS:
                        for r in RATES:
                            for q in (YIELDS if model == "bsm" else [0.0]):
                                S = K * m
                                a = quantlib(model, typ, S, T, r, q, sigma)
                                b = [float(v) for v in exact(model, typ, S, T, r, q, sigma)]
                                for u, v in zip(a, b):
                                    worst = max(worst, abs(u - v) / max(abs(v), 1e-4))
                                rows.append([model, typ, S, K, T, r, q, sigma, a, b])
    out = {
        "generator": "scripts/reference/gen_options_quantlib.py (QuantLib %s, mpmath %s)"
                     % (ql.__version__, mpmath.__version__),
        "conventions": "greeks of one long option; vega per 1.00 sigma; theta = -dV/dT per year; rho per 1.00 r "
                       "(BSM: S, q fixed; Black-76: F fixed, -T*price); Black-76 delta/gamma w.r.t. F = S",
        "columns": ["model", "type", "S", "K", "T", "r", "q", "sigma", "ql", "mp"],
        "greeks": ["price", "delta", "gamma", "vega", "theta", "rho"],
        "worstQuantLibVsMpmath": worst,
        "rows": rows,
        "wingColumns": ["model", "type", "S", "K", "T", "r", "q", "sigma", "price", "vega"],
        "wings": wings(),
    }
    print(json.dumps(out, separators=(",", ":")))


if __name__ == "__main__":
    main()
