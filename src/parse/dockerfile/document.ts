import { DockerfileParser, Instruction as AstInstruction, type Argument, type Flag, type Instruction } from 'dockerfile-ast';
import type { Span } from '../../core/location.js';
import type { ShellParser } from '../shell/index.js';
import type { ShellDialect, ShellDocument } from '../shell/types.js';
import type { SourceFile } from '../../core/source.js';
import { resolveArgs } from './args.js';
import { prepareRunBody, dialectOfHashbang, dialectOfShell } from './run-script.js';
import type { DfArgument, DfDirective, DfFlag, DfInstruction, DfStage, DockerfileDocument } from './types.js';

const PARSER_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/**
 * dockerfile-ast splits an instruction's arguments afresh, character by
 * character, every time anything asks for them: building a `RUN` instruction
 * alone splits it five times, and each range or flag lookup splits it again.
 * An instruction never changes once parsed (we never edit through
 * dockerfile-ast), so the split is kept per instruction and a copy of the list
 * handed out (callers, dockerfile-ast's own included, shift flags off it).
 */
const splitCache = new WeakMap<object, Argument[]>();
{
  const proto = AstInstruction.prototype as unknown as { getRawArguments?: () => Argument[]; __stackLintMemo?: boolean };
  const split = proto.getRawArguments;
  if (typeof split === 'function' && !proto.__stackLintMemo) {
    proto.__stackLintMemo = true;
    proto.getRawArguments = function (this: object): Argument[] {
      let args = splitCache.get(this);
      if (!args) splitCache.set(this, (args = split.call(this)));
      return args.slice();
    };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** dockerfile-ast's LSP-style range: 0-based lines and characters. */
interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * Parses a Dockerfile into instructions, stages and the shell scripts of its
 * `RUN` bodies. `shell` is passed only when the file has a shell-form `RUN`,
 * so tree-sitter is never loaded for files that do not need it.
 */
export function parseDockerfile(
  file: SourceFile,
  shell: ShellParser | undefined,
  dockerignore?: { path: string; text: string },
): DockerfileDocument {
  const ast = DockerfileParser.parse(file.text);
  const offset = (r: LspRange['start']): number => file.lines.offsetAt(r.line, r.character);
  const span = (r: LspRange | null | undefined): Span | undefined =>
    r ? { start: offset(r.start), end: offset(r.end) } : undefined;

  const escapeChar = ast.getEscapeCharacter();
  const globalArgs = new Map<string, string | undefined>();
  const stages: Mutable<DfStage>[] = [];
  const instructions: DfInstruction[] = [];
  const scripts: ShellDocument[] = [];
  let current: Mutable<DfStage> | undefined;
  let stageShell: ShellDialect | undefined = 'sh';

  const convert = (ins: Instruction, stage: DfStage | undefined): DfInstruction => {
    const range = span(ins.getRange())!;
    const keywordSpan = span(ins.getInstructionRange())!;
    const argsSpan = span(ins.getArgumentsRange());
    const flags = 'getFlags' in ins ? (ins.getFlags as () => Flag[])().map((f) => convertFlag(f)) : [];
    const keywordText = file.text.slice(keywordSpan.start, keywordSpan.end);
    const out: Mutable<DfInstruction> = {
      file,
      keyword: keywordText.toUpperCase(),
      keywordText,
      keywordSpan,
      argsText: argsSpan ? file.text.slice(argsSpan.start, argsSpan.end) : '',
      argsSpan,
      args: [],
      flags,
      stage,
      execForm: isExecForm(ins),
      scripts: [],
      ast: ins,
      ...range,
    };
    // dockerfile-ast splits arguments afresh on every call, costly for long RUN
    // bodies that most rules read through `scripts`: split once, when first read.
    let args: DfArgument[] | undefined;
    Object.defineProperty(out, 'args', {
      enumerable: true,
      get: () => (args ??= ins.getArguments().map((a: Argument): DfArgument => ({ value: a.getValue(), ...span(a.getRange())! }))),
    });
    if (out.keyword === 'ONBUILD' && 'getTriggerInstruction' in ins) {
      const trigger = (ins.getTriggerInstruction as () => Instruction | null)();
      if (trigger) out.trigger = convert(trigger, stage);
    }
    if (out.keyword === 'RUN' && !out.execForm && shell && stageShell && escapeChar === '\\') {
      out.scripts = runScripts(out, ins, stageShell);
      scripts.push(...out.scripts);
    }
    return out;
  };

  const convertFlag = (f: Flag): DfFlag => ({
    name: f.getName(),
    value: f.getValue() ?? undefined,
    nameSpan: span(f.getNameRange())!,
    valueSpan: span(f.getValueRange()),
    ...span(f.getRange())!,
  });

  const runScripts = (ins: DfInstruction, raw: Instruction, dialect: ShellDialect): ShellDocument[] => {
    if (!ins.argsSpan || !shell) return [];
    const withHeredocs = raw as unknown as { getHeredocs?: () => { getContentRange(): LspRange | null }[] };
    // dockerfile-ast splits the arguments again to find heredocs: only ask when there can be one.
    const heredocs = ins.argsText.includes('<<') ? heredocsOf(withHeredocs) : [];
    const bodies = heredocs.map((h) => span(h.getContentRange())).filter((s): s is Span => Boolean(s));
    const out: ShellDocument[] = [];
    const firstBody = bodies[0]?.start ?? ins.argsSpan.end;
    const commandLineEnd = Math.min(ins.argsSpan.end, firstBody);
    const commandLine = file.text.slice(ins.argsSpan.start, commandLineEnd);
    const startsWithHeredoc = /^\s*<<-?\s*["']?\w/.test(commandLine);
    if (!startsWithHeredoc) {
      const text = prepareRunBody(file.text.slice(ins.argsSpan.start, ins.argsSpan.end), commandLineEnd - ins.argsSpan.start);
      out.push(shell.parse({ file, text, baseOffset: ins.argsSpan.start, dialect }));
    }
    // A heredoc is a script when RUN has no command, or feeds a shell (`RUN bash <<EOF`).
    const feedsShell = startsWithHeredoc || /^\s*(?:\S*\/)?(?:ba|da|a)?sh\b/.test(commandLine);
    if (feedsShell) {
      for (const body of bodies) {
        const text = file.text.slice(body.start, body.end);
        const bang = dialectOfHashbang(text);
        if (bang === null) continue;
        out.push(shell.parse({ file, text, baseOffset: body.start, dialect: bang ?? dialect }));
      }
    }
    return out;
  };

  for (const raw of ast.getInstructions()) {
    const keyword = raw.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const from = convert(raw, undefined);
      const fromAst = raw as unknown as {
        getImage(): string | null;
        getImageRange(): LspRange | null;
        getBuildStage(): string | null;
        getBuildStageRange(): LspRange | null;
      };
      const image = fromAst.getImage() ?? '';
      const { value: resolvedImage, unset: unsetArgs } = resolveArgs(image, globalArgs);
      const parent = stages.find((s) => s.name !== undefined && s.name === resolvedImage.toLowerCase());
      current = {
        index: stages.length,
        name: fromAst.getBuildStage()?.toLowerCase() ?? undefined,
        nameSpan: span(fromAst.getBuildStageRange()),
        from,
        image,
        imageSpan: span(fromAst.getImageRange()),
        resolvedImage,
        unsetArgs,
        parent,
        platform: from.flags.find((f) => f.name === 'platform')?.value,
        instructions: [from],
        isFinal: false,
      };
      (from as Mutable<DfInstruction>).stage = current;
      stages.push(current);
      instructions.push(from);
      stageShell = parent ? shellOf(parent) : 'sh';
      continue;
    }
    const ins = convert(raw, current);
    instructions.push(ins);
    if (current) (current.instructions as DfInstruction[]).push(ins);
    else if (keyword === 'ARG') {
      // Defaults may use ARGs declared before them: `ARG V=3.12` then `ARG BASE=python:${V}`.
      for (const [name, value] of argDeclarations(ins)) globalArgs.set(name, value === undefined ? undefined : resolveArgs(value, globalArgs).value);
    }
    if (keyword === 'SHELL' && ins.execForm) stageShell = dialectOfShell(jsonStrings(raw));
  }

  const finalStage = stages.at(-1);
  if (finalStage) finalStage.isFinal = true;
  const imageStages: DfStage[] = [];
  for (let s: DfStage | undefined = finalStage; s && !imageStages.includes(s); s = s.parent) imageStages.push(s);

  // dockerfile-ast reads any `# word …=…` line at the top as a parser directive;
  // BuildKit knows only these three, the rest (`# hadolint ignore=…`) are comments.
  const directives: DfDirective[] = [];
  const comments = ast.getComments().map((c) => ({ text: c.getContent(), ...span(c.getRange())! }));
  for (const d of ast.getDirectives?.() ?? []) {
    const where = span(d.getRange())!;
    const name = d.getName().toLowerCase();
    if (PARSER_DIRECTIVES.has(name)) directives.push({ name, value: d.getValue(), ...where });
    else comments.push({ text: file.text.slice(where.start, where.end).replace(/^\s*#\s?/, ''), ...where });
  }
  comments.sort((a, b) => a.start - b.start);

  return {
    file,
    ast,
    instructions,
    stages,
    globalArgs,
    directives,
    escapeChar,
    finalStage,
    imageStages,
    scripts,
    comments,
    dockerignore,
  };
}

/** The shell a stage's `RUN`s use: its last exec-form `SHELL`, else its parent stage's, else `sh`. */
function shellOf(stage: DfStage): ShellDialect | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const ins = stage.instructions[i]!;
    if (ins.keyword === 'SHELL' && ins.execForm) return dialectOfShell(jsonStrings(ins.ast));
  }
  return stage.parent ? shellOf(stage.parent) : 'sh';
}

function isExecForm(ins: Instruction): boolean {
  if (!('getOpeningBracket' in ins)) return false;
  const j = ins as unknown as { getOpeningBracket(): unknown; getClosingBracket(): unknown };
  return j.getOpeningBracket() !== null && j.getClosingBracket() !== null;
}

function jsonStrings(ins: Instruction): string[] {
  if (!('getJSONStrings' in ins)) return [];
  return (ins.getJSONStrings as () => { getJSONValue(): string }[])().map((s) => s.getJSONValue());
}

/**
 * The names an `ARG` declares, with their defaults: BuildKit allows several
 * (`ARG A B=2`), each `name` or `name=value` with the value's quotes removed.
 */
function argDeclarations(ins: DfInstruction): [string, string | undefined][] {
  return ins.args.map((a) => {
    const eq = a.value.indexOf('=');
    if (eq < 0) return [a.value, undefined];
    const value = a.value.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2');
    return [a.value.slice(0, eq), value];
  });
}

/**
 * The heredocs dockerfile-ast finds in an instruction. It throws on some
 * malformed texts (a continuation ended by a lone CR before a comment line,
 * `RUN x \\\r#e` then `cat <<EOF`): no heredoc is read from those, the arguments are linted as written.
 */
function heredocsOf(raw: { getHeredocs?: () => { getContentRange(): LspRange | null }[] }): { getContentRange(): LspRange | null }[] {
  try {
    return raw.getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}
