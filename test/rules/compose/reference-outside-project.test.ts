import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/reference-outside-project';
const DIR = 'compose/reference-outside-project';
const TAIL = 'leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)';

describe(RULE, () => {
  it('reports every file reference that leaves the project root, where it is written', async () => {
    const found = await findings(RULE, [`${DIR}/bad/app`], { projectRoot: `${DIR}/bad/app` });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${DIR}/bad/app/compose.yaml:3:5-3:22 ${RULE} include "../shared/db.yaml" ${TAIL}`,
      `${DIR}/bad/app/compose.yaml:8:9-8:26 ${RULE} env_file "../shared/app.env" ${TAIL}`,
      `${DIR}/bad/app/compose.yaml:9:9-9:26 ${RULE} env_file "/etc/app/prod.env" ${TAIL}`,
      `${DIR}/bad/app/compose.yaml:11:13-11:32 ${RULE} extends file "../shared/base.yaml" ${TAIL}`,
      `${DIR}/bad/app/compose.yaml:14:12-14:21 ${RULE} build context "../shared" ${TAIL}`,
      `${DIR}/bad/app/compose.yaml:17:11-17:30 ${RULE} secret file "../shared/token.txt" ${TAIL}`,
    ]);
  });

  it('accepts `../` that stays inside the project, paths that hang on an unset variable, and remote contexts', async () => {
    expect(await findings(RULE, [`${DIR}/good/app`], { projectRoot: `${DIR}/good` })).toEqual([]);
  });
});
