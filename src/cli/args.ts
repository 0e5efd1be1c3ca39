import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../core/suggest.js';

export interface CliArgs {
  patterns: string[];
  format: string;
  outputFile?: string;
  quiet: boolean;
  maxWarnings?: number;
  config?: string;
  noConfigLookup: boolean;
  noCodeConfig: boolean;
  rules: string[];
  ignorePatterns: string[];
  forceExclude: boolean;
  errorOnUnmatched: boolean;
  listRules: boolean;
  printConfig?: string;
  color?: boolean;
  sarifCategory?: string;
  sarifIncludeSuppressed: boolean;
  cache: boolean;
  shard?: { index: number; count: number };
  /** `--concurrency <n|auto>`: threads to lint with. */
  concurrency?: number | 'auto';
  cacheLocation?: string;
  /** `--project-root <dir>`: nothing outside it is read. */
  projectRoot?: string;
  stdin: boolean;
  stdinFilename?: string;
  fix: boolean;
  fixDryRun: boolean;
  unsafeFixes: boolean;
  /** `--exit-zero`: exit 0 whatever was found (2 still means the run itself failed). */
  exitZero: boolean;
  /** `--statistics`: counts per rule after the report. */
  statistics: boolean;
  /** `--suppress-all` (`'all'`) or the ids of `--suppress-rule`: record today's findings. */
  suppress?: 'all' | string[];
  suppressionsLocation?: string;
  pruneSuppressions: boolean;
  passOnUnprunedSuppressions: boolean;
  /** `--baseline <sarif>`: the SARIF log of an earlier run to compare with. */
  baseline?: string;
  onlyNew: boolean;
  help: boolean;
  version: boolean;
}

export class CliUsageError extends Error {}

