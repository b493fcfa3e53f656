// Resolvers only translate: the caller's role and tenant from the context, the arguments
// parsed (src/args.ts; every String and ID argument under the text policy first,
// validation/textArguments.ts), then one call into a capability.
import { DateScalar, JSONScalar } from './scalars';
import { BadInputError } from '../errors';
import { boundedInt, optionalCountry, optionalText, requiredText } from '../args';
import { RequestContext, requireRole } from './context';
import { importBundle } from '../import';
import {
  traceShipment,
  originConcentration,
  supplierPaths,
  neighbourhood,
  networkFlags,
  ownershipChain,
  exposure,
  shipmentRisks,
  specifiedFlagKinds,
} from '../trace';
import { BundleValidationError } from '../import/validate';
import { facilitiesOfFirm, facilityById, firmById, sameEntityAs, searchFirms, shipmentById } from '../lookup';
import { matchesOfFirm, matchesPage } from '../screening/matches';
import { decideMatch, disputeMatch, ReviewDecision } from '../screening/decisions';
import { decideDuplicate, decideFacilityDuplicate, duplicatesPage, facilityDuplicatesPage, sameSiteAs } from '../screening/duplicates';
import { packetResolvers } from './packetResolvers';
import { auditPage } from '../audit';
import type { ArgsOf, SchemaArgs } from './schemaArgs';
import { withTextPolicy } from './validation/textArguments';
import { firmShape } from './selection';
import type { GraphQLResolveInfo } from 'graphql';

/** Arguments as the schema declares them (generated from schema.graphql). */
type Args = SchemaArgs;

async function listVersion(ctx: RequestContext): Promise<string> {
  return (await ctx.services.screening.current()).list.version;
}

