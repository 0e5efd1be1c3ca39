import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';
import { FILE_KIND_NAMES } from '../kinds/index.js';
import type { AnyRule, RulePack } from '../core/rule.js';
import type { RuleRegistry } from '../core/registry.js';
import { createRegistry } from '../core/registry.js';
import type { RuleMeta } from '../core/rule.js';

/** A pack that cannot be used: not found, fails to load, bad metadata, id collision, wrong stack-lint version. */
export class PackError extends Error {}

/** What a rule's `meta.kind` may be: a file kind, or `stack` (a rule that looks at the whole stack). */
const KINDS = new Set<string>([...FILE_KIND_NAMES, 'stack']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const FIXES = new Set(['none', 'safe', 'unsafe']);

/**
 * The rule packs of a run: the built-in one first, then the plugins configs
 * name, loaded once each. It is also the registry config validation asks, so
 * a config may set the rules of the packs it loads.
 */
export class PackSet implements RuleRegistry {
  private readonly packs: RulePack[] = [];
  private readonly extra: RuleMeta[];
  private readonly loaded = new Map<string, Promise<RulePack>>();
  private registry?: RuleRegistry;

  constructor(
    builtin: RulePack,
    /** Metadata of findings the engine makes itself (unused suppressions, crashes). */
    engineMetas: readonly RuleMeta[],
    private readonly toolVersion: string,
  ) {
    this.extra = [...engineMetas];
    this.packs.push(builtin);
  }

  all(): readonly RulePack[] {
    return this.packs;
  }

  rules(): AnyRule[] {
    return this.packs.flatMap((p) => p.rules);
  }

  /** Adds a pack after checking it; throws a PackError naming the pack and the problem. */
  add(pack: unknown, source: string): RulePack {
    const checked = checkPack(pack, source, this.toolVersion);
    const name = checked.meta.name;
    if (this.packs.some((p) => p.meta.name === name)) return this.packs.find((p) => p.meta.name === name)!;
    const known = new Map(this.rules().map((r) => [r.meta.id, r]));
    for (const rule of checked.rules) {
      if (known.has(rule.meta.id)) throw new PackError(`pack "${name}" (${source}): rule id "${rule.meta.id}" is already defined by another pack`);
    }
    const docsBase = checked.meta.docsBase;
    for (const rule of checked.rules) if (docsBase) rule.meta.docsUrl ??= `${docsBase}${rule.meta.id.split('/').slice(1).join('/')}.md`;
    this.packs.push(checked);
    this.registry = undefined;
    return checked;
  }

  /** Adds the rules of a config's `policies:`; their ids may use any namespace not already taken by a rule. */
  addPolicies(rules: readonly AnyRule[], configFile: string): void {
    const known = new Set(this.rules().map((r) => r.meta.id));
    for (const rule of rules) {
      if (known.has(rule.meta.id)) throw new PackError(`policy "${rule.meta.id}" (${configFile}): the id is already used by a rule`);
    }
    this.packs.push({ meta: { name: `policies of ${configFile}`, namespace: 'policy' }, rules });
    this.registry = undefined;
  }

  /**
   * Loads a plugin named in a config: a path (`./policies/pack.mjs`, relative to
   * the config's folder) or a package (`acme` → `stack-lint-plugin-acme`,
   * `@acme` → `@acme/stack-lint-plugin`, `@acme/policy` → itself or
   * `@acme/stack-lint-plugin-policy`), resolved from the config's folder.
   */
  load(specifier: string, fromDir: string): Promise<RulePack> {
    const key = isPath(specifier) ? path.resolve(fromDir, specifier) : `${fromDir}\u0000${specifier}`;
    let p = this.loaded.get(key);
    if (!p) {
      p = importPack(specifier, fromDir).then((pack) => this.add(pack, specifier));
      this.loaded.set(key, p);
    }
    return p;
  }

  /** `pack:preset`, or a bare pack name for its `recommended` preset. */
  preset(name: string): Record<string, unknown> | undefined {
    const at = name.lastIndexOf(':');
    const [packName, presetName] = at > 0 ? [name.slice(0, at), name.slice(at + 1)] : [name, 'recommended'];
    return this.packs.find((p) => p.meta.name === packName)?.presets?.[presetName];
  }

  presetNames(): string[] {
    return this.packs.flatMap((p) => Object.keys(p.presets ?? {}).map((k) => `${p.meta.name}:${k}`));
  }

  private current(): RuleRegistry {
    this.registry ??= createRegistry([...this.rules().map((r) => r.meta), ...this.extra]);
    return this.registry;
  }

  get(id: string): RuleMeta | undefined {
    return this.current().get(id);
  }

  ids(): string[] {
    return this.current().ids();
  }

  byCompatCode(code: string): string[] {
    return this.current().byCompatCode(code);
  }
}

function isPath(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier);
}

function candidates(name: string): string[] {
  if (name.startsWith('@')) {
    const [scope, rest] = name.split('/');
    if (!rest) return [`${scope}/stack-lint-plugin`];
    return rest.startsWith('stack-lint-plugin') ? [name] : [name, `${scope}/stack-lint-plugin-${rest}`];
  }
  return name.startsWith('stack-lint-plugin-') ? [name] : [`stack-lint-plugin-${name}`, name];
}

