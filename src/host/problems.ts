// Errors the reference host answers with, as problem+json documents (RFC 9457).
import { PROBLEM_BASE } from '../sdk/contract/common.js';
import type { Issue } from '../core/errors.js';

export class HostError extends Error {
  constructor(
    readonly status: number,
    /** The last segment of the problem type URI, such as "credits-exhausted". */
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly issues?: readonly Issue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  toProblem(requestId: string): Record<string, unknown> {
    return {
      type: PROBLEM_BASE + this.slug,
      title: this.title,
      status: this.status,
      ...(this.detail && { detail: this.detail }),
      ...(this.issues && { issues: this.issues }),
      requestId,
    };
  }
}
