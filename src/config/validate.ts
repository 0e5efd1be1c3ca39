import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { SEVERITIES, type SeveritySetting } from '../core/diagnostic.js';
import type { RuleRegistry } from '../core/registry.js';
import type { OptionsSchema, RuleMeta } from '../core/rule.js';
import type { FileKind } from '../core/source.js';
import { ConfigError } from './errors.js';
import { checkConfigShape, describeAjvError, describeValue, formatKeyPath, pointerToPath, type KeySegment } from './schema.js';
import { didYouMean } from '../core/suggest.js';
import type { LinterOptions, RawConfig, RawProject, RuleOptions } from './types.js';

/** One rule's setting after validation: `options` undefined means "keep the options it had". */
export interface RuleChange {
  id: string;
  severity: SeveritySetting;
  /** Validated, with the schema's defaults filled in. */
  options?: RuleOptions;
  /**
   * Set when the change names one peer code of a rule that stands for
   * several (`DL3009` of `dockerfile/apt-hygiene`): `severity` then applies
   * to the findings of that code only (see `ResolvedRule.codes`).
   */
  code?: string;
}

/** The peers whose codes findings carry (`compat`), so that a code can name part of a rule. */
const PER_CODE_PEERS = ['hadolint', 'shellcheck'] as const;

/**
 * Whether a peer code names only part of a rule: a hadolint or ShellCheck code
 * of a rule that stands for several codes of that tool. Other codes (BuildKit
 * check names, KICS queries) name the whole rule, as its findings do not carry them.
 */
export function isPartialCode(code: string, meta: RuleMeta | undefined): boolean {
  if (!meta || meta.id === code) return false;
  return PER_CODE_PEERS.some((peer) => {
    const codes = meta.compat?.[peer] ?? [];
    return codes.length > 1 && codes.includes(code);
  });
}

export interface NormalizedOverride {
  files: string[];
  environments: string[];
  rules: RuleChange[];
  settings: Record<string, unknown>;
}

/** A config file's content, checked against the schema and the registry. */
export interface NormalizedConfig {
  extends: string[];
  plugins: string[];
  rules: RuleChange[];
  overrides: NormalizedOverride[];
  environments: Record<string, string[]>;
  ignores: string[];
  kinds: [string, FileKind][];
  settings: Record<string, unknown>;
  linterOptions: LinterOptions;
  projects: RawProject[];
}

export const DEFAULT_LINTER_OPTIONS: Readonly<LinterOptions> = Object.freeze({ reportUnusedDisableDirectives: 'warning' });

const SEVERITY_LIST = SEVERITIES.map((s) => JSON.stringify(s)).join(', ');

/** Where the rule settings being checked come from, for error messages. */
export interface RuleSettingsSource {
  file?: string;
  /** Key path of a `rules` entry, e.g. `rules["compose/x"]` or `--rule "compose/x"`. */
  keyPath(key: string): string;
}

/**
 * Checks a whole raw config: its shape (JSON schema), then every `rules`
 * entry against the registry (ids, peer codes, severities, options).
 * Throws the first problem as a ConfigError naming `file` and the key path.
 */
export function validateConfig(raw: unknown, registry: RuleRegistry, file?: string): NormalizedConfig {
  const [issue] = checkConfigShape(raw);
  if (issue) throw new ConfigError(issue.message, { file, keyPath: issue.keyPath || undefined });
  const config = raw as RawConfig;
  const rulesAt = (prefix: KeySegment[]): RuleSettingsSource => ({
    file,
    keyPath: (key) => formatKeyPath([...prefix, 'rules', key]),
  });
  return {
    extends: toList(config.extends),
    plugins: [...(config.plugins ?? [])],
    rules: checkRules(config.rules ?? {}, registry, rulesAt([])),
    environments: config.environments ?? {},
    overrides: (config.overrides ?? []).map((o, i) => ({
      files: toList(o.files),
      environments: toList(o.environment).map((name) => {
        if (!config.environments?.[name]) {
          throw new ConfigError(`unknown environment "${name}"${didYouMean(name, Object.keys(config.environments ?? {}))}; define it under environments:`, {
            file,
            keyPath: formatKeyPath(['overrides', i, 'environment']),
          });
        }
        return name;
      }),
      rules: checkRules(o.rules ?? {}, registry, rulesAt(['overrides', i])),
      settings: o.settings ?? {},
    })),
    ignores: [...(config.ignores ?? [])],
    kinds: Object.entries(config.kinds ?? {}),
    settings: config.settings ?? {},
    linterOptions: { ...DEFAULT_LINTER_OPTIONS, ...config.linterOptions },
    projects: [...(config.projects ?? [])],
  };
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? [...value] : [value];
}

