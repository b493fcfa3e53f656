// Review rights (issue 14, finding 4) against real token-mode servers and the real Neo4j: an
// IMPORTER cannot confirm or reject a match (it is the party under review) but can dispute
// one in a note the reviewers see; INVESTIGATOR and ADMIN decide. With REVIEW_FOUR_EYES a
// decision on a MATCH takes effect only once a second reviewer, another token, agrees.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, Harness, uniqueTenant } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { hashToken } from '../../src/api/auth';

jest.setTimeout(180_000);

const R = uniqueTenant('rev'); // reviewed by one person
const F = uniqueTenant('rev4'); // reviewed by four eyes
const TOKENS = {
  importer: { id: 'rev-importer', role: 'IMPORTER' },
  investigator: { id: 'rev-investigator', role: 'INVESTIGATOR' },
  investigator2: { id: 'rev-investigator-2', role: 'INVESTIGATOR' },
  admin: { id: 'rev-admin', role: 'ADMIN' },
} as const;
type Who = keyof typeof TOKENS;
const secret = (tenant: string, who: Who) => `tok-${tenant}-${who}`;

let dir: string;
let single: Harness;
let fourEyes: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-review-'));
  const tokensFile = join(dir, 'tokens.json');
  const tokens = [R, F].flatMap((tenant) =>
    (Object.keys(TOKENS) as Who[]).map((who) => ({
      id: `${TOKENS[who].id}${tenant === F ? '-4' : ''}`,
      tenant,
      role: TOKENS[who].role,
      sha256: hashToken(secret(tenant, who)),
    })),
  );
  writeFileSync(tokensFile, JSON.stringify({ tokens }));
  const env = { API_TOKENS_FILE: tokensFile, RATE_LIMIT_PER_MINUTE: '100000' };
  single = await startHarness({ env });
  fourEyes = await startHarness({ env: { ...env, REVIEW_FOUR_EYES: 'true' } });
  for (const [h, tenant] of [
    [single, R],
    [fourEyes, F],
  ] as const) {
    const b = chainBundle('REV', cottonTiers({ firm: { name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', country: 'CN' } }));
    const r = await gql(h, tenant, 'importer', 'mutation($b: JSON!) { importBundle(bundle: $b) { firms } }', { b });
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await single?.close();
  await fourEyes?.close();
  rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function gql(h: Harness, tenant: string, who: Who, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${h.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret(tenant, who)}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}
const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

const MATCH = `id score decision status decidedBy agreedBy note pendingDecision { status proposedBy note } disputes { by note }`;
async function theMatch(h: Harness, tenant: string) {
  const r = await gql(h, tenant, 'investigator', `{ screeningMatches(firmId: "REV-F4") { items { ${MATCH} } } }`);
  expect(r.errors).toBeUndefined();
  const exact = r.data.screeningMatches.items.filter((m: { score: number }) => m.score === 1);
  expect(exact).toHaveLength(1);
  return exact[0];
}
async function listed(h: Harness, tenant: string): Promise<boolean> {
  const r = await gql(h, tenant, 'importer', '{ traceShipment(id: "REV-S1") { flags { kind firmId } } }');
  return r.data.traceShipment.flags.some((f: { kind: string; firmId: string }) => f.kind === 'UFLPA_LISTED' && f.firmId === 'REV-F4');
}
const DECIDE = {
  confirm: 'mutation($id: ID!, $n: String) { confirmMatch(id: $id, note: $n) { status } }',
  reject: 'mutation($id: ID!, $n: String) { rejectMatch(id: $id, note: $n) { status } }',
  dispute: 'mutation($id: ID!, $n: String!) { disputeMatch(id: $id, note: $n) { status disputes { by note } } }',
};

describe('review rights', () => {
  it('refuses an IMPORTER confirming or rejecting its own exact match, and the flag stays', async () => {
    const m = await theMatch(single, R);
    expect(m).toMatchObject({ score: 1, decision: 'MATCH', status: 'PENDING' });
    expect(await listed(single, R)).toBe(true);
    for (const op of ['reject', 'confirm'] as const) {
      const r = await gql(single, R, 'importer', DECIDE[op], { id: m.id, n: 'our supplier is fine' });
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors[0].message).toMatch(/needs the role INVESTIGATOR or ADMIN; your token has IMPORTER/);
    }
    expect((await theMatch(single, R)).status).toBe('PENDING');
    expect(await listed(single, R)).toBe(true);
  });

  it('lets the IMPORTER dispute: a note the reviewers see, no change of status, audited', async () => {
    const m = await theMatch(single, R);
    const r = await gql(single, R, 'importer', DECIDE.dispute, { id: m.id, n: 'different registration number 91650421' });
    expect(r.errors).toBeUndefined();
    expect(r.data.disputeMatch.status).toBe('PENDING');
    const seen = await theMatch(single, R);
    expect(seen.disputes).toEqual([{ by: 'rev-importer', note: 'different registration number 91650421' }]);
    const log = await gql(single, R, 'admin', '{ auditLog(action: MATCH_DISPUTE) { actor target detail } }');
    expect(log.data.auditLog[0]).toEqual({
      actor: 'rev-importer',
      target: m.id,
      detail: { note: 'different registration number 91650421' },
    });
    expect(codes(await gql(single, R, 'investigator', DECIDE.dispute, { id: m.id, n: 'x' }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(single, R, 'importer', DECIDE.dispute, { id: m.id, n: ' ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(single, R, 'importer', DECIDE.dispute, { id: m.id, n: 'x'.repeat(2001) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(single, R, 'importer', DECIDE.dispute, { id: 'no-such-match', n: 'x' }))).toEqual(['NOT_FOUND']);
  });

  it('follows who may do what over any sequence of reviews (property-based)', async () => {
    const { id } = await theMatch(single, R);
    const step = fc.record({
      who: fc.constantFrom<Who>('importer', 'investigator', 'investigator2', 'admin'),
      op: fc.constantFrom<keyof typeof DECIDE>('confirm', 'reject', 'dispute'),
      // printable ASCII notes: acceptable under any text policy, so the roles alone decide
      note: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        for (const s of steps) {
          const before = await theMatch(single, R);
          const r = await gql(single, R, s.who, DECIDE[s.op], { id, n: s.note });
          const after = await theMatch(single, R);
          const reviewer = s.who !== 'importer';
          if (s.op === 'dispute') {
            expect(codes(r)).toEqual(reviewer && s.who !== 'admin' ? ['FORBIDDEN'] : []);
            expect(after.status).toBe(before.status);
            if (!r.errors) expect(after.disputes.at(-1)).toEqual({ by: `${TOKENS[s.who].id}`, note: s.note });
          } else if (!reviewer) {
            expect(codes(r)).toEqual(['FORBIDDEN']);
            expect(after).toEqual(before);
          } else {
            expect(r.errors).toBeUndefined();
            expect(after).toMatchObject({
              status: s.op === 'confirm' ? 'CONFIRMED' : 'REJECTED',
              decidedBy: TOKENS[s.who].id,
              note: s.note,
            });
          }
          // a rejected match never flags; a MATCH pending or confirmed always does
          expect(await listed(single, R)).toBe(after.status !== 'REJECTED');
        }
      }),
      { numRuns: 6 },
    );
  });
});

describe('four-eyes review (REVIEW_FOUR_EYES=true)', () => {
  it('waits for a second reviewer: the proposal is visible, the proposer cannot agree with itself, the second one makes it take effect', async () => {
    const m = await theMatch(fourEyes, F);
    expect(m.status).toBe('PENDING');
    const proposed = await gql(fourEyes, F, 'investigator', DECIDE.reject, { id: m.id, n: 'other firm, other city' });
    expect(proposed.data.rejectMatch.status).toBe('PENDING');
    expect(await theMatch(fourEyes, F)).toMatchObject({
      status: 'PENDING',
      pendingDecision: { status: 'REJECTED', proposedBy: 'rev-investigator-4', note: 'other firm, other city' },
    });
    expect(await listed(fourEyes, F)).toBe(true); // nothing has taken effect

    const self = await gql(fourEyes, F, 'investigator', DECIDE.reject, { id: m.id, n: 'really' });
    expect(codes(self)).toEqual(['FORBIDDEN']);
    expect(self.errors[0].message).toMatch(/second reviewer with another token/);
    expect(codes(await gql(fourEyes, F, 'importer', DECIDE.reject, { id: m.id }))).toEqual(['FORBIDDEN']);

    const agreed = await gql(fourEyes, F, 'investigator2', DECIDE.reject, { id: m.id, n: 'agree' });
    expect(agreed.errors).toBeUndefined();
    expect(await theMatch(fourEyes, F)).toMatchObject({
      status: 'REJECTED',
      decidedBy: 'rev-investigator-4',
      agreedBy: 'rev-investigator-2-4',
      note: 'other firm, other city',
      pendingDecision: null,
    });
    expect(await listed(fourEyes, F)).toBe(false);
    const log = await gql(fourEyes, F, 'admin', '{ auditLog(action: MATCH_DECISION) { actor detail } }');
    expect(log.data.auditLog.slice(0, 2)).toEqual([
      {
        actor: 'rev-investigator-2-4',
        detail: {
          status: 'REJECTED',
          note: 'agree',
          fourEyes: 'AGREED',
          proposedBy: 'rev-investigator-4',
          proposalNote: 'other firm, other city',
        },
      },
      { actor: 'rev-investigator-4', detail: { status: 'REJECTED', note: 'other firm, other city', fourEyes: 'PROPOSED' } },
    ]);
  });

  it('moves the status only when two different reviewers make the same decision in a row (property-based)', async () => {
    const { id } = await theMatch(fourEyes, F);
    const step = fc.record({
      who: fc.constantFrom<Who>('investigator', 'investigator2', 'admin'),
      op: fc.constantFrom<'confirm' | 'reject'>('confirm', 'reject'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const start = await theMatch(fourEyes, F);
        let status: string = start.status;
        let waiting: { by: string; status: string } | null = start.pendingDecision
          ? { by: start.pendingDecision.proposedBy, status: start.pendingDecision.status }
          : null;
        for (const s of steps) {
          const by = `${TOKENS[s.who].id}-4`;
          const wanted = s.op === 'confirm' ? 'CONFIRMED' : 'REJECTED';
          const r = await gql(fourEyes, F, s.who, DECIDE[s.op], { id, n: null });
          if (waiting && waiting.status === wanted && waiting.by === by) {
            expect(codes(r)).toEqual(['FORBIDDEN']);
          } else if (waiting && waiting.status === wanted) {
            expect(r.errors).toBeUndefined();
            status = wanted;
            waiting = null;
          } else {
            expect(r.errors).toBeUndefined();
            waiting = { by, status: wanted };
          }
          const now = await theMatch(fourEyes, F);
          expect(now.status).toBe(status);
          expect(now.pendingDecision ? { by: now.pendingDecision.proposedBy, status: now.pendingDecision.status } : null).toEqual(waiting);
          expect(await listed(fourEyes, F)).toBe(status !== 'REJECTED');
        }
      }),
      { numRuns: 6 },
    );
  });
});
