/**
 * The compose part of the parse stage: every compose file is read and parsed
 * once per run, with what it pulls in (`.env`, `.env.example`, `env_file`s,
 * `extends.file` and `include` files, the layered files beside it), and the
 * projects are built from them. Rules never read files; this is where it happens.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { attachEnvFiles, envFileOf, envFilePaths, parseCompose, type ComposeDocument, type ComposeParse } from '../parse/compose/document.js';
import { layerRole, planFolder, type PlannedProject } from '../parse/compose/layers.js';
import { linkGroups, ProjectBuilder, type ComposeProject, type LoadedCompose } from '../parse/compose/project.js';
import { prepareComposeSchema } from '../parse/compose/schema/index.js';
import { createSourceFile, type SourceFile } from '../parse/source.js';
import { MAX_FILE_BYTES, relativePath } from './sources.js';

export interface ComposeLoaderOptions {
  cwd: string;
  overlay?: ReadonlyMap<string, string>;
  /**
   * The compose files the run lints, when the run is linted a stack at a time
   * with one loader per stack: a file another stack lints is not context only.
   * Default: the files this loader parsed with `parseLinted`.
   */
  linted?: ReadonlySet<string>;
}

/** The projects of a run and which one each linted compose file lints with. */
export interface ComposeProjects {
  readonly projects: readonly ComposeProject[];
  /** The project of a linted file: the environment it is the last layer of (base and override: `default`). */
  projectFor(path: string): ComposeProject | undefined;
  /** Compose files read only because a linted one needs them (findings in them are not reported). */
  isContextOnly(path: string): boolean;
}

const EXAMPLE_NAMES = ['.env.example', '.env.sample'];
const FOLDED_CASE = process.platform === 'darwin' || process.platform === 'win32';

export class ComposeLoader {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly docs = new Map<string, Promise<LoadedCompose>>();
  private readonly settled = new Map<string, LoadedCompose>();
  private readonly linted = new Set<string>();
  private readonly dirs = new Map<string, Promise<string[]>>();
  private readonly dirSets = new Map<string, Promise<Set<string> | undefined>>();
  private readonly envFileSources = new Map<string, Promise<ReturnType<typeof envFileOf>>>();

  constructor(private readonly options: ComposeLoaderOptions) {}

  /** Parses a compose file being linted (once per run). */
  async parseLinted(source: SourceFile): Promise<ComposeParse> {
    this.linted.add(source.path);
    const parse = this.parseSourceFile(source);
    const loaded = parse.then((r) => (r.ok ? r.doc : ('invalid' as const)));
    this.docs.set(source.path, loaded);
    this.settled.set(source.path, await loaded);
    return parse;
  }

  /** A compose file read for context (layer, `extends.file`, `include`). */
  async load(abs: string): Promise<LoadedCompose> {
    let loaded = this.docs.get(abs);
    if (!loaded) {
      loaded = (async (): Promise<LoadedCompose> => {
        const text = await this.read(abs);
        if (text === undefined) return 'missing';
        if (text === null) return 'invalid';
        const source = createSourceFile({ path: abs, relPath: relativePath(this.options.cwd, abs), kind: 'compose', text });
        const parsed = await this.parseSourceFile(source);
        return parsed.ok ? parsed.doc : 'invalid';
      })();
      this.docs.set(abs, loaded);
    }
    const out = await loaded;
    this.settled.set(abs, out);
    return out;
  }

  /**
   * Builds the projects of the linted compose documents: the projects
   * `declared` in configuration, and elsewhere the layered projects their file
   * names form. Loads whatever else they need first.
   */
  async projects(linted: readonly ComposeDocument[], declared: readonly PlannedProject[]): Promise<ComposeProjects> {
    const plans: PlannedProject[] = [];
    const declaredFolders = new Set<string>();
    const seenPlans = new Set<string>();
    for (const p of declared) {
      const key = `${p.files.join('\u0000')}\u0001${p.environment}`;
      if (seenPlans.has(key)) continue;
      seenPlans.add(key);
      plans.push(p);
      for (const f of p.files) declaredFolders.add(path.dirname(f));
    }
    const folders = new Map<string, Set<string>>();
    for (const doc of linted) {
      const dir = path.dirname(doc.file.path);
      if (!folders.has(dir)) folders.set(dir, new Set());
      folders.get(dir)!.add(doc.file.path);
    }
    for (const [dir, files] of folders) {
      if (declaredFolders.has(dir)) {
        const inDeclared = new Set(declared.flatMap((p) => p.files));
        for (const f of files) if (!inDeclared.has(f)) plans.push({ files: [f], environment: 'default', declared: false });
        continue;
      }
      const names = await this.list(dir);
      const layered = names.filter((n) => layerRole(n).role !== 'other').map((n) => path.join(dir, n));
      const all = [...new Set([...layered, ...files])];
      // Only the projects a linted file takes part in.
      for (const plan of planFolder(all)) if (plan.files.some((f) => files.has(f))) plans.push(plan);
    }

    // Load every file the plans name, then what those pull in, transitively.
    const queue = [...new Set(plans.flatMap((p) => p.files))];
    const visited = new Set<string>();
    while (queue.length) {
      const batch = queue.splice(0).filter((f) => !visited.has(f));
      batch.forEach((f) => visited.add(f));
      const loaded = await Promise.all(batch.map((f) => this.load(f)));
      for (const doc of loaded) {
        if (typeof doc === 'string') continue;
        for (const ref of ProjectBuilder.referencedFiles(doc)) if (!visited.has(ref)) queue.push(ref);
      }
    }

    const builder = new ProjectBuilder((p) => this.settled.get(p));
    const projects: ComposeProject[] = [];
    for (const plan of plans) {
      const docs = plan.files.map((f) => this.settled.get(f));
      const usable = docs.filter((d): d is ComposeDocument => typeof d === 'object');
      if (!usable.length) continue;
      projects.push(
        builder.build({
          files: usable,
          environment: plan.environment,
          declared: plan.declared,
          partial: usable.length !== docs.length,
          ...(plan.name ? { name: plan.name } : {}),
        }),
      );
    }
    linkGroups(projects);

    const chosen = new Map<string, ComposeProject>();
    const pick = (file: string, p: ComposeProject) => {
      if (!chosen.has(file)) chosen.set(file, p);
    };
    // The environment a file is the last layer of; then the default one it starts; then any.
    for (const p of projects) pick(p.file.path, p);
    for (const p of projects) if (p.environment === 'default') pick(p.files[0]!.file.path, p);
    for (const p of projects) for (const d of p.files) pick(d.file.path, p);
    return {
      projects,
      projectFor: (file) => chosen.get(file),
      isContextOnly: (file) => !(this.options.linted ?? this.linted).has(file) && this.docs.has(file),
    };
  }

