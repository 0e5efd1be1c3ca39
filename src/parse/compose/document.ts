import path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import type { Span } from '../../core/location.js';
import type { SourceFile } from '../../core/source.js';
import { buildYamlTree, YamlExpansionError } from '../yaml/build.js';
import { isMap, type YMap, type YNode, type YScalar } from '../yaml/nodes.js';
import { envFileEntries, type EnvFile } from './env-file.js';
import { interpolate, interpolationDepthMessage, interpolationTooDeep, parseDotenv, type Interpolated } from './interpolate.js';
import { deepestLine, firstScalarWhere, yamlDepthMessage, yamlTooDeep } from '../yaml/depth.js';

export interface ComposeService {
  readonly name: string;
  readonly keyNode: YScalar;
  /** The service's mapping (an empty mapping stands in when the value is not one). */
  readonly node: YMap;
  get(key: string): YNode | undefined;
}

export interface ComposeDocument {
  readonly file: SourceFile;
  /** The yaml library's Document: kept for comment-preserving edits. */
  readonly yaml: Document;
  /** The top-level mapping, when the file holds one. */
  readonly root: YMap | undefined;
  readonly services: readonly ComposeService[];
  /** Variables from the `.env` beside the file (the process environment is never read). */
  readonly env: ReadonlyMap<string, string>;
  /** A `.env` file exists beside the compose file. */
  readonly hasDotenv: boolean;
  /** That `.env` as an env file (its entries with spans, what git makes of it), when the parse stage read it. */
  readonly dotenvFile?: EnvFile;
  /** Variables of the `.env.example` (or `.env.sample`, `.env.dist`) beside the file, when there is one. */
  readonly envExample: ReadonlyMap<string, string> | undefined;
  /** The folder of the file: relative paths in it (`env_file`, `extends.file`, `include`, build contexts) resolve against it. */
  readonly dir: string;
  /**
   * The `env_file:` files the services name, by absolute path, as the parse
   * stage found them (missing ones too, with `exists: false`).
   */
  readonly envFiles: ReadonlyMap<string, EnvFile>;
  /**
   * What the parse stage found at the relative paths the top-level `secrets`
   * and `configs` read with `file:` (see `resourceFilePaths`), by absolute
   * path; a path it could not look at (the file is not on disk) is absent.
   */
  readonly resourceFiles: ReadonlyMap<string, FileState>;
  /** The absolute path a relative path written in this file stands for. */
  resolvePath(relative: string): string;
  /** A scalar's value after interpolation (cached per node). */
  interpolate(node: YScalar): Interpolated;
  /** A node's string value after interpolation; undefined for collections and null. */
  valueOf(node: YNode | undefined): string | undefined;
  /** A top-level section such as `networks` (only when it is a mapping). */
  section(name: string): YMap | undefined;
}

/** What is at a path: a file, a folder, or nothing. */
export type FileState = 'file' | 'dir' | 'missing';

export interface SyntaxProblem extends Span {
  message: string;
  /** The text parses but is too deep or too large to lint (`stack-lint/too-complex`), not a syntax error. */
  tooComplex?: true;
}

export type ComposeParse = { ok: true; doc: ComposeDocument } | { ok: false; problems: SyntaxProblem[] };

const IGNORED_WARNINGS = new Set(['TAG_RESOLVE_FAILED']);

export interface ComposeParseOptions {
  /** Text of the `.env` beside the file. */
  dotenv?: string;
  /** Text of the `.env.example` beside the file. */
  envExample?: string;
}

