// Turns a POST body into the GraphQL request Apollo runs, without letting one body stall the
// server. A small body that imports nothing is parsed here (a millisecond). Every other body
// (a bundle, or anything over MAX_REQUEST_BYTES) goes to one worker process (bodyWorker.ts),
// which parses it, refuses what is over a limit, and validates each bundle with the import's
// own validation; the event loop meanwhile answers everyone else, /health included. A
// bundle comes back validated (or with its errors) in place of the raw value, so the import
// does not validate it again (src/import/prevalidated.ts). Bodies wait their turn for the
// worker (one at a time, so its memory cap bounds the total); past a short queue the caller
// is asked to retry. A process, not a thread: V8 does not always end a thread that runs out of
// its heap gracefully (a large string allocation aborts the whole process), and a worker that
// dies must never take the server with it.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Graph } from '../graph/graph';
import { DatabaseUnavailableError, QueryTimeoutError } from '../graph/graph';
import { markPrevalidated } from '../import/prevalidated';
import type { BodyJob, BodyLimits, BodyReply, ToWorker, UploadJob, UploadOutcome } from './bodyProtocol';

/** The text, the parsed value and the validated bundle are each about the size of the body. */
const PARSE_EXPANSION = 3;

export interface BodyParserOptions extends BodyLimits {
  /** Heap of the worker process (BODY_WORKER_MEMORY_MB). */
  workerMemoryMb: number;
  /** Bodies that may wait for the worker before callers are asked to retry. */
  maxQueued?: number;
}

