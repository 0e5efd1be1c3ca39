/**
 * The Compose project model: the files one `docker compose` invocation reads,
 * loaded as compose-go does — each file with its `extends` resolved, the
 * files merged in `-f` order, then `include`d projects added — with every
 * value still the YAML node of the file that wrote it.
 */
import path from 'node:path';
import type { Span } from '../../core/location.js';
import type { SourceFile } from '../../core/source.js';
import { isMap, isScalar, isSeq, type YMap, type YNode, type YPair, type YScalar } from '../yaml/nodes.js';
import type { ComposeDocument, ComposeService } from './document.js';
import { profilesFrom } from './compose-file-var.js';
import { interpolate, type Interpolated } from './interpolate.js';
import { mergeMaps, withoutResets, type MergeConflict, type MergeContext } from './merge.js';
import { synthMap } from './nodes.js';

/** A service of a project: merged over its files, with `extends` resolved. */
export interface ProjectService extends ComposeService {
  /** The service mappings it was made from, in merge order: `extends` bases first, then each file. */
  readonly definitions: readonly ServiceDefinition[];
  /** Profiles the service is enabled by; empty when it always runs. */
  readonly profiles: readonly string[];
  /** Set when the service comes from an `include`d file: the include entry. */
  readonly includedBy?: YNode;
}

export interface ServiceDefinition {
  readonly doc: ComposeDocument;
  readonly keyNode: YScalar;
  readonly node: YMap;
  /** How this definition takes part: written in a project file, or an `extends` base. */
  readonly via: 'file' | 'extends';
}

export type ProjectProblem =
  | { readonly kind: 'extends-file-missing' | 'extends-file-invalid'; readonly node: YNode; readonly path: string }
  | {
      readonly kind: 'extends-service-missing';
      readonly node: YNode;
      readonly service: string;
      /** The other file named by `extends.file`; undefined for the same file. */
      readonly file: string | undefined;
      /** The services that file does define. */
      readonly candidates: readonly string[];
    }
  | { readonly kind: 'extends-cycle'; readonly node: YNode; readonly chain: readonly string[] }
  | { readonly kind: 'include-file-missing' | 'include-file-invalid'; readonly node: YNode; readonly path: string }
  | { readonly kind: 'include-cycle'; readonly node: YNode; readonly chain: readonly string[] }
  | {
      /** A file the folder's `.env` names in `COMPOSE_FILE` does not exist: a plain `docker compose` there fails. */
      readonly kind: 'compose-file-missing' | 'compose-file-invalid';
      /** The name's place in the `.env`. */
      readonly node: FileSpan;
      readonly path: string;
    }
  | {
      readonly kind: 'merge-conflict';
      /** The later value's key (or the value, for a list item). */
      readonly node: YNode;
      /** The later value, which wins. */
      readonly over: YNode;
      readonly base: YNode;
      readonly path: readonly string[];
    };

/** A place in a file that is not YAML (a `.env`): offsets and the file. */
export interface FileSpan extends Span {
  readonly file: SourceFile;
}

