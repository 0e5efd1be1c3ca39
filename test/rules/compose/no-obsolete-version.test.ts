import { describe, expect, it } from 'vitest';
import noObsoleteVersion from '../../../rules/compose/no-obsolete-version.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/no-obsolete-version', () => {
  it('reports the top-level version and removes exactly its line (safe: compose ignores it)', async () => {
    await new RuleTester(noObsoleteVersion).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `# Shop stack.
# The version line below is left from Compose v1 times.
version: "3.8" # old file format
services:
  web:
    image: nginx:1.27
`,
          errors: [{ line: 3, column: 1, endLine: 3, endColumn: 8, message: 'the top-level "version" "3.8" is obsolete: compose ignores it and warns on every run' }],
          output: '# Shop stack.\n# The version line below is left from Compose v1 times.\nservices:\n  web:\n    image: nginx:1.27\n',
        },
      ],
    });
    expect(noObsoleteVersion.meta.fix).toBe('safe');
  });

  it('leaves a version key that is not top-level alone', async () => {
    await new RuleTester(noObsoleteVersion).run({
      valid: [
        `name: shop
services:
  web:
    image: nginx:1.27
    labels:
      version: "3.8" # not the top-level key
`,
      ],
    });
  });
});
