/**
 * What an image built from a Dockerfile stage holds, read from the Dockerfile
 * and the base-image table (`base-images.ts`): the stages that end up in it,
 * the base image with build arguments applied, the tools it has, whether it
 * carries CUDA, the ports it `EXPOSE`s. Every answer can be "unknown"; rules
 * report only on what is known.
 */
import path from 'node:path';
import { interpolate } from '../parse/compose/interpolate.js';
import { exposedPorts as exposeWords, portNumbers } from '../parse/dockerfile/expose.js';
import { keyValues, packageCommand, type PackageCommand } from '../parse/dockerfile/packages.js';
import type { DfInstruction, DfStage, DockerfileDocument } from '../parse/dockerfile/types.js';
import { argDeclarations, copyArgs } from '../parse/dockerfile/words.js';
import { flattenCommands } from '../parse/shell/commands.js';
import type { ShCommand } from '../parse/shell/types.js';
import { baseImageFacts, TOOL_PACKAGES, toolInFacts, type Availability, type BaseImageFacts } from './base-images.js';

/** The image a stage of a Dockerfile produces. */
export interface StackImage {
  readonly dockerfile: DockerfileDocument;
  /** The stage that produces the image (`build.target`, else the final stage). */
  readonly stage: DfStage;
  /** The stage and the stages it is built `FROM`, the stage first: what ends up in the image. */
  readonly stages: readonly DfStage[];
  /** The last of `stages`: the one built `FROM` an image rather than a stage. */
  readonly baseStage: DfStage;
  /** The image `baseStage` is built from, with `ARG`s and build arguments applied; undefined when a value is unknown. */
  readonly resolvedBase: string | undefined;
  /** Build arguments given to the build (`build.args`); an undefined value comes from the environment (unknown here). */
  readonly buildArgs: ReadonlyMap<string, string | undefined>;
  /** The global `ARG`s (before the first `FROM`) with build arguments applied; undefined for an unknown value. */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
}

/** The image of `stage` of `dockerfile`, built with `buildArgs`. */
export function imageOf(dockerfile: DockerfileDocument, stage: DfStage, buildArgs: ReadonlyMap<string, string | undefined> = new Map()): StackImage {
  const stages: DfStage[] = [];
  for (let s: DfStage | undefined = stage; s && !stages.includes(s); s = s.parent) stages.push(s);
  const baseStage = stages.at(-1)!;
  const globalArgs = globalArgValues(dockerfile, buildArgs);
  return { dockerfile, stage, stages, baseStage, resolvedBase: expand(baseStage.image, globalArgs), buildArgs, globalArgs };
}

/** The global `ARG`s in order, each default expanded with the ones before it, build arguments overriding declared names. */
function globalArgValues(doc: DockerfileDocument, buildArgs: ReadonlyMap<string, string | undefined>): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  const firstFrom = doc.stages[0]?.from.start ?? Infinity;
  for (const ins of doc.instructions) {
    if (ins.start >= firstFrom) break;
    if (ins.keyword !== 'ARG') continue;
    for (const decl of argDeclarations(ins)) {
      if (buildArgs.has(decl.name)) values.set(decl.name, buildArgs.get(decl.name));
      else if (decl.value !== undefined) values.set(decl.name, expand(decl.value, values));
      else values.set(decl.name, '');
    }
  }
  return values;
}

/**
 * Substitutes `$X`, `${X}`, `${X:-d}`… with known values; undefined when the
 * text refers to a value that is unknown (`undefined` in `vars`) or to a name
 * that is not set at all.
 */
export function expand(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  if (!text.includes('$')) return text;
  const known = new Map<string, string>();
  for (const [k, v] of vars) if (v !== undefined) known.set(k, v);
  const r = interpolate(text, known);
  if (r.errors.length || r.unset.length) return undefined;
  if (r.references.some((ref) => vars.has(ref.name) && vars.get(ref.name) === undefined)) return undefined;
  return r.value;
}

/** The facts of the image's base from the table; `SCRATCH`-like facts for `FROM scratch`; undefined when unknown. */
export function baseFacts(image: StackImage): BaseImageFacts | undefined {
  return image.resolvedBase === undefined ? undefined : baseImageFacts(image.resolvedBase);
}

