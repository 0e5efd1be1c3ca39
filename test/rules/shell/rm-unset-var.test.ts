import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/rm-unset-var';
const FILE = 'shell/rm-unset-var/bad/cleanup.sh';

describe(RULE, () => {
  it('reports rm -r of a path that starts with a variable that may be empty', async () => {
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:4:9-4:19 ${RULE} if BUILD_DIR is empty or unset, \`rm -rf "$BUILD_DIR/"*\` deletes /* at the root of the file system; write \${BUILD_DIR:?} so the script stops instead`,
      `${FILE}:5:9-5:21 ${RULE} if CACHE_DIR is empty or unset, \`rm -rf "\${CACHE_DIR}"/*\` deletes /* at the root of the file system; write \${CACHE_DIR:?} so the script stops instead`,
      `${FILE}:6:7-6:15 ${RULE} if STAGING is empty or unset, \`rm -r $STAGING/\` deletes / at the root of the file system; write \${STAGING:?} so the script stops instead`,
      `${FILE}:7:9-7:17 ${RULE} if OUT_DIR is empty or unset, \`rm -rf "$OUT_DIR/releases"\` deletes /releases at the root of the file system; write \${OUT_DIR:?} so the script stops instead`,
    ]);
  });

  it('suggests ${VAR:?} in place of the expansion', async () => {
    const [first] = await findings(RULE, [FILE]);
    expect(first!.fix).toBeUndefined();
    expect(first!.suggestions![0]!.edits).toEqual([{ start: first!.range.start.offset, end: first!.range.end.offset, text: '${BUILD_DIR:?}' }]);
  });

  it('runs on RUN bodies: an ARG without default, on the third line of the RUN', async () => {
    const found = await findings(RULE, ['shell/rm-unset-var/bad/Dockerfile']);
    expect(found.map(brief)).toEqual(['shell/rm-unset-var/bad/Dockerfile:5:13-5:23 shell/rm-unset-var']);
  });

  it('accepts variables that are surely set, ${VAR:?}, HOME, paths without a slash and plain rm', async () => {
    expect(await findings(RULE, ['shell/rm-unset-var/good'])).toEqual([]);
  });
});
