/** Shell scripts: every line is a command of one shell, so `cd` carries on. */
import path from 'node:path';
import { invocationsIn } from './commands.js';
import { numberedLines } from './lines.js';
import type { EvidenceReader } from './types.js';

export const shellScriptReader: EvidenceReader = {
  name: 'script',
  globs: ['**/*.sh', '**/*.bash'],
  read: (file) => invocationsIn(numberedLines(file.text), { file: file.path, cwd: path.dirname(file.path) }),
};
