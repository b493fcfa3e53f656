// Screening decision thresholds. The defaults come from the threshold sweep that `npm run bench`
// prints over the tune half of test/fixtures/screening-eval*.json (POSSIBLE: the best F1 among
// thresholds with precision >= 0.97); change them there first, and read the report half's numbers.

export interface ScreeningConfig {
  /** Score at or above which a candidate is decided MATCH. */
  matchThreshold: number;
  /** Score at or above which a candidate is returned at all, decided POSSIBLE below matchThreshold. */
  possibleThreshold: number;
  /** Fraction taken off the score when the caller's country is outside the entry's (CN/HK/MO). */
  foreignCountryPenalty: number;
}

export const DEFAULT_SCREENING_CONFIG: Readonly<ScreeningConfig> = Object.freeze({
  matchThreshold: 0.9,
  possibleThreshold: 0.65,
  foreignCountryPenalty: 0.15,
});

function unit(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new Error(`${name} must be a number in (0, 1], got "${raw}"`);
  return n;
}

/** Defaults, overridden by SCREEN_MATCH_THRESHOLD / SCREEN_POSSIBLE_THRESHOLD / SCREEN_FOREIGN_COUNTRY_PENALTY. */
export function loadScreeningConfig(env: NodeJS.ProcessEnv = process.env): ScreeningConfig {
  const d = DEFAULT_SCREENING_CONFIG;
  return checkScreeningConfig({
    matchThreshold: unit(env, 'SCREEN_MATCH_THRESHOLD', d.matchThreshold),
    possibleThreshold: unit(env, 'SCREEN_POSSIBLE_THRESHOLD', d.possibleThreshold),
    foreignCountryPenalty: unit(env, 'SCREEN_FOREIGN_COUNTRY_PENALTY', d.foreignCountryPenalty),
  });
}

export function checkScreeningConfig(cfg: ScreeningConfig): ScreeningConfig {
  for (const [k, v] of Object.entries(cfg)) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`screening ${k} must be a number in [0, 1], got ${v}`);
  }
  if (cfg.possibleThreshold > cfg.matchThreshold) {
    throw new Error(`SCREEN_POSSIBLE_THRESHOLD (${cfg.possibleThreshold}) must not exceed SCREEN_MATCH_THRESHOLD (${cfg.matchThreshold})`);
  }
  return cfg;
}
