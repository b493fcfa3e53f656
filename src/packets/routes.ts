// GET /packets/<shipmentId>.<md|html|pdf|zip>?asOf=YYYY-MM-DD for the caller's tenant.
import type { ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Route } from '../api/server';
import { BadInputError, NotFoundError } from '../api/errors';
import { DatabaseUnavailableError, QueryTimeoutError } from '../graph/graph';
import { recordAudit } from '../audit';
import type { PacketServices } from './load';
import { PacketFormat, renderPacketFile, RenderOptions } from './render';

const PACKET_PATH = /^\/packets\/(.+)\.(md|html|pdf|zip)$/;

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export function packetRoutes(services: PacketServices, opts: RenderOptions = {}): Route[] {
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
      const file = await renderPacketFile(services, ctx.tenant, shipmentId, m[2] as PacketFormat, url.searchParams.get('asOf'), opts);
      await recordAudit(services.graph, {
        tenant: ctx.tenant, actor: ctx.principal.tokenId, action: 'PACKET_DOWNLOAD', target: shipmentId,
        detail: { format: m[2], asOf: url.searchParams.get('asOf'), bytes: file.body.length, method: req.method },
      });
      res.statusCode = 200;
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-length', String(file.body.length));
      res.setHeader('content-disposition', `${m[2] === 'pdf' || m[2] === 'zip' ? 'attachment' : 'inline'}; filename="${file.filename}"`);
      res.setHeader('cache-control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch (e) {
      if (e instanceof NotFoundError) sendError(res, 404, e.message, 'NOT_FOUND');
      else if (e instanceof BadInputError) sendError(res, 400, e.message, String((e as GraphQLError).extensions.code));
      else if (e instanceof DatabaseUnavailableError) sendError(res, 503, e.message, 'SERVICE_UNAVAILABLE');
      else if (e instanceof QueryTimeoutError) sendError(res, 503, e.message, 'QUERY_TIMEOUT');
      else throw e; // the server logs it and answers 500
    }
    return true;
  };
  return [route];
}
