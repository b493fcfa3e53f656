// The search forms of firms and facilities written before the name search had its full-text
// index (migration step "name-search-forms"): computed here, where the screening normaliser
// is, in batches, until no node lacks them. Idempotent: a run cut short simply goes on.
import type { Graph } from '../graph/graph';
import { searchTextOf } from '../model/records';
import * as Q from './cypher';
import { searchFormsOf } from './searchForms';

const BATCH = 2000;

export async function backfillSearchForms(graph: Graph): Promise<void> {
  for (const label of ['Firm', 'Facility'] as const) {
    for (;;) {
      const nodes = await graph.read<{ key: string; name: string; aliases: string[]; localName: string | null }>(
        Q.nodesWithoutSearchForms(label),
        { first: BATCH },
      );
      if (!nodes.length) break;
      const rows = nodes.map((n) => ({ key: n.key, props: { ...searchTextOf(n), ...searchFormsOf([n.name, ...n.aliases, n.localName]) } }));
      await graph.write(Q.SET_SEARCH_FORMS, { rows });
    }
  }
  await graph.write(Q.DROP_OLD_SEARCH_INDEX);
}
