/**
 * justfiles (the `just` command runner): a recipe's indented lines are its
 * commands, each line its own shell run in the justfile's folder (a recipe
 * that starts with a shebang is one script, where `cd` carries on);
 * `name := value` sets a variable, used in recipes as `{{name}}`.
 */
import path from 'node:path';
import { invocationsIn, UNKNOWN, type CommandLine } from './commands.js';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_-]*)\s*:=\s*(.*)$/;
const RECIPE = /^@?[A-Za-z_][A-Za-z0-9_-]*(?:\s[^:]*)?:(?!=)/;
const INTERPOLATION = /\{\{\s*(.*?)\s*\}\}/g;

export const justfileReader: EvidenceReader = {
  name: 'justfile',
  globs: ['**/justfile', '**/Justfile', '**/.justfile', '**/*.just'],
  read(file) {
    const variables = new Map<string, string>();
    const recipes: CommandLine[][] = [];
    let recipe: CommandLine[] | undefined;
    file.text.split(/\r?\n/).forEach((text, i) => {
      if (/^[ \t]+\S/.test(text)) {
        if (recipe) recipe.push({ text: text.trim(), line: i + 1 });
        return;
      }
      recipe = undefined;
      const assignment = ASSIGNMENT.exec(text);
      if (assignment) variables.set(assignment[1]!, unquote(assignment[2]!.trim()));
      else if (RECIPE.test(text)) recipes.push((recipe = []));
    });
    const out: (EvidenceItem | SourceRun)[] = [];
    for (const lines of recipes) {
      const script = lines[0]?.text.startsWith('#!') === true;
      const commands = lines
        .filter((l) => !l.text.startsWith('#'))
        .map((l) => ({ line: l.line, text: l.text.replace(/^[@-]+/, '').replace(INTERPOLATION, (_, name: string) => variables.get(name) ?? UNKNOWN) }));
      out.push(...invocationsIn(commands, { file: file.path, cwd: path.dirname(file.path), lineIsShell: !script }));
    }
    return out;
  },
};

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}
