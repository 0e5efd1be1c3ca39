/**
 * The compose part of the parse stage: every compose file is read and parsed
 * once per run, with what it pulls in (`.env`, `.env.example`, `env_file`s,
 * `extends.file` and `include` files, the layered files beside it), and the
 * projects are built from them. Rules never read files; this is where it happens.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { composeFileVar, type ComposeFileVar } from '../parse/compose/compose-file-var.js';
import {
  attachDotenvFile,
  attachEnvFiles,
  attachResourceFiles,
  envFileOf,
  envFilePaths,
  parseCompose,
  resourceFilePaths,
  type ComposeDocument,
  type ComposeParse,
  type FileState,
} from '../parse/compose/document.js';
import { isEnvTemplate } from '../parse/compose/env-templates.js';
import { fragmentReasons } from '../parse/compose/fragment.js';
import { composeReferences, type ComposeReference } from '../parse/compose/references.js';
import { parseDotenv } from '../parse/compose/interpolate.js';
import { BASE_NAMES, layerRole, planFolder, type PlannedProject } from '../parse/compose/layers.js';
import { linkGroups, ProjectBuilder, type ComposeProject, type LoadedCompose, type ProjectOrigin, type ProjectProblem } from '../parse/compose/project.js';
import type { ComposeRun, GeneratedFile, RepositoryEvidence } from './evidence/index.js';
import { defaultFiles, environmentOf, isOverrideTemplate, plansFromRuns, type EvidencePlan } from './evidence/plan.js';
import { prepareComposeSchema } from '../parse/compose/schema/index.js';
import { createSourceFile, type SourceFile } from '../core/source.js';
import { readRegularFileSync } from '../parse/read-file.js';
import { GitReader } from './git.js';
import type { ProjectRoot } from '../core/project-root.js';
import type { EnvFile } from '../parse/compose/env-file.js';
import { MAX_FILE_BYTES, relativePath } from '../parse/sources.js';

export interface ComposeLoaderOptions {
  cwd: string;
  overlay?: ReadonlyMap<string, string>;
  /** Permission bits of texts of the overlay, as a test gives them; a text without one has no known mode. */
  overlayModes?: ReadonlyMap<string, number>;
  /**
   * The compose files the run lints, when the run is linted a stack at a time
   * with one loader per stack: a file another stack lints is not context only.
   * Default: the files this loader parsed with `parseLinted`.
   */
  linted?: ReadonlySet<string>;
  /** Paths outside it are never opened, listed or looked at (see ./project-root.ts). */
  root?: ProjectRoot;
  /** What the repository's scripts, Makefiles, CI files and docs say about how compose is run. */
  evidence?: RepositoryEvidence;
  /** What the disk holds, shared by the loaders of one run's stacks (see `DiskMemo`). */
  disk?: DiskMemo;
}

/**
 * What the disk holds, looked at once per run: a run lints its stacks one at
 * a time, each with a loader of its own, and without this each asked again
 * whether the same layers, `.env`s and templates exist and listed the same
 * folders. Files do not change while a run lints (a fix is written after it),
 * so the answers hold for the whole run. Also keeps what the repository's
 * commands run (`plansFromRuns`), which every stack would otherwise work out
 * again from the same evidence.
 */
export class DiskMemo {
  private readonly states = new Map<string, FileState | undefined>();
  private readonly names = new Map<string, string[] | undefined>();
  /** The projects the evidence's commands run, once per run. */
  evidencePlans?: EvidencePlan[];

  /** `file`, `dir` or `missing`; undefined when it cannot be told. */
  state(abs: string): FileState | undefined {
    if (this.states.has(abs)) return this.states.get(abs);
    const s = stateOnDisk(abs);
    this.states.set(abs, s);
    return s;
  }

  /** A folder's entries; undefined when it cannot be listed. */
  list(dir: string): string[] | undefined {
    if (this.names.has(dir)) return this.names.get(dir);
    const n = namesOnDisk(dir);
    this.names.set(dir, n);
    return n;
  }
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
  private readonly listings = new Map<string, Promise<string[] | undefined>>();
  private readonly envFileSources = new Map<string, Promise<ReturnType<typeof envFileOf>>>();
  private readonly composeFileVars = new Map<string, Promise<ComposeFileVar | undefined>>();
  private readonly stats = new Map<string, Promise<FileState | undefined>>();
  private readonly bytesRead = new Set<string>();
  /** What git makes of env files: read inside the project root (the run's folder when there is none). */
  private readonly git: GitReader;

