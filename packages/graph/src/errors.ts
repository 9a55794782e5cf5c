import { GraphQLError } from 'graphql';

/**
 * Errors a caller can act on. Each extends GraphQLError with a stable
 * `extensions.code`, so that wherever it surfaces — as data in a mutation
 * payload, or as a top-level error of a query — the caller gets the same code
 * and message, and the server never masks it as an internal fault.
 */
export class ZonegraphError extends GraphQLError {
  readonly code: string;
  constructor(message: string, code: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.code = code;
  }
}

/** Bad arguments to a read (page sizes, cursors, IDs). */
export class UserInputError extends ZonegraphError {
  constructor(message: string, code = 'BAD_USER_INPUT', extensions: Record<string, unknown> = {}) {
    super(message, code, extensions);
  }
}

export interface ValidationIssue {
  /** Where in the input, e.g. ["input", "plannedInvestment"]. */
  path: string[];
  message: string;
}

export class ValidationError extends ZonegraphError {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    const first = issues[0];
    super(
      first ? `${first.path.join('.')}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}` : 'Invalid input',
      'VALIDATION_FAILED',
      { issues },
    );
    this.issues = issues;
  }
}

export class NotFoundError extends ZonegraphError {
  readonly recordType: string;
  readonly reference: string;
  constructor(recordType: string, reference: string) {
    super(`No ${recordType} ${reference}`, 'NOT_FOUND', { recordType, reference });
    this.recordType = recordType;
    this.reference = reference;
  }
}

export class ForbiddenError extends ZonegraphError {
  constructor(message = 'Your API key\'s role may not do this.') {
    super(message, 'FORBIDDEN');
  }
}

export class ConflictError extends ZonegraphError {
  readonly currentVersion: number | null;
  constructor(message: string, currentVersion: number | null = null) {
    super(message, 'CONFLICT', { currentVersion });
    this.currentVersion = currentVersion;
  }
}

export class UnauthenticatedError extends ZonegraphError {
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED');
  }
}
