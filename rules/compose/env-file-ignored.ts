import {
  defineRule,
  envFileRefs,
  findTokens,
  isComposeTemplate,
  isEnvTemplate,
  isNonProductionFile,
  isPlaceholderSecret,
  secretEntries,
  svc,
  type EnvFile,
  type SourceFile,
} from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/env-file-ignored',
    kind: 'compose',
    category: 'secrets',
    severity: 'error',
    fix: 'none',
    summary: 'An env file the stack reads that holds secrets is kept out of git: ignored by `.gitignore` and not tracked',
    tags: ['security'],
    securitySeverity: 7.5,
  },
  check(ctx) {
    const doc = ctx.compose;
    // A template compose file's env files are made with the copy, not kept beside the template.
    if (isComposeTemplate(doc.file.path)) return;
    // The literal passwords of a development, test or CI file are throwaway values; a token is real anywhere.
    const throwaway = isNonProductionFile(doc.file, ctx.settings);
    const problem = (file: EnvFile): { secrets: string[]; why: string; fix: string } | undefined => {
      if (!file.exists || !file.git || isEnvTemplate(file.path)) return undefined;
      // A placeholder (`changeme`, `your-api-key`) committed as a default leaks nothing yet.
      const secrets = secretEntries(file).filter((e) => !isPlaceholderSecret(e.value) && (!throwaway || findTokens(e.value).length > 0));
      if (!secrets.length) return undefined;
      const { tracked, ignored, repository } = file.git;
      let why: string;
      let fix: string;
      if (tracked) {
        why = ignored ? 'is tracked by git although .gitignore ignores it' : 'is tracked by git';
        fix = `stop tracking it (git rm --cached)${ignored ? '' : ', add it to .gitignore'} and change the secrets it held`;
      } else if (ignored === false) {
        why = !repository ? 'is not ignored by .gitignore' : tracked === false ? 'is not ignored by git, so the next "git add ." commits it' : 'is not ignored by git';
        fix = 'add it to .gitignore and commit a template with placeholders instead (.env.example)';
      } else return undefined;
      return { secrets: secrets.map((e) => e.key), why, fix };
    };
    const names = (keys: string[]): string => keys.slice(0, 3).join(', ') + (keys.length > 3 ? ', …' : '');

    // The env_file files services name: on the reference, once per file.
    const seen = new Set<string>();
    for (const service of doc.services) {
      for (const ref of envFileRefs(doc, service.get('env_file'))) {
        const file = doc.envFiles.get(doc.resolvePath(ref.path));
        if (!file || seen.has(file.path)) continue;
        seen.add(file.path);
        const found = problem(file);
        if (!found) continue;
        ctx.report({
          node: ref.node,
          message: `${svc(service.name)} reads env_file "${ref.path}", which holds secrets (${names(found.secrets)}) and ${found.why}; ${found.fix}`,
        });
      }
    }

    // The `.env` compose reads for interpolation: in the file itself, on the first secret's name.
    const dotenv = doc.dotenvFile;
    if (!dotenv?.source || seen.has(dotenv.path)) return;
    const found = problem(dotenv);
    const first = found && dotenv.entries.find((e) => e.key === found.secrets[0]);
    if (!found || !first) return;
    const source: SourceFile = dotenv.source;
    ctx.report({
      file: source,
      range: first.keySpan,
      // Not naming the compose file: every compose file of the folder reads this .env, and the finding is one.
      message: `${source.relPath} holds secrets (${names(found.secrets)}) and ${found.why}; ${found.fix}`,
    });
  },
});
