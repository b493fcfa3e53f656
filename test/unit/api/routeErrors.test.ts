// The REST routes (packets, exhibits, imports, restores) answer errors through one mapping:
// a refusal by its code, the database's outage, timeout and conflict as 503 and 409, and
// anything else left to the server (500, logged).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendRouteError } from '../../../src/api/httpRoute';
import { BadInputError, ForbiddenError, NotFoundError } from '../../../src/errors';
import { DatabaseUnavailableError, QueryTimeoutError, WriteConflictError } from '../../../src/graph/graph';

function answer(e: unknown, req: Partial<IncomingMessage> = { complete: true, destroyed: false }) {
  const out = { status: 0, headers: {} as Record<string, string>, body: '', destroyed: false };
  const res = {
    set statusCode(s: number) {
      out.status = s;
    },
    setHeader: (k: string, v: string) => (out.headers[k] = v),
    end: (b: string) => (out.body = b),
    destroy: () => (out.destroyed = true),
  } as unknown as ServerResponse;
  const handled = sendRouteError(req as IncomingMessage, res, e);
  return { handled, ...out, json: out.body ? JSON.parse(out.body) : null };
}

describe('sendRouteError', () => {
  it.each([
    [new BadInputError('bad date'), 400, 'BAD_USER_INPUT'],
    [new ForbiddenError('admins only'), 403, 'FORBIDDEN'],
    [new NotFoundError('no shipment "S-9"'), 404, 'NOT_FOUND'],
    [new WriteConflictError('another request was writing'), 409, 'WRITE_CONFLICT'],
    [new DatabaseUnavailableError('Neo4j is unavailable'), 503, 'SERVICE_UNAVAILABLE'],
    [new QueryTimeoutError('took too long'), 503, 'QUERY_TIMEOUT'],
  ])('%p answers %i with its code and message', (e, status, code) => {
    const a = answer(e);
    expect(a).toMatchObject({ handled: true, status });
    expect(a.json.errors[0]).toMatchObject({ message: (e as Error).message, extensions: { code } });
  });

  it('closes the connection when it refuses before the whole body arrived', () => {
    expect(answer(new BadInputError('too big'), { complete: false, destroyed: false }).headers.connection).toBe('close');
  });

  it('leaves an error of the server to the server, and a client that went away gets nothing', () => {
    expect(answer(new Error('bug')).handled).toBe(false);
    expect(answer(new Error('bug'), { complete: false, destroyed: true })).toMatchObject({ handled: true, destroyed: true, status: 0 });
  });
});
