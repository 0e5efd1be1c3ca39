import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-secrets-in-env-arg';
const BAD = 'dockerfile/no-secrets-in-env-arg/bad/Dockerfile';

describe(RULE, () => {
  it('reports secret names and token-shaped values, never printing a value', async () => {
    const found = await findings(RULE, ['dockerfile/no-secrets-in-env-arg/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${BAD}:2:5-2:14 ${RULE} ARG "NPM_TOKEN" names a secret: build arguments stay readable in the image history; pass it with RUN --mount=type=secret, or give it to the container at run time`,
      `${BAD}:3:18-3:60 ${RULE} the value of ARG "GITHUB_TOKEN" looks like a GitHub token (gh******** (42 characters)); anyone with the image can read it: pass it with RUN --mount=type=secret instead`,
      `${BAD}:4:5-4:16 ${RULE} ENV "DB_PASSWORD" names a secret (hu******** (19 characters)): ENV values are stored in the image, where docker inspect shows them; pass it with RUN --mount=type=secret, or give it to the container at run time`,
      `${BAD}:5:5-5:11 ${RULE} ENV "apiKey" names a secret (copied from \${API_KEY}): ENV values are stored in the image, where docker inspect shows them; pass it with RUN --mount=type=secret, or give it to the container at run time`,
      `${BAD}:6:18-6:56 ${RULE} the value of ENV "DATABASE_URL" looks like a URL with a password (po******** (38 characters)); anyone with the image can read it: pass it with RUN --mount=type=secret instead`,
      `${BAD}:7:13-7:34 ${RULE} ENV "AWS_SECRET_ACCESS_KEY" names a secret (*** (3 characters)): ENV values are stored in the image, where docker inspect shows them; pass it with RUN --mount=type=secret, or give it to the container at run time`,
    ]);
    for (const d of found) {
      expect(d.message).not.toContain('hunter2');
      expect(d.message).not.toContain('s3cr3t');
      expect(d.message).not.toContain('0123456789');
    }
    expect(found[0]!.severity).toBe('error');
  });

  it('accepts public keys, fingerprints, *_FILE paths, URLs with variable passwords and settings about secrets', async () => {
    expect(await findings(RULE, ['dockerfile/no-secrets-in-env-arg/good'])).toEqual([]);
  });
});
