import { FLAG_KINDS, PRESUMPTIVE_FLAG_KINDS, verdictOf } from '../../../../src/trace/rules';

describe('verdictOf', () => {
  it('lists the flag kinds of the contract, POSSIBLE_LISTING, TIER_LIMIT, UNLOCATED_XUAR_NAME and UNDECIDED_XUAR_PLACE, three of them presumptive', () => {
    expect([...FLAG_KINDS]).toEqual([
      'XUAR_LOCATION',
      'UFLPA_LISTED',
      'LISTED_AFFILIATE',
      'POSSIBLE_LISTING',
      'NAME_INDICATOR',
      'DISGUISED_NAME',
      'HIGH_PRIORITY_SECTOR',
      'UNTRACED_INPUT',
      'TIER_LIMIT',
      'UNLOCATED_XUAR_NAME',
      'UNDECIDED_XUAR_PLACE',
      'ORIGIN_MISMATCH',
      'TRANSSHIPMENT',
      'YARN_FORWARD_FAIL',
    ]);
    expect([...PRESUMPTIVE_FLAG_KINDS]).toEqual(['XUAR_LOCATION', 'UFLPA_LISTED', 'LISTED_AFFILIATE']);
  });

  it.each(['XUAR_LOCATION', 'UFLPA_LISTED', 'LISTED_AFFILIATE'])('FLAGGED on %s, even with an untraced input', (kind) => {
    expect(verdictOf([kind])).toBe('FLAGGED');
    expect(verdictOf(['UNTRACED_INPUT', 'NAME_INDICATOR', kind])).toBe('FLAGGED');
  });

  it('INCOMPLETE on an untraced input or an unreviewed possible listing without a presumptive flag', () => {
    expect(verdictOf(['UNTRACED_INPUT'])).toBe('INCOMPLETE');
    expect(verdictOf(['POSSIBLE_LISTING', 'NAME_INDICATOR'])).toBe('INCOMPLETE');
    expect(verdictOf(['UNLOCATED_XUAR_NAME'])).toBe('INCOMPLETE');
    expect(verdictOf(['UNLOCATED_XUAR_NAME', 'XUAR_LOCATION'])).toBe('FLAGGED');
    expect(verdictOf(['UNDECIDED_XUAR_PLACE'])).toBe('INCOMPLETE');
    expect(verdictOf(['POSSIBLE_LISTING', 'UFLPA_LISTED'])).toBe('FLAGGED');
    expect(verdictOf(['HIGH_PRIORITY_SECTOR', 'UNTRACED_INPUT', 'NAME_INDICATOR'])).toBe('INCOMPLETE');
  });

  it('CLEAR otherwise: name indicators and high-priority sectors do not change the verdict', () => {
    expect(verdictOf([])).toBe('CLEAR');
    expect(verdictOf(['NAME_INDICATOR', 'HIGH_PRIORITY_SECTOR'])).toBe('CLEAR');
    expect(verdictOf(['DISGUISED_NAME', 'NAME_INDICATOR'])).toBe('CLEAR');
    expect(verdictOf(['SOMETHING_ELSE'])).toBe('CLEAR');
    expect(verdictOf(['ORIGIN_MISMATCH', 'TRANSSHIPMENT', 'YARN_FORWARD_FAIL'])).toBe('CLEAR');
  });
});
