// Start-up: the stored matches screened again when the screening that made them is not this
// release's (codeFingerprint.ts), so a release that screens better reaches the firms imported
// before it, not only those imported after. Review decisions are kept, as on a list update.
import type { Graph } from '../graph/graph';
import type { ScreeningService } from './service';
import { screeningFingerprint } from './codeFingerprint';
import { rescreenTenant } from './rescreenTenant';
import * as Q from './cypher';

/** Records that every stored match was made by this release's screening (start-up, or a bulk load that screened every firm). */
export async function recordScreeningFingerprint(graph: Graph, screening: Pick<ScreeningService, 'current'>): Promise<string> {
  const fingerprint = screeningFingerprint((await screening.current()).matcher.config);
  await graph.write(Q.SET_SCREENING_FINGERPRINT, { fingerprint, at: new Date().toISOString() });
  return fingerprint;
}

/**
 * Every tenant's firms screened again when the store's matches were made by other screening
 * code or thresholds (or the store does not say: it predates the fingerprint); the tenants
 * screened again, none when nothing changed.
 */
export async function rescreenIfScreeningChanged(graph: Graph, screening: ScreeningService, log: (msg: string) => void): Promise<string[]> {
  const { list, matcher } = await screening.current();
  const fingerprint = screeningFingerprint(matcher.config);
  const [row] = await graph.read<{ fingerprint: string | null }>(Q.SCREENING_FINGERPRINT);
  const previous = row?.fingerprint ?? null;
  if (previous === fingerprint) return [];
  const tenants = (await graph.read<{ tenant: string }>(Q.TENANTS_WITH_FIRMS)).map((r) => r.tenant).sort();
  if (tenants.length)
    log(
      `the stored screening matches were made by ${previous ? `other screening (${previous})` : 'an earlier release'}: ` +
        `screening the firms of ${tenants.length} tenant${tenants.length > 1 ? 's' : ''} again with this release's (${fingerprint})`,
    );
  for (const tenant of tenants) {
    const started = Date.now();
    await rescreenTenant(graph, screening, tenant, list.version, {
      actor: 'system',
      action: 'RESCREEN',
      target: fingerprint,
      detail: { previous, listVersion: list.version },
    });
    log(`screened the firms of tenant "${tenant}" again in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await graph.write(Q.SET_SCREENING_FINGERPRINT, { fingerprint, at: new Date().toISOString() });
  return tenants;
}
