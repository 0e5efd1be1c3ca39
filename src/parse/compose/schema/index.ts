/**
 * Validates a compose document against the Compose Specification schema the
 * way `docker compose` does — after interpolation, with `!reset` values left
 * out — and turns ajv's errors into findings on the YAML node at fault, in
 * words people use.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { suggest } from '../../../core/suggest.js';
import type { Span } from '../../../core/location.js';
import type { YNode, YScalar } from '../../yaml/nodes.js';
import type { ComposeDocument } from '../document.js';

type CompileModule = { validator(): ValidateFunction };
let loaded: CompileModule | undefined;
let loading: Promise<CompileModule> | undefined;

/**
 * Loads the validator module (in a built CLI: the precompiled one) so that
 * validation can then run synchronously. The parse stage calls it when it
 * meets the first compose file; nothing is loaded when no compose file is linted.
 */
export async function prepareComposeSchema(): Promise<void> {
  if (loaded) return;
  loading ??= import('./compile.js');
  loaded = await loading;
}

export interface SchemaIssue extends Span {
  /** The node reported (the key for unknown or missing keys). */
  readonly node: YNode;
  /** Key path, as `services.web.ports[0]`. */
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

interface Converted {
  data: unknown;
  root: YNode;
  /** Scalars whose value after interpolation is not known (an unset variable without default, a syntax error). */
  uncertain: Set<YNode>;
  /** Scalars whose text was interpolated. */
  interpolated: Set<YNode>;
}

const cache = new WeakMap<ComposeDocument, readonly SchemaIssue[]>();

/** Schema problems of one compose file (computed once per document). */
export function validateComposeDocument(doc: ComposeDocument): readonly SchemaIssue[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  if (!loaded) throw new Error('prepareComposeSchema() must run before validateComposeDocument()');
  const issues = doc.root ? check(doc, loaded.validator()) : [];
  cache.set(doc, issues);
  return issues;
}

function check(doc: ComposeDocument, validate: ValidateFunction): SchemaIssue[] {
  const conv = convert(doc);
  if (validate(conv.data)) return [];
  const errors = reduceAlternatives(validate.errors ?? []);
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const issue = describe(err, conv);
    if (!issue) continue;
    // The same anchored node validated under several paths: once, under the first.
    const key = `${issue.node.start}:${issue.node.end}:${issue.keyword}:${issue.message.slice(issue.path.length)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Plain data for ajv: interpolated values, `!reset` entries left out. Only
 * anchored nodes are memoised (an alias is the anchor's very node), so the
 * data shares what the YAML shares and a cycle ends.
 */
function convert(doc: ComposeDocument): Converted {
  const uncertain = new Set<YNode>();
  const interpolated = new Set<YNode>();
  const memo = new Map<YNode, unknown>();
  const walk = (node: YNode): unknown => {
    if (node.anchor !== undefined && memo.has(node)) return memo.get(node);
    if (node.type === 'scalar') {
      if (typeof node.value !== 'string' || !node.value.includes('$')) return node.value;
      const r = doc.interpolate(node);
      interpolated.add(node);
      if (r.unset.length || r.errors.length || r.required.length) uncertain.add(node);
      return r.value;
    }
    if (node.type === 'seq') {
      const arr: unknown[] = [];
      if (node.anchor !== undefined) memo.set(node, arr);
      for (const item of node.items) if (item.tag !== '!reset') arr.push(walk(item));
      return arr;
    }
    const obj: Record<string, unknown> = {};
    if (node.anchor !== undefined) memo.set(node, obj);
    for (const p of node.pairs) if (p.value.tag !== '!reset') obj[p.key] = walk(p.value);
    return obj;
  };
  return { data: walk(doc.root!), root: doc.root!, uncertain, interpolated };
}

/** The i-th item of a sequence as ajv saw it (`!reset` items left out). */
function itemAt(node: YNode | undefined, i: number): YNode | undefined {
  if (node?.type !== 'seq') return undefined;
  let n = -1;
  for (const item of node.items) {
    if (item.tag === '!reset') continue;
    if (++n === i) return item;
  }
  return undefined;
}

interface Located {
  node: YNode | undefined;
  /** The key holding the node, when it is a mapping value. */
  key: YScalar | undefined;
  value: unknown;
  segments: (string | number)[];
}

/** Follows an ajv instance path through the data and the YAML tree together. */
function locate(pointer: string, conv: Converted): Located {
  const segments: (string | number)[] = [];
  let value: unknown = conv.data;
  let node: YNode | undefined = conv.root;
  let key: YScalar | undefined;
  if (pointer) {
    for (const raw of pointer.slice(1).split('/')) {
      const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(value)) {
        const i = Number(seg);
        segments.push(i);
        node = itemAt(node, i);
        key = undefined;
        value = value[i];
      } else {
        segments.push(seg);
        const pair = node?.type === 'map' ? node.pair(seg) : undefined;
        node = pair?.value;
        key = pair?.keyNode;
        value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
      }
    }
  }
  return { node, key, value, segments };
}

/** A key path built while walking a tree, turned into segments only when a finding needs it. */
export interface PathLink {
  readonly seg: string | number;
  readonly up: PathLink | undefined;
}

export function pathSegments(link: PathLink | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let l = link; l; l = l.up) out.push(l.seg);
  return out.reverse();
}

/** `services.web.ports[0]`, `services["my app"].image`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * ajv reports every failing branch of a `oneOf`. Keep what the value was
 * meant to be: when some branch accepted its type and failed deeper, that
 * branch's errors; when every branch rejected the type, one type error naming
 * all the types allowed.
 */
function reduceAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let list = [...errors];
  const alternatives = list.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const alt of alternatives) {
    if (!list.includes(alt)) continue;
    const p = alt.instancePath;
    const under = (e: ErrorObject) => e !== alt && (e.instancePath === p || e.instancePath.startsWith(`${p}/`));
    const branchErrors = list.filter(under);
    if (alt.keyword === 'oneOf' && (alt.params as { passingSchemas?: unknown }).passingSchemas) continue; // matched twice: keep as is
    const typeHere = branchErrors.filter((e) => e.keyword === 'type' && e.instancePath === p);
    const rest = branchErrors.filter((e) => !(e.keyword === 'type' && e.instancePath === p) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
    if (rest.length) {
      list = list.filter((e) => e !== alt && !typeHere.includes(e));
    } else if (typeHere.length) {
      const types = [...new Set(typeHere.flatMap((e) => String((e.params as { type: string | string[] }).type).split(',')))];
      const merged: ErrorObject = { ...typeHere[0]!, params: { type: types } };
      list = list.filter((e) => e !== alt && !typeHere.includes(e));
      list.push(merged);
    }
  }
  return list;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function typeList(types: readonly string[]): string {
  // `number` covers `integer`.
  const ts = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  const words = ts.map((t) => TYPE_WORDS[t] ?? t);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function what(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value)}`;
  if (typeof value === 'boolean') return String(value);
  return `the number ${value}`;
}

function castable(value: unknown, types: readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  if ((types.includes('integer') || types.includes('number')) && /^[-+]?[0-9]+$/.test(v)) return true;
  if (types.includes('number') && v !== '' && !Number.isNaN(Number(v))) return true;
  if (types.includes('boolean') && /^(?:true|false)$/i.test(v)) return true;
  return false;
}

const RESOURCE_SECTIONS = new Set(['services', 'networks', 'volumes', 'secrets', 'configs', 'models']);

function describe(err: ErrorObject, conv: Converted): SchemaIssue | undefined {
  const at = locate(err.instancePath, conv);
  const path = formatPath(at.segments);
  const params = err.params as Record<string, unknown>;
  const make = (node: YNode | undefined, message: string, segments = at.segments): SchemaIssue | undefined => {
    const target = node ?? at.key ?? at.node;
    if (!target) return undefined;
    // An empty value has no text, and a block collection spans lines: point at the key.
    const multiline = target.type !== 'scalar' && target.file.text.slice(target.start, target.end).trimEnd().includes('\n');
    const where = (target.start === target.end || multiline) && at.key && target !== at.key ? at.key : target;
    return { node: where, start: where.start, end: where.end, path: formatPath(segments), keyword: err.keyword, message };
  };
  // A value compose cannot know before run time (an unset variable) is not judged.
  const valueNode = at.node;
  if (valueNode && conv.uncertain.has(valueNode) && err.keyword !== 'additionalProperties' && err.keyword !== 'required') return undefined;

  switch (err.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const keyNode = at.node?.type === 'map' ? at.node.pair(name)?.keyNode : undefined;
      const segments = [...at.segments, name];
      const section = at.segments.length === 1 ? String(at.segments[0]) : undefined;
      if (section && RESOURCE_SECTIONS.has(section)) {
        const noun = section === 'services' ? 'service' : section.replace(/s$/, '');
        return make(keyNode, `"${name}" is not a valid ${noun} name: use only letters, digits, ".", "_" and "-"`, segments);
      }
      const known = Object.keys(((err.parentSchema as { properties?: object } | undefined)?.properties as object | undefined) ?? {});
      const hint = suggest(name, known);
      const where = at.segments.length ? ` in ${path}` : ' at the top level';
      if (at.segments.length === 0 && name === 'version') return undefined;
      return make(keyNode, `unknown key "${name}"${where}${hint ? `; did you mean "${hint}"?` : ''}`, segments);
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return make(at.key ?? at.node, `${path || 'the file'} needs "${missing}"`);
    }
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]);
      if (at.segments.length === 1 && at.segments[0] === 'version') return undefined; // compose-go drops it; compose/no-obsolete-version reports it
      if (valueNode && conv.interpolated.has(valueNode) && castable(at.value, types)) return undefined;
      if (valueNode && valueNode.type === 'scalar' && valueNode.style !== 'plain' && castable(at.value, types)) return undefined;
      if ((err.parentSchema as { format?: string } | undefined)?.format === 'duration') {
        return make(at.node, `${path} must be a duration with a unit, like "30s" or "1m30s", not ${what(at.value)}`);
      }
      return make(at.node, `${path || 'the file'} must be ${typeList(types)}, not ${what(at.value)}`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const list = allowed.length <= 1 ? allowed.join('') : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
      const hint = typeof at.value === 'string' ? suggest(at.value, (params.allowedValues as unknown[]).map(String)) : undefined;
      return make(at.node, `${path} must be ${list}, not ${what(at.value)}${hint && hint !== at.value ? `; did you mean "${hint}"?` : ''}`);
    }
    case 'format':
      if (params.format === 'duration') {
        return make(at.node, `${path} must be a duration with a unit, like "30s" or "1m30s", not ${what(at.value)}`);
      }
      return make(at.node, `${path} is not a valid ${String(params.format)}: ${what(at.value)}`);
    case 'pattern': {
      const last = at.segments[at.segments.length - 1];
      if (last === 'container_name') {
        return make(at.node, `${path} is ${what(at.value)}, which is not a valid container name: at least two characters, starting with a letter or digit, then letters, digits, "_", "." or "-"`);
      }
      if (last === 'pull_policy') {
        return make(at.node, `${path} must be always, never, missing, build, if_not_present, refresh, daily, weekly or every_<duration> (every_12h), not ${what(at.value)}`);
      }
      return make(at.node, `${path} is ${what(at.value)}, which does not match the pattern ${String(params.pattern)}`);
    }
    case 'uniqueItems': {
      const j = Number(params.j);
      const i = Number(params.i);
      const first = Math.min(i, j);
      const second = Math.max(i, j);
      const item = itemAt(at.node, second);
      if (item && conv.uncertain.has(item)) return undefined;
      const shown = Array.isArray(at.value) ? what(at.value[second]) : 'an item';
      return make(item, `${path} lists ${shown} twice (items ${first} and ${second}); each must be unique`, [...at.segments, second]);
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return make(at.node, `${path} must be at least ${String(params.limit)}, not ${what(at.value)}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return make(at.node, `${path} must be at most ${String(params.limit)}, not ${what(at.value)}`);
    case 'minItems':
      return make(at.node, `${path} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
    case 'maxItems':
      return make(at.node, `${path} must list at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
    case 'minLength':
      return make(at.node, `${path} must not be empty`);
    case 'minProperties':
      return make(at.node, `${path} must set at least ${String(params.limit)} key${params.limit === 1 ? '' : 's'}`);
    case 'oneOf':
      return make(at.node, `${path} matches more than one of the forms compose accepts here`);
    case 'const':
      return make(at.node, `${path} must be ${JSON.stringify(params.allowedValue)}, not ${what(at.value)}`);
    default:
      return make(at.node, `${path || 'the file'}: ${err.message ?? `fails the schema's "${err.keyword}" check`}`);
  }
}
