// Turns zod issues into creditkit issues: a JSON path and a message that names what was found.
import type { $ZodIssue } from 'zod/v4/core';
import { describeValue, formatPath } from './describe.js';
import type { Issue } from './errors.js';

function messageOf(issue: $ZodIssue): string {
  const got = 'input' in issue ? describeValue(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is required (expected ${issue.expected})` : `expected ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'not_multiple_of':
      return got !== undefined && !/, got /.test(issue.message) ? `${issue.message}, got ${got}` : issue.message;
    case 'invalid_union':
      return `does not match any allowed form, got ${got}`;
    default:
      return issue.message;
  }
}

export function toIssues(issues: readonly $ZodIssue[], base = ''): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    // A record key that fails its pattern: name the key and what was expected of it.
    if (issue.code === 'invalid_key') {
      out.push({ path: formatPath(issue.path, base), message: issue.issues.map((i) => i.message).join('; ') });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key], base), message: 'unknown field' });
      continue;
    }
    out.push({ path: formatPath(issue.path, base), message: messageOf(issue) });
  }
  return out;
}
