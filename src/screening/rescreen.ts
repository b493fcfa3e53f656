// Start-up: the stored matches screened again when the screening that made them is not this
// release's (codeFingerprint.ts), so a release that screens better reaches the firms imported
// before it, not only those imported after. Review decisions are kept, as on a list update.
import type { Graph } from '../graph/graph';
import type { ScreeningService } from './service';
import { screeningFingerprint } from './codeFingerprint';
import { loadScreeningConfig } from './config';
import { rescreenTenant } from './rescreenTenant';
import * as Q from './cypher';

const storeFingerprint = (graph: Graph, fingerprint: string) =>
  graph.write(Q.SET_SCREENING_FINGERPRINT, { fingerprint, at: new Date().toISOString() });

// The thresholds the matcher is built with (buildEntityMatcher without overrides): known without
// building it, so a start with nothing to screen again reads one property and no Entity List.
const fingerprintInForce = () => screeningFingerprint(loadScreeningConfig());

/** Records that every stored match was made by this release's screening (a bulk load that screened every firm). */
export async function recordScreeningFingerprint(graph: Graph): Promise<string> {
  const fingerprint = fingerprintInForce();
  await storeFingerprint(graph, fingerprint);
  return fingerprint;
}

/**
 * Every tenant's firms screened again when the store's matches were made by other screening
 * code or thresholds (or the store does not say: it predates the fingerprint); the tenants
 * screened again, none when nothing changed.
 */
export async function rescreenIfScreeningChanged(graph: Graph, screening: ScreeningService, log: (msg: string) => void): Promise<string[]> {
  const fingerprint = fingerprintInForce();
  const [row] = await graph.read<{ fingerprint: string | null }>(Q.SCREENING_FINGERPRINT);
  const previous = row?.fingerprint ?? null;
  if (previous === fingerprint) return [];
  const tenants = (await graph.read<{ tenant: string }>(Q.TENANTS_WITH_FIRMS)).map((r) => r.tenant).sort();
  if (tenants.length)
    log(
      `the stored screening matches were made by ${previous ? `other screening (${previous})` : 'an earlier release'}: ` +
        `screening the firms of ${tenants.length} tenant${tenants.length > 1 ? 's' : ''} again with this release's (${fingerprint})`,
    );
  const { list } = await screening.current();
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
  await storeFingerprint(graph, fingerprint);
  return tenants;
}
