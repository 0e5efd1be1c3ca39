/**
 * `stack-lint/testing`: a RuleTester for rules of any pack, built-in or not.
 *
 *   const tester = new RuleTester(myRule);
 *   await tester.run({
 *     valid: [{ filename: 'compose.yaml', code: 'services: {}\n' }],
 *     invalid: [{ filename: 'compose.yaml', code, errors: [{ line: 3, column: 12, message: /latest/ }], output: fixed }],
 *   });
 *
 * Files are linted in memory under a virtual folder, through the same engine
 * as the CLI; `output` is the text after the fix loop (safe and unsafe fixes of
 * the rule), and a second fix pass must change nothing.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { validateRuleOptions, defaultOptions, isPartialCode } from './config/validate.js';
import { kindFromName, kindFromShebang } from './discover/classify.js';
import { CORE_RULE_METAS } from './engine/core-rules.js';
import type { AnyRule } from './core/rule.js';
import type { Diagnostic, SeveritySetting } from './core/diagnostic.js';
import { lintFiles } from './engine/lint.js';
import { type FileConfig, type ResolvedRuleSetting } from './engine/types.js';
import { createRegistry } from './core/registry.js';
import { TOOL } from './runner/run.js';
import { applyEdits } from './fix/apply.js';
import { fixFiles } from './fix/loop.js';
import { collectEvidence } from './stack/evidence/index.js';
import { kindsFromEvidence } from './stack/evidence/plan.js';
import { reachedComposeFiles } from './parse/compose/references.js';
import type { FileKind } from './core/source.js';
import { fileKind } from './kinds/index.js';
import builtins from '../rules/index.js';

export interface TestCase {
  /** Decides the kind of file, as on disk (`compose.yaml`, `Dockerfile`, `deploy.sh`). */
  filename: string;
  code: string;
  options?: Record<string, unknown>;
  /**
   * Severities as a config's `rules:` sets them: the rule under test's own (default: its meta severity), and ids
   * that are settings rather than rules of their own, such as the ShellCheck bridge's `shellcheck/SC2162`. A peer
   * code (`DL3061`) stands for the rules that claim it, as in a config.
   */
  severities?: Record<string, SeveritySetting>;
  settings?: Record<string, unknown>;
  /**
   * Other files of the stack, by path relative to `filename`'s folder (for stack rules); also
   * `.gitignore`s, and a git index as `gitIndex` writes it (`'.git/index': gitIndex(['.env'])`).
   */
  files?: Record<string, string>;
  /**
   * The files whose findings are reported, by path relative to `filename`'s folder (`filename` by its base name):
   * as when only they are named on the command line and the rest of the stack is read for context. Default: all.
   */
  reportOn?: string[];
  /** Permission bits of files of `files` (`{ '.env': 0o644 }`), as on disk; without, a file's mode is unknown, as in memory. */
  modes?: Record<string, number>;
  /**
   * `projects:` as a config file would declare them, paths relative to
   * `filename`'s folder: compose files in `-f` order, env files, profiles.
   */
  projects?: { name?: string; files: string[]; envFiles?: string[]; profiles?: string[]; projectDirectory?: string }[];
  /** `--project-root`, relative to `filename`'s folder: what lies outside it is never read. Default: no such limit. */
  projectRoot?: string;
  name?: string;
}

export interface ExpectedError {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  /** Defaults to the rule under test. */
  ruleId?: string;
  /** Relative path of the file, for findings in another file of `files`. */
  file?: string;
  /** Defaults to not checked; the rule's own severity unless `options` or the finding say otherwise. */
  severity?: 'error' | 'warning' | 'info';
  /** Defaults to not checked; the peer code the finding stands for (`compat`), for a rule that covers several. */
  compat?: string;
  /** The description of each suggestion the finding offers, in order (suggestions are never applied by `--fix`). */
  suggestions?: string[];
  /** The text of the finding's file after applying each suggestion on its own, in order. */
  suggestionOutputs?: string[];
  /** The source text of each span the finding marks as a secret (masked in every output), in order. */
  secrets?: string[];
}

