// Resolvers: argument checks, tenant from the context, then one call into a capability.
import { DateScalar, JSONScalar } from './scalars';
import { BadInputError, NotFoundError } from './errors';
import { RequestContext, requireRole } from './context';
import { importBundle } from '../import';
import { traceShipment, supplierPaths, neighbourhood, ownershipChain, exposure, shipmentRisks } from '../trace';
import { BundleValidationError } from '../import/validate';
import * as LQ from './lookupCypher';
import * as SQ from '../screening/cypher';
import { packetResolvers } from '../packets/resolvers';
import { auditPage, recordAuditInTx } from '../audit';
import { runRows } from '../graph/graph';
import { bumpTenantVersion } from '../graph/tenantVersion';
import type { ArgsOf, SchemaArgs } from './schemaArgs';

/** Arguments as the schema declares them (generated from schema.graphql). */
type Args = SchemaArgs;

const MAX_NAME = 500;
function checkText(name: string, v: unknown, max = MAX_NAME): string {
  if (typeof v !== 'string' || !v.trim()) throw new BadInputError(`${name} must not be empty`, name);
  if (v.length > max) throw new BadInputError(`${name} must be at most ${max} characters, got ${v.length}`, name);
  return v;
}
function checkLimit(name: string, v: number | null | undefined, fallback: number, max: number): number {
  if (v === null || v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1 || v > max) throw new BadInputError(`${name} must be an integer from 1 to ${max}, got ${v}`, name);
  return v;
}

async function listVersion(ctx: RequestContext): Promise<string> {
  return (await ctx.services.screening.current()).list.version;
}

