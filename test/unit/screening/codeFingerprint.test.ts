// The screening fingerprint start-up compares with the store's (rescreen.ts): the same for the
// same code and thresholds, another for other thresholds, and built from the files that decide a
// match (not the evaluation, which only measures it).
import { screeningFingerprint } from '../../../src/screening/codeFingerprint';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';

describe('screeningFingerprint', () => {
  it('is the same for the same code and thresholds, and another when a threshold moves', () => {
    const a = screeningFingerprint(DEFAULT_SCREENING_CONFIG);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(screeningFingerprint({ ...DEFAULT_SCREENING_CONFIG })).toBe(a);
    expect(
      screeningFingerprint({ ...DEFAULT_SCREENING_CONFIG, possibleThreshold: DEFAULT_SCREENING_CONFIG.possibleThreshold - 0.01 }),
    ).not.toBe(a);
  });
});
