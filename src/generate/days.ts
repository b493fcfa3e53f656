// Days as numbers since 1970-01-01 (UTC), the generator's calendar.

const DAY_MS = 86_400_000;
export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoCache = new Map<number, string>();
export const isoOf = (day: number) => {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
};
/** Networks start between these days. */
export const START_MIN = dayOf('2023-07-01');
export const START_MAX = dayOf('2025-06-30');