export const HELP = `Usage: stack-lint [options] [paths…]
       stack-lint rule <id | hadolint, ShellCheck or BuildKit code>
       stack-lint init     write a commented .stackpolicyrc.yaml for this repository
       stack-lint explain-project [path]   show the compose projects, env files and build
                           contexts found, with the evidence (file:line) for each (-f json too)

Lints Docker Compose files, Dockerfiles and shell scripts, one by one and as one stack.
Paths may be files, folders or globs; the default is the current folder.

Output
  -f, --format <name>        pretty (default), json, sarif, github, gitlab, junit, checkstyle,
                             or a formatter module path / stack-lint-formatter-<name> package
  -o, --output-file <path>   write the report to a file instead of standard output
      --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings (-1: no limit)
      --exit-zero            exit 0 even when there are findings (2 still means the run failed)
      --statistics           print how many findings each rule has, after the report
      --color, --no-color    force colours on or off (default: on for a terminal, off with NO_COLOR)
      --sarif-category <id>  SARIF automationDetails.id, for several uploads per commit
      --sarif-include-suppressed  keep suppressed findings in SARIF (with their justification)

Fixing
      --fix                  apply safe fixes to the files (written atomically)
      --unsafe-fixes         with --fix or --fix-dry-run: also apply fixes that change behaviour
      --fix-dry-run          print the fixes as a unified diff (the report goes to stderr); write nothing

Adopting on an existing repository
      --suppress-all         record every error and warning in the suppressions file
      --suppress-rule <id>   record the findings of this rule only (repeatable)
      --suppressions-location <path> the suppressions file (default stack-lint-suppressions.json
                             at the project root)
      --prune-suppressions   drop recorded findings that no longer occur
      --pass-on-unpruned-suppressions  do not fail when recorded findings no longer occur
      --baseline <sarif>     compare with an earlier run's SARIF log (sets baselineState)
      --only-new             with --baseline: report only findings the baseline does not have

Configuration
  -c, --config <path>        use this config file instead of looking up .stackpolicyrc
      --no-config-lookup     use no config file
      --no-code-config       never execute a JavaScript config, plugin or custom formatter (for untrusted checkouts)
      --project-root <dir>   read nothing outside this folder (default: the repository root)
      --rule <'id: severity'> set a rule's severity (repeatable): --rule 'compose/image-pinned: warning'
      --print-config <file>  print the configuration that applies to a file, as JSON

Files
      --stdin                lint standard input instead of files
      --stdin-filename <path> the name of the text on standard input (kind, config, siblings)
      --ignore-pattern <glob> skip matching files (repeatable)
      --force-exclude        apply ignores to files named on the command line too
      --no-error-on-unmatched do not fail when a path or glob matches nothing
      --shard <i/n>          lint only shard i of n (whole stacks per shard), for CI matrices
      --cache                reuse results of stacks whose files and config did not change
      --cache-location <path> the cache file (default .stack-lint-cache)
      --concurrency <n|auto> threads to lint with (1: one; default auto: one per core but one, for large runs)

Information
      --list-rules           list every rule (with --format json: as JSON)
  -h, --help                 show this help
  -v, --version              print the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors, too many
warnings or recorded findings that no longer occur, 2 usage, configuration or internal error.
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'exit-zero': { type: 'boolean' },
  statistics: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  'no-code-config': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  'ignore-pattern': { type: 'string', multiple: true },
  'force-exclude': { type: 'boolean' },
  'no-error-on-unmatched': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'sarif-category': { type: 'string' },
  'sarif-include-suppressed': { type: 'boolean' },
  cache: { type: 'boolean' },
  shard: { type: 'string' },
  concurrency: { type: 'string' },
  'cache-location': { type: 'string' },
  'project-root': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'unsafe-fixes': { type: 'boolean' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'suppressions-location': { type: 'string' },
  'prune-suppressions': { type: 'boolean' },
  'pass-on-unpruned-suppressions': { type: 'boolean' },
  baseline: { type: 'string' },
  'only-new': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

/** Every flag as typed, for "did you mean". */
export const FLAG_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

/** Options whose value may be a negative number (`--max-warnings -1`, ESLint's "no limit"). */
const NUMBER_OPTIONS = new Set(['--max-warnings']);

/**
 * `--max-warnings -1` as `--max-warnings=-1`: parseArgs reads a value that starts with a dash
 * as a forgotten value and refuses it, though CI scripts pass the number as its own word.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    if (NUMBER_OPTIONS.has(arg) && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1];
    throw new CliUsageError(unknown ? message + didYouMean(unknown, FLAG_NAMES) : message);
  }
  const v = parsed.values;
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
      throw new CliUsageError(`--max-warnings takes a number of warnings, or -1 for no limit (got "${v['max-warnings']}")`);
    }
  }
  if (v['suppress-all'] && v['suppress-rule']) throw new CliUsageError('--suppress-all and --suppress-rule cannot be used together');
  if ((v['suppress-all'] || v['suppress-rule']) && v['prune-suppressions']) throw new CliUsageError('--prune-suppressions cannot be used with --suppress-all or --suppress-rule');
  if ((v['suppress-all'] || v['suppress-rule'] || v['prune-suppressions']) && (v.stdin || v['fix-dry-run'])) {
    throw new CliUsageError('--suppress-all, --suppress-rule and --prune-suppressions record files as they are: not with --stdin or --fix-dry-run');
  }
  if (v['only-new'] && !v.baseline) throw new CliUsageError('--only-new goes with --baseline <previous.sarif>');
  if (v.color && v['no-color']) throw new CliUsageError('--color and --no-color cannot be used together');
  if (v['unsafe-fixes'] && !v.fix && !v['fix-dry-run']) throw new CliUsageError('--unsafe-fixes goes with --fix or --fix-dry-run');
  const args: CliArgs = {
    patterns: parsed.positionals,
    format: v.format ?? 'pretty',
    quiet: v.quiet ?? false,
    noConfigLookup: v['no-config-lookup'] ?? false,
    noCodeConfig: v['no-code-config'] ?? false,
    rules: v.rule ?? [],
    ignorePatterns: v['ignore-pattern'] ?? [],
    forceExclude: v['force-exclude'] ?? false,
    errorOnUnmatched: !(v['no-error-on-unmatched'] ?? false),
    listRules: v['list-rules'] ?? false,
    sarifIncludeSuppressed: v['sarif-include-suppressed'] ?? false,
    cache: v.cache ?? false,
    stdin: v.stdin ?? false,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    unsafeFixes: v['unsafe-fixes'] ?? false,
    exitZero: v['exit-zero'] ?? false,
    statistics: v.statistics ?? false,
    pruneSuppressions: v['prune-suppressions'] ?? false,
    passOnUnprunedSuppressions: v['pass-on-unpruned-suppressions'] ?? false,
    onlyNew: v['only-new'] ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
  if (v['suppress-all']) args.suppress = 'all';
  else if (v['suppress-rule']) args.suppress = v['suppress-rule'];
  if (v['suppressions-location'] !== undefined) args.suppressionsLocation = v['suppressions-location'];
  if (v.baseline !== undefined) args.baseline = v.baseline;
  if (v['output-file'] !== undefined) args.outputFile = v['output-file'];
  if (maxWarnings !== undefined && maxWarnings >= 0) args.maxWarnings = maxWarnings;
  if (v.config !== undefined) args.config = v.config;
  if (v['print-config'] !== undefined) args.printConfig = v['print-config'];
  if (v['sarif-category'] !== undefined) args.sarifCategory = v['sarif-category'];
  if (v['stdin-filename'] !== undefined) args.stdinFilename = v['stdin-filename'];
  if (v['cache-location'] !== undefined) args.cacheLocation = v['cache-location'];
  if (v['project-root'] !== undefined) args.projectRoot = v['project-root'];
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count) throw new CliUsageError(`--shard takes i/n with 1 ≤ i ≤ n (got "${v.shard}")`);
    args.shard = { index, count };
  }
  if (v.concurrency !== undefined) {
    if (v.concurrency === 'auto') args.concurrency = 'auto';
    else if (/^[1-9]\d*$/.test(v.concurrency)) args.concurrency = Number(v.concurrency);
    else throw new CliUsageError(`--concurrency takes a number of threads or "auto" (got "${v.concurrency}")`);
  }
  if (args.stdin && !args.stdinFilename) throw new CliUsageError('--stdin needs --stdin-filename (the name decides the kind of file and which config applies)');
  if (args.stdin && args.patterns.length) throw new CliUsageError('--stdin takes no paths');
  if (v.color) args.color = true;
  if (v['no-color']) args.color = false;
  return args;
}
