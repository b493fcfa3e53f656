// Dates as the list's sources write them, read to YYYY-MM-DD.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const n = MONTHS[w.slice(0, 3)];
  // the whole word must be a prefix of the month's name ("Sept", "June", "Jun")
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return n && full[n - 1].startsWith(w) ? n : undefined;
}

/**
 * The first date in a text as YYYY-MM-DD: "June 21, 2022", "Jun. 21, 2022", "21 June 2022",
 * "2022-06-21" (also with a time), "6/21/2022" (US order). Null when there is none.
 */
export function parseDate(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const patterns: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/, (m) => isoDate(+m[1], +m[2], +m[3])],
    [
      /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/,
      (m) => {
        const mo = monthNumber(m[1]);
        return mo ? isoDate(+m[3], mo, +m[2]) : null;
      },
    ],
    [
      /\b(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})\b/,
      (m) => {
        const mo = monthNumber(m[2]);
        return mo ? isoDate(+m[3], mo, +m[1]) : null;
      },
    ],
    [/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, (m) => isoDate(+m[3], +m[1], +m[2])],
  ];
  let best: { at: number; date: string } | null = null;
  for (const [re, toIso] of patterns) {
    const g = new RegExp(re.source, 'g');
    for (let m = g.exec(t); m; m = g.exec(t)) {
      const date = toIso(m);
      if (date) {
        if (!best || m.index < best.at) best = { at: m.index, date };
        break;
      }
    }
  }
  return best?.date ?? null;
}

/** The latest of some YYYY-MM-DD dates (ignoring empty ones), or null. */
export function latestDate(dates: Iterable<string | null | undefined>): string | null {
  let max: string | null = null;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}
