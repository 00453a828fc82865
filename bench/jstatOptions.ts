import { jStat } from "./jstat";

/**
 * Black-Scholes-Merton / Black-76 written the textbook way on jStat's normal distribution: the closed form
 * a spreadsheet user (or a risk system's quick check) would write. Same conventions as HEDGE.PRICE and the
 * greeks (vega per 1.00 of sigma, theta = −dV/dT per year, rho per 1.00 of r; Black-76 on F = S, its rho
 * with F fixed = −T·price).
 */

const N = (x: number): number => jStat.normal.cdf(x, 0, 1);
const n = (x: number): number => jStat.normal.pdf(x, 0, 1);

export interface Terms {
  S: number;
  K: number;
  T: number;
  r: number;
  q: number;
  call: boolean;
  black76: boolean;
}

export function jstatPrice(t: Terms, sigma: number): number {
  const q = t.black76 ? t.r : t.q;
  const w = t.call ? 1 : -1;
  const sd = sigma * Math.sqrt(t.T);
  const d1 = (Math.log(t.S / t.K) + (t.r - q + 0.5 * sigma * sigma) * t.T) / sd;
  const d2 = d1 - sd;
  return w * (t.S * Math.exp(-q * t.T) * N(w * d1) - t.K * Math.exp(-t.r * t.T) * N(w * d2));
}

export function jstatDelta(t: Terms, sigma: number): number {
  const q = t.black76 ? t.r : t.q;
  const w = t.call ? 1 : -1;
  const sd = sigma * Math.sqrt(t.T);
  const d1 = (Math.log(t.S / t.K) + (t.r - q + 0.5 * sigma * sigma) * t.T) / sd;
  return w * Math.exp(-q * t.T) * N(w * d1);
}

/** All six numbers, for the accuracy comparison against QuantLib. */
export function jstatGreeks(t: Terms, sigma: number): number[] {
  const q = t.black76 ? t.r : t.q;
  const w = t.call ? 1 : -1;
  const sqrtT = Math.sqrt(t.T);
  const sd = sigma * sqrtT;
  const d1 = (Math.log(t.S / t.K) + (t.r - q + 0.5 * sigma * sigma) * t.T) / sd;
  const d2 = d1 - sd;
  const Dq = Math.exp(-q * t.T);
  const Dr = Math.exp(-t.r * t.T);
  const price = w * (t.S * Dq * N(w * d1) - t.K * Dr * N(w * d2));
  const delta = w * Dq * N(w * d1);
  const gamma = (Dq * n(d1)) / (t.S * sd);
  const vega = t.S * Dq * n(d1) * sqrtT;
  const theta = (-t.S * Dq * n(d1) * sigma) / (2 * sqrtT) + w * (q * t.S * Dq * N(w * d1) - t.r * t.K * Dr * N(w * d2));
  const rho = t.black76 ? -t.T * price : w * t.K * t.T * Dr * N(w * d2);
  return [price, delta, gamma, vega, theta, rho];
}

/**
 * Implied volatility the straightforward way: Newton on jStat's price and vega from sigma = 0.3, falling
 * back to bisection on [1e-4, 5] whenever a step leaves the bracket or vega vanishes; stops when the price
 * matches to 1e-12 relative or the step is below 1e-12. NaN when 100 iterations do not get there.
 */
export function jstatImpliedVol(price: number, t: Terms): number {
  const q = t.black76 ? t.r : t.q;
  const sqrtT = Math.sqrt(t.T);
  let lo = 1e-4;
  let hi = 5;
  let sigma = 0.3;
  for (let iter = 0; iter < 100; iter++) {
    const diff = jstatPrice(t, sigma) - price;
    if (Math.abs(diff) <= 1e-12 * price) return sigma;
    if (diff > 0) hi = sigma;
    else lo = sigma;
    const d1 = (Math.log(t.S / t.K) + (t.r - q + 0.5 * sigma * sigma) * t.T) / (sigma * sqrtT);
    const vega = t.S * Math.exp(-q * t.T) * n(d1) * sqrtT;
    let next = sigma - diff / vega;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - sigma) <= 1e-12 * sigma) return next;
    sigma = next;
  }
  return NaN;
}
