// What a route is (routes.ts, importRoutes.ts), what the server lends one, and the JSON answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from './context';
import type { BodyParser } from './requestBody';

/** What the server lends a route that takes a large body: the body under a limit, and the body worker. */
export interface RouteBodies {
  /** the request body, refused (413) past `limit` bytes */
  read(limit: number): Promise<Buffer>;
  parseUpload: BodyParser['parseUpload'];
}

/** Handles the request and answers true, or answers false to let the next route try. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, ctx: RequestContext, bodies: RouteBodies) => Promise<boolean>;
/** A route that runs before authentication, so it has no request context. */
export type PublicRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