export const resolvers = {
  Date: DateScalar,
  JSON: JSONScalar,
  Query: {
    traceShipment: async (_: unknown, a: Args, ctx: RequestContext) =>
      traceShipment(ctx.services.graph, ctx.tenant, { id: a.id, maxTiers: a.maxTiers, asOf: a.asOf }, await listVersion(ctx)),

    screenName: async (_: unknown, a: Args, ctx: RequestContext) => {
      const name = checkText('name', a.name);
      if (a.country != null && !/^[A-Za-z]{2}$/.test(a.country)) throw new BadInputError('country must be an ISO 3166-1 alpha-2 code such as "CN"', 'country');
      const limit = checkLimit('limit', a.limit, 10, 100);
      const found = await ctx.services.screening.screenName(name, a.country?.toUpperCase(), limit);
      return found.map((c) => ({ ...c, sections: c.sections ?? [] }));
    },

    supplierPaths: (_: unknown, a: Args, ctx: RequestContext) =>
      supplierPaths(ctx.services.graph, ctx.tenant, { from: a.from, to: a.to, maxDepth: a.maxDepth, limit: a.limit }),

    firm: async (_: unknown, a: Args, ctx: RequestContext) => {
      const [row] = await ctx.services.graph.read<{ firm: Record<string, unknown> }>(LQ.FIRM_BY_ID, { tenant: ctx.tenant, id: a.id });
      return row?.firm ?? null;
    },
    facility: async (_: unknown, a: Args, ctx: RequestContext) => {
      const [row] = await ctx.services.graph.read<{ facility: Record<string, unknown> }>(LQ.FACILITY_BY_ID, { tenant: ctx.tenant, id: a.id });
      return row?.facility ?? null;
    },
    shipment: async (_: unknown, a: Args, ctx: RequestContext) => {
      const [row] = await ctx.services.graph.read<{ shipment: Record<string, unknown> }>(LQ.SHIPMENT_BY_ID, { tenant: ctx.tenant, id: a.id });
      return row?.shipment ?? null;
    },
    searchFirms: async (_: unknown, a: Args, ctx: RequestContext) => {
      const text = checkText('text', a.text, 200).toLowerCase();
      const limit = checkLimit('limit', a.limit, 20, 200);
      const rows = await ctx.services.graph.read<{ firm: Record<string, unknown> }>(LQ.SEARCH_FIRMS, { tenant: ctx.tenant, text, limit });
      return rows.map((r) => r.firm);
    },

    shipmentRisks: async (_: unknown, a: Args, ctx: RequestContext) =>
      shipmentRisks(ctx.services.graph, ctx.tenant, await listVersion(ctx), { first: a.first, after: a.after, asOf: a.asOf }),
    neighbourhood: (_: unknown, a: ArgsOf<'neighbourhood'>, ctx: RequestContext) =>
      neighbourhood(ctx.services.graph, ctx.tenant, { firmId: a.firmId, depth: a.depth, direction: a.direction }),
    ownershipChain: (_: unknown, a: ArgsOf<'ownershipChain'>, ctx: RequestContext) => ownershipChain(ctx.services.graph, ctx.tenant, a.firmId),
    exposure: async (_: unknown, a: ArgsOf<'exposure'>, ctx: RequestContext) =>
      exposure(ctx.services.graph, ctx.tenant, await listVersion(ctx), { firmId: a.firmId, first: a.first, after: a.after, asOf: a.asOf }),

    entityList: async (_: unknown, __: Args, ctx: RequestContext) => {
      const { list } = await ctx.services.screening.current();
      return { version: list.version, snapshotDate: list.snapshotDate, entries: list.entries.length, source: list.source };
    },
    screeningMatches: async (_: unknown, a: Args, ctx: RequestContext) => {
      const first = checkLimit('first', a.first, 50, 500);
      const params = { tenant: ctx.tenant, status: a.status ?? null, firmId: a.firmId ?? null, after: a.after ?? '', first };
      const [page] = await ctx.services.graph.read<{ items: Record<string, unknown>[]; hasNextPage: boolean }>(SQ.MATCHES_PAGE, params);
      const [count] = await ctx.services.graph.read<{ total: number }>(SQ.COUNT_MATCHES, params);
      const items = page?.items ?? [];
      return { items, total: count.total, hasNextPage: page?.hasNextPage ?? false, endCursor: items.length ? String(items[items.length - 1].id) : null };
    },
    auditLog: async (_: unknown, a: Args, ctx: RequestContext) => {
      requireRole(ctx, 'ADMIN');
      const first = checkLimit('first', a.first, 100, 1000);
      return auditPage(ctx.services.graph, ctx.tenant, { first, before: a.before, action: a.action });
    },
    ...packetResolvers.Query,
  },
  Mutation: {
    importBundle: async (_: unknown, a: Args, ctx: RequestContext) => {
      requireRole(ctx, 'IMPORTER', 'ADMIN');
      try {
        return await importBundle(ctx.services, ctx.tenant, a.bundle, { actor: ctx.principal.tokenId });
      } catch (e) {
        if (e instanceof BundleValidationError) throw new BadInputError(e.message, 'bundle', { errors: e.errors.slice(0, 1000) });
        throw e;
      }
    },
    confirmMatch: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'CONFIRMED', a.note),
    rejectMatch: (_: unknown, a: Args, ctx: RequestContext) => decide(ctx, a.id, 'REJECTED', a.note),
  },
  Firm: {
    facilities: async (firm: { id: string }, _: Args, ctx: RequestContext) => {
      const rows = await ctx.services.graph.read<{ facility: Record<string, unknown> }>(LQ.FACILITIES_OF_FIRM, { tenant: ctx.tenant, id: firm.id });
      return rows.map((r) => r.facility);
    },
    screening: async (firm: { id: string }, _: Args, ctx: RequestContext) => {
      const [page] = await ctx.services.graph.read<{ items: Record<string, unknown>[] }>(SQ.MATCHES_PAGE, {
        tenant: ctx.tenant, status: null, firmId: firm.id, after: '', first: 100,
      });
      return page?.items ?? [];
    },
    aliases: (firm: { aliases?: string[] }) => firm.aliases ?? [],
  },
  Shipment: {
    detention: (s: { detainedOn?: string; noticeDate?: string }) =>
      s.detainedOn || s.noticeDate ? { detainedOn: s.detainedOn ?? null, noticeDate: s.noticeDate ?? null } : null,
  },
  ...packetResolvers.types,
};

async function decide(ctx: RequestContext, id: string, status: 'CONFIRMED' | 'REJECTED', note?: string | null) {
  requireRole(ctx, 'INVESTIGATOR', 'ADMIN', 'IMPORTER');
  if (note != null && note.length > 2000) throw new BadInputError('note must be at most 2000 characters', 'note');
  // the decision and its audit event commit together
  const row = await ctx.services.graph.writeTransaction(async (tx) => {
    const [r] = await runRows<{ match: Record<string, unknown> }>(tx, SQ.DECIDE_MATCH, {
      tenant: ctx.tenant, id, status, decidedBy: ctx.principal.tokenId, decidedAt: new Date().toISOString(), note: note ?? null,
    });
    if (r) await bumpTenantVersion(tx, ctx.tenant);
    if (r) await recordAuditInTx(tx, { tenant: ctx.tenant, actor: ctx.principal.tokenId, action: 'MATCH_DECISION', target: id, detail: { status, note: note ?? null } });
    return r;
  });
  if (!row) throw new NotFoundError(`no screening match "${id}"`);
  return row.match;
}