export interface InvalidCase extends TestCase {
  errors: ExpectedError[];
  /** The text after fixes; omit when the rule offers none here. */
  output?: string;
}

export class RuleTesterError extends Error {}

const ROOT = path.resolve('/__stack_lint_rule_tester__');

export class RuleTester {
  constructor(private readonly rule: AnyRule) {}

  async run(cases: { valid?: (TestCase | string)[]; invalid?: InvalidCase[] }): Promise<void> {
    const failures: string[] = [];
    for (const [i, c] of (cases.valid ?? []).entries()) {
      const tc = typeof c === 'string' ? { filename: defaultName(this.rule), code: c } : c;
      const found = (await this.lint(tc)).diagnostics.filter((d) => !d.suppressed);
      if (found.length) failures.push(`valid[${i}]${label(tc)}: expected no findings, got\n${found.map(describe).join('\n')}`);
    }
    for (const [i, tc] of (cases.invalid ?? []).entries()) {
      const problems = await this.checkInvalid(tc);
      if (problems.length) failures.push(`invalid[${i}]${label(tc)}:\n  ${problems.join('\n  ')}`);
    }
    if (failures.length) throw new RuleTesterError(`${this.rule.meta.id}: ${failures.length} case(s) failed\n\n${failures.join('\n\n')}`);
  }

  private async checkInvalid(tc: InvalidCase): Promise<string[]> {
    const problems: string[] = [];
    const result = await this.lint(tc);
    const found = result.diagnostics.filter((d) => !d.suppressed);
    const expected = tc.errors;
    if (found.length !== expected.length) problems.push(`expected ${expected.length} finding(s), got ${found.length}:\n${found.map(describe).join('\n')}`);
    expected.forEach((e, j) => {
      const d = found[j];
      if (!d) return;
      const where = `errors[${j}]`;
      const ruleId = e.ruleId ?? this.rule.meta.id;
      if (d.ruleId !== ruleId) problems.push(`${where}: rule ${d.ruleId}, expected ${ruleId}`);
      if (e.file !== undefined && d.relPath !== e.file) problems.push(`${where}: file ${d.relPath}, expected ${e.file}`);
      const at = `${d.range.start.line}:${d.range.start.column}`;
      if (at !== `${e.line}:${e.column}`) problems.push(`${where}: at ${at}, expected ${e.line}:${e.column} (${d.message})`);
      if (e.endLine !== undefined && d.range.end.line !== e.endLine) problems.push(`${where}: ends on line ${d.range.end.line}, expected ${e.endLine}`);
      if (e.endColumn !== undefined && d.range.end.column !== e.endColumn) problems.push(`${where}: ends at column ${d.range.end.column}, expected ${e.endColumn}`);
      if (typeof e.message === 'string' && d.message !== e.message) problems.push(`${where}: message ${JSON.stringify(d.message)}, expected ${JSON.stringify(e.message)}`);
      if (e.message instanceof RegExp && !e.message.test(d.message)) problems.push(`${where}: message ${JSON.stringify(d.message)} does not match ${e.message}`);
      if (e.severity !== undefined && d.severity !== e.severity) problems.push(`${where}: severity ${d.severity}, expected ${e.severity}`);
      if (e.compat !== undefined && d.compat !== e.compat) problems.push(`${where}: compat ${d.compat ?? 'none'}, expected ${e.compat}`);
      if (e.suggestions !== undefined) {
        const got = (d.suggestions ?? []).map((s) => s.description);
        if (JSON.stringify(got) !== JSON.stringify(e.suggestions)) problems.push(`${where}: suggestions ${JSON.stringify(got)}, expected ${JSON.stringify(e.suggestions)}`);
      }
      if (e.suggestionOutputs !== undefined) {
        const got = (d.suggestions ?? []).map((s) => applyEdits(textOf(tc, s.file), s.edits));
        got.forEach((text, k) => {
          if (text !== e.suggestionOutputs![k]) problems.push(`${where}: suggestion ${k} gives\n--- expected\n${e.suggestionOutputs![k] ?? '(no such suggestion)'}\n--- got\n${text}`);
        });
        if (got.length < e.suggestionOutputs.length) problems.push(`${where}: ${got.length} suggestion(s), expected ${e.suggestionOutputs.length}`);
      }
      if (e.secrets !== undefined) {
        const got = (d.secrets ?? []).map((s) => textOf(tc, d.file).slice(s.start, s.end));
        if (JSON.stringify(got) !== JSON.stringify(e.secrets)) problems.push(`${where}: secrets ${JSON.stringify(got)}, expected ${JSON.stringify(e.secrets)}`);
      }
    });
    if (tc.output !== undefined) {
      const fixed = await this.fix(tc, tc.code);
      if (fixed !== tc.output) problems.push(`output:\n--- expected\n${tc.output}\n--- got\n${fixed}`);
      else if ((await this.fix(tc, fixed)) !== fixed) problems.push('output: a second fix pass changed the fixed text again');
    } else if (found.some((d) => d.fix)) {
      problems.push('the rule offers a fix here: give the expected `output`');
    }
    return problems;
  }

