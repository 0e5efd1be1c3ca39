import { defineRule, type DfInstruction, type DfStage } from '../kit/index.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/exec-form',
    kind: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`CMD` and `ENTRYPOINT` use the JSON exec form so signals reach the process',
    compat: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  },
  check(ctx) {
    for (const written of ctx.dockerfile.instructions) {
      const ins = written.trigger ?? written;
      if ((ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') || ins.execForm || !ins.argsSpan) continue;
      if (ins.argsText.trim() === '' || /^\s*\[/.test(ins.argsText)) continue; // empty, or broken JSON (dockerfile/syntax)
      if (written.stage && explicitShell(written.stage, written)) continue;
      const words = simpleWords(ins.argsText);
      const extra = ins.keyword === 'ENTRYPOINT' ? ', and a shell-form ENTRYPOINT ignores CMD and the arguments of docker run' : '';
      const fix =
        words && words.length > 0
          ? {
              description: 'write the exec form',
              edits: [{ start: ins.argsSpan.start, end: ins.argsSpan.end, text: `[${words.map((w) => JSON.stringify(w)).join(', ')}]` }],
            }
          : undefined;
      ctx.report({
        range: ins.argsSpan,
        message: `${ins.keyword} in shell form runs under /bin/sh -c, which does not pass SIGTERM on to the program, so it cannot stop gracefully${extra}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
});

/** A `SHELL` instruction before `ins` in its stage or the stages it is built FROM: the author chose the shell on purpose. */
function explicitShell(stage: DfStage, ins: DfInstruction): boolean {
  for (let s: DfStage | undefined = stage; s; s = s.parent) {
    if (s.instructions.some((i) => i.keyword === 'SHELL' && (s !== stage || i.start < ins.start))) return true;
  }
  return false;
}

/**
 * The words of a shell-form command when the shell would do nothing but split
 * them (no expansions, operators, globs, redirects or escapes); undefined
 * otherwise. A leading `exec` is dropped.
 */
function simpleWords(text: string): string[] | undefined {
  const words: string[] = [];
  let cur: string | undefined;
  let i = 0;
  const body = text.replace(/\\\r?\n/g, ' ');
  while (i < body.length) {
    const ch = body[i]!;
    if (/\s/.test(ch)) {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
      i++;
      continue;
    }
    if (ch === "'") {
      const close = body.indexOf("'", i + 1);
      if (close < 0) return undefined;
      cur = (cur ?? '') + body.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      const close = body.indexOf('"', i + 1);
      if (close < 0) return undefined;
      const inner = body.slice(i + 1, close);
      if (/[$`\\]/.test(inner)) return undefined;
      cur = (cur ?? '') + inner;
      i = close + 1;
      continue;
    }
    if (/[$`\\|&;<>()*?[\]{}~#!]/.test(ch) || (ch === '=' && cur === undefined && words.length === 0)) return undefined;
    cur = (cur ?? '') + ch;
    i++;
  }
  if (cur !== undefined) words.push(cur);
  // `VAR=x cmd` needs a shell; `exec cmd` is what the exec form does anyway
  if (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) return undefined;
  return words[0] === 'exec' ? words.slice(1) : words;
}
