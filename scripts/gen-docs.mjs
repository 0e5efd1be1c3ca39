// Regenerates docs/rules/index.md from the rules' metadata (run after adding a rule).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { ruleIndexMarkdown, allRuleMetas } = await import(path.join(root, 'dist/index.js'));
writeFileSync(path.join(root, 'docs/rules/index.md'), ruleIndexMarkdown(allRuleMetas()));
console.log('wrote docs/rules/index.md');
