/**
 * Documentation: fenced shell blocks (```sh, bash, shell, console, or no
 * language) in Markdown files. A `$ ` prompt is dropped; lines of a
 * `console` block without a prompt are output and skipped. Commands of a
 * page run in its folder, or in a folder above it (`docs/` pages are mostly
 * written for the repository root): the planner takes the first where the
 * files they name exist.
 */
import path from 'node:path';
import { invocationsIn, type CommandLine } from './commands.js';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';

const FENCE = /^\s*(```+|~~~+)\s*([A-Za-z0-9_-]*)/;
const SHELLS = new Set(['', 'sh', 'bash', 'shell', 'console', 'zsh', 'shell-session', 'shellsession']);

export const markdownReader: EvidenceReader = {
  name: 'documentation',
  globs: ['**/*.md'],
  read(file) {
    const out: (EvidenceItem | SourceRun)[] = [];
    let block: { fence: string; shell: boolean; console: boolean; lines: CommandLine[] } | undefined;
    const flush = () => {
      if (block?.shell && block.lines.length) out.push(...invocationsIn(block.lines, { file: file.path, cwd: path.dirname(file.path), otherCwds: ancestors(path.dirname(file.path)) }));
    };
    file.text.split(/\r?\n/).forEach((text, i) => {
      const fence = FENCE.exec(text);
      if (block) {
        if (fence && fence[1]!.startsWith(block.fence[0]!) && fence[1]!.length >= block.fence.length && fence[2] === '') {
          flush();
          block = undefined;
          return;
        }
        if (block.console || /^\s*[$] /.test(text)) {
          const m = /^\s*[$#] (.*)$/.exec(text);
          if (m) block.lines.push({ text: m[1]!, line: i + 1 });
          else if (!block.console) block.lines.push({ text, line: i + 1 });
        } else block.lines.push({ text, line: i + 1 });
        return;
      }
      if (fence) block = { fence: fence[1]!, shell: SHELLS.has(fence[2]!.toLowerCase()), console: /console|session/i.test(fence[2]!), lines: [] };
    });
    return out;
  },
};

/** The folders above a page: its commands may assume any of them (most often the repository root). */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) out.push(d);
  return out;
}
