import type { Span } from '../core/location.js';
import type { SourceFile } from '../core/source.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RuleRegistry } from '../core/registry.js';
import { fileKind, type CommentInfo } from '../kinds/index.js';

export type { CommentInfo };

export interface Suppression {
  /** `all` or a set of rule ids (peer codes already mapped to ours). */
  rules: 'all' | Set<string>;
  /** 1-based inclusive line range the suppression covers. */
  fromLine: number;
  toLine: number;
  comment: Span;
  /** The ids as written, for the unused-directive message. */
  written: string[];
  justification?: string;
  /** From a peer's syntax (`# hadolint ignore=`, `# check=skip=`): never reported as unused. */
  foreign: boolean;
  /** The hadolint codes of a `# hadolint ignore=`: a finding that names another code (`compat`) stays. */
  codes?: Set<string>;
  used: Set<string>;
}

export interface DirectiveProblem extends Span {
  message: string;
}

export interface ParsedDirectives {
  suppressions: Suppression[];
  problems: DirectiveProblem[];
}

const OURS = /^\s*stack-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;
const HADOLINT = /^\s*hadolint\s+(global\s+)?ignore=(\S+)/;
const SHELLCHECK = /^\s*shellcheck\s+(?:[a-z-]+=\S+\s+)*disable=([A-Za-z0-9,]+)/;

/**
 * Reads suppression directives from a file's comments.
 * `nextSpan(line)` gives the lines covered by "the next line" (in a Dockerfile, the
 * whole next instruction, which may continue over several lines).
 */
export function parseDirectives(args: {
  file: SourceFile;
  comments: readonly CommentInfo[];
  registry: RuleRegistry;
  nextSpan?: (line: number) => [number, number];
  /** `# check=skip=…` values of a Dockerfile's parser directives. */
  buildkitSkips?: { value: string; span: Span }[];
  /** Line of a script's first command: a `# shellcheck disable=` above it covers the file. */
  firstCommandLine?: number;
  /** `false` when `# hadolint ignore=` comments are not to be honoured (`.hadolint.yaml`'s `disable-ignore-pragma`). */
  hadolintPragmas?: boolean;
}): ParsedDirectives {
  const { file, registry } = args;
  const lastLine = file.lines.lineCount;
  const suppressions: Suppression[] = [];
  const problems: DirectiveProblem[] = [];
  const open: Suppression[] = [];
  const nextSpan = args.nextSpan ?? ((line: number): [number, number] => [line + 1, line + 1]);

  const resolve = (written: string[], comment: Span): 'all' | Set<string> => {
    if (!written.length) return 'all';
    const ids = new Set<string>();
    for (const w of written) {
      if (registry.get(w)) ids.add(w);
      else {
        const mapped = registry.byCompatCode(w);
        if (mapped.length) mapped.forEach((id) => ids.add(id));
        else problems.push({ message: `unknown rule "${w}" in suppression comment`, ...comment });
      }
    }
    return ids;
  };

  for (const c of args.comments) {
    const line = file.lines.position(c.start).line;
    const ours = OURS.exec(c.text);
    if (ours) {
      const verb = ours[1]!;
      const [idsPart, ...reason] = ours[2]!.split(/\s--\s?|\s--$/);
      const written = (idsPart ?? '').split(/[\s,]+/).filter(Boolean);
      const justification = reason.join(' -- ').trim() || undefined;
      const comment = { start: c.start, end: c.end };
      const base = { comment, written, justification, foreign: false, used: new Set<string>() };
      if (verb === 'enable') {
        const closing = written.length ? new Set(written.flatMap((w) => (registry.get(w) ? [w] : registry.byCompatCode(w)))) : undefined;
        for (let i = open.length - 1; i >= 0; i--) {
          const s = open[i]!;
          if (!closing || (s.rules !== 'all' && [...s.rules].every((r) => closing.has(r)))) {
            s.toLine = line;
            open.splice(i, 1);
          }
        }
        continue;
      }
      const rules = resolve(written, comment);
      if (verb === 'disable-next-line') {
        const [from, to] = nextSpan(line);
        suppressions.push({ ...base, rules, fromLine: from, toLine: to });
      } else if (verb === 'disable-line') {
        if (!fileKind(file.kind).inlineComments) {
          problems.push({
            message: 'stack-lint-disable-line cannot work in a Dockerfile (a comment takes a whole line); use stack-lint-disable-next-line',
            ...comment,
          });
          continue;
        }
        suppressions.push({ ...base, rules, fromLine: line, toLine: line });
      } else if (verb === 'disable-file') {
        suppressions.push({ ...base, rules, fromLine: 1, toLine: lastLine });
      } else {
        const s: Suppression = { ...base, rules, fromLine: line, toLine: lastLine };
        suppressions.push(s);
        open.push(s);
      }
      continue;
    }
    const hadolint = fileKind(file.kind).peer === 'hadolint' ? HADOLINT.exec(c.text) : null;
    if (hadolint && args.hadolintPragmas === false) continue;
    if (hadolint) {
      const written = hadolint[2]!.split(',').filter(Boolean);
      const rules = new Set(written.flatMap((w) => registry.byCompatCode(w)));
      const [from, to] = hadolint[1] ? [1, lastLine] : nextSpan(line);
      suppressions.push({ rules, fromLine: from, toLine: to, comment: c, written, foreign: true, used: new Set(), codes: new Set(written) });
      continue;
    }
    // ShellCheck's own directive also silences the rules that stand in for its codes:
    // before the first command it covers the file, elsewhere the next line.
    const shellcheck = SHELLCHECK.exec(c.text);
    if (shellcheck) {
      const written = shellcheck[1]!.split(',').map((w) => w.trim()).filter(Boolean);
      const codes = written.map((w) => (/^\d+$/.test(w) ? `SC${w}` : w));
      const rules = new Set(codes.flatMap((w) => registry.byCompatCode(w)));
      if (!rules.size) continue;
      const [from, to] = args.firstCommandLine !== undefined && line < args.firstCommandLine ? [1, lastLine] : nextSpan(line);
      // a finding that names its code (`compat`) is silenced only by that code, as with hadolint's
      suppressions.push({ rules, fromLine: from, toLine: to, comment: c, written, foreign: true, used: new Set(), codes: new Set(codes) });
    }
  }

  for (const skip of args.buildkitSkips ?? []) {
    const m = /(?:^|;)\s*skip=([^;]*)/.exec(skip.value);
    if (!m) continue;
    const written = m[1]!.split(',').map((s) => s.trim()).filter(Boolean);
    const rules: 'all' | Set<string> = written.includes('all')
      ? new Set(registry.ids().filter((id) => registry.get(id)?.compat?.buildkit?.length))
      : new Set(written.flatMap((w) => registry.byCompatCode(w)));
    suppressions.push({ rules, fromLine: 1, toLine: lastLine, comment: skip.span, written, foreign: true, used: new Set() });
  }
  return { suppressions, problems };
}

