import { addDays, daysBetween, detentionClock } from '../../../src/packets/detention';

describe('detention clock', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2024-06-14', 30)).toBe('2024-07-14');
    expect(addDays('2024-12-20', 30)).toBe('2025-01-19');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('derives the response, decision and protest deadlines', () => {
    const c = detentionClock({ id: 'S1', detainedOn: '2024-06-14', noticeDate: '2024-06-18' }, '2024-06-20');
    expect(c).toMatchObject({ shipmentId: 'S1', detainedOn: '2024-06-14', noticeDate: '2024-06-18' });
    expect(c.deadlines.map((d) => [d.name, d.date, d.daysLeft, d.status])).toEqual([
      ['Importer response to the detention notice', '2024-07-18', 28, 'OPEN'],
      ['CBP admissibility decision (otherwise deemed excluded)', '2024-07-14', 24, 'OPEN'],
      ['Protest against the (deemed) exclusion', '2025-01-10', 204, 'OPEN'],
    ]);
    for (const d of c.deadlines) expect(d.basis).toMatch(/19 CFR 151\.16/);
  });

  it('marks deadlines near and past', () => {
    const c = detentionClock({ id: 'S1', detainedOn: '2024-06-14', noticeDate: '2024-06-18' }, '2024-07-15');
    expect(c.deadlines.map((d) => d.status)).toEqual(['NEAR', 'PAST', 'OPEN']);
    expect(c.deadlines[1].daysLeft).toBe(-1);
    const late = detentionClock({ id: 'S1', detainedOn: '2024-06-14' }, '2025-01-01');
    expect(late.deadlines.map((d) => [d.name.split(' ')[0], d.status])).toEqual([
      ['CBP', 'PAST'],
      ['Protest', 'NEAR'],
    ]);
  });

  it('has no deadlines without detention dates', () => {
    expect(detentionClock({ id: 'S1' }, '2024-07-15').deadlines).toEqual([]);
  });
});
