// Saved operations for the GraphQL console: the contract operations first, on the demo data.
export interface Example {
  title: string;
  query: string;
  /** JSON text; where a value depends on the data (a fingerprint, a match id) it is read from the server first */
  variables: string | ((seed: SeedValues) => string);
}

/** Values of the demo seed that the server computes, read once when the console opens. */
export interface SeedValues {
  fingerprint: string;
  matchId: string;
}
export const SEED_VALUES_QUERY = `query SeedValues {
  rebuttalPacket(shipmentId: "S-8") { fingerprint }
  screeningMatches(first: 1) { items { id } }
}`;
export const NO_SEED_VALUES: SeedValues = {
  fingerprint: 'take one from rebuttalPacket',
  matchId: 'take one from screeningMatches',
};
/** The seed values from SEED_VALUES_QUERY's answer, or the placeholders where it has none. */
export function seedValues(data: unknown): SeedValues {
  const d = data as { rebuttalPacket?: { fingerprint?: string }; screeningMatches?: { items?: { id?: string }[] } } | null;
  return {
    fingerprint: d?.rebuttalPacket?.fingerprint ?? NO_SEED_VALUES.fingerprint,
    matchId: d?.screeningMatches?.items?.[0]?.id ?? NO_SEED_VALUES.matchId,
  };
}
export const variablesOf = (ex: Example, seed: SeedValues): string =>
  typeof ex.variables === 'string' ? ex.variables : ex.variables(seed);

const v = (o: Record<string, unknown>) => JSON.stringify(o, null, 2);

export const EXAMPLES: Example[] = [
  {
    title: 'traceShipment (contract)',
    query: `# Walk a shipment's supply chain upstream and flag every exposed hop.
query TraceShipment($id: ID!, $maxTiers: Int, $asOf: Date) {
  traceShipment(id: $id, maxTiers: $maxTiers, asOf: $asOf) {
    shipmentId verdict asOf tiers truncated entityListVersion
    flags { kind firmId facilityId flowId tier reason path evidence }
    parties { firmId facilityId name tier role }
    hops { flowId tier fromFacilityId toFacilityId materialId inputs lotAllocated documents }
  }
}`,
    variables: v({ id: 'S-2' }),
  },
  {
    title: 'screenName (contract)',
    query: `# Screen a name against the UFLPA Entity List, in any spelling or script.
query ScreenName($name: String!, $country: String, $limit: Int) {
  screenName(name: $name, country: $country, limit: $limit) {
    entityName matchedName score decision section effectiveDate coversSubsidiaries agreedTokens reason
  }
}`,
    variables: v({ name: 'Hoshine Silicon Industry Shanshan', limit: 5 }),
  },
  {
    title: 'supplierPaths (contract)',
    query: `# Material paths from one firm or facility to another, shortest first.
query SupplierPaths($from: ID!, $to: ID!, $maxDepth: Int) {
  supplierPaths(from: $from, to: $to, maxDepth: $maxDepth) { nodes flows }
}`,
    variables: v({ from: 'F-hoshine', to: 'F-sunbridge', maxDepth: 8 }),
  },
  {
    title: 'rebuttalPacket (contract)',
    query: `# The documentation packet for a shipment (markdown, gaps, exhibits, download URLs).
query RebuttalPacket($shipmentId: ID!, $asOf: Date) {
  rebuttalPacket(shipmentId: $shipmentId, asOf: $asOf) {
    shipmentId kind verdict fingerprint completeness
    gaps { flowId missing note }
    exhibits { number documentId type title }
    downloads { markdown html pdf zip }
    identicalShipments
    markdown
  }
}`,
    variables: v({ shipmentId: 'S-8' }),
  },
  {
    title: 'shipmentsWithFingerprint (contract)',
    query: `# Shipments whose traced supply chain has this fingerprint (take one from rebuttalPacket).
query SameChain($fingerprint: String!) {
  shipmentsWithFingerprint(fingerprint: $fingerprint)
}`,
    variables: (seed) => v({ fingerprint: seed.fingerprint }),
  },
  {
    title: 'importBundle (contract)',
    query: `# Import a bundle v1 (all or nothing). This one adds one firm.
mutation ImportBundle($bundle: JSON!) {
  importBundle(bundle: $bundle) { firms facilities flows documents shipments materials ownership }
}`,
    variables: v({ bundle: { bundleVersion: 1, firms: [{ id: 'F-example', name: 'Example Trading Co.', country: 'US' }] } }),
  },
  {
    title: 'shipmentRisks',
    query: `# Every shipment of the tenant with its verdict and flag counts.
query ShipmentRisks($first: Int, $after: String) {
  shipmentRisks(first: $first, after: $after) {
    total hasNextPage endCursor
    items { shipmentId entryNumber importerId verdict tiers flagCounts { kind count } }
  }
}`,
    variables: v({ first: 50 }),
  },
  {
    title: 'searchFirms + firm',
    query: `query FindFirm($text: String!) {
  searchFirms(text: $text, limit: 10) {
    id name aliases localName country address
    facilities { id name city province country }
    screening { id entityName matchedName score decision status }
  }
}`,
    variables: v({ text: '合盛' }),
  },
  {
    title: 'neighbourhood',
    query: `query Neighbourhood($firmId: ID!, $depth: Int, $direction: Direction) {
  neighbourhood(firmId: $firmId, depth: $depth, direction: $direction) {
    nodes { id kind name firmId depth }
    edges { id kind from to materialId share }
  }
}`,
    variables: v({ firmId: 'F-hoshine', depth: 2, direction: 'BOTH' }),
  },
  {
    title: 'screeningMatches + confirmMatch',
    query: `query Pending {
  screeningMatches(status: PENDING, first: 20) {
    total items { id firmId firmName entityName matchedName score decision status }
  }
}

mutation Confirm($id: ID!, $note: String) {
  confirmMatch(id: $id, note: $note) { id status decidedBy decidedAt note }
}`,
    variables: (seed) => v({ id: seed.matchId, note: 'checked the registration number' }),
  },
];
