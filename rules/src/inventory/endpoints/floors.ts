import { compareTls, TlsFloor } from '../../data/tls';

/** The weakest floor of some policy names; undefined when there are none or one is not in the table. */
export function weakestFloor(names: readonly string[] | undefined, floorOf: (name: string) => TlsFloor | undefined): TlsFloor | undefined {
  if (!names || !names.length) return undefined;
  let weakest: TlsFloor | undefined;
  for (const n of names) {
    const f = floorOf(n);
    if (f === undefined) return undefined;
    if (weakest === undefined || compareTls(f, weakest) < 0) weakest = f;
  }
  return weakest;
}
