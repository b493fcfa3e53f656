import { oneFirmPerEntity } from '../../../src/lookup';

describe('firm search: one answer per legal entity', () => {
  // sameIds: every record linked over SAME_AS, however many links away
  it('keeps the first record of an entity found under several names, in the order found', () => {
    const rows = [
      { firm: { id: 'A' }, sameIds: ['B', 'D'] },
      { firm: { id: 'C' }, sameIds: [] },
      { firm: { id: 'B' }, sameIds: ['A', 'D'] },
      { firm: { id: 'D' }, sameIds: ['A', 'B'] },
      { firm: { id: 'E' }, sameIds: [] },
    ];
    expect(oneFirmPerEntity(rows).map((f) => f.id)).toEqual(['A', 'C', 'E']);
  });
});