export interface ComposeProject {
  /** The project name: configuration, else the last top-level `name:`, else `COMPOSE_PROJECT_NAME` from `.env`, else the folder. */
  readonly name: string;
  /** The `name:` scalar the name comes from, when a file sets it. */
  readonly nameNode: YScalar | undefined;
  /** `default` (the base file and `compose.override.yaml`), an environment name (`dev`, `prod`…), or the declared one. */
  readonly environment: string;
  /** The files merged, in `-f` order. */
  readonly files: readonly ComposeDocument[];
  /** The last file: the layer this environment adds. */
  readonly file: SourceFile;
  /** The folder of the first file (compose's project directory). */
  readonly directory: string;
  /** Declared in `settings.composeProjects` rather than found by file names. */
  readonly declared: boolean;
  /**
   * A file of the project could not be read or parsed, or the project is a
   * fragment no evidence places on a base: the model lacks a part, and
   * completeness rules stay silent.
   */
  readonly partial: boolean;
  /** How the project was found and the evidence (file:line) for it; undefined for projects built on the side (a script's `-f` files, `include`). */
  readonly origin?: ProjectOrigin;
  /** Profiles a run without `--profile` enables: `COMPOSE_PROFILES` in the `.env` beside the first file (`*`: all). */
  readonly activeProfiles: readonly string[];
  /** The merged top-level mapping (services with `extends` resolved, included resources added). */
  readonly root: YMap | undefined;
  readonly services: readonly ProjectService[];
  service(name: string): ProjectService | undefined;
  /** A merged top-level section (`networks`, `volumes`, `secrets`, `configs`, `models`, `x-…`). */
  section(name: string): YMap | undefined;
  /** Projects pulled in by `include` (their resources are already part of this one). */
  readonly included: readonly ComposeProject[];
  /** Every environment built on the same first file (this one included), `default` first. */
  readonly group: readonly ComposeProject[];
  /** What went wrong while loading: `extends`, `include`, type clashes between files. */
  readonly problems: readonly ProjectProblem[];
  /** Interpolates a scalar with the `.env` of the file that holds it. */
  interpolate(node: YScalar): Interpolated;
  valueOf(node: YNode | undefined): string | undefined;
  /** The document a node was written in (a project file, an `extends` file or an included one). */
  documentOf(node: YNode): ComposeDocument | undefined;
  /** Index in `files` of the file a node is written in; -1 for `extends` and included files. */
  layerOf(node: YNode): number;
}

/**
 * Of two nodes, the one written later in the merge order (a later file, or
 * further down the same file): where a clash between them is reported.
 */
export function laterOf<T extends YNode>(project: ComposeProject, a: T, b: T): T {
  const la = project.layerOf(a);
  const lb = project.layerOf(b);
  if (la !== lb) return la > lb ? a : b;
  return a.start >= b.start ? a : b;
}

/** What the parse stage read: a compose document, or why there is none. */
/** A compose file as the parse stage loaded it; `outside`: beyond the project root, so never read. */
export type LoadedCompose = ComposeDocument | 'missing' | 'invalid' | 'outside';

/** Where a project comes from: what `stack-lint explain-project` prints. */
export interface ProjectOrigin {
  /** `config` (`projects:`), `COMPOSE_FILE`, `invocation` (a command in a script, Makefile, CI file, README …), `convention` (compose's own defaults), `name` (file names only). */
  readonly source: 'config' | 'COMPOSE_FILE' | 'invocation' | 'convention' | 'name';
  readonly evidence: readonly { readonly file: string; readonly line: number }[];
  /** `--env-file`s and env templates whose variables interpolation knows (absolute). */
  readonly envFiles: readonly string[];
  readonly profiles: readonly string[];
  /** Variables the invoking environment sets (CI `env:`): declared, with unknown values. */
  readonly variables: readonly string[];
  /** Every command that runs the project is a CI job's: its variables come from an environment lint cannot see. */
  readonly ciOnly?: boolean;
  /** Its override is a file a script links into compose's override place (`ln -s docker-compose.override.dev.yml docker-compose.override.yml`). */
  readonly overrideLinked?: boolean;
  /** `--project-directory`, when evidence sets it (else the first file's folder). */
  readonly projectDirectory?: string;
  /**
   * Variables the project's env files and committed templates declare
   * (`--env-file` targets, `env.example`, `defaults.env` … in the project
   * directory), which interpolation therefore knows; set by the compose loader.
   */
  readonly envFileVariables?: readonly string[];
  /** The project directory's `.env` and env templates, when there are any (absolute). */
  readonly envTemplates?: readonly string[];
  /** A file that cannot stand alone, linted alone because no evidence places it on a base. */
  readonly unplacedFragment?: { readonly reasons: readonly string[] };
  /**
   * A file linted on its own because another compose file pulls it in with
   * `include:` or `extends: {file: …}` (the evidence names where). When it
   * cannot stand alone, the file that uses it completes it: the project is partial.
   */
  readonly reachedBy?: 'include' | 'extends';
}

