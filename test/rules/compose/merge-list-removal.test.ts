import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import mergeListRemoval from '../../../rules/compose/merge-list-removal.js';
import { RuleTester } from '../../../src/testing.js';
import { applyEdits } from '../../helpers/edits.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/merge-list-removal';
const line = (d: { message: string } & Parameters<typeof brief>[0]) => `${brief(d)} ${d.message}`;

describe(RULE, () => {
  it('reports where the CI file of a layered stack tries to drop the credentials mount, naming the mount that stays', async () => {
    // docker-compose.yml + docker-compose.test.yml + docker-compose.ci.yml, as .stackpolicyrc.yaml declares them.
    const found = await findings(RULE, ['stacks/layered-ci'], { noConfigLookup: false });
    expect(found.map(line)).toEqual([
      'stacks/layered-ci/docker-compose.ci.yml:4:5-4:12 compose/merge-list-removal service "api": this volumes list cannot remove entries: compose merges it into the earlier files\' list by container path, so "~/.config/aws:/root/.aws:ro" (docker-compose.test.yml:15) is still mounted; write "volumes: !override" to replace the list (Compose 2.24.4 or later)',
    ]);
    const [suggestion] = found[0]!.suggestions!;
    expect(suggestion!.description).toBe('tag the list !override');
    expect(applyEdits(readFileSync(suggestion!.file!, 'utf8'), suggestion!.edits).split('\n')[3]).toBe('    volumes: !override');
    expect(found[0]!.fix).toBeUndefined();
  });

  it('reports an empty list and a list restating some entries, in an environment file', async () => {
    const found = await findings(RULE, ['compose/merge-list-removal/bad']);
    expect(found.map(line)).toEqual([
      'compose/merge-list-removal/bad/compose.prod.yaml:5:5-5:12 compose/merge-list-removal service "api": "volumes: []" cannot remove entries: compose merges it into the earlier files\' list by container path, so ".:/app" (compose.yaml:8), "~/.config/aws:/root/.aws:ro" (compose.yaml:9) are still mounted; write "volumes: !reset []" to replace the list (Compose 2.24.4 or later)',
      'compose/merge-list-removal/bad/compose.prod.yaml:6:5-6:10 compose/merge-list-removal service "api": this ports list cannot remove entries: compose merges it into the earlier files\' list by mapping, so "127.0.0.1:5678:5678" (compose.yaml:6) is still published; write "ports: !override" to replace the list (Compose 2.24.4 or later)',
    ]);
  });

  it('accepts !reset and !override, and later lists that add entries or change what a path mounts', async () => {
    expect(await findings(RULE, ['compose/merge-list-removal/good'])).toEqual([]);
  });

  it('suggests the tag right after the key, which removes the finding', async () => {
    const base = 'services:\n  api:\n    image: a:1\n    volumes:\n      - .:/app\n      - data:/data\n';
    await new RuleTester(mergeListRemoval).run({
      invalid: [
        { filename: 'compose.ci.yaml', code: 'services:\n  api:\n    volumes:  # keep only the source\n      - .:/app\n', files: { 'compose.yaml': base }, errors: [{ line: 3, column: 5, message: /so "data:\/data" \(compose\.yaml:6\) is still mounted/ }] },
        { filename: 'compose.ci.yaml', code: 'services:\n  api:\n    volumes: [".:/app"]\n', files: { 'compose.yaml': base }, errors: [{ line: 3, column: 5 }] },
      ],
      valid: [
        { filename: 'compose.ci.yaml', code: 'services:\n  api:\n    volumes: !override  # keep only the source\n      - .:/app\n', files: { 'compose.yaml': base } },
        { filename: 'compose.ci.yaml', code: 'services:\n  api:\n    volumes: !override [".:/app"]\n', files: { 'compose.yaml': base } },
        // The base file alone: nothing comes before its list.
        { filename: 'compose.yaml', code: base },
      ],
    });
    const found = await findings(RULE, ['compose/merge-list-removal/bad']);
    const text = readFileSync(found[0]!.suggestions![0]!.file!, 'utf8');
    const tagged = applyEdits(text, found.flatMap((d) => d.suggestions![0]!.edits));
    expect(tagged.split('\n').slice(4, 6)).toEqual(['    volumes: !reset []  # No source mounts', '    ports: !override']);
  });
});
