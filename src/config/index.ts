// One place that reads the environment. Everything else receives a Config.
import { join, resolve } from 'node:path';

import { parseAllowedHosts } from './hosts';
export interface Config {
  neo4jUri: string;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  /** Seconds a Cypher transaction may run before Neo4j aborts it. */
  txTimeoutSeconds: number;
  host: string;
  port: number;
  maxDepth: number; // GraphQL query depth limit
  /** Aliases per operation (GRAPHQL_MAX_ALIASES). */
  maxAliases: number;
  /** Directives per operation (GRAPHQL_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Tokens in a query document (GRAPHQL_MAX_TOKENS). */
  maxTokens: number;
  /** Query text length in bytes (MAX_QUERY_BYTES), apart from the body limit. */
  maxQueryBytes: number;
  maxBodyBytes: number; // request body limit: a body that carries a bundle
  /** Body limit of a request that carries no bundle (MAX_REQUEST_BYTES). */
  maxRequestBytes: number;
  /** Records in one bundle sent over HTTP (MAX_BUNDLE_RECORDS). */
  maxBundleRecords: number;
  /** Heap of the worker process that parses and validates large bodies (BODY_WORKER_MEMORY_MB). */
  bodyWorkerMemoryMb: number;
  /** Host names local mode serves besides localhost, 127.0.0.1 and [::1] (ALLOWED_HOSTS). */
  allowedHosts: string[];
  logLevel: string;
  publicUrl: string;
  /** JSON file of hashed API tokens; unset means local mode (no auth). */
  apiTokensFile: string | undefined;
  /** The same JSON in a variable (used when there is no file). */
  apiTokens: string | undefined;
  rateLimitPerMinute: number;
  /** GraphQL query cost limit (see src/api/validation/costLimit.ts). */
  maxCost: number;
  /** Honour X-Tenant for INVESTIGATOR tokens that list the tenant. */
  allowInvestigatorCrossTenant: boolean;

  // ---- exhibits and review (docs/security.md, "Exhibits" and "Reviewing matches") ----
  /** EXHIBIT_ROOT: the folder that holds every tenant's exhibit space. */
  exhibitRoot: string;
  /** EXHIBIT_MAX_BYTES: largest exhibit file stored or packed. */
  exhibitMaxBytes: number;
  /** EXHIBIT_TENANT_MAX_BYTES: most bytes of exhibits one tenant may keep. */
  exhibitTenantMaxBytes: number;
  /** REVIEW_FOUR_EYES: a decision on a MATCH takes effect only once a second reviewer agrees. */
  reviewFourEyes: boolean;
}

/** Where exhibits live unless EXHIBIT_ROOT says otherwise: .exhibits/ in the project (ignored by git). */
export const DEFAULT_EXHIBIT_ROOT = join(__dirname, '..', '..', '.exhibits');
export const DEFAULT_EXHIBIT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_EXHIBIT_TENANT_MAX_BYTES = 10 * 1024 * 1024 * 1024;

function bool(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || '127.0.0.1';
  const port = int(env, 'PORT', 4000);
  return {
    neo4jUri: env.NEO4J_URI || 'bolt://127.0.0.1:7687',
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || 'uflpa-trace-local',
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    txTimeoutSeconds: int(env, 'NEO4J_TX_TIMEOUT_SECONDS', 60),
    host,
    port,
    maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 15),
    maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 100),
    maxDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 50),
    maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 5000),
    maxQueryBytes: int(env, 'MAX_QUERY_BYTES', 100_000),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 200 * 1024 * 1024),
    maxRequestBytes: int(env, 'MAX_REQUEST_BYTES', 1024 * 1024),
    maxBundleRecords: int(env, 'MAX_BUNDLE_RECORDS', 500_000),
    bodyWorkerMemoryMb: int(env, 'BODY_WORKER_MEMORY_MB', 2048),
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS),
    logLevel: env.LOG_LEVEL || 'info',
    publicUrl: env.PUBLIC_URL || `http://${host}:${port}`,
    apiTokensFile: env.API_TOKENS_FILE || undefined,
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600),
    apiTokens: env.API_TOKENS || undefined,
    maxCost: int(env, 'GRAPHQL_MAX_COST', 20_000),
    allowInvestigatorCrossTenant: env.ALLOW_INVESTIGATOR_CROSS_TENANT === 'true',
    exhibitRoot: resolve(env.EXHIBIT_ROOT || DEFAULT_EXHIBIT_ROOT),
    exhibitMaxBytes: int(env, 'EXHIBIT_MAX_BYTES', DEFAULT_EXHIBIT_MAX_BYTES),
    exhibitTenantMaxBytes: int(env, 'EXHIBIT_TENANT_MAX_BYTES', DEFAULT_EXHIBIT_TENANT_MAX_BYTES),
    reviewFourEyes: bool(env, 'REVIEW_FOUR_EYES'),
  };
}