/**
 * The `USER` in effect at the end of `stages` (a stage first, then the stages
 * it is built FROM): the last `USER` of the first stage that has one.
 */
export function lastUser(stages: readonly DfStage[]): DfInstruction | undefined {
  for (const stage of stages) {
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      if (stage.instructions[i]!.keyword === 'USER') return stage.instructions[i];
    }
  }
  return undefined;
}

/** The instructions of the image's stages, the base stage's first. */
function* imageInstructions(image: StackImage): Generator<DfInstruction> {
  for (let i = image.stages.length - 1; i >= 0; i--) yield* image.stages[i]!.instructions;
}

/** The commands of a `RUN` (shell form, parsed); undefined when they cannot be read (exec form, no parser). */
function runCommands(ins: DfInstruction): ShCommand[] | undefined {
  if (ins.keyword !== 'RUN' || ins.execForm || !ins.scripts.length) return undefined;
  return flattenCommands(ins.scripts.flatMap((s) => s.commands));
}

const wordBase = (text: string): string => path.posix.basename(text.replace(/\/+$/, ''));

export interface ToolAnswer {
  readonly status: Availability;
  /** How the base image is named in messages (`alpine:3.21`), when known. */
  readonly base: string | undefined;
  /** The table's entry for the base (its `label` and notes). */
  readonly facts: BaseImageFacts | undefined;
  /** The instruction that decided it, when the Dockerfile did (an install or a removal). */
  readonly decidedBy: DfInstruction | undefined;
}

/**
 * Whether `tool` (`curl`, `wget`, `nc`, `bash`, `sh`) is in the image: the base
 * image ships it (the table), then each instruction of the image's stages in
 * order may install it (apk/apt-get/dnf/yum/microdnf/zypper), remove it
 * (`apk del`, also of a `--virtual` group; `apt-get purge`…), or make it
 * unknown (a `RUN` that uses it or names it, a `COPY` of a file of that name or
 * of a `bin` folder, a package list we cannot read).
 */
