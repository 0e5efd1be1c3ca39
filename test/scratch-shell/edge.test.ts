import { it, expect } from 'vitest';
import { lintText } from '../rules/shell/relint.js';
import { shellRules } from '../../rules/shell/index.js';
const ALL = shellRules.filter((r) => r.meta.id !== 'shell/shellcheck').map((r) => `${r.meta.id}: warning`);
const cases: [string, string][] = [
  ['x/empty.sh', ''],
  ['x/comments.sh', '# only a comment\n'],
  ['x/crlf.sh', '#!/bin/sh\r\nset -e\r\ncd /tmp\r\nrm -rf "$D/"*\r\necho $x\r\n'],
  ['x/weird.sh', '#!/bin/sh\n$(echo) $x\n"$@"\n${!a}\n: ${x:=1}\nfor ((;;)); do :; done\ncase x in *) ;; esac\n[ ]\n[[ ]]\nfunction { :; }\n'],
  ['x/unicode.sh', '#!/bin/bash\necho 🐳 $x ${y}é\nrm -rf "$Ü/"\n'],
  ['x/deep.sh', '#!/bin/sh\n' + 'sh -c "'.repeat(1) + "echo $x" + '"\n' + "bash -c 'bash -c \"docker-compose up -d; sleep 3\"'\n"],
  ['x/Dockerfile', 'FROM alpine\nRUN <<EOF\n#!/bin/bash\n[[ -f x ]] && echo $y\nEOF\nONBUILD RUN docker-compose up && curl x | sh\nRUN ["echo", "$x"]\nSHELL ["pwsh", "-c"]\nRUN echo $x\n'],
];
it.each(cases)('%s', async (name, text) => {
  const found = await lintText(name, text, ALL);
  console.log(name, found.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message.slice(0, 60)}`));
  expect(found.filter((d) => d.internal)).toEqual([]);
});