/** Marks the diagnostics the suppressions cover (mutating them) and records which suppressions were used. */
export function applySuppressions(diagnostics: Diagnostic[], suppressions: readonly Suppression[]): void {
  if (!suppressions.length) return;
  for (const d of diagnostics) {
    if (d.internal) continue;
    const line = d.range.start.line;
    for (const s of suppressions) {
      if (line < s.fromLine || line > s.toLine) continue;
      if (s.rules !== 'all' && !s.rules.has(d.ruleId)) continue;
      if (d.compat && s.codes && !s.codes.has(d.compat)) continue;
      s.used.add(d.ruleId);
      d.suppressed = s.justification ? { kind: 'inline', justification: s.justification } : { kind: 'inline' };
      break;
    }
  }
}

/** Our own directives that suppressed nothing (peer directives are left alone). */
export function unusedSuppressions(
  suppressions: readonly Suppression[],
  isEnabled: (ruleId: string) => boolean,
): { span: Span; message: string }[] {
  const out: { span: Span; message: string }[] = [];
  for (const s of suppressions) {
    if (s.foreign) continue;
    if (s.rules === 'all') {
      if (!s.used.size) out.push({ span: s.comment, message: 'unused stack-lint-disable directive (no problems were reported here)' });
      continue;
    }
    const unused = [...s.rules].filter((id) => !s.used.has(id) && isEnabled(id));
    if (unused.length) {
      out.push({
        span: s.comment,
        message: `unused stack-lint-disable directive (no problems from ${unused.map((u) => `"${u}"`).join(', ')} were reported here)`,
      });
    }
  }
  return out;
}
