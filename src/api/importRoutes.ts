// Spreadsheet import over HTTP (shared/product/workbook-format.md, "Ways in"):
//   POST /imports                 the body is an .xlsx workbook, a ZIP of CSV files, one CSV file
//                                 (text/csv; ?filename=flows.csv or Content-Disposition names its
//                                 section, else its headers) or a JSON bundle (told by its bytes;
//                                 the content type where they cannot tell); read and validated on the body worker, then imported
//                                 all or nothing for the caller's tenant. 200 with the counts, or
//                                 400 with {"errors": [{"place", "field", "message"}]}. A tenant
//                                 export ZIP (GET /export, told by its manifest) is restored
//                                 instead (ADMIN; ?merge=true into a tenant that has data).
//   GET /templates/workbook.xlsx  the empty template; GET /templates/demo.xlsx the demo seed as
//                                 a filled example (public: neither holds a tenant's data).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../services';
import { importBundle } from '../import';
import { markPrevalidated } from '../import/prevalidated';
import { CONTENT_TYPES, workbookBytes } from '../import/workbook';
import { SEED_DIR } from '../model/entityList';
import { isTenantExport, restoreUpload } from '../portability';
import { requireRole } from './context';
import { sendJson, sendRouteError, type PublicRoute, type Route } from './httpRoute';

/** The upload's file name: ?filename=, else a Content-Disposition filename (a lone CSV file's section). */
function uploadFileName(req: { headers: Record<string, string | string[] | undefined> }, url: URL): string | undefined {
  const given = url.searchParams.get('filename');
  if (given) return given;
  const disposition = String(req.headers['content-disposition'] ?? '');
  const m = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** New shipment ids the answer lists (for the explorer to show their verdicts). */
const SHIPMENT_IDS_LISTED = 1000;

const TEMPLATES: Record<string, () => Promise<Buffer>> = {
  '/templates/workbook.xlsx': () => workbookBytes(),
  '/templates/demo.xlsx': () => workbookBytes(JSON.parse(readFileSync(join(SEED_DIR, 'demo-bundle.json'), 'utf8'))),
};

export function templateRoutes(): PublicRoute[] {
  const made = new Map<string, Promise<Buffer>>();
  const route: PublicRoute = async (req, res, url) => {
    const make = TEMPLATES[url.pathname];
    if (!make) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { errors: [{ message: `${req.method} is not allowed here; use GET`, extensions: { code: 'BAD_REQUEST' } }] });
      return true;
    }
    if (!made.has(url.pathname)) made.set(url.pathname, make());
    const body = await made.get(url.pathname)!;
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPES.xlsx);
    res.setHeader('content-length', String(body.length));
    res.setHeader('content-disposition', `attachment; filename="${url.pathname.split('/').pop()}"`);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
  return [route];
}

export function importRoutes(services: Services): Route[] {
  const route: Route = async (req, res, url, ctx, bodies) => {
    if (url.pathname !== '/imports') return false;
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, {
        errors: [{ message: `${req.method} is not allowed here; POST the file as the request body`, extensions: { code: 'BAD_REQUEST' } }],
      });
      return true;
    }
    try {
      requireRole(ctx, 'IMPORTER', 'ADMIN');
    } catch (e) {
      res.setHeader('connection', 'close'); // answered before the body: do not read it
      throw e;
    }
    const bytes = await bodies.read(services.config.maxBodyBytes);
    if (!bytes.length) {
      sendJson(res, 400, {
        errors: [
          {
            message: 'the request body is empty: send an .xlsx workbook, a ZIP of CSV files, one CSV file or a JSON bundle',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return true;
    }
    if (isTenantExport(bytes)) {
      // a tenant export (GET /export): restored whole, decisions and audit log included, so ADMIN only
      requireRole(ctx, 'ADMIN');
      try {
        const report = await restoreUpload(services, ctx.tenant, bytes, {
          actor: ctx.principal.tokenId,
          merge: url.searchParams.get('merge') === 'true',
        });
        sendJson(res, 200, { restored: report });
      } catch (e) {
        if (!sendRouteError(req, res, e)) throw e;
      }
      return true;
    }
    const outcome = await bodies.parseUpload(
      bytes,
      ctx.tenant,
      String(req.headers['content-type'] ?? ''),
      services.config.maxBodyBytes,
      uploadFileName(req, url),
    );
    if ('errors' in outcome) {
      sendJson(res, 400, outcome);
      return true;
    }
    const placeholder = {};
    markPrevalidated(placeholder, { validated: outcome.validated });
    try {
      const report = await importBundle(services, ctx.tenant, placeholder, { actor: ctx.principal.tokenId });
      sendJson(res, 200, { ...report, shipmentIds: outcome.validated.bundle.shipments.slice(0, SHIPMENT_IDS_LISTED).map((s) => s.id) });
    } catch (e) {
      if (!sendRouteError(req, res, e)) throw e;
    }
    return true;
  };
  return [route];
}