/** Checks a `rules` map in order; keys may be rule ids or peer codes. */
export function checkRules(rules: Record<string, unknown>, registry: RuleRegistry, source: RuleSettingsSource): RuleChange[] {
  const changes: RuleChange[] = [];
  for (const [key, value] of Object.entries(rules)) {
    const fail = (reason: string): never => {
      throw new ConfigError(reason, { file: source.file, keyPath: source.keyPath(key) });
    };
    const ids = resolveRuleKey(key, registry, fail);
    const setting = parseRuleSetting(value, fail);
    for (const id of ids) {
      const change: RuleChange = { id, severity: setting.severity };
      if (isPartialCode(key, registry.get(id))) change.code = key;
      if (setting.options !== undefined) {
        const meta = registry.get(id)!;
        change.options = validateRuleOptions(meta, setting.options, (reason) =>
          fail(key === id || reason.includes(`"${id}"`) ? reason : `${reason} (rule "${id}")`),
        );
      }
      changes.push(change);
    }
  }
  return changes;
}

type Fail = (reason: string) => never;

const throwPlain: Fail = (reason) => {
  throw new ConfigError(reason);
};

/**
 * The rule ids a `rules` key stands for: the rule itself, or every rule
 * whose `meta.compat` lists the peer code.
 */
export function resolveRuleKey(key: string, registry: RuleRegistry, fail: Fail = throwPlain): string[] {
  if (registry.get(key)) return [key];
  const byCode = registry.byCompatCode(key);
  if (byCode.length) return [...byCode];
  const ids = registry.ids();
  if (key.includes('/')) return fail(`unknown rule${didYouMean(key, ids)}`);
  const candidates = [...compatCodes(registry), ...ids];
  if (/^(DL|SC)\d+$/i.test(key)) return fail(`peer code "${key}" maps to no rule${didYouMean(key, candidates)}`);
  return fail(`unknown rule or peer code${didYouMean(key, candidates)}`);
}

function compatCodes(registry: RuleRegistry): Set<string> {
  const codes = new Set<string>();
  for (const id of registry.ids()) {
    for (const list of Object.values(registry.get(id)?.compat ?? {})) for (const code of list ?? []) codes.add(code);
  }
  return codes;
}

export function parseSeverity(value: unknown, fail: Fail = throwPlain): SeveritySetting {
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) return value as SeveritySetting;
  if (typeof value === 'number') {
    return fail(`invalid severity ${value}; expected one of ${SEVERITY_LIST} (numeric severities are not accepted)`);
  }
  return fail(`invalid severity ${typeof value === 'string' ? JSON.stringify(value) : describeValue(value)}; expected one of ${SEVERITY_LIST}`);
}

/** `severity`, `[severity]` or `[severity, options]`. */
export function parseRuleSetting(value: unknown, fail: Fail = throwPlain): { severity: SeveritySetting; options?: RuleOptions } {
  if (typeof value === 'string' || typeof value === 'number') return { severity: parseSeverity(value, fail) };
  if (!Array.isArray(value)) {
    return fail(`expected a severity (${SEVERITY_LIST}) or [severity, options]; got ${describeValue(value)}`);
  }
  if (value.length < 1 || value.length > 2) {
    return fail(
      `expected [severity] or [severity, options]; got ${value.length ? `a list of ${value.length} items` : 'an empty list'}`,
    );
  }
  const severity = parseSeverity(value[0], fail);
  if (value.length === 1) return { severity };
  const options: unknown = value[1];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    return fail(`options must be an object; got ${describeValue(options)}`);
  }
  return { severity, options: options as RuleOptions };
}

