// The thin layer between the product and Neo4j: a driver, sessions with a transaction
// timeout on every query, and a retrying connect. Capabilities keep their own Cypher.
import neo4j, { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import type { Config } from '../config';
import { LimitError } from '../errors';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}
/** A query stopped by the transaction timeout (NEO4J_TX_TIMEOUT_SECONDS). */
export class QueryTimeoutError extends Error {
  readonly code = 'QUERY_TIMEOUT';
}

/**
 * A transaction Neo4j aborted because another one held what it needed (a deadlock or a lock
 * wait over the limit) and the driver's retries ran out: nothing was written; try again.
 */
export class WriteConflictError extends Error {
  readonly code = 'WRITE_CONFLICT';
}

export interface Graph {
  readonly driver: Driver;
  /** Runs one read query and returns plain rows (integers as JS numbers). */
  read<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  write<T = Row>(cypher: string, params?: Params): Promise<T[]>;
  /** Runs work in one write transaction: all of it commits or none. */
  writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutSeconds?: number): Promise<T>;
  readTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  /** An auto-commit query, for CALL { } IN TRANSACTIONS (bulk deletes) only. */
  autoCommit(cypher: string, params?: Params): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Rows as plain data: nodes and relationships become their properties, integers numbers.
 * Converts in place (the driver builds fresh objects for every result), since copying
 * every row costs as much as decoding it on results of tens of thousands of rows.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  const o = value as Record<string, unknown>;
  if ('properties' in o && ('labels' in o || 'type' in o)) return toPlain(o.properties);
  for (const k of Object.keys(o)) o[k] = toPlain(o[k]);
  return o;
}

/**
 * One statement's rows as plain data. Read as they stream, not by awaiting the result: the
 * transaction keeps every result it ran until it ends, an awaited result keeps its records,
 * and a subscribed one its observer. So the observer lets go of the rows, and of the promise
 * that carries them, once it has handed them over; else a long transaction (a rebuild judging
 * 50,000 shipments) held every row it had read until it ended.
 */
export function runRows<T>(tx: ManagedTransaction, cypher: string, params: Params = {}): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    let pending: { rows: T[]; resolve: (rows: T[]) => void; reject: (e: unknown) => void } | null = { rows: [], resolve, reject };
    tx.run(cypher, params).subscribe({
      onNext: (r) => pending?.rows.push(toPlain(r.toObject()) as T),
      onCompleted: () => {
        const done = pending;
        pending = null;
        done?.resolve(done.rows);
      },
      onError: (e) => {
        const done = pending;
        pending = null;
        done?.reject(e);
      },
    });
  });
}

function isTimeout(e: unknown): boolean {
  return /^Neo\.ClientError\.Transaction\.TransactionTimedOut/.test(String((e as { code?: string })?.code ?? ''));
}

/**
 * Neo4j ran out of the memory it allows transactions (the pool of dbms.memory.transaction.total.max,
 * 70% of the heap unless set, or db.memory.transaction.max for one) or of its heap. Transient to
 * Neo4j, but the same transaction fails the same way when sent again: it is too large, not unlucky.
 */
export function isTransactionMemoryError(e: unknown): boolean {
  return /^Neo\.TransientError\.General\.(MemoryPoolOutOfMemoryError|TransactionMemoryLimit|OutOfMemoryError)$/.test(
    String((e as { code?: string })?.code ?? ''),
  );
}

/** What a caller is told when a transaction outgrew Neo4j's memory: nothing was written, and what to change. */
export function transactionMemoryError(e: unknown): LimitError {
  const detail = String((e as Error)?.message ?? '').split('\n')[0];
  const error = new LimitError(
    `the database ran out of the memory it allows one transaction (${detail}); nothing was written. ` +
      'Send less at once (an import as several bundles or chunk files, each written whole or not at all) ' +
      'or give Neo4j a larger heap (NEO4J_HEAP; its transactions may use 70% of it, dbms.memory.transaction.total.max)',
  );
  (error as { cause?: unknown }).cause = e;
  return error;
}