export interface ProjectInput {
  readonly files: readonly ComposeDocument[];
  readonly environment: string;
  readonly name?: string;
  readonly declared: boolean;
  readonly partial?: boolean;
  /** What planning the project found wrong (a file `COMPOSE_FILE` names is missing). */
  readonly problems?: readonly ProjectProblem[];
  readonly origin?: ProjectOrigin;
}

export const SECTIONS = ['networks', 'volumes', 'secrets', 'configs', 'models'] as const;

interface ResolvedService {
  readonly name: string;
  readonly keyNode: YScalar;
  readonly node: YMap;
  readonly definitions: ServiceDefinition[];
}

interface FileView {
  readonly doc: ComposeDocument;
  readonly services: Map<string, ResolvedService>;
  /** The file's top level with services resolved and `include` left out. */
  readonly root: YMap | undefined;
  readonly problems: ProjectProblem[];
  /** Include entries (as the first path they name) and the documents they name. */
  readonly includes: { entry: YNode; docs: ComposeDocument[] }[];
  /** Documents reached through `extends`. */
  readonly extendsDocs: Set<ComposeDocument>;
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|oci:)/i;

const serviceIndexes = new WeakMap<ComposeDocument, Map<string, ComposeService>>();

/** A document's service by name (indexed once per document). */
function serviceOf(doc: ComposeDocument, name: string): ComposeService | undefined {
  let index = serviceIndexes.get(doc);
  if (!index) {
    index = new Map(doc.services.map((s) => [s.name, s]));
    serviceIndexes.set(doc, index);
  }
  return index.get(name);
}

/**
 * Builds projects. One builder per lint run: per-file work (`extends`
 * resolution, include loading) is done once per file whatever the number of
 * projects it takes part in.
 */
export class ProjectBuilder {
  private readonly views = new Map<ComposeDocument, FileView>();
  private readonly includeProjects = new Map<string, ComposeProject>();
  /** Services being resolved, `file\0name`, across files (cycles through `extends.file`). */
  private readonly resolving = new Set<string>();

  constructor(private readonly lookup: (absPath: string) => LoadedCompose | undefined) {}

  /** Absolute paths of the compose files a document names through `extends.file` and `include`. */
  static referencedFiles(doc: ComposeDocument): string[] {
    const out: string[] = [];
    for (const s of doc.services) {
      const ext = s.get('extends');
      if (isMap(ext)) {
        const f = doc.valueOf(ext.get('file'));
        if (f && !REMOTE.test(f)) out.push(doc.resolvePath(f));
      }
    }
    for (const { paths } of includeEntries(doc)) for (const p of paths) out.push(p.path);
    return out;
  }

  build(input: ProjectInput): ComposeProject {
    return this.buildProject(input, []);
  }

