/** `package.json` scripts: each runs in the package's folder. */
import path from 'node:path';
import { invocationsIn } from './commands.js';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';

export const packageJsonReader: EvidenceReader = {
  name: 'package.json',
  globs: ['**/package.json'],
  read(file) {
    let scripts: unknown;
    try {
      scripts = (JSON.parse(file.text) as { scripts?: unknown }).scripts;
    } catch {
      return [];
    }
    if (!scripts || typeof scripts !== 'object') return [];
    const out: (EvidenceItem | SourceRun)[] = [];
    const lines = file.text.split(/\r?\n/);
    for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
      if (typeof command !== 'string') continue;
      const index = lines.findIndex((l) => l.includes(`${JSON.stringify(name)}`) && l.includes(':'));
      out.push(...invocationsIn([{ text: command, line: index + 1 || 1 }], { file: file.path, cwd: path.dirname(file.path) }));
    }
    return out;
  },
};
