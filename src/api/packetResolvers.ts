// GraphQL resolvers of the packets capability; src/api/resolvers.ts spreads them in.
import type { RequestContext } from './context';
import { buildPacket, detentionClockFor, downloadUrls, shipmentsWithFingerprint, supplyChainDiff } from '../packets';

import type { SchemaArgs } from './schemaArgs';

type Args = SchemaArgs;

export const packetResolvers = {
  Query: {
    rebuttalPacket: async (_: unknown, a: Args, ctx: RequestContext) => {
      const p = await buildPacket(ctx.services, ctx.tenant, a.shipmentId, a.asOf, a.statusOn);
      return {
        shipmentId: p.shipmentId,
        kind: p.kind,
        verdict: p.verdict,
        fingerprint: p.fingerprint,
        markdown: p.markdown,
        gaps: p.gaps,
        exhibits: p.exhibits,
        completeness: p.completeness,
        identicalShipments: p.identicalShipments,
        statusOn: p.statusOn,
        downloads: downloadUrls(ctx.services.config.publicUrl, p.shipmentId, a.asOf, p.statusOn),
      };
    },
    shipmentsWithFingerprint: (_: unknown, a: Args, ctx: RequestContext) =>
      shipmentsWithFingerprint(ctx.services, ctx.tenant, a.fingerprint),
    detentionClock: (_: unknown, a: Args, ctx: RequestContext) => detentionClockFor(ctx.services, ctx.tenant, a.shipmentId, a.today),
    supplyChainDiff: (_: unknown, a: Args, ctx: RequestContext) =>
      supplyChainDiff(ctx.services, ctx.tenant, a.shipmentId, a.againstShipmentId),
  } as Record<string, unknown>,
  types: {} as Record<string, unknown>,
};
