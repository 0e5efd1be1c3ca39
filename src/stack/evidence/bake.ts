/**
 * Bake files: each target's `context`, `dockerfile` (relative to the context,
 * as bake resolves it) and `target`. `docker-bake.json` is read whole; of
 * `docker-bake.hcl` only the subset most files use: `target "name" { … }`
 * blocks with string attributes (`context = "."`). Variables, functions and
 * `inherits` are not evaluated; a value using them is left out.
 */
import path from 'node:path';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';

interface BakeTarget {
  name: string;
  line: number;
  context?: string;
  dockerfile?: string;
  target?: string;
}

export const bakeReader: EvidenceReader = {
  name: 'bake file',
  globs: ['**/docker-bake.json', '**/docker-bake.hcl', '**/docker-bake.override.json', '**/docker-bake.override.hcl'],
  read(file) {
    const targets = file.path.endsWith('.json') ? jsonTargets(file.text) : hclTargets(file.text);
    const cwd = path.dirname(file.path);
    const out: (EvidenceItem | SourceRun)[] = [];
    for (const t of targets) {
      const context = path.resolve(cwd, t.context ?? '.');
      const dockerfile = t.dockerfile !== undefined ? path.resolve(context, t.dockerfile) : undefined;
      out.push({ kind: 'build', cwd, context, ...(dockerfile ? { dockerfile } : {}), ...(t.target ? { target: t.target } : {}), at: { file: file.path, line: t.line } });
    }
    return out;
  },
};

function jsonTargets(text: string): BakeTarget[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const targets = (data as { target?: unknown } | null)?.target;
  if (!targets || typeof targets !== 'object') return [];
  const lines = text.split(/\r?\n/);
  return Object.entries(targets as Record<string, Record<string, unknown>>).map(([name, t]) => {
    const s = (k: string) => (typeof t?.[k] === 'string' ? (t[k] as string) : undefined);
    const line = lines.findIndex((l) => l.includes(JSON.stringify(name))) + 1 || 1;
    return { name, line, ...defined({ context: s('context'), dockerfile: s('dockerfile'), target: s('target') }) };
  });
}

const BLOCK = /^\s*target\s+"([^"]+)"\s*\{/;
const ATTRIBUTE = /^\s*(context|dockerfile|target)\s*=\s*"([^"$]*)"\s*$/;

function hclTargets(text: string): BakeTarget[] {
  const out: BakeTarget[] = [];
  let current: BakeTarget | undefined;
  let depth = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    if (!current) {
      const open = BLOCK.exec(line);
      if (!open) return;
      current = { name: open[1]!, line: i + 1 };
      depth = 0;
    } else if (depth === 1) {
      const attr = ATTRIBUTE.exec(line);
      if (attr) current[attr[1] as 'context' | 'dockerfile' | 'target'] = attr[2]!;
    }
    for (const c of line.replace(/"[^"]*"/g, '')) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth <= 0) {
      out.push(current);
      current = undefined;
    }
  });
  return out;
}

function defined<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}
