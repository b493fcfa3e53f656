// The engine's entry points to the text rules, remembered by input (see memo.ts). Their
// results are shared between calls: read them, never change them.
import { memoByInput } from './memo';
import { locateInXuar as locate } from './xuarPlaceMatcher';
import { nameIndicators as indicators } from './nameIndicator';
import { highPrioritySector as sectorOf } from './highPrioritySector';
const SEP = '\u0000';
export const judgeLocation = memoByInput(locate, (l) =>
  [l.country, l.province, l.prefecture, l.city, l.county, l.address].map((x) => x ?? '').join(SEP),
);
export const judgeNames = memoByInput(indicators, (names) => names.join(SEP));
export const judgeSector = memoByInput(sectorOf, (m) => `${m.hsCode ?? ''}${SEP}${m.sector ?? ''}`);
