// Dates of the policies the generator follows.
import { dayFromDate } from './days';

/** 居民户口 replaces the agricultural / non-agricultural distinction (国发〔2014〕25号). */
export const RESIDENT_HUKOU_SINCE = dayFromDate('2014-07-30');

/** 独生子女父母光荣证 are issued for children born under the one-child policy. */
export const ONLY_CHILD_POLICY_SINCE = dayFromDate('1979-01-01');

/** Hukou type given on `day` to someone registered at a village: 居民户口 after the reform, else town or village. */
export function hukouTypeFor(inside: boolean, urban: boolean, day: number): number {
  if (!inside) return 0;
  if (day >= RESIDENT_HUKOU_SINCE) return 3;
  return urban ? 2 : 1;
}
