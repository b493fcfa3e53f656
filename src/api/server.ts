// The HTTP server: GraphQL at /graphql (Apollo Server on plain node:http), after the
// routes of routes.ts (the public ones before authentication, the others after it).
import { ApolloServer, HeaderMap } from '@apollo/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvers } from './resolvers';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Config } from '../config';
import type { Services } from '../services';
import { RequestContext, contextFor } from './context';
import { publicRoutes, Route, sendJson } from './routes';
import { costLimitRule } from './validation/costLimit';
import { shortenEchoedValues } from './validation/textArguments';
import { queryShapeRules } from './validation/armor';
import { DatabaseUnavailableError, QueryTimeoutError, WriteConflictError } from '../graph/graph';
import { isServedHost, LOOPBACK_HOSTS } from '../config/hosts';
import { BodyParser, RequestRefused } from './requestBody';

export interface RunningServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new BodyTooLargeError(`request body is larger than the limit of ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`request body is larger than the limit of ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_DIRECTIVES',
  'QUERY_TOO_MANY_TOKENS',
  'QUERY_TOO_LONG',
  'WRITE_CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SERVICE_UNAVAILABLE',
  'LIMIT_EXCEEDED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  'QUERY_TIMEOUT',
]);

/** Clients see the message and code of known errors only; everything else is logged. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DatabaseUnavailableError) {
      return { message: original.message, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (original instanceof QueryTimeoutError) {
      return { message: original.message, path: formatted.path, extensions: { code: 'QUERY_TIMEOUT' } };
    }
    if (original instanceof WriteConflictError) {
      return { message: original.message, path: formatted.path, extensions: { code: 'WRITE_CONFLICT' } };
    }
    // graphql-js stops parsing at GRAPHQL_MAX_TOKENS with a syntax error: give it a code of its own
    const tokens = /Document contains more th(?:an|at) (\d+) tokens/.exec(formatted.message);
    if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && tokens) {
      return {
        message: `query has more than ${tokens[1]} tokens, the limit (GRAPHQL_MAX_TOKENS); send a shorter query`,
        extensions: { code: 'QUERY_TOO_MANY_TOKENS' },
      };
    }
    // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED: keep our rules' own codes
    const own = original instanceof GraphQLError ? original.extensions?.code : undefined;
    const code = String(
      formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof own === 'string' && SAFE_CODES.has(own)
        ? own
        : (formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
    );
    if (SAFE_CODES.has(code)) {
      const { stacktrace: _s, ...ext } = formatted.extensions ?? {};
      return { ...formatted, message: shortenEchoedValues(formatted.message), extensions: { ...ext, code } };
    }
    log.error({ err: original }, 'unexpected error in a request');
    return {
      message: 'Internal server error; the server logged the details.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

export async function startServer(config: Config, services: Services, log: Logger, routes: Route[] = []): Promise<RunningServer> {
  const apollo = new ApolloServer<RequestContext>({
    typeDefs: readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'),
    resolvers,
    validationRules: [...queryShapeRules(config), costLimitRule(config.maxCost)],
    // graphql-js counts tokens as it parses and stops at the limit
    parseOptions: { maxTokens: config.maxTokens },
    // every query arrives as text, so the text limits always apply (nothing sends hashes)
    persistedQueries: false,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
  });
  await apollo.start();
  const beforeAuth = publicRoutes(services);
  const bodies = new BodyParser(
    {
      maxQueryBytes: config.maxQueryBytes,
      maxTokens: config.maxTokens,
      maxRequestBytes: config.maxRequestBytes,
      maxBundleRecords: config.maxBundleRecords,
      workerMemoryMb: config.bodyWorkerMemoryMb,
    },
    services.graph,
    log,
  );
  bodies.warm();
  // local mode (no tokens): only requests addressed to this machine, so no DNS-rebinding page reads the data
  const localMode = !services.authenticate;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      log.info(
        { requestId, method: req.method, path: url.pathname, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    try {
      if (localMode && !isServedHost(req.headers.host, config.allowedHosts)) {
        return sendJson(res, 403, {
          errors: [
            {
              message: `this server runs in local mode (no API tokens) and answers only requests addressed to ${[...LOOPBACK_HOSTS, ...config.allowedHosts].join(', ')}; add the host name to ALLOWED_HOSTS to serve it`,
              extensions: { code: 'HOST_NOT_ALLOWED' },
            },
          ],
        });
      }
      for (const route of beforeAuth) if (await route(req, res, url)) return;
      const ctx = await contextFor(req, services, requestId);
      const routeBodies = { read: (limit: number) => readBody(req, limit), parseUpload: bodies.parseUpload.bind(bodies) };
      for (const route of routes) if (await route(req, res, url, ctx, routeBodies)) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}` });

      const body = req.method === 'POST' ? await readBody(req, config.maxBodyBytes) : undefined;
      const parsed = body?.length ? await bodies.parse(body, ctx.tenant) : undefined;
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
        context: async () => ctx,
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') res.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (e) {
      if (e instanceof BodyTooLargeError)
        return sendJson(res, 413, { errors: [{ message: e.message, extensions: { code: 'LIMIT_EXCEEDED' } }] });
      if (e instanceof RequestRefused) {
        if (e.retryAfterSeconds) res.setHeader('retry-after', String(e.retryAfterSeconds));
        return sendJson(res, e.status, { errors: [{ message: e.message, extensions: { code: e.code } }] });
      }
      if (e instanceof DatabaseUnavailableError)
        return sendJson(res, 503, { errors: [{ message: e.message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      if (e instanceof GraphQLError) {
        const code = String(e.extensions?.code ?? 'BAD_REQUEST');
        const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'RATE_LIMITED' ? 429 : 400;
        const retryAfter = e.extensions?.retryAfterSeconds;
        if (code === 'RATE_LIMITED' && typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
        return sendJson(res, status, { errors: [{ message: e.message, extensions: { code } }] });
      }
      log.error({ err: e, requestId }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.requestTimeout = 10 * 60_000;
  // Node closes an idle keep-alive socket after 5 s, and a client (or a load balancer,
  // whose idle timeout is typically 60 s) that sends on it just then gets ECONNRESET.
  // Outlive the usual balancer timeout so the client side always closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  return {
    server,
    url: `http://${config.host}:${port}`,
    async stop() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await bodies.close();
      await apollo.stop();
    },
  };
}
