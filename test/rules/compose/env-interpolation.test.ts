import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/env-interpolation';
const ON = ['compose/env-interpolation: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/env-interpolation/bad'])).toEqual([]);
  });

  it('reports bad syntax, variables neither .env nor .env.example defines, and lone dollars', async () => {
    const found = await findings(RULE, ['compose/env-interpolation/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/env-interpolation/bad/compose.yaml:5:23-5:34 compose/env-interpolation API_HOST is not defined in .env or .env.example, so compose substitutes an empty string unless the shell exports it',
      'compose/env-interpolation/bad/compose.yaml:7:21-7:22 compose/env-interpolation "$5" has a "$" that does not start a variable: write "$$" for a literal dollar sign',
      'compose/env-interpolation/bad/compose.yaml:8:16-8:26 compose/env-interpolation invalid interpolation format: "${UNCLOSED" has no closing "}"; write "$$" for a literal dollar sign',
      'compose/env-interpolation/bad/compose.yaml:10:22-10:57 compose/env-interpolation "${SMTP_PASSWORD:?set SMTP_PASSWORD}" makes SMTP_PASSWORD required, but it is not defined in .env or .env.example: compose refuses to start without it',
      'compose/env-interpolation/bad/compose.yaml:11:37-11:46 compose/env-interpolation "$HOSTNAME" is replaced by compose from the host environment when the file loads (HOSTNAME is not in .env or .env.example); write "$$HOSTNAME" if the container\'s shell should expand it',
      'compose/env-interpolation/bad/compose.yaml:17:31-17:35 compose/env-interpolation invalid interpolation format for "${1}": expected ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt} or ${VAR+alt}; write "$$" for a literal dollar sign',
    ]);
  });

  it('says when there is neither a .env nor a .env.example', async () => {
    const found = await findings(RULE, ['compose/env-interpolation/noenv'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/env-interpolation/noenv/compose.yaml:5:26-5:46 compose/env-interpolation POSTGRES_PASSWORD is not defined in .env or .env.example (neither exists beside the file), so compose substitutes an empty string unless the shell exports it',
    ]);
  });

  it('accepts defaults, $$ escapes, defined variables and keys that look like variables', async () => {
    expect(await findings(RULE, ['compose/env-interpolation/good'], { cliRules: ON })).toEqual([]);
  });

  it('never reports the variables of the ignore option', async () => {
    const found = await findings(RULE, ['compose/env-interpolation/noenv'], { cliRules: ['compose/env-interpolation: [warning, {"ignore": ["POSTGRES_PASSWORD"]}]'] });
    expect(found).toEqual([]);
  });
});
