/**
 * Peers' configs: a repository's `.hadolint.yaml` and `.shellcheckrc` mean the
 * same to stack-lint as to hadolint and ShellCheck, through each rule's
 * `meta.compat` codes. They are data files (read with --no-code-config too)
 * and sit under `.stackpolicyrc`: its `rules` are applied after them.
 *
 * hadolint applies its file to Dockerfiles (SC codes there mean ShellCheck in
 * `RUN`); ShellCheck applies `.shellcheckrc` to scripts. A code acts on the
 * findings of that code only: for a rule standing for several codes
 * (`dockerfile/apt-hygiene` is DL3009, DL3014, DL3015 and DL3027), ignoring
 * DL3009 drops its DL3009 findings and keeps the others, as hadolint would.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SeveritySetting } from '../core/diagnostic.js';
import type { RuleRegistry } from '../core/registry.js';
import { ConfigError } from './errors.js';
import { loadYaml } from './read.js';
import type { HadolintConfig, ResolvedRule, ShellcheckRc } from './types.js';
import { defaultOptions, isPartialCode, validateRuleOptions, type RuleChange } from './validate.js';

export const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'] as const;
export const SHELLCHECKRC_FILES = ['.shellcheckrc', 'shellcheckrc'] as const;

/** hadolint's severities; `style` has no counterpart here and becomes `info`. */
const HADOLINT_SEVERITY: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const LABEL_TYPES = new Set(['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email']);

function asStringList(value: unknown, file: string, keyPath: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ConfigError('expected a list of strings', { file, keyPath });
  }
  return value as string[];
}

/** A string stands for a list of one. */
function oneOrList(value: unknown): unknown {
  return typeof value === 'string' ? [value] : value;
}

/** Reads a `.hadolint.yaml`; keys hadolint has that mean nothing here (`format`, `no-color`…) are skipped. */
export function parseHadolintConfig(file: string, text: string): HadolintConfig {
  const data = loadYaml(file, text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError('expected a mapping', { file });
  const raw = data as Record<string, unknown>;
  const override = new Map<string, SeveritySetting>();
  const rawOverride = raw.override ?? {};
  if (rawOverride === null || typeof rawOverride !== 'object' || Array.isArray(rawOverride)) throw new ConfigError('expected a mapping', { file, keyPath: 'override' });
  for (const [level, codes] of Object.entries(rawOverride)) {
    const severity = HADOLINT_SEVERITY[level];
    if (!severity) throw new ConfigError(`unknown severity "${level}"; expected error, warning, info or style`, { file, keyPath: `override.${level}` });
    for (const code of asStringList(codes, file, `override.${level}`)) override.set(code, severity);
  }
  const labelSchema = raw['label-schema'] ?? {};
  if (labelSchema === null || typeof labelSchema !== 'object' || Array.isArray(labelSchema)) throw new ConfigError('expected a mapping', { file, keyPath: 'label-schema' });
  for (const [name, type] of Object.entries(labelSchema)) {
    if (typeof type !== 'string' || !LABEL_TYPES.has(type)) {
      throw new ConfigError(`unknown label type ${JSON.stringify(type)}; expected one of ${[...LABEL_TYPES].join(', ')}`, { file, keyPath: `label-schema.${name}` });
    }
  }
  const threshold = raw['failure-threshold'];
  if (threshold !== undefined && (typeof threshold !== 'string' || !['error', 'warning', 'info', 'style', 'ignore', 'none'].includes(threshold))) {
    throw new ConfigError('expected one of error, warning, info, style, ignore, none', { file, keyPath: 'failure-threshold' });
  }
  for (const key of ['strict-labels', 'no-fail', 'disable-ignore-pragma', 'no-color']) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') throw new ConfigError('expected true or false', { file, keyPath: key });
  }
  const config: HadolintConfig = {
    kind: 'hadolint',
    file,
    ignored: asStringList(raw.ignored, file, 'ignored'),
    override,
    // hadolint reads both spellings of the registries key, and one registry written as a string
    trustedRegistries: asStringList(oneOrList(raw.trustedRegistries ?? raw['trusted-registries']), file, 'trustedRegistries'),
    labelSchema: labelSchema as Record<string, string>,
    strictLabels: raw['strict-labels'] === true,
  };
  if (threshold !== undefined) config.failureThreshold = threshold as string;
  if (raw['no-fail'] === true) config.noFail = true;
  if (raw['disable-ignore-pragma'] === true) config.disableIgnorePragma = true;
  return config;
}

/** `SC2086`, `2086` → `SC2086`. */
function scCode(word: string): string {
  return /^\d+$/.test(word) ? `SC${word}` : word.toUpperCase();
}

/** The codes of a `disable=` value: a comma list of codes, ranges (`SC1000-SC1099`) or `all`. */
function disabledCodes(value: string, known: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of value.split(',').map((w) => w.trim()).filter(Boolean)) {
    if (word === 'all') {
      out.push('all');
      continue;
    }
    const range = /^(?:SC)?(\d+)-(?:SC)?(\d+)$/i.exec(word);
    if (range) {
      const [lo, hi] = [Number(range[1]), Number(range[2])];
      for (const code of known) {
        const n = Number(code.slice(2));
        if (n >= lo && n <= hi) out.push(code);
      }
      continue;
    }
    out.push(scCode(word));
  }
  return out;
}