/** A body refused before it ran: answered with this status and code. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const IMPORT_FIELD = Buffer.from('importBundle');

interface Job {
  message: BodyJob | UploadJob;
  resolve(body: unknown): void;
  reject(e: Error): void;
}

export class BodyParser {
  private worker: ChildProcess | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextJob = 0;
  private closed = false;

  constructor(
    private readonly options: BodyParserOptions,
    private readonly graph: Pick<Graph, 'read'>,
    private readonly log: Logger,
  ) {}

  /** Starts the worker now, so the first large body does not wait for it to load (about a second). */
  warm(): void {
    this.workerProcess();
  }

  /** The parsed request, or a RequestRefused. */
  async parse(bytes: Buffer, tenant: string): Promise<unknown> {
    if (bytes.length <= this.options.maxRequestBytes && !bytes.includes(IMPORT_FIELD)) return this.parseHere(bytes);
    this.refuseWhatCannotFit(bytes);
    if (this.queue.length >= (this.options.maxQueued ?? 8)) {
      throw new RequestRefused(429, 'RATE_LIMITED', 'too many large requests are being parsed right now; retry in a few seconds', 5);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { kind: 'job', jobId: this.nextJob++, bytes, tenant, limits: this.limits() }, resolve, reject });
      this.pump();
    });
  }

  /**
   * An upload to POST /imports (an .xlsx, a ZIP of CSV files or a JSON bundle), read and
   * validated on the worker: its validated bundle, or its errors placed in cells; or a RequestRefused.
   */
  async parseUpload(
    bytes: Buffer,
    tenant: string,
    contentType: string,
    maxUnpackedBytes: number,
    fileName?: string,
  ): Promise<UploadOutcome> {
    this.refuseWhatCannotFit(bytes);
    if (this.queue.length >= (this.options.maxQueued ?? 8)) {
      throw new RequestRefused(429, 'RATE_LIMITED', 'too many large requests are being parsed right now; retry in a few seconds', 5);
    }
    const message: UploadJob = {
      kind: 'upload',
      jobId: this.nextJob++,
      bytes,
      tenant,
      contentType,
      fileName,
      limits: { ...this.limits(), maxUnpackedBytes },
    };
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve: (o) => resolve(o as UploadOutcome), reject });
      this.pump();
    });
  }

  /**
   * A body that cannot fit the worker's heap once decoded, parsed and validated is refused
   * before the worker sees it: a worker that runs out of its heap is ended and started again
   * (a second or so), so the out-of-memory path stays the rare case, not the way large
   * bodies are refused.
   */
  private refuseWhatCannotFit(bytes: Uint8Array): void {
    if (bytes.length * PARSE_EXPANSION <= this.options.workerMemoryMb * 2 ** 20) return;
    throw new RequestRefused(
      413,
      'LIMIT_EXCEEDED',
      `request body (${(bytes.length / 2 ** 20).toFixed(1)} MB) needs more than ${this.options.workerMemoryMb} MB to parse and validate (BODY_WORKER_MEMORY_MB); split the bundle`,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w && w.exitCode === null && w.signalCode === null) {
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.kill();
      await exited;
    }
  }

  private limits(): BodyLimits {
    const { maxQueryBytes, maxTokens, maxRequestBytes, maxBundleRecords } = this.options;
    return { maxQueryBytes, maxTokens, maxRequestBytes, maxBundleRecords };
  }

  private parseHere(bytes: Buffer): unknown {
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      throw new RequestRefused(400, 'BAD_REQUEST', `request body is not valid JSON: ${(e as Error).message}`);
    }
    const query = (body as { query?: unknown } | null)?.query;
    if (typeof query === 'string' && Buffer.byteLength(query) > this.options.maxQueryBytes) {
      throw new RequestRefused(413, 'QUERY_TOO_LONG', `query text is longer than ${this.options.maxQueryBytes} bytes (MAX_QUERY_BYTES)`);
    }
    return body;
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    this.workerProcess().send(job.message);
  }

  private finish(jobId: number, outcome: { body?: unknown; error?: Error }): void {
    const job = this.running;
    if (!job || job.message.jobId !== jobId) return;
    this.running = undefined;
    if (outcome.error) job.reject(outcome.error);
    else job.resolve(outcome.body);
    this.pump();
  }

  private workerProcess(): ChildProcess {
    if (this.worker) return this.worker;
    const compiled = join(__dirname, 'bodyWorker.js');
    // run under tsx (npm start) and under ts-jest alike: the worker loads tsx itself
    const [script, loader] = existsSync(compiled)
      ? [compiled, []]
      : [join(__dirname, 'bodyWorker.ts'), ['--require', require.resolve('tsx/cjs')]];
    const w = fork(script, [], {
      execArgv: [...loader, `--max-old-space-size=${this.options.workerMemoryMb}`],
      // structured clone over the channel: typed arrays and nested records as they are
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // V8 says why it died on stderr; the last few KB are kept to tell running out of heap from a crash
    let lastWords = '';
    w.stderr?.on('data', (chunk: Buffer) => (lastWords = (lastWords + chunk.toString()).slice(-4096)));
    w.unref();
    w.channel?.unref();
    w.on('message', (reply: BodyReply) => void this.onReply(w, reply));
    w.on('error', (e: Error) => this.log.error({ err: e }, 'body worker failed'));
    w.on('exit', (code, signal) => {
      if (this.worker === w) this.worker = undefined;
      const jobId = this.running?.message.jobId;
      if (jobId === undefined || this.closed) return;
      const outOfMemory = /heap out of memory|allocation failed/i.test(lastWords);
      if (!outOfMemory) this.log.error({ code, signal, stderr: lastWords }, 'body worker stopped');
      this.finish(jobId, {
        error: outOfMemory
          ? new RequestRefused(
              413,
              'LIMIT_EXCEEDED',
              `request body needs more than ${this.options.workerMemoryMb} MB to parse and validate (BODY_WORKER_MEMORY_MB); split the bundle`,
            )
          : new Error('the body worker stopped'),
      });
    });
    this.worker = w;
    return w;
  }

  private async onReply(w: ChildProcess, reply: BodyReply): Promise<void> {
    switch (reply.kind) {
      case 'read': {
        let answer: ToWorker;
        try {
          answer = { kind: 'readResult', readId: reply.readId, rows: await this.graph.read(reply.cypher, reply.params) };
        } catch (e) {
          answer = {
            kind: 'readResult',
            readId: reply.readId,
            error: { name: (e as Error).constructor.name, message: (e as Error).message },
          };
        }
        if (w.connected) w.send(answer);
        return;
      }
      case 'uploaded':
        return this.finish(reply.jobId, { body: reply.outcome });
      case 'refused':
        return this.finish(reply.jobId, { error: new RequestRefused(reply.status, reply.code, reply.message) });
      case 'failed': {
        const { name, message } = reply.error;
        const error =
          name === 'DatabaseUnavailableError'
            ? new DatabaseUnavailableError(message)
            : name === 'QueryTimeoutError'
              ? new QueryTimeoutError(message)
              : new Error(`body worker: ${message}`);
        return this.finish(reply.jobId, { error });
      }
      case 'done': {
        // bundles are only ever found in an object's variables
        const variables = reply.bundles.length ? (reply.body as { variables: Record<string, unknown> }).variables : {};
        for (const b of reply.bundles) {
          const placeholder = {};
          markPrevalidated(
            placeholder,
            b.validated ? { validated: b.validated } : { errors: b.errors ?? [], total: b.total, countStopped: b.countStopped },
          );
          variables[b.variable] = placeholder;
        }
        return this.finish(reply.jobId, { body: reply.body });
      }
    }
  }
}
