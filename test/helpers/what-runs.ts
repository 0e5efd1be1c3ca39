/**
 * What a stack runs, in a form two versions of it can be compared in: the
 * definition of a safe fix (docs/fixes.md) made executable. A safe fix leaves
 * all three unchanged:
 *
 * - Compose: each project's merged model (every environment the loader builds),
 *   interpolated, with scalars compared as compose compares them (`80` and
 *   `"80"`, `'3'` and `3` are the same) and what compose ignores left out;
 * - Dockerfile: the instructions as BuildKit runs them (keyword, flags and
 *   arguments after its own word processing);
 * - shell: the words every command receives, as the shell parse sees them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ComposeLoader } from '../../src/stack/compose-loader.js';
import type { ComposeDocument } from '../../src/parse/compose/document.js';
import type { ComposeProject } from '../../src/parse/compose/project.js';
import { parseDockerfile } from '../../src/parse/dockerfile/document.js';
import { DOCKERFILE_INSTRUCTIONS } from '../../src/parse/dockerfile/instructions.js';
import type { DfFlag, DfInstruction, DockerfileDocument } from '../../src/parse/dockerfile/types.js';
import { instructionWords, properties } from '../../src/parse/dockerfile/words.js';
import { getShellParser } from '../../src/parse/shell/index.js';
import type { ShellDocument, ShWord } from '../../src/parse/shell/types.js';
import { createSourceFile } from '../../src/core/source.js';
import type { YNode } from '../../src/parse/yaml/nodes.js';

type Texts = ReadonlyMap<string, string>;

/** The text of a file, fixed or as on disk, without a byte-order mark (which the linter keeps aside too). */
const textOf = (file: string, texts: Texts): string => (texts.get(file) ?? readFileSync(file, 'utf8')).replace(/^\uFEFF/, '');

// ---------------------------------------------------------------- Compose

/**
 * The normalised merged model of every project the compose files take part
 * in, by `environment: file + file…`. `texts` overrides the disk (fixed texts).
 */
export async function composeModels(cwd: string, files: readonly string[], texts: Texts): Promise<Map<string, unknown>> {
  const loader = new ComposeLoader({ cwd, overlay: texts });
  const docs: ComposeDocument[] = [];
  for (const file of files) {
    const source = createSourceFile({ path: file, relPath: path.relative(cwd, file), kind: 'compose', text: textOf(file, texts) });
    const parsed = await loader.parseLinted(source);
    if (parsed.ok) docs.push(parsed.doc);
  }
  const { projects } = await loader.projects(docs, []);
  const out = new Map<string, unknown>();
  for (const p of projects) {
    const key = `${p.environment}: ${p.files.map((d) => path.relative(cwd, d.file.path)).join(' + ')}`;
    out.set(key, { name: p.name, model: composeValue(p, p.root, []) });
  }
  return out;
}

/** Lists compose reads as sets: `depends_on` becomes a mapping, and port entries are published independently. */
const UNORDERED = (at: readonly string[]): boolean => at.length === 3 && at[0] === 'services' && (at[2] === 'ports' || at[2] === 'depends_on');