  private buildProject(input: ProjectInput, includeChain: readonly string[]): ComposeProject {
    const problems: ProjectProblem[] = [...(input.problems ?? [])];
    const conflicts: MergeConflict[] = [];
    const docs = new Map<string, ComposeDocument>();
    const addDoc = (d: ComposeDocument) => docs.set(d.file.path, d);
    const valueOf = (node: YNode | undefined): string | undefined => {
      if (!node || node.type !== 'scalar' || node.value === null) return undefined;
      return (docs.get(node.file.path) ?? input.files[0])?.valueOf(node) ?? String(node.value);
    };
    const ctx: MergeContext = { valueOf, conflicts };

    let root: YMap | undefined;
    const firstKey = new Map<string, YScalar>();
    const definitions = new Map<string, ServiceDefinition[]>();
    const seenProblems = new Set<ProjectProblem>();
    const includes: { entry: YNode; docs: ComposeDocument[] }[] = [];
    for (const doc of input.files) {
      addDoc(doc);
      const view = this.view(doc);
      const note = (p: ProjectProblem) => {
        if (!seenProblems.has(p)) (seenProblems.add(p), problems.push(p));
      };
      view.problems.forEach(note);
      for (const d of view.extendsDocs) {
        addDoc(d);
        this.views.get(d)?.problems.forEach(note);
      }
      includes.push(...view.includes);
      for (const s of view.services.values()) {
        if (!firstKey.has(s.name)) firstKey.set(s.name, s.keyNode);
        definitions.set(s.name, [...(definitions.get(s.name) ?? []), ...s.definitions]);
      }
      if (!view.root) continue;
      root = root ? mergeMaps(root, view.root, [], ctx) : view.root;
    }

    // What `!reset` tags in the first file (or in a file with nothing under it) would remove.
    if (root && [...docs.values()].some((d) => d.file.text.includes('!reset'))) {
      const cleaned = withoutResets(root);
      root = isMap(cleaned) ? cleaned : undefined;
    }

    // Included projects: loaded on their own, their resources copied in.
    const included: ComposeProject[] = [];
    const includedBy = new Map<string, YNode>();
    for (const inc of includes) {
      const key = inc.docs.map((d) => d.file.path).join('\u0000');
      const includer = inc.entry.file.path;
      if (includeChain.includes(key) || inc.docs.some((d) => d.file.path === includer || includeChain.includes(d.file.path))) {
        problems.push({ kind: 'include-cycle', node: inc.entry, chain: [...includeChain.map((k) => k.split('\u0000')[0]!), includer, inc.docs[0]!.file.path] });
        continue;
      }
      let sub = this.includeProjects.get(key);
      if (!sub) {
        sub = this.buildProject({ files: inc.docs, environment: 'include', declared: false }, [...includeChain, includer]);
        this.includeProjects.set(key, sub);
      }
      included.push(sub);
      for (const d of sub.files) addDoc(d);
      for (const p of sub.problems) if (!seenProblems.has(p)) (seenProblems.add(p), problems.push(p));
      // A loop further down is also reported where this project's own file starts it.
      const loop = sub.problems.find((p) => p.kind === 'include-cycle');
      if (loop && includeChain.length === 0 && loop.node !== inc.entry) {
        const chain = (loop as { chain: readonly string[] }).chain;
        problems.push({ kind: 'include-cycle', node: inc.entry, chain: chain[0] === includer ? chain : [includer, ...chain] });
      }
      root = addIncluded(root, sub, inc.entry, ctx, includedBy, firstKey, definitions);
    }

    for (const c of conflicts) problems.push({ kind: 'merge-conflict', node: c.key ?? c.over, over: c.over, base: c.base, path: c.path });

    const servicesNode = root?.get('services');
    const services: ProjectService[] = [];
    const byName = new Map<string, ProjectService>();
    if (isMap(servicesNode)) {
      for (const pair of servicesNode.pairs) {
        const node = isMap(pair.value) ? pair.value : synthMap([], pair.value);
        const keyNode = firstKey.get(pair.key) ?? pair.keyNode;
        const service: ProjectService = {
          name: pair.key,
          keyNode,
          node,
          get: (k) => node.get(k),
          definitions: definitions.get(pair.key) ?? [],
          profiles: profilesOf(node, valueOf),
          ...(includedBy.has(pair.key) ? { includedBy: includedBy.get(pair.key)! } : {}),
        };
        services.push(service);
        byName.set(pair.key, service);
      }
    }

    const last = input.files[input.files.length - 1]!;
    const first = input.files[0]!;
    let nameNode: YScalar | undefined;
    for (const d of input.files) {
      const n = d.root?.get('name');
      if (isScalar(n) && n.value !== null) nameNode = n;
    }
    const directory = first.dir;
    const name = input.name ?? (nameNode ? valueOf(nameNode) : undefined) ?? first.env.get('COMPOSE_PROJECT_NAME') ?? normaliseProjectName(path.basename(directory));
    const fallbackEnv = first.env;
    const project: ComposeProject & { group: ComposeProject[] } = {
      name,
      nameNode: input.name ? undefined : nameNode,
      environment: input.environment,
      files: input.files,
      file: last.file,
      directory,
      declared: input.declared,
      partial: input.partial ?? false,
      ...(input.origin ? { origin: input.origin } : {}),
      activeProfiles: profilesFrom(first.env),
      root,
      services,
      service: (n) => byName.get(n),
      section: (n) => {
        const s = root?.get(n);
        return isMap(s) ? s : undefined;
      },
      included,
      group: [],
      problems,
      interpolate: (node) => docs.get(node.file.path)?.interpolate(node) ?? interpolate(node.value === null ? '' : String(node.value), fallbackEnv),
      valueOf,
      layerOf: (node) => input.files.findIndex((f) => f.file.path === node.file.path),
      documentOf: (node) => docs.get(node.file.path) ?? included.map((p) => p.documentOf(node)).find((d) => d !== undefined),
    };
    project.group.push(project);
    return project;
  }