let optionsAjv: Ajv2020 | undefined;
const compiled = new WeakMap<OptionsSchema, ValidateFunction>();
const defaultsCache = new WeakMap<RuleMeta, RuleOptions>();

/** The options validator of a rule, compiled once per schema object. */
function optionsValidator(meta: RuleMeta & { options: OptionsSchema }): ValidateFunction {
  let validate = compiled.get(meta.options);
  if (!validate) {
    if (!optionsAjv) {
      optionsAjv = new Ajv2020({ useDefaults: true, verbose: true, allowUnionTypes: true, strict: false });
      const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (ajv: Ajv2020) => void;
      addFormats(optionsAjv);
    }
    try {
      validate = optionsAjv.compile(meta.options);
    } catch (err) {
      throw new Error(`rule "${meta.id}" has an invalid options schema: ${(err as Error).message}`, { cause: err });
    }
    compiled.set(meta.options, validate);
  }
  return validate;
}

function copy(options: RuleOptions): RuleOptions {
  try {
    return structuredClone(options);
  } catch {
    return { ...options }; // functions from a JS config: a shallow copy will do
  }
}

/**
 * `options` checked against the rule's `meta.options` schema, as a new
 * object with the schema's defaults filled in.
 */
export function validateRuleOptions(meta: RuleMeta, options: RuleOptions, fail: Fail = throwPlain): RuleOptions {
  if (!meta.options) {
    if (Object.keys(options).length) return fail(`rule "${meta.id}" takes no options`);
    return {};
  }
  const validate = optionsValidator(meta as RuleMeta & { options: OptionsSchema });
  const result = copy(options);
  if (!validate(result)) return fail(describeOptionsError(validate.errors?.[0], result));
  return result;
}

function describeOptionsError(err: ErrorObject | undefined, data: unknown): string {
  if (!err) return 'invalid options';
  const params = err.params as Record<string, unknown>;
  const at = pointerToPath(err.instancePath, data);
  const name = (key: string | number): string => JSON.stringify(formatKeyPath([...at, key]));
  if (err.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const known = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    return `unknown option ${name(key)}${didYouMean(key, known)}`;
  }
  if (err.keyword === 'required') return `missing required option ${name(String(params.missingProperty))}`;
  const { path, message } = describeAjvError(err, data, 'option');
  return path.length ? `option ${JSON.stringify(formatKeyPath(path))}: ${message}` : `options: ${message}`;
}

/** The options a rule runs with when the config gives none: its schema's defaults. */
export function defaultOptions(meta: RuleMeta): RuleOptions {
  if (!meta.options) return {};
  let defaults = defaultsCache.get(meta);
  if (!defaults) {
    defaults = plainDefaults(meta.options);
    if (!defaults) {
      defaults = {};
      // A schema with required options fails here; the defaults filled in so far are still right.
      optionsValidator(meta as RuleMeta & { options: OptionsSchema })(defaults);
    }
    defaultsCache.set(meta, defaults);
  }
  return defaults;
}

/**
 * The defaults of a flat `{ type: 'object', properties }` schema, read without
 * compiling it: start-up then compiles no rule's schema unless a config sets
 * its options. Undefined for any other shape (ajv fills those in).
 */
function plainDefaults(schema: OptionsSchema): RuleOptions | undefined {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (schema.type !== 'object' || !properties || schema.allOf || schema.anyOf || schema.oneOf || schema.$ref) return undefined;
  const out: RuleOptions = {};
  for (const [key, prop] of Object.entries(properties)) {
    if (typeof prop !== 'object' || prop === null) return undefined;
    if (prop.$ref || (prop.type === 'object' && prop.properties)) return undefined;
    if ('default' in prop) out[key] = structuredClone(prop.default);
  }
  return out;
}
