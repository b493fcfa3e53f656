// The Import view: drop a supplier-map workbook (.xlsx), a ZIP of CSV files, one CSV file or a
// JSON bundle (or choose one), POST it to /imports, and show what came back: every error placed
// in its cell as a table to fix the workbook from, or the counts, the new duplicate pairs to
// review and the new shipments' verdicts.
import { ApiError, gql, postFile } from './api';
import type { Actions } from './state';
import { byId, clear, h, verdictBadge } from './util';

interface PlacedError {
  place: string;
  field?: string;
  message: string;
}
interface ImportAnswer {
  firms: number;
  facilities: number;
  ownership: number;
  materials: number;
  flows: number;
  documents: number;
  shipments: number;
  duplicateFirmCandidates: number;
  duplicateFacilityCandidates: number;
  shipmentIds: string[];
}

/** Shipments whose verdicts the view traces after an import (the rest are in the shipments table). */
const VERDICTS_SHOWN = 20;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type an upload is sent with; the server tells the kinds apart by their bytes anyway. */
function contentTypeOf(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  if (/\.zip$/i.test(file.name)) return 'application/zip';
  if (/\.json$/i.test(file.name)) return 'application/json';
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return file.type || 'application/octet-stream';
}

function errorTable(errors: PlacedError[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'shipments import-errors', 'aria-label': 'Import errors' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Cell'), h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Problem')),
      ),
      h(
        'tbody',
        {},
        errors.map((e) => h('tr', {}, h('td', { class: 'place' }, e.place), h('td', {}, e.field ?? ''), h('td', {}, e.message))),
      ),
    ),
  );
}

async function verdicts(ids: string[]): Promise<{ shipmentId: string; verdict: string }[]> {
  if (!ids.length) return [];
  const q = `query Verdicts(${ids.map((_, i) => `$s${i}: ID!`).join(', ')}) { ${ids.map((_, i) => `s${i}: traceShipment(id: $s${i}) { shipmentId verdict }`).join(' ')} }`;
  const d = await gql<Record<string, { shipmentId: string; verdict: string }>>(q, Object.fromEntries(ids.map((id, i) => [`s${i}`, id])));
  return ids.map((_, i) => d[`s${i}`]);
}

export function initImport(act: Actions, onImported: () => void): void {
  const drop = byId('import-drop');
  const input = byId<HTMLInputElement>('import-file');
  const result = byId('import-result');

  const send = async (file: File) => {
    clear(result, h('p', { class: 'muted small' }, `Importing ${file.name}…`));
    act.status(`Importing ${file.name}…`);
    try {
      // the file name tells a lone CSV file's section (flows.csv)
      const { status, body } = await postFile(`/imports?filename=${encodeURIComponent(file.name)}`, file, contentTypeOf(file));
      const answer = body as Partial<ImportAnswer> & { errors?: PlacedError[]; total?: number; countStopped?: boolean };
      if (status === 400 && answer.errors?.some((e) => 'place' in e)) {
        const total = answer.total ?? answer.errors.length;
        const more = total > answer.errors.length ? ` (the first ${answer.errors.length} are listed)` : '';
        clear(
          result,
          h(
            'p',
            { class: 'error', role: 'alert' },
            `${file.name}: ${answer.countStopped ? 'more than ' : ''}${total} error${total === 1 ? '' : 's'}${more}; nothing was written. Fix them in the workbook and drop it again.`,
          ),
          errorTable(answer.errors),
        );
        act.status(`${file.name} was not imported: ${total} error${total === 1 ? '' : 's'}.`, 'error');
        return;
      }
      if (status !== 200) {
        const message = (answer.errors as unknown as { message: string }[] | undefined)?.[0]?.message ?? `the server answered ${status}`;
        clear(result, h('p', { class: 'error', role: 'alert' }, `${file.name}: ${message}`));
        act.status(`${file.name} was not imported: ${message}`, 'error');
        return;
      }
      const done = answer as ImportAnswer;
      const counts = (['firms', 'facilities', 'ownership', 'materials', 'flows', 'documents', 'shipments'] as const)
        .map((k) => `${done[k]} ${k}`)
        .join(', ');
      const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
      const dupes = done.duplicateFirmCandidates + done.duplicateFacilityCandidates;
      const review = dupes
        ? `${plural(done.duplicateFirmCandidates, 'new duplicate-firm pair')} and ${plural(done.duplicateFacilityCandidates, 'new duplicate-facility pair')} to review`
        : 'no new duplicate pair to review';
      clear(
        result,
        h('p', { class: 'ok' }, `${file.name} imported: ${counts}.`),
        h(
          'p',
          { class: 'dup-count' },
          dupes ? h('a', { href: '#duplicates' }, `${review}.`) : `${review[0].toUpperCase()}${review.slice(1)}.`,
        ),
      );
      act.status(`${file.name} imported: ${counts}; ${review}.`);
      onImported();
      const shown = done.shipmentIds.slice(0, VERDICTS_SHOWN);
      const rows = await verdicts(shown);
      if (rows.length) {
        result.append(
          h('h3', {}, 'Verdicts of the imported shipments'),
          h(
            'table',
            { class: 'shipments import-verdicts', 'aria-label': 'Imported shipments' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Shipment'), h('th', { scope: 'col' }, 'Verdict'))),
            h(
              'tbody',
              {},
              rows.map((r) =>
                h(
                  'tr',
                  { 'data-shipment': r.shipmentId },
                  h(
                    'td',
                    {},
                    h('button', { type: 'button', class: 'link', onclick: () => void act.openShipment(r.shipmentId) }, r.shipmentId),
                  ),
                  h('td', {}, verdictBadge(r.verdict)),
                ),
              ),
            ),
          ),
          done.shipmentIds.length > shown.length
            ? h('p', { class: 'muted small' }, `${done.shipmentIds.length - shown.length} more in the shipments table.`)
            : '',
        );
      }
    } catch (e) {
      const message = e instanceof ApiError ? e.message : String(e);
      clear(result, h('p', { class: 'error', role: 'alert' }, message));
      act.status(message, 'error');
    }
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void send(file);
    input.value = '';
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) void send(file);
  });
}