  /** A file on its own: services with `extends` resolved, includes loaded. Computed once per file. */
  private view(doc: ComposeDocument): FileView {
    let view = this.views.get(doc);
    if (view) return view;
    view = { doc, services: new Map(), root: undefined, problems: [], includes: [], extendsDocs: new Set() };
    this.views.set(doc, view);
    const resolving = this.resolving;
    const resolve = (d: ComposeDocument, name: string, owner: FileView): ResolvedService | undefined => {
      const target = d === doc ? view! : this.view(d);
      const done = target.services.get(name);
      if (done) return done;
      const service = serviceOf(d, name);
      if (!service) return undefined;
      const id = `${d.file.path}\u0000${name}`;
      if (resolving.has(id)) return undefined;
      resolving.add(id);
      try {
        const result = this.resolveExtends(d, service, owner, resolving, resolve);
        target.services.set(name, result);
        return result;
      } finally {
        resolving.delete(id);
      }
    };
    for (const s of doc.services) resolve(doc, s.name, view);
    // Root: the file's mapping with resolved services and without `include`.
    if (doc.root) {
      const pairs: YPair[] = [];
      for (const p of doc.root.pairs) {
        if (p.key === 'include') continue;
        if (p.key === 'services' && isMap(p.value)) {
          const servicePairs = p.value.pairs.flatMap((sp) => {
            const r = view!.services.get(sp.key);
            return r ? [{ ...sp, value: r.node as YNode }] : [];
          });
          pairs.push({ ...p, value: synthMap(servicePairs, p.value) });
          continue;
        }
        pairs.push(p);
      }
      (view as { root: YMap | undefined }).root = synthMap(pairs, doc.root);
    }
    for (const { paths } of includeEntries(doc)) {
      const docs: ComposeDocument[] = [];
      for (const p of paths) {
        const loaded = this.lookup(p.path);
        if (loaded === 'outside') continue;
        if (loaded === 'missing' || loaded === undefined) view.problems.push({ kind: 'include-file-missing', node: p.node, path: p.path });
        else if (loaded === 'invalid') view.problems.push({ kind: 'include-file-invalid', node: p.node, path: p.path });
        else docs.push(loaded);
      }
      if (docs.length && docs.length === paths.length) view.includes.push({ entry: paths[0]!.node, docs });
    }
    return view;
  }

