// The detention clock: deadlines that follow from a detained shipment's dates under
// 19 CFR 151.16 and 19 U.S.C. 1499(c) / 1514. Pure: "today" is an argument.

export interface Deadline {
  name: string;
  date: string;
  daysLeft: number;
  status: 'PAST' | 'NEAR' | 'OPEN';
  basis: string;
}
export interface DetentionClock {
  shipmentId: string;
  detainedOn: string | null;
  noticeDate: string | null;
  deadlines: Deadline[];
}

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * DAY).toISOString().slice(0, 10);
}
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY);
}

function deadline(name: string, date: string, today: string, nearDays: number, basis: string): Deadline {
  const daysLeft = daysBetween(today, date);
  return { name, date, daysLeft, status: daysLeft < 0 ? 'PAST' : daysLeft <= nearDays ? 'NEAR' : 'OPEN', basis };
}

/**
 * The bundle holds no presentation date; detention follows presentation within five
 * working days (151.16(b)), so the detention date stands in for it and the basis says so.
 */
export function detentionClock(
  shipment: { id: string; detainedOn?: string | null; noticeDate?: string | null },
  today: string,
): DetentionClock {
  const detainedOn = shipment.detainedOn ?? null;
  const noticeDate = shipment.noticeDate ?? null;
  const deadlines: Deadline[] = [];
  if (noticeDate) {
    deadlines.push(
      deadline(
        'Importer response to the detention notice',
        addDays(noticeDate, 30),
        today,
        7,
        '30 days from the notice of detention (' +
          noticeDate +
          '), the period a UFLPA detention notice gives to furnish admissibility information (19 CFR 151.16(c)).',
      ),
    );
  }
  const presented = detainedOn ?? noticeDate;
  if (presented) {
    const decision = addDays(presented, 30);
    const stand = detainedOn ? `the detention date ${detainedOn}` : `the notice date ${noticeDate} (no detention date recorded)`;
    deadlines.push(
      deadline(
        'CBP admissibility decision (otherwise deemed excluded)',
        decision,
        today,
        7,
        `30 days after presentation for examination, taken as ${stand}; without a decision the goods are deemed excluded ` +
          '(19 CFR 151.16; 19 U.S.C. 1499(c)(5)(A)). An earlier presentation makes this date earlier.',
      ),
    );
    deadlines.push(
      deadline(
        'Protest against the (deemed) exclusion',
        addDays(decision, 180),
        today,
        30,
        `180 days after the exclusion, counted from the deemed exclusion on ${decision} (19 CFR 151.16; 19 U.S.C. 1514(c)(3)). ` +
          'An earlier actual exclusion notice starts the period earlier.',
      ),
    );
  }
  return { shipmentId: shipment.id, detainedOn, noticeDate, deadlines };
}
