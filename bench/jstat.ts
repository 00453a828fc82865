/* jStat ships no type declarations. This is the slice of its API the bench uses, typed here rather than as
 * an ambient `declare module` so nothing outside bench/ sees (or clashes with) it. */
// @ts-ignore -- untyped CommonJS module; the shape is asserted by JStat below.
import * as jstatModule from "jstat";

export interface JStat {
  mean(a: number[]): number;
  sum(a: number[]): number;
  variance(a: number[], sample?: boolean): number;
  stdev(a: number[], sample?: boolean): number;
  covariance(a: number[], b: number[]): number;
  corrcoeff(a: number[], b: number[]): number;
  diff(a: number[]): number[];
  dot(a: number[], b: number[]): number;
  normal: { cdf(x: number, mean: number, sd: number): number; pdf(x: number, mean: number, sd: number): number };
  studentt: { inv(p: number, dof: number): number };
}

export const jStat: JStat = (jstatModule as unknown as { jStat: JStat }).jStat;