  private resolveExtends(
    doc: ComposeDocument,
    service: ComposeService,
    owner: FileView,
    resolving: Set<string>,
    resolve: (d: ComposeDocument, name: string, owner: FileView) => ResolvedService | undefined,
  ): ResolvedService {
    const own: ServiceDefinition = { doc, keyNode: service.keyNode, node: service.node, via: 'file' };
    const ext = service.get('extends');
    const local = withoutKeys(service.node, ['extends']);
    const plain = (): ResolvedService => ({ name: service.name, keyNode: service.keyNode, node: local, definitions: [own] });
    if (!ext || (isScalar(ext) && ext.value === null)) return plain();
    const serviceNode = isMap(ext) ? ext.get('service') : ext;
    const fileNode = isMap(ext) ? ext.get('file') : undefined;
    const baseName = doc.valueOf(serviceNode);
    if (!baseName || !isScalar(serviceNode)) return plain();
    let baseDoc: ComposeDocument = doc;
    const filePath = doc.valueOf(fileNode);
    if (fileNode && filePath) {
      if (REMOTE.test(filePath)) return plain();
      const abs = doc.resolvePath(filePath);
      const loaded = this.lookup(abs);
      if (loaded === 'outside') return plain();
      if (loaded === 'missing' || loaded === undefined) {
        owner.problems.push({ kind: 'extends-file-missing', node: fileNode, path: abs });
        return plain();
      }
      if (loaded === 'invalid') {
        owner.problems.push({ kind: 'extends-file-invalid', node: fileNode, path: abs });
        return plain();
      }
      baseDoc = loaded;
      owner.extendsDocs.add(loaded);
    }
    if (!serviceOf(baseDoc, baseName)) {
      owner.problems.push({
        kind: 'extends-service-missing',
        node: serviceNode,
        service: baseName,
        file: baseDoc === doc ? undefined : baseDoc.file.path,
        candidates: baseDoc.services.map((s) => s.name),
      });
      return plain();
    }
    if (resolving.has(`${baseDoc.file.path}\u0000${baseName}`)) {
      const chain = [...resolving].map((id) => id.split('\u0000')[1]!);
      owner.problems.push({ kind: 'extends-cycle', node: serviceNode, chain: [...chain, baseName] });
      return plain();
    }
    const base = resolve(baseDoc, baseName, owner);
    if (!base) return plain();
    const baseView = baseDoc === doc ? owner : this.views.get(baseDoc);
    if (baseView && baseView !== owner) for (const d of baseView.extendsDocs) owner.extendsDocs.add(d);
    // `depends_on` and `volumes_from` are never inherited through `extends`.
    const inherited = withoutKeys(base.node, ['depends_on', 'volumes_from']);
    const conflicts: MergeConflict[] = [];
    const valueOf = (n: YNode | undefined) => (n && n.type === 'scalar' && n.value !== null ? (n.file.path === doc.file.path ? doc : baseDoc).valueOf(n) : undefined);
    const merged = mergeMaps(inherited, local, ['services', service.name], { valueOf, conflicts });
    for (const c of conflicts) owner.problems.push({ kind: 'merge-conflict', node: c.key ?? c.over, over: c.over, base: c.base, path: c.path });
    // Position the merged service on the extending service, not on its base.
    const node = synthMap(merged.pairs, service.node);
    return {
      name: service.name,
      keyNode: service.keyNode,
      node,
      definitions: [...base.definitions.map((d) => ({ ...d, via: 'extends' as const })), own],
    };
  }
}

/** The mapping without some keys (`!reset` tags are kept: they act when layers merge). */
function withoutKeys(node: YMap, keys: readonly string[]): YMap {
  if (!keys.some((k) => node.pair(k))) return node;
  return synthMap(
    node.pairs.filter((p) => !keys.includes(p.key)),
    node,
  );
}

/** The `include:` entries of a file: each entry's node and the files it names (absolute). */
export function includeEntries(doc: ComposeDocument): { entry: YNode; paths: { node: YScalar; path: string }[] }[] {
  const inc = doc.root?.get('include');
  if (!isSeq(inc)) return [];
  const out: { entry: YNode; paths: { node: YScalar; path: string }[] }[] = [];
  for (const entry of inc.items) {
    const pathNode = isMap(entry) ? entry.get('path') : entry;
    const nodes = isSeq(pathNode) ? pathNode.items : pathNode ? [pathNode] : [];
    const paths: { node: YScalar; path: string }[] = [];
    for (const n of nodes) {
      const p = isScalar(n) ? doc.valueOf(n) : undefined;
      if (!p || !isScalar(n) || REMOTE.test(p)) continue;
      paths.push({ node: n, path: doc.resolvePath(p) });
    }
    if (paths.length) out.push({ entry, paths });
  }
  return out;
}

