// HIGH_PRIORITY_SECTOR: the material shipped falls in a FLETF high-priority sector (by its
// sector or its HS code). Shown for review; it does not change the verdict.
import { defineFlagKind, materialNameOf, siteOf } from '../flagKind';
import { judgeSector } from '../judges';

export const highPrioritySector = defineFlagKind({
  kind: 'HIGH_PRIORITY_SECTOR',
  presumptive: false,
  verdictEffect: null,
  judge: (hop) => (hop.material ? judgeSector(hop.material) : null),
  pinsFacility: true,
  reason: (hop, sector) => `${materialNameOf(hop)} shipped by ${siteOf(hop)} falls in the FLETF high-priority sector ${sector.sector}.`,
  evidence: (hop, sector) => [
    `sector ${sector.sector}`,
    sector.prefix ? `HS ${hop.material?.hsCode} starts with ${sector.prefix}` : 'sector set on the material',
  ],
  display: {
    label: 'High-priority sector',
    icon: 'ℹ',
    severity: 'INFO',
    legend: 'high-priority sector',
    description:
      'The material falls in a FLETF high-priority sector (apparel, cotton, polysilicon, tomatoes...), by its sector or HS code.',
  },
});