export function parseCompose(file: SourceFile, options: ComposeParseOptions = {}): ComposeParse {
  if (file.text.trim() === '') {
    return { ok: false, problems: [{ message: 'the compose file is empty', start: 0, end: 0 }] };
  }
  let yaml: Document;
  try {
    yaml = parseDocument(file.text, {
      merge: true,
      uniqueKeys: false,
      prettyErrors: false,
      keepSourceTokens: false,
    });
  } catch (e) {
    // The yaml library recurses on nesting; a file deep enough (thousands of `- - -` or `[[[`) overflows it.
    if (!(e instanceof RangeError)) throw e;
    const at = deepestLine(file.text);
    return { ok: false, problems: [{ message: yamlDepthMessage(), start: at, end: at, tooComplex: true }] };
  }
  // The yaml library turns an overflow of its own recursion into an error at the place: too deep, not a syntax error.
  const overflow = yaml.errors.find((e) => e instanceof RangeError || /call stack/i.test(e.message));
  if (overflow) return { ok: false, problems: [{ message: yamlDepthMessage(), start: overflow.pos[0], end: overflow.pos[0], tooComplex: true }] };
  const problems: SyntaxProblem[] = yaml.errors.map((e) => ({
    message: `YAML: ${firstLine(e.message)}`,
    start: e.pos[0],
    end: Math.max(e.pos[1], e.pos[0]),
  }));
  for (const w of yaml.warnings) {
    if (!IGNORED_WARNINGS.has(w.code)) problems.push({ message: `YAML: ${firstLine(w.message)}`, start: w.pos[0], end: w.pos[1] });
  }
  if (problems.length) return { ok: false, problems };
  const deep = yamlTooDeep(yaml);
  if (deep !== undefined) return { ok: false, problems: [{ message: yamlDepthMessage(), start: deep, end: deep, tooComplex: true }] };
  const deepInterpolation = firstScalarWhere(yaml, interpolationTooDeep);
  if (deepInterpolation !== undefined) {
    return { ok: false, problems: [{ message: interpolationDepthMessage(), start: deepInterpolation, end: deepInterpolation, tooComplex: true }] };
  }

  let tree: YNode | undefined;
  try {
    tree = buildYamlTree(yaml, file);
  } catch (e) {
    if (e instanceof YamlExpansionError) return { ok: false, problems: [{ message: e.message, start: e.offset, end: e.offset }] };
    throw e;
  }
  const root = isMap(tree) ? tree : undefined;
  const env = options.dotenv ? parseDotenv(options.dotenv) : new Map<string, string>();
  const cache = new Map<YScalar, Interpolated>();
  const interp = (node: YScalar): Interpolated => {
    let hit = cache.get(node);
    if (!hit) {
      hit = interpolate(node.value === null ? '' : String(node.value), env);
      cache.set(node, hit);
    }
    return hit;
  };
  const services: ComposeService[] = [];
  const servicesNode = root?.get('services');
  if (isMap(servicesNode)) {
    for (const pair of servicesNode.pairs) {
      const node: YMap = isMap(pair.value) ? pair.value : emptyMapAt(pair.value);
      services.push({ name: pair.key, keyNode: pair.keyNode, node, get: (k) => node.get(k) });
    }
  }
  const dir = path.dirname(file.path);
  return {
    ok: true,
    doc: {
      file,
      yaml,
      root,
      services,
      env,
      hasDotenv: options.dotenv !== undefined,
      envExample: options.envExample === undefined ? undefined : parseDotenv(options.envExample),
      dir,
      envFiles: new Map(),
      resourceFiles: new Map(),
      resolvePath: (relative) => path.resolve(dir, relative),
      interpolate: interp,
      valueOf: (node) => (node?.type === 'scalar' && node.value !== null ? interp(node).value : undefined),
      section: (name) => {
        const n = root?.get(name);
        return isMap(n) ? n : undefined;
      },
    },
  };
}


const byName = new WeakMap<readonly { readonly name: string }[], Map<string, { readonly name: string }>>();

/**
 * The first service of a list with the given name (`services.find` by name), through an index
 * made once per list: rules ask once per service or per shell string, and a file may hold
 * thousands of services.
 */
export function firstServiceNamed<S extends { readonly name: string }>(services: readonly S[], name: string): S | undefined {
  if (services.length < 8) return services.find((s) => s.name === name);
  let index = byName.get(services);
  if (!index) {
    index = new Map();
    for (const s of services) if (!index.has(s.name)) index.set(s.name, s);
    byName.set(services, index);
  }
  return index.get(name) as S | undefined;
}

/**
 * The `env_file:` entries of a service as `{ node, path, required }`: a string,
 * a list of strings, or a list of `{ path, required, format }`.
 */
