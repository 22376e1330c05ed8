// The error hierarchy shared by every layer: core throws the catalog and usage errors here;
// the SDK extends CreditError with ApiError, ConnectionError, TimeoutError, ContractError.

/** One problem in a catalog, usage record or scenario, located by its JSON path. */
export interface Issue {
  /** JSON path such as `services[12].prices.platform.input`. */
  path: string;
  message: string;
}

/** Base class of every error creditkit throws on purpose. */
export class CreditError extends Error {
  override name = 'CreditError';
}

function describe(issues: readonly Issue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** A catalog that does not parse; `issues` lists each problem with its path. */
export class CatalogError extends CreditError {
  override name = 'CatalogError';
  constructor(readonly issues: readonly Issue[], prefix = 'invalid catalog') {
    super(`${prefix}: ${describe(issues)}`);
  }
}

/** A usage record (or a scenario) that cannot be rated as given. */
export class UsageError extends CreditError {
  override name = 'UsageError';
  constructor(readonly issues: readonly Issue[], prefix = 'invalid usage') {
    super(`${prefix}: ${describe(issues)}`);
  }
}

/** The service is not offered in the chosen key mode, or the catalog has no such key mode. */
export class NotOfferedError extends CreditError {
  override name = 'NotOfferedError';
  constructor(readonly service: string, readonly keyMode: string, detail?: string) {
    super(`${service} is not offered with key mode "${keyMode}"${detail ? ` (${detail})` : ''}`);
  }
}

/** No service matches the name; `suggestions` holds the nearest ids. */
export class UnknownServiceError extends CreditError {
  override name = 'UnknownServiceError';
  constructor(readonly query: string, readonly suggestions: readonly string[]) {
    super(
      `unknown service "${query.length > 80 ? `${query.slice(0, 80)}…` : query}"` +
        (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''),
    );
  }
}

/** More than one service matches the name; `candidates` holds their ids. */
export class AmbiguousServiceError extends CreditError {
  override name = 'AmbiguousServiceError';
  constructor(readonly query: string, readonly candidates: readonly string[]) {
    super(`"${query}" is ambiguous: it names ${candidates.map((c) => `"${c}"`).join(', ')}; use an id`);
  }
}
