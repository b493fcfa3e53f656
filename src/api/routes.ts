// Every HTTP route besides /graphql, in one place. The public ones answer before
// authentication: the web page (it asks for a token itself) and the health and readiness
// probes (they carry none). The packet downloads act for the caller's tenant:
// GET /packets/<shipmentId>.<md|html|pdf|zip>?asOf=YYYY-MM-DD&statusOn=YYYY-MM-DD; the exhibit
// upload too: PUT /documents/<documentId>/file.
import type { Services } from '../services';
import type { ServerResponse } from 'node:http';
import { recordAudit } from '../audit';
import { PacketFormat, PacketServices, renderPacketFile, RenderOptions } from '../packets';
import { isPublicWebPath, serveWeb } from '../web';
import { attachExhibit, ExhibitServices, ExhibitStore } from '../exhibits';
import { requireRole } from './context';
import { importRoutes, templateRoutes } from './importRoutes';
import { exportTenant, PortabilityServices } from '../portability';

export { sendJson, type PublicRoute, type Route, type RouteBodies } from './httpRoute';
import { sendJson, sendRouteError, type PublicRoute, type Route } from './httpRoute';

/** The page, the console and their assets; health and readiness. */
export function publicRoutes(services: Pick<Services, 'graph'>): PublicRoute[] {
  const page: PublicRoute = async (req, res, url) => isPublicWebPath(url.pathname) && serveWeb(req, res, url);
  const probes: PublicRoute = async (_req, res, url) => {
    if (url.pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    if (url.pathname === '/ready') {
      const db = await services.graph.ping();
      sendJson(res, db ? 200 : 503, { ready: db, neo4j: db ? 'up' : 'down' });
      return true;
    }
    return false;
  };
  return [page, probes, ...templateRoutes()];
}

/** The routes behind authentication that the server runs besides GraphQL. */
export function extraRoutes(services: Services): Route[] {
  return [...packetRoutes(services), ...exhibitRoutes(services), ...importRoutes(services), ...exportRoutes(services)];
}

const PACKET_PATH = /^\/packets\/(.+)\.(md|html|pdf|zip)$/;

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

export function packetRoutes(services: PacketServices & { exhibits: ExhibitStore }, opts: RenderOptions = {}): Route[] {
  const route: Route = async (req, res, url, ctx) => {
    const m = PACKET_PATH.exec(url.pathname);
    if (!m) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendError(res, 405, `${req.method} is not allowed here; use GET`, 'BAD_REQUEST');
      return true;
    }
    let shipmentId: string;
    try {
      shipmentId = decodeURIComponent(m[1]);
    } catch {
      sendError(res, 400, 'the shipment id in the path is not valid percent-encoding', 'BAD_USER_INPUT');
      return true;
    }
    try {
      const dates = { asOf: url.searchParams.get('asOf'), statusOn: url.searchParams.get('statusOn') };
      const file = await renderPacketFile(services, ctx.tenant, shipmentId, m[2] as PacketFormat, dates, {
        exhibits: services.exhibits,
        ...opts,
      });
      await recordAudit(services.graph, {
        tenant: ctx.tenant,
        actor: ctx.principal.tokenId,
        action: 'PACKET_DOWNLOAD',
        target: shipmentId,
        detail: { format: m[2], ...dates, bytes: file.body.length, method: req.method },
      });
      res.statusCode = 200;
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-length', String(file.body.length));
      res.setHeader('content-disposition', `${m[2] === 'pdf' || m[2] === 'zip' ? 'attachment' : 'inline'}; filename="${file.filename}"`);
      res.setHeader('cache-control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch (e) {
      if (!sendRouteError(req, res, e)) throw e;
    }
    return true;
  };
  return [route];
}

// ---- exhibits: PUT /documents/<documentId>/file (src/exhibits) ----
// The request body is the file, streamed to disk in the caller's tenant's space at the path
// the document names, and checked against the document's sha256 when it declares one.

const DOCUMENT_FILE_PATH = /^\/documents\/([^/]+)\/file$/;

export function exhibitRoutes(services: ExhibitServices): Route[] {
  const route: Route = async (req, res, url, ctx) => {
    const m = DOCUMENT_FILE_PATH.exec(url.pathname);
    if (!m) return false;
    if (req.method !== 'PUT') {
      res.setHeader('allow', 'PUT');
      sendError(res, 405, `${req.method} is not allowed here; PUT the file as the request body`, 'BAD_REQUEST');
      return true;
    }
    let documentId: string;
    try {
      documentId = decodeURIComponent(m[1]);
    } catch {
      sendError(res, 400, 'the document id in the path is not valid percent-encoding', 'BAD_USER_INPUT');
      return true;
    }
    const length = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    try {
      requireRole(ctx, 'IMPORTER', 'ADMIN');
      const attached = await attachExhibit(services, ctx.tenant, documentId, req, { actor: ctx.principal.tokenId, contentLength: length });
      sendJson(res, attached.replaced ? 200 : 201, attached);
    } catch (e) {
      if (!sendRouteError(req, res, e)) throw e;
    }
    return true;
  };
  return [route];
}

// ---- tenant export: GET /export (ADMIN; src/portability) ----
// The caller's tenant as one ZIP, streamed as it is read. Restore goes through the CLI, or
// restoreTenant() from a route that takes the ZIP.

export function exportRoutes(services: PortabilityServices): Route[] {
  const route: Route = async (req, res, url, ctx) => {
    if (url.pathname !== '/export') return false;
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendError(res, 405, `${req.method} is not allowed here; use GET`, 'BAD_REQUEST');
      return true;
    }
    try {
      requireRole(ctx, 'ADMIN');
    } catch (e) {
      sendError(res, 403, (e as Error).message, 'FORBIDDEN');
      return true;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    res.statusCode = 200;
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', `attachment; filename="export-${encodeURIComponent(ctx.tenant)}-${stamp}.zip"`);
    res.setHeader('cache-control', 'no-store');
    try {
      await exportTenant(services, ctx.tenant, res, { actor: ctx.principal.tokenId });
    } catch {
      // the headers are gone: cutting the connection tells the client the ZIP is not whole
      res.destroy();
    }
    return true;
  };
  return [route];
}
