/**
 * Makefiles: recipe lines (tab-indented) are commands, each line its own shell
 * run in the Makefile's folder; `VAR = value` lines set Make variables.
 */
import path from 'node:path';
import { invocationsIn, type CommandLine } from './commands.js';
import type { EvidenceItem, EvidenceReader } from './types.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::{1,3}=|\?=|\+=|=)\s*(.*)$/;
/** A rule line: its targets before one or two colons (not `:=`), then its prerequisites. */
const RULE = /^([^\s:#=][^:#=]*?)\s*::?(?!=)(.*)$/;

export const makefileReader: EvidenceReader = {
  name: 'Makefile',
  globs: ['**/Makefile', '**/makefile', '**/GNUmakefile', '**/*.mk'],
  read(file) {
    const variables = new Map<string, string>();
    const recipes: CommandLine[] = [];
    const targets: { name: string; line: number }[] = [];
    let last: { name: string; line: number }[] = [];
    const lines = file.text.split(/\r?\n/);
    lines.forEach((text, i) => {
      if (text.startsWith('\t')) {
        recipes.push({ text: text.slice(1).replace(/^[@+-]+/, ''), line: i + 1 });
        // A literal target with a recipe makes its file (phony ones name no file anything looks for).
        targets.push(...last);
        last = [];
        return;
      }
      last = [];
      const m = ASSIGNMENT.exec(text.replace(/^(?:export|override)\s+/, ''));
      if (m && !text.includes('$(shell')) variables.set(m[1]!, m[2]!.trim());
      else {
        const rule = RULE.exec(text);
        if (rule) last = rule[1]!.split(/\s+/).filter((t) => t && !/[$%*?[\]]/.test(t) && !t.startsWith('.PHONY')).map((name) => ({ name, line: i + 1 }));
      }
    });
    const dir = path.dirname(file.path);
    const made: EvidenceItem[] = [...new Map(targets.map((t) => [t.name, t])).values()].map((t) => ({ kind: 'generates', path: path.resolve(dir, t.name), at: { file: file.path, line: t.line } }));
    return [...invocationsIn(recipes, { file: file.path, cwd: dir, variables, lineIsShell: true, dialect: 'make' }), ...made];
  },
};
