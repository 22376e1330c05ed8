// What an import reports: each problem with the line (pasted table) or JSON path (LiteLLM file)
// it comes from. Errors stop the import; warnings and notes are printed beside the catalog.
import { CreditError } from '../../errors.js';

export interface ImportIssue {
  severity: 'error' | 'warning' | 'info';
  /** 1-based line of a pasted table. */
  line?: number;
  /** JSON path in a LiteLLM price file: `["gpt-4o"].input_cost_per_token`. */
  path?: string;
  message: string;
}

export function formatIssue(issue: ImportIssue): string {
  const where = issue.line !== undefined ? `line ${issue.line}: ` : issue.path ? `${issue.path}: ` : '';
  return `${where}${issue.message}`;
}

/** An import that found rows it cannot read without guessing; `issues` lists every one. */
export class ImportError extends CreditError {
  override name = 'ImportError';
  constructor(readonly issues: readonly ImportIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(`import failed: ${errors.map(formatIssue).join('; ')}`);
  }
}

/** Collects issues; `errors()` is what makes an import fail. */
export class IssueLog {
  readonly all: ImportIssue[] = [];
  error(message: string, at: { line?: number; path?: string } = {}): void {
    this.all.push({ severity: 'error', ...at, message });
  }
  warn(message: string, at: { line?: number; path?: string } = {}): void {
    this.all.push({ severity: 'warning', ...at, message });
  }
  info(message: string, at: { line?: number; path?: string } = {}): void {
    this.all.push({ severity: 'info', ...at, message });
  }
  get hasErrors(): boolean {
    return this.all.some((i) => i.severity === 'error');
  }
}
