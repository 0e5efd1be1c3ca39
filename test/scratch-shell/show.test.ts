import { it } from 'vitest';
import { lintFixtures, brief } from '../helpers/lint.js';
it('show', async () => {
  const paths = (process.env.SHOW ?? '').split(',');
  const rule = process.env.RULE;
  const rules = process.env.RULES ? process.env.RULES.split(';') : [];
  const found = await lintFixtures(paths, { cliRules: rules });
  for (const d of found) if (!rule || d.ruleId.startsWith(rule)) console.log(`${brief(d)} | ${d.message}${d.fix ? ' FIX:' + JSON.stringify(d.fix.edits) : ''}${d.suggestions ? ' SUG:' + JSON.stringify(d.suggestions.map(s=>s.edits)) : ''}`);
});
