import ts from 'typescript';
import fg from 'fast-glob';
import fs from 'node:fs';
import path from 'node:path';
const files = fg.sync(['src/**/*.ts', 'rules/**/*.ts'], { cwd: process.cwd() });
const unit = (f) => { const p = f.split('/'); if (p[0]==='rules') return p[1]==='kit' ? 'rules/kit' : 'rules'; return p.length>2 ? `src/${p[1]}` : `src/${path.basename(p[1],'.ts')}`; };
const edges = new Map();
for (const f of files) {
  const info = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, false);
  for (const imp of info.importedFiles) {
    if (!imp.fileName.startsWith('.')) continue;
    const target = path.normalize(path.join(path.dirname(f), imp.fileName)).replace(/\.js$/, '.ts');
    const a = unit(f), b = unit(target);
    if (a === b) continue;
    const k = `${a} -> ${b}`;
    if (!edges.has(k)) edges.set(k, []);
    edges.get(k).push(`${f} -> ${target}`);
  }
}
for (const [k, v] of [...edges].sort()) console.log(k, v.length, process.argv[2] ? '\n   ' + v.join('\n   ') : '');
