// What a route is (routes.ts, importRoutes.ts), what the server lends one, and the JSON answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from './context';
import type { BodyParser } from './requestBody';
import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, QueryTimeoutError, WriteConflictError } from '../graph/graph';

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

// The status each error code answers with on the REST routes (GraphQL answers 200 with the code).
const STATUS_OF_CODE: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  SHA256_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  WRITE_CONFLICT: 409,
  LIMIT_EXCEEDED: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 503,
};

/**
 * Answers a route's error with its status and the GraphQL-style error body: the caller's
 * refusals by their code, the database's outages and conflicts as 503 and 409. Answers false
 * for anything else, which the caller rethrows (the server logs it and answers 500).
 */
export function sendRouteError(req: IncomingMessage, res: ServerResponse, e: unknown): boolean {
  const code =
    e instanceof DatabaseUnavailableError
      ? 'SERVICE_UNAVAILABLE'
      : e instanceof QueryTimeoutError
        ? 'QUERY_TIMEOUT'
        : e instanceof WriteConflictError
          ? 'WRITE_CONFLICT'
          : e instanceof GraphQLError
            ? String(e.extensions.code ?? '')
            : '';
  const status = STATUS_OF_CODE[code];
  if (status) {
    const extensions = e instanceof GraphQLError ? { ...e.extensions, code } : { code };
    // a refusal before the whole body arrived: answer, then close rather than read the rest
    if (!req.complete) res.setHeader('connection', 'close');
    sendJson(res, status, { errors: [{ message: (e as Error).message, extensions }] });
  } else if (req.destroyed)
    res.destroy(); // the client went away mid-upload: nothing was stored, no one to answer
  else return false;
  return true;
}
