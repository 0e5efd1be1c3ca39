/**
 * `stack-lint explain-project [path]`: prints what the linter believes about
 * the compose projects (see engine/explain.ts), so a user can see, and
 * correct with `projects:` in config, how files were combined.
 */
import type { ExplainedRepository } from '../runner/explain.js';

const SOURCE_WORDS: Record<string, string> = {
  config: 'declared in config',
  COMPOSE_FILE: 'COMPOSE_FILE in .env',
  invocation: 'run by',
  convention: "compose's defaults",
  name: 'file names only',
};

export function formatExplained({ projects, builds }: ExplainedRepository, format: 'pretty' | 'json'): string {
  if (format === 'json') return `${JSON.stringify({ projects, builds }, null, 2)}\n`;
  if (!projects.length && !builds.length) return 'no compose projects found\n';
  const out: string[] = [];
  for (const p of projects) {
    const why = SOURCE_WORDS[p.source] ?? p.source;
    const evidence = p.evidence.length ? ` ${p.evidence.slice(0, 3).join(', ')}${p.evidence.length > 3 ? ` (+${p.evidence.length - 3} more)` : ''}` : '';
    out.push(`project ${p.name} (${p.environment}) — ${why}${evidence}`);
    out.push(`  files:      ${p.files.join(' + ')}`);
    out.push(`  directory:  ${p.directory}`);
    if (p.envFiles.length) out.push(`  env files:  ${p.envFiles.join(', ')}`);
    if (p.profiles.length) out.push(`  profiles:   ${p.profiles.join(', ')}`);
    if (p.variables.length) out.push(`  variables:  ${p.variables.join(', ')} (set by the environment that runs it)`);
    for (const f of p.pulledIn ?? []) out.push(`  ${f.by === 'include' ? 'includes:  ' : 'extends:   '} ${f.file} (${f.evidence})`);
    if (p.unplacedFragment) out.push(`  fragment:   nothing places it on a base (${p.unplacedFragment[0]}); declare it under projects: in .stackpolicyrc`);
    const built = p.services.filter((s) => s.dockerfile || s.context);
    for (const s of built) {
      const what = [s.dockerfile ? `Dockerfile ${s.dockerfile}` : 'inline Dockerfile', s.target ? `target ${s.target}` : '', s.context ? `context ${s.context}` : ''].filter(Boolean).join(', ');
      out.push(`  service ${s.name}: ${what}${s.evidence ? ` (${s.evidence})` : ''}`);
    }
    out.push('');
  }
  if (builds.length) {
    out.push('built by command (outside compose)');
    for (const b of builds) {
      const what = [`Dockerfile ${b.dockerfile}`, b.target ? `target ${b.target}` : '', b.context ? `context ${b.context}` : ''].filter(Boolean).join(', ');
      out.push(`  ${what} (${b.evidence})`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}