function isTransient(e: unknown): boolean {
  return /^Neo\.TransientError\./.test(String((e as { code?: string })?.code ?? ''));
}

function isConnectivityError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|connect/i.test(String((e as Error)?.message));
}

export function createGraph(config: Config): Graph {
  const driver = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    // integers arrive as JS numbers: counts and ids here stay far below 2^53
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 20_000,
    connectionTimeout: 5_000,
    // managed transactions retry connection failures; 30 s (the default) makes every request
    // hang that long while Neo4j is down, 5 s still rides out a leader switch or a restart blip
    maxTransactionRetryTime: 5_000,
    logging: { level: 'error', logger: () => undefined },
  });
  const txConfig = { timeout: config.txTimeoutSeconds * 1000 };
  // one bookmark manager for every session: in a cluster a read waits until the server it is
  // routed to has this process's earlier writes (on a single server it never waits)
  const bookmarkManager = neo4j.bookmarkManager();
  const session = (mode: 'READ' | 'WRITE'): Session =>
    driver.session({
      database: config.neo4jDatabase,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager,
    });

  async function guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (isConnectivityError(e)) throw new DatabaseUnavailableError('The graph database is not reachable; try again shortly.');
      if (isTimeout(e)) {
        throw new QueryTimeoutError(
          `the query ran longer than the limit of ${config.txTimeoutSeconds} s (NEO4J_TX_TIMEOUT_SECONDS) and was stopped; ask for less (a smaller maxTiers, maxDepth or page)`,
        );
      }
      if (isTransactionMemoryError(e)) throw transactionMemoryError(e);
      if (isTransient(e)) {
        throw new WriteConflictError(
          'another request was writing the same data at the same moment and this one was stopped; nothing was written, send it again',
          { cause: e },
        );
      }
      throw e;
    }
  }

  const graph: Graph = {
    driver,
    read: (cypher, params = {}) => graph.readTransaction((tx) => runRows(tx, cypher, params)),
    write: (cypher, params = {}) => graph.writeTransaction((tx) => runRows(tx, cypher, params)),
    writeTransaction: (work, timeoutSeconds) =>
      guard(async () => {
        const s = session('WRITE');
        try {
          return await s.executeWrite(work, { timeout: (timeoutSeconds ?? config.txTimeoutSeconds) * 1000 });
        } finally {
          await s.close();
        }
      }),
    readTransaction: (work) =>
      guard(async () => {
        const s = session('READ');
        try {
          return await s.executeRead(work, txConfig);
        } finally {
          await s.close();
        }
      }),
    autoCommit: (cypher, params = {}) =>
      guard(async () => {
        const s = session('WRITE');
        try {
          await s.run(cypher, params, { timeout: 3600_000 });
        } finally {
          await s.close();
        }
      }),
    async ping() {
      // one try, no retries, bounded: a readiness probe must answer within a probe's timeout
      const s = session('READ');
      try {
        await Promise.race([
          s.run('RETURN 1 AS ok', {}, { timeout: 2_000 }),
          new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), 3_000).unref()),
        ]);
        return true;
      } catch {
        return false;
      } finally {
        void s.close().catch(() => undefined);
      }
    },
    close: () => driver.close(),
  };
  return graph;
}

/** Waits until Neo4j answers, logging a clear line per failed try instead of a stack trace. */
export async function connectWithRetry(
  graph: Graph,
  opts: { deadlineMs?: number; log?: (msg: string) => void; uri?: string } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.deadlineMs ?? 60_000);
  let attempt = 0;
  for (;;) {
    attempt += 1;
    try {
      await graph.driver.verifyConnectivity();
      return;
    } catch (e) {
      const msg = (e as Error).message.split('\n')[0];
      if (Date.now() > deadline) {
        throw new DatabaseUnavailableError(`Neo4j at ${opts.uri ?? 'the configured URI'} did not answer after ${attempt} tries: ${msg}`);
      }
      opts.log?.(`Neo4j at ${opts.uri ?? 'the configured URI'} not reachable yet (try ${attempt}: ${msg}); retrying`);
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * attempt)));
    }
  }
}