  private setup(tc: TestCase, code: string) {
    const main = path.join(ROOT, tc.filename);
    const overlay = new Map<string, string>([[main, code]]);
    const files: { path: string; kind: FileKind }[] = [{ path: main, kind: kindOf(tc.filename, code) }];
    for (const [rel, text] of Object.entries(tc.files ?? {})) {
      const p = path.join(path.dirname(main), rel);
      overlay.set(p, text);
      const kind = kindFromName(path.basename(p)) ?? kindFromShebang(text.split('\n')[0] ?? '');
      if (kind) files.push({ path: p, kind });
    }
    // How the in-memory scripts, Makefiles and workflows run compose, as the CLI reads it from a repository; what
    // they pass with -f is a compose file or a Dockerfile whatever its name.
    const evidence = collectEvidence([ROOT], { overlay });
    const known = new Set(files.map((f) => f.path));
    for (const [file, kind] of kindsFromEvidence(evidence.items, { exists: (p) => overlay.has(p), yamlFiles: evidence.yamlFiles })) {
      if (!known.has(file)) files.push({ path: file, kind });
      known.add(file);
    }
    // What a compose file pulls in with `include:` or `extends.file` is a compose file whatever its name.
    for (const file of reachedComposeFiles(files.filter((f) => f.kind === 'compose').map((f) => f.path), (p) => overlay.get(p)).keys()) {
      if (!known.has(file)) files.push({ path: file, kind: 'compose' });
      known.add(file);
    }
    const meta = this.rule.meta;
    const options = validateRuleOptions(meta, { ...defaultOptions(meta), ...(tc.options ?? {}) }, (why) => {
      throw new RuleTesterError(`${meta.id}${label(tc)}: bad options: ${why}`);
    });
    const others = builtins.rules.filter((r) => r.meta.id !== meta.id);
    const registry = createRegistry([meta, ...others.map((r) => r.meta), ...CORE_RULE_METAS]);
    // A key of `severities` is a rule id or, as in a config's `rules:`, a peer code standing for the rules that claim it.
    const idsOf = (key: string): readonly string[] => (registry.get(key) ? [key] : registry.byCompatCode(key).length ? registry.byCompatCode(key) : [key]);
    const rules = new Map<string, ResolvedRuleSetting>([[meta.id, { severity: meta.severity, options }]]);
    for (const syntax of ['compose/syntax', 'dockerfile/syntax', 'shell/syntax']) if (syntax !== meta.id) rules.set(syntax, { severity: 'error', options: {} });
    for (const [key, severity] of Object.entries(tc.severities ?? {})) {
      for (const id of idsOf(key)) {
        const prev = rules.get(id);
        const own = id === meta.id ? options : {};
        // A code of a rule that stands for several sets that code's findings only, as in a config.
        if (isPartialCode(key, registry.get(id))) rules.set(id, { severity: prev?.severity ?? 'off', options: prev?.options ?? own, codes: new Map([...(prev?.codes ?? []), [key, severity]]) });
        else rules.set(id, { severity, options: own });
      }
    }
    const dir = path.dirname(main);
    const projects = (tc.projects ?? []).map((p) => ({
      ...(p.name !== undefined ? { name: p.name } : {}),
      files: p.files.map((f) => path.join(dir, f)),
      envFiles: (p.envFiles ?? []).map((f) => path.join(dir, f)),
      profiles: p.profiles ?? [],
      ...(p.projectDirectory !== undefined ? { projectDirectory: path.join(dir, p.projectDirectory) } : {}),
      at: { file: path.join(ROOT, '.stackpolicyrc.yaml'), line: 1 },
    }));
    const config: FileConfig = {
      rules,
      settings: tc.settings ?? {},
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      ...(projects.length ? { projects, configPath: path.join(ROOT, '.stackpolicyrc.yaml') } : {}),
    };
    const modes = Object.entries(tc.modes ?? {}).map(([rel, mode]) => [path.join(dir, rel), mode] as const);
    return {
      cwd: ROOT,
      files,
      overlay,
      ...(modes.length ? { overlayModes: new Map(modes) } : {}),
      ...(tc.reportOn ? { reportOn: new Set(tc.reportOn.map((rel) => path.join(dir, rel))) } : {}),
      // The built-in rules that cover ShellCheck codes are loaded too (off unless `severities` turns them on): as in a
      // real run, the ShellCheck bridge leaves a code to its rule when the rule is on, and reports it itself otherwise.
      rules: [this.rule, ...others.filter((r) => r.meta.compat?.shellcheck?.length)],
      registry,
      config: { forFile: async () => config },
      tool: TOOL,
      evidence,
      ...(tc.projectRoot !== undefined ? { projectRoot: path.join(dir, tc.projectRoot) } : {}),
    };
  }