export function toolIn(image: StackImage, tool: string): ToolAnswer {
  const facts = baseFacts(image);
  let status: Availability = toolInFacts(facts, tool);
  let decidedBy: DfInstruction | undefined;
  const providers = new Set(TOOL_PACKAGES[tool] ?? [tool]);
  const groups = new Map<string, Set<string>>(); // apk --virtual name → packages
  const unsure = (): void => {
    if (status === 'no') status = 'unknown';
  };
  for (const ins of imageInstructions(image)) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const { sources, dest } = copyArgs(ins);
      const words = [...sources, ...(dest ? [dest] : [])].map((w) => w.value);
      // The tool itself, busybox, a bin folder, or a whole tree copied over the root.
      if (words.some((w) => wordBase(w) === tool || /busybox/.test(w) || /(^|\/)s?bin\/?$/.test(w)) || /^\/*$/.test(dest?.value ?? '-')) unsure();
      continue;
    }
    // A PATH of its own may lead to a folder holding the tool.
    if (ins.keyword === 'ENV' && /(^|\s)PATH[=\s]/.test(ins.argsText)) unsure();
    if (ins.keyword !== 'RUN') continue;
    const commands = runCommands(ins);
    if (!commands) {
      if (new RegExp(`(^|[^\\w.-])${escapeRe(tool)}([^\\w.-]|$)`).test(ins.argsText) || providersIn(ins.argsText, providers)) unsure();
      continue;
    }
    for (const cmd of commands) {
      const pkg = packageCommand(cmd);
      if (pkg && pkg.system) {
        const change = packageChange(pkg, providers, groups);
        if (change === 'install') (status = 'yes'), (decidedBy = ins);
        else if (change === 'remove') (status = 'no'), (decidedBy = ins);
        else if (change === 'unknown') unsure();
        continue;
      }
      // A RUN that calls the tool shows it was there at build time; one that names it (`ln -s`, `cp`) may put
      // it there; a script we cannot see (`./install.sh`, `bash setup.sh`) may install anything.
      const name = cmd.name === undefined ? undefined : wordBase(cmd.name);
      if (name === tool || cmd.args.some((a) => a.value !== undefined && wordBase(a.value) === tool) || runsHiddenScript(cmd)) unsure();
    }
  }
  return { status, base: image.resolvedBase, facts, decidedBy };
}

/** A command that runs a script or program of the build context: `./install.sh`, `/tmp/setup.sh`, `sh setup.sh`, `. ./env.sh`. */
function runsHiddenScript(cmd: ShCommand): boolean {
  const name = cmd.name;
  if (name === undefined) return true;
  if (/\.(?:sh|bash)$/.test(name) || name.startsWith('./') || name.startsWith('../')) return true;
  if (name.startsWith('/') && !/^\/(?:usr\/)?s?bin\//.test(name)) return true;
  const base = wordBase(name);
  // A shell runs a file or its standard input (`curl … | sh`) unless it is `sh -c '<static script>'` (read as `inner`).
  if (['sh', 'bash', 'ash', 'dash', 'zsh'].includes(base)) return cmd.inner === undefined;
  return ['source', '.', 'make', 'ansible-playbook'].includes(base);
}

function providersIn(text: string, providers: ReadonlySet<string>): boolean {
  return [...providers].some((p) => new RegExp(`(^|[^\\w.-])${escapeRe(p)}([^\\w.-]|$)`).test(text));
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a system package command does to the tool: installs it, removes it, leaves it, or cannot be told. */
function packageChange(pkg: PackageCommand, providers: ReadonlySet<string>, groups: Map<string, Set<string>>): 'install' | 'remove' | 'none' | 'unknown' {
  const names = pkg.packages.filter((p) => !p.local).map((p) => p.name.toLowerCase());
  const dynamic = pkg.packages.some((p) => p.dynamic);
  if (pkg.action === 'install') {
    if (pkg.manager === 'apk') {
      const virtual = pkg.flagValues('--virtual', '-t').at(-1)?.value;
      if (virtual) groups.set(virtual, new Set(names));
    }
    if (names.some((n) => providers.has(n))) return 'install';
    // `$PKGS`, `$(cat packages.txt)`, `xargs apt-get install < list`: packages we cannot see
    return dynamic || pkg.packages.length === 0 || pkg.command.wrappers.includes('xargs') ? 'unknown' : 'none';
  }
  if (pkg.action === 'remove') {
    if (names.some((n) => providers.has(n) || [...(groups.get(n) ?? [])].some((g) => providers.has(g)))) return 'remove';
    return 'none';
  }
  return 'none';
}

export interface CudaAnswer {
  readonly status: Availability;
  readonly base: string | undefined;
  readonly facts: BaseImageFacts | undefined;
}

/** Words in a `RUN` or `COPY` that may bring CUDA in: CUDA packages, GPU frameworks whose wheels carry it, NVIDIA downloads. */
const CUDA_HINT = /cuda|nvidia|cudnn|cublas|tensorrt|\btorch|tensorflow|\bjax|cupy|onnxruntime-gpu|paddle|mxnet|\bvllm|llama[-_]cpp|xformers|triton/i;

/**
 * Whether the image carries a CUDA runtime: the base image does (the table),
 * or a `RUN`/`COPY` may bring it in (CUDA packages, GPU frameworks, installs
 * from requirement files or projects we cannot read: those make it unknown).
 */
export function cudaIn(image: StackImage): CudaAnswer {
  const facts = baseFacts(image);
  const base = image.resolvedBase;
  if (facts?.cuda !== false) return { status: facts?.cuda ? 'yes' : 'unknown', base, facts };
  for (const ins of imageInstructions(image)) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const from = ins.flags.find((f) => f.name.toLowerCase() === 'from')?.value;
      if (from !== undefined && !copiedFromNonCuda(image, from)) return { status: 'unknown', base, facts };
      if (CUDA_HINT.test(ins.argsText)) return { status: 'unknown', base, facts };
      continue;
    }
    if (ins.keyword === 'ENV' && CUDA_HINT.test(ins.argsText)) return { status: 'unknown', base, facts };
    if (ins.keyword !== 'RUN') continue;
    if (CUDA_HINT.test(ins.argsText)) return { status: 'unknown', base, facts };
    const commands = runCommands(ins);
    if (!commands) {
      if (/\b(pip3?|conda|mamba|micromamba|poetry|pipenv|uv|pdm)\b/.test(ins.argsText)) return { status: 'unknown', base, facts };
      continue;
    }
    if (commands.some(installsUnreadPackages)) return { status: 'unknown', base, facts };
  }
  return { status: 'no', base, facts };
}

/** `pip install -r requirements.txt`, `pip install .`, `poetry install`, `conda env create`…: packages we cannot see. */
function installsUnreadPackages(cmd: ShCommand): boolean {
  const name = cmd.name === undefined ? undefined : wordBase(cmd.name);
  if (name === undefined) return false;
  if (['conda', 'mamba', 'micromamba', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye'].includes(name)) return true;
  if (name === 'uv' && cmd.args.some((a) => a.value === 'sync' || a.value === 'pip' || a.value === 'add')) return true;
  const pkg = packageCommand(cmd);
  if (!pkg || pkg.manager !== 'pip' || pkg.action !== 'install') return false;
  if (pkg.flagValues('-r', '--requirement', '-e', '--editable', '-c', '--constraint').length) return true;
  return pkg.packages.some((p) => p.local || p.dynamic);
}

/** A `COPY --from` source that surely brings no CUDA: a stage (of the same file) or an image known to have none. */
function copiedFromNonCuda(image: StackImage, from: string): boolean {
  const doc = image.dockerfile;
  const stage = doc.stages.find((s) => s.name === from.toLowerCase()) ?? (/^\d+$/.test(from) ? doc.stages[Number(from)] : undefined);
  if (stage) return cudaIn(imageOf(doc, stage, image.buildArgs)).status === 'no';
  const ref = expand(from, image.globalArgs);
  return ref !== undefined && baseImageFacts(ref)?.cuda === false;
}

export interface ExposedPort {
  readonly start: number;
  readonly end: number;
  /** `tcp` or `udp` (lower case). */
  readonly protocol: string;
  /** The `EXPOSE` that declares it; undefined for the base image's own. */
  readonly instruction: DfInstruction | undefined;
}

export interface ExposedPorts {
  readonly ports: readonly ExposedPort[];
  /**
   * Every port is known: the base image's `EXPOSE`s are in the table (or it is
   * `scratch`), and no `EXPOSE` of the Dockerfile holds a value we cannot expand.
   */
  readonly complete: boolean;
}

/** The ports the image `EXPOSE`s: its base image's and its stages', with `ARG`/`ENV` values and build arguments applied. */
export function exposedPortsOf(image: StackImage): ExposedPorts {
  const facts = baseFacts(image);
  const ports: ExposedPort[] = [];
  let complete = facts?.exposes !== undefined;
  for (const text of facts?.exposes ?? []) {
    const p = parsePort(text);
    if (p) ports.push({ ...p, instruction: undefined });
  }
  const env = new Map<string, string | undefined>(); // ENV carries over to the stages built FROM a stage; ARGs do not
  for (let i = image.stages.length - 1; i >= 0; i--) {
    const stage = image.stages[i]!;
    const vars = new Map(env);
    for (const ins of stage.instructions) {
      if (ins.keyword === 'ARG') {
        for (const decl of argDeclarations(ins)) {
          if (image.buildArgs.has(decl.name)) vars.set(decl.name, image.buildArgs.get(decl.name));
          else if (decl.value !== undefined) vars.set(decl.name, expand(decl.value, vars));
          else if (image.globalArgs.has(decl.name)) vars.set(decl.name, image.globalArgs.get(decl.name));
          else vars.set(decl.name, undefined);
        }
      } else if (ins.keyword === 'ENV') {
        for (const kv of keyValues(ins)) {
          const v = kv.value === undefined ? undefined : expand(kv.value, vars);
          vars.set(kv.name, v);
          env.set(kv.name, v);
        }
      } else if (ins.keyword === 'EXPOSE') {
        for (const word of exposeWords(ins)) {
          const text = expand(word.word.value, vars);
          const p = text === undefined ? undefined : parsePort(text);
          if (!p) complete = false;
          else ports.push({ ...p, instruction: ins });
        }
      }
    }
  }
  return { ports, complete };
}

function parsePort(text: string): { start: number; end: number; protocol: string } | undefined {
  const slash = text.lastIndexOf('/');
  const port = slash < 0 ? text : text.slice(0, slash);
  const protocol = (slash < 0 ? 'tcp' : text.slice(slash + 1)).toLowerCase();
  const nums = portNumbers(port.trim());
  if (!nums) return undefined;
  return { start: nums[0]!, end: nums[1] ?? nums[0]!, protocol };
}
