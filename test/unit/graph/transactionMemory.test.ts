// A transaction that outgrows Neo4j's transaction memory is told apart from a write conflict:
// sending it again cannot help, so the caller hears that it was too large and what to change.
import { Neo4jError } from 'neo4j-driver';
import { isTransactionMemoryError, transactionMemoryError } from '../../../src/graph/graph';
import { LimitError } from '../../../src/errors';

/** An error as the driver builds it from Neo4j's answer (51N72 is the GQL status of a memory pool out of memory). */
const neo4jError = (message: string, code: string) => new Neo4jError(message, code, '51N72', 'memory pool out of memory');

const POOL =
  'The allocation of an extra 2.0 MiB would use more than the limit 2.1 GiB. Currently using 2.1 GiB. dbms.memory.transaction.total.max threshold reached';

describe('transaction memory errors', () => {
  it.each([
    'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    'Neo.TransientError.General.TransactionMemoryLimit',
    'Neo.TransientError.General.OutOfMemoryError',
  ])('%s is a transaction memory error', (code) => {
    expect(isTransactionMemoryError(neo4jError(POOL, code))).toBe(true);
  });

  it.each(['Neo.TransientError.Transaction.DeadlockDetected', 'Neo.TransientError.Transaction.LockClientStopped', 'ServiceUnavailable'])(
    '%s is not',
    (code) => {
      expect(isTransactionMemoryError(neo4jError('x', code))).toBe(false);
    },
  );

  it('answers LIMIT_EXCEEDED with Neo4j’s reason, that nothing was written, and what to change', () => {
    const cause = neo4jError(POOL, 'Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    const e = transactionMemoryError(cause);
    expect(e).toBeInstanceOf(LimitError);
    expect(e.extensions.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toContain('dbms.memory.transaction.total.max threshold reached');
    expect(e.message).toContain('nothing was written');
    expect(e.message).toContain('NEO4J_HEAP');
    expect((e as { cause?: unknown }).cause).toBe(cause);
  });
});