  constructor(private readonly options: ComposeLoaderOptions) {
    this.git = new GitReader({
      top: options.root?.dir ?? options.cwd,
      kind: (abs) => this.stat(abs),
      text: async (abs) => {
        const text = await this.read(abs);
        return typeof text === 'string' ? text : undefined;
      },
      bytes: (abs, max) => this.readBytes(abs, max),
    });
  }

  /** Parses a compose file being linted (once per run). */
  async parseLinted(source: SourceFile): Promise<ComposeParse> {
    this.linted.add(source.path);
    const parse = this.parseSourceFile(source);
    const loaded = parse.then((r) => (r.ok ? r.doc : ('invalid' as const)));
    this.docs.set(source.path, loaded);
    this.settled.set(source.path, await loaded);
    return parse;
  }

  /** Every file read or looked for so far (`.env`s, env files, layers, `extends`/`include` files, secret and config files): findings depend on them too. */
  consulted(): string[] {
    // Paths outside the project were not read: nothing may look at them later either (the cache's key).
    return [...new Set([...this.texts.keys(), ...this.stats.keys(), ...this.bytesRead])].filter((p) => this.mayRead(p));
  }

  /** Whether a path may be read: given in the overlay, or inside the project root. */
  mayRead(abs: string): boolean {
    return !this.options.root || this.options.overlay?.has(abs) === true || this.options.root.contains(abs);
  }