  private async parseSourceFile(source: SourceFile): Promise<ComposeParse> {
    await prepareComposeSchema();
    const dir = path.dirname(source.path);
    const [dotenv, ...examples] = await Promise.all([this.read(path.join(dir, '.env')), ...EXAMPLE_NAMES.map((n) => this.read(path.join(dir, n)))]);
    const envExample = examples.find((t): t is string => typeof t === 'string');
    const parsed = parseCompose(source, {
      ...(typeof dotenv === 'string' ? { dotenv } : {}),
      ...(envExample !== undefined ? { envExample } : {}),
    });
    if (parsed.ok) {
      const files = await Promise.all(envFilePaths(parsed.doc).map((p) => this.envFile(p)));
      attachEnvFiles(parsed.doc, files);
    }
    return parsed;
  }

  private envFile(abs: string): Promise<ReturnType<typeof envFileOf>> {
    let hit = this.envFileSources.get(abs);
    if (!hit) {
      hit = this.read(abs).then((text) => {
        if (typeof text !== 'string') return envFileOf(abs, undefined, undefined);
        const source = createSourceFile({ path: abs, relPath: relativePath(this.options.cwd, abs), kind: 'compose', text });
        return envFileOf(abs, source.text, source);
      });
      this.envFileSources.set(abs, hit);
    }
    return hit;
  }

  /** A file's text; undefined when it does not exist, null when it cannot be read (a folder, too big, no permission). */
  private read(abs: string): Promise<string | undefined | null> {
    let hit = this.texts.get(abs) as Promise<string | undefined | null> | undefined;
    if (!hit) {
      hit = (async () => {
        const given = this.options.overlay?.get(abs);
        if (given !== undefined) return given;
        if ((await this.has(path.dirname(abs), path.basename(abs))) === false) return undefined;
        try {
          // One read, no stat first: most of the files looked for (`.env.example`…) do not exist.
          const text = await fs.readFile(abs, 'utf8');
          return text.length > MAX_FILE_BYTES ? null : text;
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : null;
        }
      })();
      this.texts.set(abs, hit as Promise<string | undefined>);
    }
    return hit;
  }

  /**
   * Whether a folder has an entry of that name: undefined when the folder
   * cannot be listed. Looking a name up in the listing (read once per folder)
   * is much cheaper than a failed open, and most files looked for (`.env`,
   * `.env.example`, `.dockerignore`) are not there.
   */
  async has(dir: string, name: string): Promise<boolean | undefined> {
    let hit = this.dirSets.get(dir);
    if (!hit) {
      // macOS and Windows folders usually ignore case: there, compare names in lower case
      hit = fs.readdir(dir).then(
        (names) => new Set(FOLDED_CASE ? names.map((n) => n.toLowerCase()) : names),
        () => undefined,
      );
      this.dirSets.set(dir, hit);
    }
    const names = await hit;
    if (this.options.overlay?.has(path.join(dir, name))) return true;
    return names ? names.has(FOLDED_CASE ? name.toLowerCase() : name) : undefined;
  }

  /** Names in a folder (with texts given in the overlay), read once. */
  private list(dir: string): Promise<string[]> {
    let hit = this.dirs.get(dir);
    if (!hit) {
      hit = (async () => {
        const names = new Set<string>();
        try {
          for (const n of await fs.readdir(dir)) names.add(n);
        } catch {
          // A folder that cannot be listed: only the overlay.
        }
        for (const p of this.options.overlay?.keys() ?? []) if (path.dirname(p) === dir) names.add(path.basename(p));
        return [...names].sort();
      })();
      this.dirs.set(dir, hit);
    }
    return hit;
  }
}
