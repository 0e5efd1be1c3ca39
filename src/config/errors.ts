/** Where in a config a problem is, besides the file. */
export interface ConfigErrorLocation {
  /** Absolute path of the config file (absent for `--rule` flags and presets). */
  file?: string;
  /** The key the problem is about, e.g. `rules["compose/imag-pinned"]`, `overrides[0].files`. */
  keyPath?: string;
  /** 1-based line and column, when known (syntax errors). */
  line?: number;
  column?: number;
  cause?: unknown;
}

/**
 * A problem with the configuration, worded for users:
 * `<file>: rules["compose/imag-pinned"]: unknown rule; did you mean "compose/image-pinned"?`
 * or, for syntax errors, `<file>:<line>:<column>: <reason>`.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly file?: string;
  readonly keyPath?: string;
  readonly line?: number;
  readonly column?: number;
  /** The message without the file and key path in front. */
  readonly reason: string;

  constructor(reason: string, location: ConfigErrorLocation = {}) {
    super(formatMessage(reason, location), location.cause === undefined ? undefined : { cause: location.cause });
    this.reason = reason;
    if (location.file !== undefined) this.file = location.file;
    if (location.keyPath !== undefined) this.keyPath = location.keyPath;
    if (location.line !== undefined) this.line = location.line;
    if (location.column !== undefined) this.column = location.column;
  }

  /** The same error, attributed to `file` when it names none yet. */
  inFile(file: string): ConfigError {
    if (this.file !== undefined) return this;
    return new ConfigError(this.reason, {
      file,
      keyPath: this.keyPath,
      line: this.line,
      column: this.column,
      cause: this.cause,
    });
  }
}

function formatMessage(reason: string, loc: ConfigErrorLocation): string {
  let where = loc.file ?? '';
  if (where && loc.line !== undefined) where += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  const parts = [where, loc.keyPath ?? ''].filter((p) => p !== '');
  return parts.length ? `${parts.join(': ')}: ${reason}` : reason;
}
