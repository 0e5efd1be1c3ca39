import path from 'node:path';
import { defineRule, didYouMean, editDistance, type ComposeCall, type ComposeFileRef } from '../kit/index.js';

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/script-compose-refs',
    kind: 'stack',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'A script\'s `docker compose` call names compose files, env files, profiles and services that exist',
  },
  check(ctx) {
    for (const call of ctx.stack.composeCalls()) {
      const tool = call.call.standaloneCompose ? call.call.tool : `${call.call.tool} compose`;
      const missingFiles = [...call.files, ...call.envFiles].filter((f) => missing(call, f));
      for (const f of call.files.filter((f) => missingFiles.includes(f))) {
        ctx.report({
          range: f,
          file: f.word.file,
          message: `${tool} -f names "${f.value}", which does not exist ${lookedIn(call)}${nearest(f.value!, composeNamesNear(ctx.stack.composeFiles.map((d) => d.file.path), call))}`,
        });
      }
      for (const f of call.envFiles.filter((f) => missingFiles.includes(f))) {
        ctx.report({ range: f, file: f.word.file, message: `${tool} --env-file names "${f.value}", which does not exist ${lookedIn(call)}` });
      }
      // Never read, so neither there nor missing: said in the same words either way. Only for a path that
      // itself leads out (`../..`, absolute) from where the script runs in the project, not for a script that
      // `cd`s to where its checkout lives on a CI runner.
      const runsInProject = !call.uncertainDir && call.workingDirs.every((d) => !ctx.stack.outsideProject(d));
      const leaves = (f: ComposeFileRef) => f.value !== undefined && f.path !== undefined && leadsOut(f.value) && ctx.stack.outsideProject(f.path);
      for (const f of runsInProject ? [...call.files, ...call.envFiles].filter(leaves) : []) {
        ctx.report({ range: f, file: f.word.file, message: `${tool} ${call.files.includes(f) ? '-f' : '--env-file'} names "${f.value}", which leads outside the project, so stack-lint does not read it` });
      }
      const project = call.project;
      if (!project || call.partial || missingFiles.length) continue;
      // With an override a script links into place, the call may run any of those projects: what one of them has is there.
      const runs = [project, ...call.alternatives];
      const names = [...new Set(runs.flatMap((p) => p.services.map((s) => s.name)))];
      // The files as written with -f, else the files the call uses by default (the base file, its override, or COMPOSE_FILE's)
      const shown = call.files.length
        ? call.files.map((f) => f.value!)
        : project.files.map((d) => path.relative(path.dirname(call.script.file.path), d.file.path).split(path.sep).join('/'));
      for (const word of call.services) {
        const name = word.value!;
        if (runs.some((p) => p.service(name))) continue;
        ctx.report({
          node: word,
          message: `${tool} ${call.subcommand} names the service "${name}", which ${shown.join(' + ')} ${shown.length > 1 ? 'do' : 'does'} not define${didYouMean(name, names)}`,
        });
      }
      const profiles = new Set(runs.flatMap((p) => p.services.flatMap((s) => s.profiles)));
      for (const p of call.profiles) {
        if (p.value === undefined || p.value === '*' || p.value.includes('$') || profiles.has(p.value)) continue;
        ctx.report({
          range: p,
          file: p.word.file,
          message: `${tool} --profile "${p.value}" enables nothing: no service of ${shown.join(' + ')} is in that profile${didYouMean(p.value, profiles)}`,
        });
      }
    }
  },
});

/** A path that climbs out of the folder it is resolved from, or is absolute. */
function leadsOut(value: string): boolean {
  return path.isAbsolute(value) || path.posix.normalize(value).startsWith('../');
}

/** A static path the call names that is in none of the folders it may run in (and the folder is not a guess). */
function missing(call: ComposeCall, f: ComposeFileRef): boolean {
  return f.value !== undefined && !call.uncertainDir && f.state === 'missing';
}

function lookedIn(call: ComposeCall): string {
  return call.workingDirs.length > 1 ? "next to the script or in the folders above it" : 'in the folder the script runs it from';
}

/** `; did you mean "x"?` for a file name one or two edits away (compose file names share most of their letters). */
function nearest(value: string, names: readonly string[]): string {
  const base = path.posix.basename(value);
  const best = names.map((n) => ({ n, d: editDistance(base, n) })).sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1))[0];
  return best && best.d <= 2 && best.d > 0 ? `; did you mean "${path.posix.join(path.posix.dirname(value), best.n)}"?` : '';
}

/** Compose file names in the folders the call may run in (for suggestions). */
function composeNamesNear(files: readonly string[], call: ComposeCall): string[] {
  return files.filter((f) => call.workingDirs.includes(path.dirname(f))).map((f) => path.basename(f));
}