export const resolvers = {
  Date: DateScalar,
  JSON: JSONScalar,
  Query: withTextPolicy({
    traceShipment: async (_: unknown, a: Args, ctx: RequestContext) =>
      traceShipment(ctx.services.graph, ctx.tenant, { id: a.id, maxTiers: a.maxTiers, asOf: a.asOf }, await listVersion(ctx)),

    screenName: async (_: unknown, a: Args, ctx: RequestContext) => {
      const name = requiredText('name', a.name);
      const country = optionalCountry('country', a.country);
      const limit = boundedInt('limit', a.limit, 10, 100);
      const found = await ctx.services.screening.screenName(name, country, limit);
      return found.map((c) => ({ ...c, sections: c.sections ?? [] }));
    },

    supplierPaths: (_: unknown, a: Args, ctx: RequestContext) =>
      supplierPaths(ctx.services.graph, ctx.tenant, { from: a.from, to: a.to, maxDepth: a.maxDepth, limit: a.limit }),

    // one query for the firm and what the operation selects of it (its facilities too)
    firm: (_: unknown, a: Args, ctx: RequestContext, info: GraphQLResolveInfo) =>
      firmById(ctx.services.graph, ctx.tenant, a.id, firmShape(info)),
    facility: (_: unknown, a: Args, ctx: RequestContext) => facilityById(ctx.services.graph, ctx.tenant, a.id),
    shipment: (_: unknown, a: Args, ctx: RequestContext) => shipmentById(ctx.services.graph, ctx.tenant, a.id),
    searchFirms: (_: unknown, a: Args, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const text = requiredText('text', a.text, 200);
      const limit = boundedInt('limit', a.limit, 20, 200);
      return searchFirms(ctx.services.graph, ctx.tenant, text, limit, firmShape(info));
    },

    shipmentRisks: async (_: unknown, a: Args, ctx: RequestContext) =>
      shipmentRisks(ctx.services.graph, ctx.tenant, await listVersion(ctx), {
        first: a.first,
        after: a.after,
        asOf: a.asOf,
        verdict: a.verdict,
        flagKind: a.flagKind,
        importerId: a.importerId,
        enteredFrom: a.enteredFrom,
        enteredTo: a.enteredTo,
        orderBy: a.orderBy,
      }),
    neighbourhood: (_: unknown, a: ArgsOf<'neighbourhood'>, ctx: RequestContext) =>
      neighbourhood(ctx.services.graph, ctx.tenant, { firmId: a.firmId, depth: a.depth, direction: a.direction }),
    ownershipChain: (_: unknown, a: ArgsOf<'ownershipChain'>, ctx: RequestContext) =>
      ownershipChain(ctx.services.graph, ctx.tenant, a.firmId),
    originConcentration: (_: unknown, a: ArgsOf<'originConcentration'>, ctx: RequestContext) =>
      originConcentration(ctx.services.graph, ctx.tenant, requiredText('heading', a.heading, 40)),
    exposure: async (_: unknown, a: ArgsOf<'exposure'>, ctx: RequestContext) =>
      exposure(ctx.services.graph, ctx.tenant, await listVersion(ctx), { firmId: a.firmId, first: a.first, after: a.after, asOf: a.asOf }),

    entityList: async (_: unknown, __: Args, ctx: RequestContext) => {
      const { list } = await ctx.services.screening.current();
      return { version: list.version, snapshotDate: list.snapshotDate, entries: list.entries.length, source: list.source };
    },
    screeningMatches: (_: unknown, a: Args, ctx: RequestContext) => {
      const first = boundedInt('first', a.first, 50, 500);
      return matchesPage(ctx.services.graph, ctx.tenant, { status: a.status, firmId: a.firmId, after: a.after, first });
    },
    duplicateFirms: (_: unknown, a: ArgsOf<'duplicateFirms'>, ctx: RequestContext) => {
      const first = boundedInt('first', a.first, 50, 500);
      return duplicatesPage(ctx.services.graph, ctx.tenant, { status: a.status, firmId: a.firmId, after: a.after, first });
    },
    duplicateFacilities: (_: unknown, a: ArgsOf<'duplicateFacilities'>, ctx: RequestContext) => {
      const first = boundedInt('first', a.first, 50, 500);
      return facilityDuplicatesPage(ctx.services.graph, ctx.tenant, { status: a.status, facilityId: a.facilityId, after: a.after, first });
    },
    auditLog: async (_: unknown, a: Args, ctx: RequestContext) => {
      requireRole(ctx, 'ADMIN');
      const first = boundedInt('first', a.first, 100, 1000);
      return auditPage(ctx.services.graph, ctx.tenant, { first, before: a.before, action: a.action });
    },
    flagKinds: () =>
      specifiedFlagKinds.map(({ kind, presumptive, verdictEffect, display }) => ({ kind, presumptive, verdictEffect, ...display })),
    ...packetResolvers.Query,
  }),
  Mutation: withTextPolicy({
    importBundle: async (_: unknown, a: Args, ctx: RequestContext) => {
      requireRole(ctx, 'IMPORTER', 'ADMIN');
      try {
        return await importBundle(ctx.services, ctx.tenant, a.bundle, { actor: ctx.principal.tokenId });
      } catch (e) {
        if (e instanceof BundleValidationError) throw bundleRejected(e);
        throw e;
      }
    },
    confirmMatch: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'CONFIRMED', a.note),
    rejectMatch: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'REJECTED', a.note),
    confirmDuplicate: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'CONFIRMED', a.note, decideDuplicate),
    rejectDuplicate: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'REJECTED', a.note, decideDuplicate),
    confirmFacilityDuplicate: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'CONFIRMED', a.note, decideFacilityDuplicate),
    rejectFacilityDuplicate: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'REJECTED', a.note, decideFacilityDuplicate),
    disputeMatch: (_: unknown, a: Args, ctx: RequestContext) => {
      // the importer is the party under review: it may argue its case, never decide it
      requireRole(ctx, 'IMPORTER', 'ADMIN');
      const note = requiredText('note', a.note, 2000);
      return disputeMatch(ctx.services.graph, ctx.tenant, { id: a.id, note, actor: ctx.principal.tokenId });
    },
  }),
  Firm: {
    // read with the firm where its look-up saw them selected; a firm from elsewhere (sameAs) reads them here
    facilities: (firm: { id: string; facilities?: unknown[] }, _: Args, ctx: RequestContext) =>
      firm.facilities ?? facilitiesOfFirm(ctx.services.graph, ctx.tenant, firm.id),
    screening: (firm: { id: string }, _: Args, ctx: RequestContext) => matchesOfFirm(ctx.services.graph, ctx.tenant, firm.id),
    aliases: (firm: { aliases?: string[] }) => firm.aliases ?? [],
    sameAs: (firm: { id: string }, _: Args, ctx: RequestContext) => sameEntityAs(ctx.services.graph, ctx.tenant, firm.id),
  },
  Facility: {
    sameSiteAs: (facility: { id: string }, _: Args, ctx: RequestContext) => sameSiteAs(ctx.services.graph, ctx.tenant, facility.id),
  },
  Neighbourhood: {
    flags: async (net: Parameters<typeof networkFlags>[3], _: Args, ctx: RequestContext) =>
      networkFlags(ctx.services.graph, ctx.tenant, await listVersion(ctx), net),
  },
  Shipment: {
    detention: (s: { detainedOn?: string; noticeDate?: string }) =>
      s.detainedOn || s.noticeDate ? { detainedOn: s.detainedOn ?? null, noticeDate: s.noticeDate ?? null } : null,
  },
  ...packetResolvers.types,
};

/** Every error listed (MAX_LISTED_ERRORS at most), with how many there are in all. */
const bundleRejected = (e: BundleValidationError) =>
  new BadInputError(e.message, 'bundle', { errors: e.errors, errorCount: e.total, errorCountComplete: !e.countStopped });

/**
 * Confirming or rejecting is for reviewers: an importer would be clearing its own supplier
 * (a match rejected, or a listed firm's duplicate rejected). Matches and duplicate firms alike.
 */
function decide(ctx: RequestContext, id: string, status: ReviewDecision, note?: string | null, apply = decideMatch) {
  requireRole(ctx, 'INVESTIGATOR', 'ADMIN');
  const checkedNote = optionalText('note', note, 2000);
  return apply(ctx.services.graph, ctx.tenant, {
    id,
    status,
    note: checkedNote,
    actor: ctx.principal.tokenId,
    fourEyes: ctx.services.config.reviewFourEyes,
  });
}