function composeValue(project: ComposeProject, node: YNode | undefined, at: readonly string[]): unknown {
  if (!node) return null;
  if (node.type === 'scalar') {
    // Compose interpolates every value and reads it as the field's type: the interpolated text is what counts.
    return node.value === null ? null : project.interpolate(node).value;
  }
  if (node.type === 'seq') {
    const items = node.items.map((item, i) => composeValue(project, item, [...at, String(i)]));
    return UNORDERED(at) ? items.map((i) => JSON.stringify(i)).sort() : items;
  }
  const out: Record<string, unknown> = {};
  for (const pair of [...node.pairs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    // The top-level `version` is obsolete: compose ignores it.
    if (at.length === 0 && pair.key === 'version') continue;
    out[pair.key] = composeValue(project, pair.value, [...at, pair.key]);
  }
  return out;
}

// ---------------------------------------------------------------- Dockerfile

export async function parseDockerfileText(file: string, text: string): Promise<DockerfileDocument> {
  return parseDockerfile(createSourceFile({ path: file, relPath: path.basename(file), kind: 'dockerfile', text }), await getShellParser());
}

/** A `--platform` value that names the default, the target platform. */
const TARGET_PLATFORM = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/;
/** Protocols BuildKit lower-cases in `EXPOSE`. */
const PORT_PROTOCOL = /^(.*\/)([A-Za-z]+)$/;

/** The instructions as BuildKit runs them: keyword, flags and arguments after its word processing, in order. */
export function dockerfileInstructions(doc: DockerfileDocument): unknown[] {
  const stageNames = new Set(doc.stages.flatMap((s) => (s.name ? [s.name] : [])));
  // BuildKit compares stage names in lower case, where they are declared and where they are used.
  const stageRef = (v: string): string => (stageNames.has(v.toLowerCase()) ? v.toLowerCase() : v);
  const redefinesPlatform = doc.globalArgs.get('TARGETPLATFORM') !== undefined;
  const flag = (ins: DfInstruction, f: DfFlag): string[] => {
    const name = f.name.toLowerCase();
    const value = f.value ?? '';
    if (ins.keyword === 'FROM' && name === 'platform' && TARGET_PLATFORM.test(value) && !redefinesPlatform) return [];
    if (name === 'from') return [`${name}=${stageRef(value)}`];
    if (name === 'mount') return [`${name}=${value.replace(/(^|,)from=([^,]*)/gi, (_m, sep: string, v: string) => `${sep}from=${stageRef(v)}`)}`];
    return [`${name}=${value}`];
  };
  const args = (ins: DfInstruction): unknown[] => {
    const words = instructionWords(ins).map((w) => w.value);
    switch (ins.keyword) {
      case 'ENV':
      case 'LABEL':
        return properties(ins).map((p) => [p.name, p.value ?? null]);
      case 'EXPOSE':
        return words.map((w) => w.replace(PORT_PROTOCOL, (_m, port: string, proto: string) => port + proto.toLowerCase()));
      case 'FROM':
        return words.map((w, i) => (i === 0 ? stageRef(w) : i === words.length - 2 && w.toLowerCase() === 'as' ? 'AS' : i === words.length - 1 && words.length >= 3 ? w.toLowerCase() : w));
      default:
        return words;
    }
  };
  const one = (ins: DfInstruction): unknown => ({
    // BuildKit reads a known keyword in any case; an unknown one is no instruction, and is kept as written.
    keyword: DOCKERFILE_INSTRUCTIONS.has(ins.keyword) ? ins.keyword : ins.keywordText,
    flags: ins.flags.flatMap((f) => flag(ins, f)),
    args: args(ins),
    ...(ins.scripts.length ? { commands: ins.scripts.map(commandWords) } : {}),
    ...(ins.trigger ? { trigger: one(ins.trigger) } : {}),
  });
  return [doc.directives.map((d) => `${d.name}=${d.value}`), ...doc.instructions.map(one)];
}

// ---------------------------------------------------------------- shell

export async function parseShellText(file: string, text: string): Promise<ShellDocument> {
  return (await getShellParser()).parse({ file: createSourceFile({ path: file, relPath: path.basename(file), kind: 'shell', text }) });
}

/**
 * A word as the command receives it: a static word by its value (`'a'`, `"a"`
 * and `a` are one word), a word with expansions as written, since its quoting
 * decides how it splits.
 */
const wordOf = (w: ShWord | undefined): string | null => (w === undefined ? null : w.value ?? `<${w.raw}>`);

/** Every simple command: its assignments, words and redirections, and how it is joined to its neighbours. */
export function commandWords(doc: ShellDocument): unknown[] {
  return doc.commands.map((c) => ({
    assignments: c.assignments.map((a) => `${a.name}=${wordOf(a.value) ?? ''}`),
    words: c.words.map(wordOf),
    redirects: c.redirects.map((r) => [r.fd ?? null, r.operator, wordOf(r.target), r.heredoc?.text ?? null]),
    before: c.before ?? null,
    after: c.after ?? null,
    pipeline: c.pipeline?.operators ?? null,
  }));
}