/**
 * Copies an included project's resources in. A name the including project
 * defines too is merged, the including project's definition over the included
 * one, as current Compose does (compose-spec/compose-go#835, late 2025;
 * releases from 2.24 until then refused it as a conflict).
 */
function addIncluded(
  root: YMap | undefined,
  sub: ComposeProject,
  entry: YNode,
  ctx: MergeContext,
  includedBy: Map<string, YNode>,
  firstKey: Map<string, YScalar>,
  definitions: Map<string, ServiceDefinition[]>,
): YMap | undefined {
  if (!sub.root) return root;
  const base = root ?? synthMap([], entry);
  const pairs: YPair[] = [];
  const sections = ['services', ...SECTIONS];
  for (const p of base.pairs) {
    if (!sections.includes(p.key)) {
      pairs.push(p);
      continue;
    }
    const theirs = sub.root.get(p.key);
    if (!isMap(theirs) || !isMap(p.value)) {
      pairs.push(p);
      continue;
    }
    const ours = p.value;
    const merged: YPair[] = [...ours.pairs];
    for (const tp of theirs.pairs) {
      const mine = ours.pair(tp.key);
      if (mine) {
        if (isMap(mine.value) && isMap(tp.value)) merged[merged.indexOf(mine)] = { ...mine, value: mergeMaps(tp.value, mine.value, [p.key, tp.key], ctx) };
        if (p.key === 'services') {
          includedBy.set(tp.key, entry);
          definitions.set(tp.key, [...(sub.service(tp.key)?.definitions ?? []), ...(definitions.get(tp.key) ?? [])]);
        }
        continue;
      }
      merged.push(tp);
      if (p.key === 'services') note(tp, sub, entry, includedBy, firstKey, definitions);
    }
    pairs.push({ ...p, value: synthMap(merged, ours) });
  }
  for (const key of sections) {
    if (base.pair(key)) continue;
    const theirs = sub.root.pair(key);
    if (!theirs || !isMap(theirs.value)) continue;
    pairs.push(theirs);
    if (key === 'services') for (const tp of theirs.value.pairs) note(tp, sub, entry, includedBy, firstKey, definitions);
  }
  return synthMap(pairs, base);
}

function note(
  tp: YPair,
  sub: ComposeProject,
  entry: YNode,
  includedBy: Map<string, YNode>,
  firstKey: Map<string, YScalar>,
  definitions: Map<string, ServiceDefinition[]>,
): void {
  includedBy.set(tp.key, entry);
  const s = sub.service(tp.key);
  firstKey.set(tp.key, s?.keyNode ?? tp.keyNode);
  definitions.set(tp.key, [...(s?.definitions ?? [])]);
}

function profilesOf(node: YMap, valueOf: (n: YNode | undefined) => string | undefined): string[] {
  const p = node.get('profiles');
  if (!isSeq(p)) return [];
  return p.items.flatMap((i) => {
    const v = valueOf(i);
    return v ? [v] : [];
  });
}

/** A path as seen from the folder of the file a node is written in (`db/compose.yaml`, `../common.yaml`). */
export function relativeTo(node: { readonly file: SourceFile }, abs: string): string {
  return path.relative(path.dirname(node.file.path), abs).split(path.sep).join('/') || path.basename(abs);
}

/** The name compose derives from a folder: lower case, only `a-z0-9_-`, starting with a letter or digit. */
export function normaliseProjectName(folder: string): string {
  return folder.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}

/** Puts the environments built on the same first file into each other's `group`, `default` first. */
export function linkGroups(projects: readonly ComposeProject[]): void {
  const byBase = new Map<string, ComposeProject[]>();
  for (const p of projects) {
    const key = p.files[0]!.file.path;
    byBase.set(key, [...(byBase.get(key) ?? []), p]);
  }
  for (const list of byBase.values()) {
    list.sort((a, b) => (a.environment === 'default' ? -1 : b.environment === 'default' ? 1 : 0));
    for (const p of list) {
      const g = p.group as ComposeProject[];
      g.length = 0;
      g.push(...list);
    }
  }
}