  private lint(tc: TestCase) {
    return lintFiles(this.setup(tc, tc.code));
  }

  private async fix(tc: TestCase, code: string): Promise<string> {
    const outcome = await fixFiles({ ...this.setup(tc, code), unsafe: true });
    const main = path.join(ROOT, tc.filename);
    return outcome.changes.find((c) => c.path === main)?.after ?? code;
  }
}

/**
 * A git index (version 2) that tracks `paths` (relative to the repository's top folder), as the
 * text a case's `files` gives for `.git/index`: one character per byte.
 */
export function gitIndex(paths: readonly string[]): string {
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(paths.length, 8);
  const entries = [...paths].sort().map((p) => {
    const name = Buffer.from(p, 'utf8');
    const entry = Buffer.alloc((62 + name.length + 8) & ~7);
    entry.writeUInt32BE(0o100644, 24);
    entry.writeUInt16BE(Math.min(name.length, 0xfff), 60);
    name.copy(entry, 62);
    return entry;
  });
  const body = Buffer.concat([header, ...entries]);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]).toString('latin1');
}

/** The case's text of an absolute path of the virtual folder: its code or one of its `files`. */
function textOf(tc: TestCase, file: string): string {
  const main = path.join(ROOT, tc.filename);
  if (file === main) return tc.code;
  return Object.entries(tc.files ?? {}).find(([rel]) => path.join(path.dirname(main), rel) === file)?.[1] ?? '';
}

function kindOf(filename: string, code: string): FileKind {
  const kind = kindFromName(path.basename(filename)) ?? kindFromShebang(code.split('\n')[0] ?? '');
  if (!kind) throw new RuleTesterError(`cannot tell the kind of "${filename}": name it like a compose file, Dockerfile or script`);
  return kind;
}

function defaultName(rule: AnyRule): string {
  // a stack rule's cases start from a compose file
  return fileKind(rule.meta.kind === 'stack' ? 'compose' : rule.meta.kind).exampleName;
}

function label(tc: TestCase): string {
  return tc.name ? ` (${tc.name})` : '';
}

function describe(d: Diagnostic): string {
  return `    ${d.relPath}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}`;
}