async function importPack(specifier: string, fromDir: string): Promise<unknown> {
  let url: string | undefined;
  if (isPath(specifier)) url = pathToFileURL(path.resolve(fromDir, specifier)).href;
  else {
    const require = createRequire(path.join(fromDir, 'package.json'));
    for (const name of candidates(specifier)) {
      try {
        url = pathToFileURL(require.resolve(name)).href;
        break;
      } catch {
        // try the next spelling
      }
    }
  }
  if (!url) throw new PackError(`cannot find plugin "${specifier}" from ${fromDir} (looked for ${candidates(specifier).join(', ')})`);
  let mod: { default?: unknown; pack?: unknown };
  try {
    mod = (await import(url)) as { default?: unknown; pack?: unknown };
  } catch (e) {
    throw new PackError(`plugin "${specifier}" failed to load: ${(e as Error).message}`);
  }
  const pack = mod.default ?? mod.pack;
  if (!pack) throw new PackError(`plugin "${specifier}" exports no pack (a default export made with definePack)`);
  return pack;
}

/** Checks a pack's shape and metadata so a broken pack fails at load, not in the middle of a run. */
function checkPack(value: unknown, source: string, toolVersion: string): RulePack {
  const fail = (why: string): never => {
    const name = (value as { meta?: { name?: unknown } })?.meta?.name;
    throw new PackError(`pack ${typeof name === 'string' ? `"${name}" ` : ''}(${source}): ${why}`);
  };
  if (typeof value !== 'object' || value === null) return fail('is not an object made with definePack');
  const pack = value as Partial<RulePack> & { requires?: unknown };
  const meta = pack.meta;
  if (!meta || typeof meta.name !== 'string' || !meta.name) return fail('meta.name is missing');
  if (typeof meta.namespace !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(meta.namespace)) {
    return fail('meta.namespace must be lower-case letters, digits and dashes');
  }
  if (KINDS.has(meta.namespace) || meta.namespace === 'stack-lint') return fail(`namespace "${meta.namespace}" is reserved for stack-lint's own rules`);
  if (pack.requires !== undefined) {
    if (typeof pack.requires !== 'string' || !semver.validRange(pack.requires)) return fail(`requires "${String(pack.requires)}" is not a version range`);
    if (!semver.satisfies(toolVersion, pack.requires, { includePrerelease: true })) {
      return fail(`requires stack-lint ${pack.requires}, but this is stack-lint ${toolVersion}`);
    }
  }
  if (!Array.isArray(pack.rules)) return fail('rules must be an array of rules made with defineRule');
  const ids = new Set<string>();
  for (const [i, rule] of pack.rules.entries()) {
    const m = (rule as AnyRule | undefined)?.meta;
    const where = `rules[${i}]${m?.id ? ` "${m.id}"` : ''}`;
    if (!m || typeof m.id !== 'string') return fail(`${where}: meta.id is missing`);
    if (!m.id.startsWith(`${meta.namespace}/`) || !/^[a-z0-9-]+\/[a-z0-9][a-z0-9/-]*$/.test(m.id)) {
      return fail(`${where}: the id must be "${meta.namespace}/<name>" in lower case`);
    }
    if (ids.has(m.id)) return fail(`${where}: the id is used twice`);
    ids.add(m.id);
    if (!KINDS.has(m.kind)) return fail(`${where}: meta.kind must be ${[...KINDS].slice(0, -1).join(', ')} or stack`);
    if (!SEVERITIES.has(m.severity)) return fail(`${where}: meta.severity must be error, warning or info`);
    if (!FIXES.has(m.fix)) return fail(`${where}: meta.fix must be none, safe or unsafe`);
    if (typeof m.summary !== 'string' || !m.summary) return fail(`${where}: meta.summary is missing`);
    if (typeof m.category !== 'string' || !m.category) return fail(`${where}: meta.category is missing`);
    if (m.scope !== undefined && !(m.scope === 'file' || (m.scope === 'environment' && m.kind === 'compose'))) {
      return fail(`${where}: meta.scope must be file, or environment for a compose rule`);
    }
    if (m.environments !== undefined && (m.scope !== 'environment' || !(m.environments === 'all' || m.environments === 'production'))) {
      return fail(`${where}: meta.environments must be all or production, with scope environment`);
    }
    const parts = (rule as AnyRule).parts;
    if (parts !== undefined) {
      if (!Array.isArray(parts) || !parts.length) return fail(`${where}: parts must be a list of checks`);
      for (const [j, part] of parts.entries()) {
        if (typeof part?.check !== 'function') return fail(`${where}: parts[${j}].check must be a function`);
        if (part.scope !== undefined && !(part.scope === 'file' || (part.scope === 'environment' && (m.kind === 'compose' || m.kind === 'stack')))) {
          return fail(`${where}: parts[${j}].scope must be file, or environment for a compose or stack rule`);
        }
        if (part.environments !== undefined && (part.scope !== 'environment' || !(part.environments === 'all' || part.environments === 'production'))) {
          return fail(`${where}: parts[${j}].environments must be all or production, with scope environment`);
        }
      }
    } else if (typeof (rule as AnyRule).check !== 'function') return fail(`${where}: check must be a function`);
  }
  for (const [presetName, rules] of Object.entries(pack.presets ?? {})) {
    if (typeof rules !== 'object' || rules === null) return fail(`presets.${presetName} must map rule ids to settings`);
  }
  return pack as RulePack;
}
