import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ComposeLoader, parseSource, type ParsedFile } from '../../src/stack/parse-files.js';
import { prepare } from '../../src/runner/run.js';
import { fromBytes, readSource } from '../../src/parse/sources.js';
import type { FileKind } from '../../src/core/source.js';
import { loadStack } from '../../src/stack/load.js';
import { createStackModel, type StackModel } from '../../src/stack/model.js';

/** Writes a small project to a temporary folder. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-model-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * The stack model of a folder, built as the engine builds it; `mode: 'load'`
 * reads resources ahead of time (`loadStack`), `'disk'` lets the model
 * read them itself. With `overlay`, the files are virtual (nothing on disk).
 */
export async function stackOf(dir: string, options: { mode?: 'load' | 'disk'; overlay?: Record<string, string> } = {}): Promise<StackModel> {
  const overlay = options.overlay ? new Map(Object.entries(options.overlay).map(([k, v]) => [path.join(dir, k), v])) : undefined;
  const files: readonly { path: string; kind: FileKind }[] = overlay
    ? [...overlay.keys()].flatMap((p) => {
        const kind = /compose[^/]*\.ya?ml$/.test(p) ? 'compose' : /Dockerfile[^/]*$/.test(p) ? 'dockerfile' : /\.sh$/.test(p) ? 'shell' : undefined;
        return kind ? [{ path: p, kind: kind as FileKind }] : [];
      })
    : (await prepare({ cwd: dir, patterns: ['.'], noConfigLookup: true })).files;
  const loader = new ComposeLoader({ cwd: dir, ...(overlay ? { overlay } : {}) });
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const r = overlay ? fromBytes(Buffer.from(overlay.get(f.path)!, 'utf8'), f.path, path.relative(dir, f.path), f.kind) : readSource(f.path, f.kind, dir);
    if (r.ok) parsed.push(await parseSource(r.source, overlay, loader));
  }
  const composeFiles = parsed.flatMap((p) => (p.kind === 'compose' && p.doc ? [p.doc] : []));
  const compose = await loader.projects(composeFiles, []);
  const parts = {
    composeFiles,
    composeProjects: compose.projects,
    composeProjectOf: compose.projectFor,
    dockerfiles: parsed.flatMap((p) => (p.kind === 'dockerfile' && p.doc ? [p.doc] : [])),
    scripts: parsed.flatMap((p) => (p.kind === 'shell' && p.doc ? [p.doc] : [])),
  };
  if (options.mode === 'load' || overlay) {
    return (await loadStack(parts, { cwd: dir, ...(overlay ? { overlay } : {}) })).model;
  }
  return createStackModel(parts);
}
