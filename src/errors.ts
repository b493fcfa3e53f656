// Errors a client may see, thrown from any layer (a capability's bad input reads the same
// whether it came through GraphQL, an HTTP route or a CLI). Each carries an
// extensions.code; anything else is logged and reported as INTERNAL_SERVER_ERROR without
// its message or stack.
import { GraphQLError } from 'graphql';

export class BadInputError extends GraphQLError {
  constructor(message: string, argument?: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}), ...extra } });
  }
}
export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}
export class UnavailableError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
}
export class LimitError extends GraphQLError {
  constructor(message: string, code = 'LIMIT_EXCEEDED') {
    super(message, { extensions: { code } });
  }
}

// ---- exhibits (src/exhibits) ----
/** An uploaded exhibit whose SHA-256 is not the one its document declares; nothing was stored. */
export class Sha256MismatchError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'SHA256_MISMATCH', ...extra } });
  }
}