  /** A compose file read for context (layer, `extends.file`, `include`); `outside` the project root, it is not read. */
  async load(abs: string): Promise<LoadedCompose> {
    let loaded = this.docs.get(abs);
    if (!loaded) {
      loaded = (async (): Promise<LoadedCompose> => {
        if (!this.mayRead(abs)) return 'outside';
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
    // The folders whose `.env` sets COMPOSE_FILE, and the plan it makes.
    const composeFilePlans: { dir: string; setting: ComposeFileVar; plan: PlannedProject }[] = [];
    const declaredFolders = new Set<string>();
    const seenPlans = new Set<string>();
    for (const p of declared) {
      const key = `${p.files.join('\u0000')}\u0001${p.environment}`;
      if (seenPlans.has(key)) continue;
      seenPlans.add(key);
      plans.push(p);
      for (const f of p.files) declaredFolders.add(path.dirname(f));
    }
    const lintedFiles = new Set(linted.map((d) => d.file.path));
    // Projects the repository's own commands run, then compose's conventions, for the files outside declared folders.
    const evidencePlans = this.evidencePlans(lintedFiles, declaredFolders);
    const covered = new Set(evidencePlans.flatMap((p) => p.files).filter((f) => lintedFiles.has(f)));
    for (const p of evidencePlans) plans.push(fromEvidence(p));
    // Linted files another linted compose file pulls in with `include:` or `extends.file`, and where.
    const reached = new Map<string, ComposeReference>();
    // The nearest file first (the repository's root compose file before a subfolder's).
    const depth = (f: string) => f.split(path.sep).length;
    for (const doc of [...linted].sort((a, b) => depth(a.file.path) - depth(b.file.path) || (a.file.path < b.file.path ? -1 : 1))) {
      for (const ref of composeReferences(doc.file.path, doc.file.text)) {
        // A base-named file (compose.yaml) is a project of its own by compose's convention, whoever includes it.
        if (ref.file !== doc.file.path && lintedFiles.has(ref.file) && !covered.has(ref.file) && !reached.has(ref.file) && !isBaseName(ref.file)) reached.set(ref.file, ref);
      }
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
      const setting = await this.composeFileVar(dir);
      const chosen = setting?.entries.map((e) => e.path);
      // A file pulled in by `include`/`extends` is not a layer because of its name: it is linted on its own, as compose loads it.
      const named = planFolder(all, chosen);
      const folderPlans = named.filter((p) => !p.files.slice(1).some((f) => reached.has(f)));
      for (const f of files) if (reached.has(f) && !folderPlans.some((p) => p.files.length === 1 && p.files[0] === f)) folderPlans.push({ files: [f], environment: 'default', declared: false });
      for (const plan of folderPlans) {
        const isComposeFile = chosen && plan.environment === 'default' && plan.files.length === chosen.length && plan.files.every((f, i) => f === chosen[i]);
        if (isComposeFile) composeFilePlans.push({ dir, setting: setting!, plan });
        // Only the projects a linted file takes part in, and of those none that evidence contradicts: every
        // linted file of it is run otherwise, or it layers by name a file that commands run otherwise.
        const mine = plan.files.filter((f) => files.has(f));
        if (!mine.length) continue;
        if (!isComposeFile && (mine.every((f) => covered.has(f)) || plan.files.slice(1).some((f) => covered.has(f)))) continue;
        const ref = plan.files.length === 1 ? reached.get(plan.files[0]!) : undefined;
        plans.push({ ...plan, origin: isComposeFile ? composeFileOrigin(setting!) : ref ? reachedOrigin(ref) : nameOrigin(plan.files) });
      }
    }

    // Load every file the plans name, then what those pull in, transitively.
    // (The files COMPOSE_FILE names too, when no linted file is among them: to tell which are missing.)
    const queue = [...new Set([...plans, ...composeFilePlans.map((c) => c.plan)].flatMap((p) => p.files))];
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

    // A file COMPOSE_FILE names that is not there: reported with its project, or, when that project
    // cannot be built or holds no linted file, with the other projects of the folder.
    const extraProblems = new Map<PlannedProject, ProjectProblem[]>();
    for (const { dir, setting, plan } of composeFilePlans) {
      const problems = this.composeFileProblems(setting);
      if (!problems.length) continue;
      const buildable = plans.includes(plan) && plan.files.some((f) => typeof this.settled.get(f) === 'object');
      for (const p of buildable ? [plan] : plans.filter((p) => p.files.some((f) => path.dirname(f) === dir))) {
        extraProblems.set(p, [...(extraProblems.get(p) ?? []), ...problems]);
      }
    }

    const builder = new ProjectBuilder((p) => this.settled.get(p));
    const projects: ComposeProject[] = [];
    for (const plan of plans) {
      const docs = plan.files.map((f) => this.settled.get(f));
      const usable = docs.filter((d): d is ComposeDocument => typeof d === 'object');
      if (!usable.length) continue;
      const problems = extraProblems.get(plan);
      const origin = plan.origin && { ...plan.origin, ...(await this.envFileVariables(plan.origin, usable[0]!.dir)) };
      const input = {
        files: usable,
        environment: plan.environment,
        declared: plan.declared,
        partial: usable.length !== docs.length,
        ...(plan.name ? { name: plan.name } : {}),
        ...(problems ? { problems } : {}),
        ...(origin ? { origin } : {}),
      };
      let project = builder.build(input);
      // A file named like no base, linted alone for want of evidence, that cannot stand alone: an unplaced fragment.
      if (origin?.source === 'name' && plan.files.length === 1 && !isBaseName(plan.files[0]!)) {
        const reasons = fragmentReasons(project);
        if (reasons.length) project = builder.build({ ...input, partial: true, origin: { ...origin, unplacedFragment: { reasons } } });
      } else if (origin?.reachedBy && fragmentReasons(project).length) {
        // Included or extended, and incomplete alone: the file using it completes it (its findings are made there).
        project = builder.build({ ...input, partial: true });
      }
      projects.push(project);
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
    // A file reached only by `include` or `extends` is checked in the project of the file pulling it in, as compose
    // loads it: an `extends` file holds templates, not services that run, and an included file's services run
    // beside the includer's (its `depends_on` may name them). Its own stand-in project goes.
    const standIns = new Set<ComposeProject>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [file, ref] of reached) {
        const own = chosen.get(file);
        const user = chosen.get(ref.at.file);
        if (!own?.origin?.reachedBy || !user || own === user || user.origin?.reachedBy || own.files.length !== 1) continue;
        standIns.add(own);
        chosen.set(file, user);
        changed = true;
      }
    }
    for (const p of standIns) projects.splice(projects.indexOf(p), 1);
    return {
      projects,
      projectFor: (file) => chosen.get(file),
      isContextOnly: (file) => !(this.options.linted ?? this.linted).has(file) && this.docs.has(file),
    };
  }

  /**
   * The projects evidence places the linted files in: the commands found in
   * the repository, then, for a linted file no command runs, compose's
   * conventions (an override's template or a `<base>.override.<x>.yml`
   * layered on the folder's base file).
   */
  private evidencePlans(lintedFiles: ReadonlySet<string>, declaredFolders: ReadonlySet<string>): EvidencePlan[] {
    const env = { exists: (p: string) => this.existsSync(p), yamlFiles: this.options.evidence?.yamlFiles ?? [] };
    const runs = (this.options.evidence?.items ?? []).filter((i): i is ComposeRun => i.kind === 'compose');
    const outside = (f: string) => lintedFiles.has(f) && !declaredFolders.has(path.dirname(f));
    const all = this.options.disk ? (this.options.disk.evidencePlans ??= plansFromRuns(runs, env)) : plansFromRuns(runs, env);
    const plans = all.filter((p) => p.files.some(outside));
    const covered = new Set(plans.flatMap((p) => p.files));
    for (const file of lintedFiles) {
      if (covered.has(file) || !outside(file)) continue;
      const base = defaultFiles(path.dirname(file), env)?.files[0];
      if (!base || base === file) continue;
      const variant = /^((?:docker-)?compose)\.override\.[^/]+\.ya?ml$/i.exec(path.basename(file));
      if (!isOverrideTemplate(file) && !(variant && path.basename(base).toLowerCase().startsWith(`${variant[1]!.toLowerCase()}.`))) continue;
      plans.push({
        files: [base, file],
        environment: environmentOf([base, file]),
        envFiles: [],
        profiles: [],
        variables: [],
        source: isOverrideTemplate(file) ? 'convention' : 'name',
        evidence: [],
      });
    }
    return plans;
  }

  /**
   * The variables a project's env files declare: its `--env-file`s, and the
   * env templates committed in its project directory (`env.example`,
   * `example.env`, `.env.dist`, `prod.env.example` …), whose placeholder
   * values declare what the project needs.
   */
  private async envFileVariables(origin: ProjectOrigin, firstDir: string): Promise<{ envFileVariables: string[]; envTemplates: string[] }> {
    const dir = origin.projectDirectory ?? firstDir;
    const names = await this.list(dir);
    const templates = names.filter((n) => isEnvTemplate(n)).map((n) => path.join(dir, n));
    const variables = new Set<string>();
    for (const file of [...origin.envFiles, ...templates]) {
      const text = await this.read(file);
      if (typeof text === 'string') for (const key of parseDotenv(text).keys()) variables.add(key);
    }
    const dotenv = names.includes('.env') ? [path.join(dir, '.env')] : [];
    return { envFileVariables: [...variables].sort(), envTemplates: [...dotenv, ...templates] };
  }

  private onDisk(abs: string): FileState | undefined {
    return this.options.disk ? this.options.disk.state(abs) : stateOnDisk(abs);
  }

  /** Whether a file is there (the overlay's too); synchronous, for the planner. */
  private existsSync(abs: string): boolean {
    return this.options.overlay?.has(abs) === true || (this.mayRead(abs) && this.onDisk(abs) === 'file');
  }

  /** `COMPOSE_FILE` as the `.env` of a folder sets it (read once per folder). */
  private composeFileVar(dir: string): Promise<ComposeFileVar | undefined> {
    let hit = this.composeFileVars.get(dir);
    if (!hit) {
      const abs = path.join(dir, '.env');
      hit = this.read(abs).then((text) =>
        typeof text === 'string' && text.includes('COMPOSE_FILE')
          ? composeFileVar(createSourceFile({ path: abs, relPath: relativePath(this.options.cwd, abs), kind: 'compose', text }))
          : undefined,
      );
      this.composeFileVars.set(dir, hit);
    }
    return hit;
  }

  /**
   * The files of `COMPOSE_FILE` that are missing or are no compose file (once
   * loaded). A missing absolute path is left alone: it may exist on the host
   * that runs compose.
   */
  private composeFileProblems(setting: ComposeFileVar): ProjectProblem[] {
    const out: ProjectProblem[] = [];
    for (const e of setting.entries) {
      const loaded = this.settled.get(e.path);
      const node = { ...e.span, file: setting.source };
      if (loaded === 'missing' && !e.absolute) out.push({ kind: 'compose-file-missing', node, path: e.path });
      // A linted file that does not parse has its own syntax finding.
      else if (loaded === 'invalid' && !(this.options.linted ?? this.linted).has(e.path)) out.push({ kind: 'compose-file-invalid', node, path: e.path });
    }
    return out;
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
      attachEnvFiles(parsed.doc, files.map((f) => (f.exists || f.outside ? f : this.generated(f))));
      if (typeof dotenv === 'string') attachDotenvFile(parsed.doc, await this.envFile(path.join(dir, '.env')));
      const resources = resourceFilePaths(parsed.doc);
      if (resources.length) {
        const states = await Promise.all(resources.map(async (p) => [p, await this.stat(p)] as const));
        attachResourceFiles(parsed.doc, states.filter((s): s is readonly [string, FileState] => s[1] !== undefined));
      }
    }
    return parsed;
  }

  /**
   * What is at a path (once per path); undefined when it cannot be told (no
   * permission). Texts given in the overlay (standard input, the RuleTester's
   * files) count as files, and the folders that hold them as folders, as env files do.
   */
  private stat(abs: string): Promise<FileState | undefined> {
    let hit = this.stats.get(abs);
    if (!hit) {
      const overlay = [...(this.options.overlay?.keys() ?? [])];
      hit = !this.mayRead(abs)
        ? Promise.resolve(undefined)
        : overlay.includes(abs)
        ? Promise.resolve('file')
        : overlay.some((p) => p.startsWith(abs + path.sep))
          ? Promise.resolve('dir')
          : Promise.resolve(this.onDisk(abs));
      this.stats.set(abs, hit);
    }
    return hit;
  }

  /** A missing env file the repository's tooling makes, marked with where (a Makefile rule for it). */
  private generated(file: EnvFile): EnvFile {
    const at = (this.options.evidence?.items ?? []).find((i): i is GeneratedFile => i.kind === 'generates' && i.path === file.path)?.at;
    return at ? { ...file, generatedBy: at } : file;
  }

  private envFile(abs: string): Promise<ReturnType<typeof envFileOf>> {
    let hit = this.envFileSources.get(abs);
    if (!hit) {
      hit = this.read(abs).then(async (text): Promise<EnvFile> => {
        if (!this.mayRead(abs)) return { path: abs, exists: false, outside: true, vars: new Map(), entries: [] };
        // There but not readable (no permission, a FIFO, too big): it exists, and what it sets is unknown.
        if (text === null) return { path: abs, exists: true, vars: new Map(), entries: [] };
        if (text === undefined) return envFileOf(abs, undefined, undefined);
        const source = createSourceFile({ path: abs, relPath: relativePath(this.options.cwd, abs), kind: 'compose', text });
        const file = envFileOf(abs, source.text, source, this.modeOf(abs));
        // Whether git keeps it: only for a file that sets something.
        const git = file.entries.length ? await this.git.stateOf(abs) : undefined;
        return git ? { ...file, git } : file;
      });
      this.envFileSources.set(abs, hit);
    }
    return hit;
  }

  /** Permission bits of a file on disk (env files: who may read their secrets); undefined on Windows, where they mean nothing, and for the overlay's texts unless given in `overlayModes`. */
  private modeOf(abs: string): number | undefined {
    if (this.options.overlay?.has(abs)) return this.options.overlayModes?.get(abs);
    if (process.platform === 'win32') return undefined;
    try {
      return statSync(abs).mode & 0o777;
    } catch {
      return undefined;
    }
  }

  /**
   * A binary file's bytes (git's index), when no larger than `max`; undefined when missing, unreadable or larger.
   * The overlay holds text: a binary file there is given one character per byte (latin1).
   */
  private async readBytes(abs: string, max: number): Promise<Uint8Array | undefined> {
    this.bytesRead.add(abs);
    const given = this.options.overlay?.get(abs);
    if (given !== undefined) return given.length <= max ? Buffer.from(given, 'latin1') : undefined;
    if (!this.mayRead(abs)) return undefined;
    try {
      return readRegularFileSync(abs, (size) => size > max);
    } catch {
      return undefined;
    }
  }

  /** A file's text; undefined when it does not exist, null when it cannot be read (a folder, too big, no permission). */
  private read(abs: string): Promise<string | undefined | null> {
    let hit = this.texts.get(abs) as Promise<string | undefined | null> | undefined;
    if (!hit) {
      hit = (async () => {
        const given = this.options.overlay?.get(abs);
        if (given !== undefined) return given;
        // Outside the project: unknown, and not a file to report missing.
        if (!this.mayRead(abs)) return null;
        if ((await this.has(path.dirname(abs), path.basename(abs))) === false) return undefined;
        try {
          // One open, no stat first; synchronous like every read of a stack (see parse/sources.ts).
          // Never blocks: a FIFO or device at the path counts as unreadable.
          return readRegularFileSync(abs, (size) => size > MAX_FILE_BYTES)?.toString('utf8') ?? null;
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
      hit = this.listing(dir).then((names) => names && new Set(FOLDED_CASE ? names.map((n) => n.toLowerCase()) : names));
      this.dirSets.set(dir, hit);
    }
    const names = await hit;
    if (this.options.overlay?.has(path.join(dir, name))) return true;
    return names ? names.has(FOLDED_CASE ? name.toLowerCase() : name) : undefined;
  }

  /** A folder's entries as the disk has them, listed once for `has` and `list`; undefined when it cannot be listed. */
  private listing(dir: string): Promise<string[] | undefined> {
    let hit = this.listings.get(dir);
    if (!hit) {
      hit = Promise.resolve(this.mayRead(dir) ? (this.options.disk ? this.options.disk.list(dir) : namesOnDisk(dir)) : undefined);
      this.listings.set(dir, hit);
    }
    return hit;
  }

  /** Names in a folder (with texts given in the overlay), read once. */
  private list(dir: string): Promise<string[]> {
    let hit = this.dirs.get(dir);
    if (!hit) {
      hit = (async () => {
        // A folder that cannot be listed: only the overlay.
        const names = new Set<string>((await this.listing(dir)) ?? []);
        for (const p of this.options.overlay?.keys() ?? []) if (path.dirname(p) === dir) names.add(path.basename(p));
        return [...names].sort();
      })();
      this.dirs.set(dir, hit);
    }
    return hit;
  }
}

function fromEvidence(p: EvidencePlan): PlannedProject {
  return {
    files: p.files,
    environment: p.environment,
    declared: false,
    ...(p.name ? { name: p.name } : {}),
    origin: {
      source: p.source,
      evidence: p.evidence,
      envFiles: p.envFiles,
      profiles: p.profiles,
      variables: p.variables,
      ...(p.projectDirectory ? { projectDirectory: p.projectDirectory } : {}),
      ...(p.ciOnly ? { ciOnly: true } : {}),
      ...(p.overrideLinked ? { overrideLinked: true } : {}),
    },
  };
}

function nameOrigin(files: readonly string[]): ProjectOrigin {
  // A base and its override are what compose itself loads; anything else is read from the names.
  const roles = files.map((f) => layerRole(f).role);
  const source = roles.every((r) => r === 'base' || r === 'override') ? 'convention' : 'name';
  return { source, evidence: [], envFiles: [], profiles: [], variables: [] };
}

function reachedOrigin(ref: ComposeReference): ProjectOrigin {
  return { source: 'convention', evidence: [ref.at], envFiles: [], profiles: [], variables: [], reachedBy: ref.kind };
}

function composeFileOrigin(setting: ComposeFileVar): ProjectOrigin {
  const line = setting.source.text.slice(0, setting.entries[0]?.span.start ?? 0).split('\n').length;
  return { source: 'COMPOSE_FILE', evidence: [{ file: setting.source.path, line }], envFiles: [], profiles: [], variables: [] };
}

const isBaseName = (file: string) => (BASE_NAMES as readonly string[]).includes(path.basename(file).toLowerCase());

function stateOnDisk(abs: string): FileState | undefined {
  try {
    return statSync(abs).isDirectory() ? 'dir' : 'file';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : undefined;
  }
}

function namesOnDisk(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}