export function envFileRefs(doc: Pick<ComposeDocument, 'valueOf'>, value: YNode | undefined): { node: YScalar; path: string; required: boolean }[] {
  const out: { node: YScalar; path: string; required: boolean }[] = [];
  const add = (node: YNode | undefined, required: boolean): void => {
    if (node?.type !== 'scalar' || node.value === null) return;
    const p = doc.valueOf(node);
    if (p) out.push({ node, path: p, required });
  };
  if (value?.type === 'scalar') add(value, true);
  else if (value?.type === 'seq') {
    for (const item of value.items) {
      if (item.type === 'map') {
        const req = item.get('required');
        const required = !(req?.type === 'scalar' && (req.value === false || String(req.value).toLowerCase() === 'false'));
        add(item.get('path'), required);
      } else add(item, true);
    }
  }
  return out;
}

/** Every `env_file:` path the file's services name, resolved against its folder. */
export function envFilePaths(doc: ComposeDocument): string[] {
  const out = new Set<string>();
  for (const s of doc.services) for (const ref of envFileRefs(doc, s.get('env_file'))) out.add(doc.resolvePath(ref.path));
  return [...out];
}

/**
 * The absolute path a `file:` of a top-level secret or config names, after
 * interpolation; undefined when the value is not certain (an unset variable)
 * or is not relative (absolute, `~`): such a file may exist on the host that
 * runs compose, so only relative paths are looked for.
 */
export function relativeResourceFile(doc: Pick<ComposeDocument, 'interpolate' | 'resolvePath'>, node: YNode | undefined): string | undefined {
  if (node?.type !== 'scalar' || node.value === null) return undefined;
  const r = doc.interpolate(node);
  if (r.unset.length || r.errors.length || r.required.length || r.value === '') return undefined;
  if (path.isAbsolute(r.value) || r.value.startsWith('~') || /^[A-Za-z]:[\\/]/.test(r.value)) return undefined;
  return doc.resolvePath(r.value);
}

/** The absolute paths of the relative `file:`s of the file's top-level secrets and configs. */
export function resourceFilePaths(doc: ComposeDocument): string[] {
  const out = new Set<string>();
  for (const kind of ['secrets', 'configs']) {
    for (const pair of doc.section(kind)?.pairs ?? []) {
      const abs = isMap(pair.value) ? relativeResourceFile(doc, pair.value.get('file')) : undefined;
      if (abs) out.add(abs);
    }
  }
  return [...out];
}

/** Gives a document what the parse stage found at its secrets' and configs' files (the parse stage only). */
export function attachResourceFiles(doc: ComposeDocument, states: Iterable<readonly [string, FileState]>): void {
  const map = doc.resourceFiles as Map<string, FileState>;
  for (const [p, state] of states) map.set(p, state);
}

/** Gives a document the env files the parse stage read (the parse stage only). */
export function attachEnvFiles(doc: ComposeDocument, files: readonly EnvFile[]): void {
  const map = doc.envFiles as Map<string, EnvFile>;
  for (const f of files) map.set(f.path, f);
}

/** Hands the document the `.env` beside it, read as an env file. */
export function attachDotenvFile(doc: ComposeDocument, file: EnvFile): void {
  (doc as { dotenvFile?: EnvFile }).dotenvFile = file;
}

/** Builds an `EnvFile` record from what the parse stage read. */
export function envFileOf(absPath: string, text: string | undefined, source: SourceFile | undefined, mode?: number): EnvFile {
  if (text === undefined || !source) return { path: absPath, exists: false, vars: new Map(), entries: [] };
  const entries = envFileEntries(text);
  return { path: absPath, exists: true, source, vars: new Map(entries.map((e) => [e.key, e.value])), entries, ...(mode !== undefined ? { mode } : {}) };
}

function emptyMapAt(node: YNode): YMap {
  return {
    type: 'map',
    pairs: [],
    duplicates: [],
    flow: false,
    start: node.start,
    end: node.end,
    file: node.file,
    get: () => undefined,
    pair: () => undefined,
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