/** Reads a `.shellcheckrc`: `key=value` lines, `#` comments. `known`: the SC codes rules claim, for ranges. */
export function parseShellcheckRc(file: string, text: string, known: readonly string[] = []): ShellcheckRc {
  const rc: ShellcheckRc = { kind: 'shellcheckrc', file, disable: [], enable: [], sourcePath: [] };
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const eq = line.indexOf('=');
    if (eq < 0) throw new ConfigError(`expected key=value; got ${JSON.stringify(line)}`, { file, line: i + 1 });
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === 'disable') rc.disable.push(...disabledCodes(value, known));
    else if (key === 'enable') rc.enable.push(...value.split(',').map((w) => w.trim()).filter(Boolean));
    else if (key === 'shell') rc.shell = value;
    else if (key === 'source-path') rc.sourcePath.push(value);
    // other keys (external-sources, source, extended-analysis) change nothing we check
  });
  return rc;
}

/** The first of `names` in `dir` or the folders above it, stopping after a repository root (as our config's lookup does). */
export function findUpwards(dir: string, names: readonly string[]): string | undefined;
/** With `levels`: looks in that many folders only; null when the search would go on above them. */
export function findUpwards(dir: string, names: readonly string[], options: { levels: number }): string | undefined | null;
export function findUpwards(dir: string, names: readonly string[], options?: { levels: number }): string | undefined | null {
  let levels = options?.levels ?? Infinity;
  for (let d = dir; ; d = path.dirname(d)) {
    for (const name of names) {
      const file = path.join(d, name);
      if (isFile(file)) return file;
    }
    if (existsSync(path.join(d, '.git')) || path.dirname(d) === d) return undefined;
    if (--levels <= 0) return null;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read ${file}: ${(e as Error).message}`, { file });
  }
}

export function readHadolintConfig(file: string): HadolintConfig {
  return parseHadolintConfig(file, readText(file));
}

export function readShellcheckRc(file: string, registry: RuleRegistry): ShellcheckRc {
  return parseShellcheckRc(file, readText(file), claimedShellcheckCodes(registry));
}

function claimedShellcheckCodes(registry: RuleRegistry): string[] {
  return registry.ids().flatMap((id) => registry.get(id)?.compat?.shellcheck ?? []);
}

/** Rule ids a peer code stands for; none when no rule claims it (a code we do not check changes nothing). */
function idsFor(code: string, registry: RuleRegistry): string[] {
  return registry.get(code) ? [code] : registry.byCompatCode(code);
}

/** The changes that give the findings of a peer code `severity`: the whole rule when it stands for that code alone. */
function codeChanges(code: string, severity: SeveritySetting, registry: RuleRegistry): RuleChange[] {
  return idsFor(code, registry).map((id) => (isPartialCode(code, registry.get(id)) ? { id, severity, code } : { id, severity }));
}

/** The severity a rule gets when a peer setting turns it on: what it already has, or its default. */
function onSeverity(current: ResolvedRule | undefined, registry: RuleRegistry, id: string): SeveritySetting {
  return current && current.severity !== 'off' ? current.severity : registry.get(id)!.severity;
}

/** What a `.hadolint.yaml` changes for a Dockerfile, in hadolint's order: overrides, then ignores. */
export function hadolintChanges(config: HadolintConfig, registry: RuleRegistry, rules: ReadonlyMap<string, ResolvedRule>): RuleChange[] {
  const changes: RuleChange[] = [];
  for (const [code, severity] of config.override) changes.push(...codeChanges(code, severity, registry));
  const withOptions = (id: string, options: Record<string, unknown>): void => {
    const meta = registry.get(id);
    if (!meta) return;
    const merged = { ...(rules.get(id)?.options ?? defaultOptions(meta)), ...options };
    changes.push({ id, severity: onSeverity(rules.get(id), registry, id), options: validateRuleOptions(meta, merged) });
  };
  if (config.trustedRegistries.length) for (const id of idsFor('DL3026', registry)) withOptions(id, { allowed: config.trustedRegistries });
  if (Object.keys(config.labelSchema).length || config.strictLabels) {
    for (const id of idsFor('DL3049', registry)) withOptions(id, { schema: config.labelSchema, strict: config.strictLabels });
  }
  for (const code of config.ignored) changes.push(...codeChanges(code, 'off', registry));
  return changes;
}

/** What a `.shellcheckrc` changes for a script. */
export function shellcheckRcChanges(rc: ShellcheckRc, registry: RuleRegistry, rules: ReadonlyMap<string, ResolvedRule>): RuleChange[] {
  const changes: RuleChange[] = [];
  const bridge = registry.get('shell/shellcheck');
  if (rc.enable.length && bridge) {
    const current = rules.get(bridge.id);
    const options = current?.options ?? defaultOptions(bridge);
    const enable = [...new Set([...((options.enable as string[] | undefined) ?? []), ...rc.enable])];
    changes.push({ id: bridge.id, severity: current?.severity ?? 'off', options: { ...options, enable } });
  }
  for (const code of rc.disable) {
    if (code === 'all') {
      // every ShellCheck code; what a rule finds beyond them (no code of ShellCheck's) stays
      for (const id of registry.ids()) {
        const meta = registry.get(id);
        if (id === 'shell/shellcheck') changes.push({ id, severity: 'off' });
        for (const sc of meta?.compat?.shellcheck ?? []) changes.push(isPartialCode(sc, meta) ? { id, severity: 'off', code: sc } : { id, severity: 'off' });
      }
      continue;
    }
    changes.push(...codeChanges(code, 'off', registry));
  }
  return changes;
}
