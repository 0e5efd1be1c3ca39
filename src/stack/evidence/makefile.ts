/**
 * Makefiles: recipe lines (tab-indented) are commands, each line its own shell
 * run in the Makefile's folder; `VAR = value` lines set Make variables.
 */
import path from 'node:path';
import { invocationsIn, type CommandLine } from './commands.js';
import type { EvidenceReader } from './types.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::{1,3}=|\?=|\+=|=)\s*(.*)$/;

export const makefileReader: EvidenceReader = {
  name: 'Makefile',
  globs: ['**/Makefile', '**/makefile', '**/GNUmakefile', '**/*.mk'],
  read(file) {
    const variables = new Map<string, string>();
    const recipes: CommandLine[] = [];
    const lines = file.text.split(/\r?\n/);
    lines.forEach((text, i) => {
      if (text.startsWith('\t')) recipes.push({ text: text.slice(1).replace(/^[@+-]+/, ''), line: i + 1 });
      else {
        const m = ASSIGNMENT.exec(text.replace(/^(?:export|override)\s+/, ''));
        if (m && !text.includes('$(shell')) variables.set(m[1]!, m[2]!.trim());
      }
    });
    return invocationsIn(recipes, { file: file.path, cwd: path.dirname(file.path), variables, lineIsShell: true, dialect: 'make' });
  },
};
