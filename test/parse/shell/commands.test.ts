import { describe, expect, it } from 'vitest';
import { flattenCommands } from '../../../src/parse/shell/index.js';
import { cmd, names, parse, values } from './helpers.js';

describe('command view: lists and pipelines', () => {
  const text = 'apt-get update && \\\n  sudo apt-get install -y --no-install-recommends curl | tee log';

  it('looks through sudo and keeps args, words and offsets', async () => {
    const doc = await parse(text);
    expect(names(doc.commands)).toEqual(['apt-get', 'apt-get', 'tee']);
    const install = doc.commands[1]!;
    expect(install.name).toBe('apt-get');
    expect(install.wrappers).toEqual(['sudo']);
    expect(values(install)).toEqual(['install', '-y', '--no-install-recommends', 'curl']);
    expect(install.words.map((w) => w.value)).toEqual([
      'sudo',
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      'curl',
    ]);
    expect(install.nameWord!.start).toBe(27);
    const y = install.args[1]!;
    expect(y.start).toBe(43);
    expect(y.end).toBe(45);
    expect(text.slice(y.start, y.end)).toBe('-y');
    expect([install.start, install.end]).toEqual([22, 74]);
    expect(install.node.type).toBe('command');
  });

  it('links neighbours and operators', async () => {
    const doc = await parse(text);
    const [update, install, tee] = doc.commands as [any, any, any];
    expect(update.before).toBeUndefined();
    expect(update.after).toBe('&&');
    expect(update.next).toBe(install);
    expect(install.before).toBe('&&');
    expect(install.after).toBeUndefined();
    expect(install.previous).toBe(update);
    // before/after/previous/next are at the level of the whole pipeline
    expect(tee.before).toBe('&&');
    expect(tee.previous).toBe(update);
  });

  it('builds the pipeline', async () => {
    const doc = await parse(text);
    const install = doc.commands[1]!;
    const tee = doc.commands[2]!;
    expect(install.pipeline).toBeDefined();
    expect(tee.pipeline).toBe(install.pipeline);
    expect(install.pipeline!.commands).toEqual([install, tee]);
    expect(install.pipeline!.operators).toEqual(['|']);
    expect(install.pipeline!.node.type).toBe('pipeline');
    expect([install.pipeline!.start, install.pipeline!.end]).toEqual([22, text.length]);
    expect(doc.commands[0]!.pipeline).toBeUndefined();
  });

  it('sees `curl … | sh` and `|&`', async () => {
    const doc = await parse('curl -fsSL https://x.example/install.sh | sudo -E sh -s -- -y\nmake 2>&1 |& tee b.log');
    const sh = cmd(doc, 'sh');
    expect(sh.wrappers).toEqual(['sudo']);
    expect(sh.pipeline!.commands.map((c) => c.name)).toEqual(['curl', 'sh']);
    expect(cmd(doc, 'tee').pipeline!.operators).toEqual(['|&']);
  });

  it('gives `cd /x || exit 1` the `||` operator', async () => {
    const doc = await parse('cd /x || exit 1\nmake');
    const cd = cmd(doc, 'cd');
    const exit = cmd(doc, 'exit');
    expect(cd.after).toBe('||');
    expect(cd.next).toBe(exit);
    expect(exit.before).toBe('||');
    expect(exit.after).toBe('\n');
    expect(exit.previous).toBe(cd);
    expect(cmd(doc, 'make').before).toBe('\n');
    expect(cmd(doc, 'make').previous).toBe(exit);
  });

  it('records `;`, `&` and newlines, and not across nesting levels', async () => {
    const doc = await parse('a; b &\nc\n{ d; }\ne');
    expect(cmd(doc, 'a').after).toBe(';');
    expect(cmd(doc, 'b').before).toBe(';');
    expect(cmd(doc, 'b').after).toBe('&');
    expect(cmd(doc, 'c').before).toBe('&');
    expect(cmd(doc, 'c').after).toBe('\n');
    // `{ d; }` is a compound statement: c's next is not d
    expect(cmd(doc, 'c').next).toBeUndefined();
    expect(cmd(doc, 'd').previous).toBeUndefined();
    expect(cmd(doc, 'd').after).toBe(';');
    expect(cmd(doc, 'e').before).toBe('\n');
  });

  it('flattens `a && b || c` into one list', async () => {
    const doc = await parse('a && b || c');
    expect(doc.commands.map((c) => [c.name, c.before, c.after])).toEqual([
      ['a', undefined, '&&'],
      ['b', '&&', '||'],
      ['c', '||', undefined],
    ]);
  });
});

describe('command view: where a command sits', () => {
  it('lists nested commands in source order with inSubstitution', async () => {
    const doc = await parse('echo "$(date +%s)" `id -u` $(basename $(pwd)) <(ls)');
    expect(names(doc.commands)).toEqual(['echo', 'date', 'id', 'basename', 'pwd', 'ls']);
    expect(doc.commands.map((c) => c.inSubstitution)).toEqual([false, true, true, true, true, true]);
    expect(cmd(doc, 'date').start).toBe(8);
    expect(values(cmd(doc, 'date'))).toEqual(['+%s']);
  });

  it('flags if/while/until conditions', async () => {
    const doc = await parse(
      'if grep -q x f; then echo yes; elif test -f y; then echo elif; else echo no; fi\n' +
        'while read -r line; do echo "$line"; done < f\nuntil ping -c1 h; do sleep 1; done',
    );
    const flags = doc.commands.map((c) => [c.name, c.inCondition]);
    expect(flags).toEqual([
      ['grep', true],
      ['echo', false],
      ['test', true],
      ['echo', false],
      ['echo', false],
      ['read', true],
      ['echo', false],
      ['ping', true],
      ['sleep', false],
    ]);
    expect(cmd(doc, 'grep').after).toBe(';');
  });

  it('flags functions, subshells and negation', async () => {
    const doc = await parse('f() { rm -rf "$1"; }\nfunction g { (cd x && make); }\n! grep -q a b | wc\nif ! x; then :; fi');
    expect(cmd(doc, 'rm').inFunction).toBe(true);
    expect(cmd(doc, 'cd').inFunction).toBe(true);
    expect(cmd(doc, 'cd').inSubshell).toBe(true);
    expect(cmd(doc, 'make').inSubshell).toBe(true);
    expect(cmd(doc, 'rm').inSubshell).toBe(false);
    expect(cmd(doc, 'grep').negated).toBe(true);
    expect(cmd(doc, 'wc').negated).toBe(true); // `!` applies to the pipeline
    expect(cmd(doc, 'x').negated).toBe(true);
    expect(cmd(doc, 'x').inCondition).toBe(true);
    expect(cmd(doc, 'grep').inFunction).toBe(false);
  });

  it('lists commands in loops and case items', async () => {
    const doc = await parse('for f in *.txt; do gzip "$f"; done\ncase "$1" in start|run) exec app;; *) usage ;; esac');
    expect(names(doc.commands)).toEqual(['gzip', 'app', 'usage']);
    const execApp = (await parse('case x in a) exec app -v;; esac')).commands[0]!;
    expect(execApp.name).toBe('app');
    expect(execApp.wrappers).toEqual(['exec']);
  });
});

describe('command view: words', () => {
  it('gives static values with quotes and escapes removed', async () => {
    const doc = await parse(
      `echo a\\ b "a\\"b" 'it''s' $'a\\tb' "x\\$y" \\' plain "mixed"'single'unq "q\\n" ~/x`,
    );
    expect(values(doc.commands[0]!)).toEqual(['a b', 'a"b', 'its', 'a\tb', 'x$y', "'", 'plain', 'mixedsingleunq', 'q\\n', '~/x']);
    expect(doc.commands[0]!.args.map((a) => a.raw)[0]).toBe('a\\ b');
  });

  it('gives undefined for dynamic words and tells quoted from unquoted expansions', async () => {
    const doc = await parse('$CMD --opt=$x "$y" "${z:-d}" \'$lit\' pre$(id)post "$(id)" {a,b}');
    const c = doc.commands[0]!;
    expect(c.name).toBeUndefined();
    expect(c.nameWord!.raw).toBe('$CMD');
    expect(c.args.map((a) => a.value)).toEqual([undefined, undefined, undefined, '$lit', undefined, undefined, undefined]);
    expect(c.args.map((a) => a.hasUnquotedExpansion)).toEqual([true, false, false, false, true, false, true]);
    expect(c.args.map((a) => a.hasExpansion)).toEqual([true, true, true, false, true, true, true]);
    expect(c.nameWord!.hasUnquotedExpansion).toBe(true);
  });

  it('keeps assignments', async () => {
    const doc = await parse('FOO=bar BAZ= QUX="$(id)" env -i A=b C="x y" -u X cmd arg');
    const c = doc.commands.find((x) => x.name === 'cmd')!;
    expect(c.wrappers).toEqual(['env']);
    expect(c.assignments.map((a) => [a.name, a.value?.value])).toEqual([
      ['FOO', 'bar'],
      ['BAZ', undefined],
      ['QUX', undefined],
      ['A', 'b'],
      ['C', 'x y'],
    ]);
    expect(c.assignments[1]!.value).toBeUndefined();
    expect(c.assignments[2]!.value!.hasExpansion).toBe(true);
    const text = doc.text;
    const a = c.assignments[3]!;
    expect(text.slice(a.start, a.end)).toBe('A=b');
    expect(text.slice(a.value!.start, a.value!.end)).toBe('b');
    expect(values(c)).toEqual(['arg']);
    // `id` in the assignment is a nested command
    expect(cmd(doc, 'id').inSubstitution).toBe(true);
  });

  it('lists declaration commands by keyword', async () => {
    const doc = await parse('export PATH="/x:$PATH" DEBIAN_FRONTEND=noninteractive TERM; local -r v=1; unset A B');
    const exp = cmd(doc, 'export');
    expect(exp.args.map((a) => a.raw)).toEqual(['PATH="/x:$PATH"', 'DEBIAN_FRONTEND=noninteractive', 'TERM']);
    expect(exp.assignments.map((a) => [a.name, a.value?.value])).toEqual([
      ['PATH', undefined],
      ['DEBIAN_FRONTEND', 'noninteractive'],
    ]);
    expect(values(cmd(doc, 'local'))).toEqual(['-r', 'v=1']);
    expect(values(cmd(doc, 'unset'))).toEqual(['A', 'B']);
  });
});

describe('command view: wrappers', () => {
  const cases: [string, string | undefined, string[], (string | undefined)[]][] = [
    ['sudo -E -u www-data apt-get install x', 'apt-get', ['sudo'], ['install', 'x']],
    ['sudo -Eu root -- make', 'make', ['sudo'], []],
    ['/usr/bin/sudo DEBUG=1 make', 'make', ['sudo'], []],
    ['sudo -i', 'sudo', [], ['-i']],
    ['sudo -l make', 'sudo', [], ['-l', 'make']],
    ['doas -u app ./run.sh', './run.sh', ['doas'], []],
    ['env -i PATH=/bin -u HOME sh -c x', 'sh', ['env'], ['-c', 'x']],
    ['command -p ls -l', 'ls', ['command'], ['-l']],
    ['command -v curl', 'command', [], ['-v', 'curl']],
    ['exec -a name app --flag', 'app', ['exec'], ['--flag']],
    ['exec >/dev/null', 'exec', [], []],
    ['nohup ./server &', './server', ['nohup'], []],
    ['time -p make all', 'make', ['time'], ['all']],
    ['nice -n 5 tar czf a.tgz .', 'tar', ['nice'], ['czf', 'a.tgz', '.']],
    ['nice -10 gzip f', 'gzip', ['nice'], ['f']],
    ['xargs -0 -n1 -I{} rm -f {}', 'rm', ['xargs'], ['-f', '{}']],
    ['xargs -P 4 -n 1 curl -O', 'curl', ['xargs'], ['-O']],
    ['xargs', 'xargs', [], []],
    ['sudo env FOO=1 nice -n 2 xargs rm', 'rm', ['sudo', 'env', 'nice', 'xargs'], []],
    ['sudo $CMD arg', undefined, ['sudo'], ['arg']],
  ];
  it.each(cases)('%s', async (text, name, wrappers, args) => {
    const c = (await parse(text)).commands[0]!;
    expect(c.name).toBe(name);
    expect(c.wrappers).toEqual(wrappers);
    expect(values(c)).toEqual(args);
  });
});

describe('command view: redirects', () => {
  it('parses fds, operators and targets', async () => {
    // (a here-string after another redirect is a grammar gap: put it first)
    const doc = await parse('cmd <<<"s" 2>/dev/null >>log <in &>all 2>&1 >&-');
    const c = doc.commands[0]!;
    expect(c.redirects.map((r) => [r.fd, r.operator, r.target?.value])).toEqual([
      [undefined, '<<<', 's'],
      [2, '>', '/dev/null'],
      [undefined, '>>', 'log'],
      [undefined, '<', 'in'],
      [undefined, '&>', 'all'],
      [2, '>&', '1'],
      [undefined, '>&-', undefined],
    ]);
    const devnull = c.redirects[1]!;
    expect([devnull.start, devnull.end]).toEqual([11, 22]);
    expect(devnull.target!.start).toBe(13);
    expect(values(c)).toEqual([]);
  });

  it('handles heredocs, with what follows on the line', async () => {
    const text = "cat <<-'EOF' >/etc/x.conf && echo written\n\tkey=$value\n\tEOF\ncat <<EOF | sh\necho $HOME\nEOF\n";
    const doc = await parse(text);
    expect(names(doc.commands)).toEqual(['cat', 'echo', 'cat', 'sh']);
    const cat = doc.commands[0]!;
    expect(cat.redirects.map((r) => [r.operator, r.target?.value, r.target?.raw])).toEqual([
      ['<<-', 'EOF', "'EOF'"],
      ['>', '/etc/x.conf', '/etc/x.conf'],
    ]);
    expect(cat.redirects[0]!.heredoc!.text).toBe('key=$value\n\t');
    expect(cat.after).toBe('&&');
    expect(cmd(doc, 'echo').before).toBe('&&');
    const cat2 = doc.commands[2]!;
    expect(cat2.pipeline!.commands.map((c) => c.name)).toEqual(['cat', 'sh']);
    expect(cat2.before).toBe('\n');
    expect(cat2.previous).toBe(cmd(doc, 'echo'));
  });

  it('finds commands inside heredoc bodies and redirect targets', async () => {
    const doc = await parse('cat <<EOF >"$(mktemp)"\nuser: $(whoami)\nEOF\n');
    expect(names(doc.commands)).toEqual(['cat', 'mktemp', 'whoami']);
  });
});

describe('command view: sh -c', () => {
  it('parses a single-quoted script with file offsets', async () => {
    const text = "RUN_X=1 sh -c 'apt-get install -y x && rm -rf /var/lib/apt/lists/*'";
    const doc = await parse(text);
    expect(doc.commands).toHaveLength(1);
    const sh = doc.commands[0]!;
    expect(sh.inner!.map((c) => c.name)).toEqual(['apt-get', 'rm']);
    const apt = sh.inner![0]!;
    expect(apt.start).toBe(text.indexOf('apt-get'));
    expect(apt.start).toBe(15);
    expect(apt.args[1]!.start).toBe(text.indexOf('-y'));
    expect(apt.after).toBe('&&');
    expect(apt.outer).toBe(sh);
    expect(apt.node.file).toBe(doc.file);
    expect(text.slice(sh.inner![1]!.start, sh.inner![1]!.end)).toBe('rm -rf /var/lib/apt/lists/*');
  });

  it('parses double-quoted and option-prefixed forms', async () => {
    const text = 'bash -o pipefail -ec "curl -sS x | tar xz" name arg';
    const sh = (await parse(text)).commands[0]!;
    expect(sh.inner!.map((c) => [c.name, c.start])).toEqual([
      ['curl', text.indexOf('curl')],
      ['tar', text.indexOf('tar')],
    ]);
    expect(sh.inner![0]!.pipeline!.commands).toHaveLength(2);
  });

  it('looks through wrappers and nests', async () => {
    const text = `sudo -u app sh -c 'sh -c "id -u"'`;
    const sh = (await parse(text)).commands[0]!;
    expect(sh.wrappers).toEqual(['sudo']);
    const innerSh = sh.inner![0]!;
    expect(innerSh.name).toBe('sh');
    expect(innerSh.inner![0]!.name).toBe('id');
    expect(innerSh.inner![0]!.start).toBe(text.indexOf('id -u'));
    expect(flattenCommands([sh]).map((c) => c.name)).toEqual(['sh', 'sh', 'id']);
  });

  it('skips dynamic scripts and scripts whose escapes change length', async () => {
    for (const text of ['sh -c "$SCRIPT"', 'sh -c "echo \\"x\\""', 'sh script.sh -c x', 'sh -c', 'bash -c "a"b']) {
      const c = (await parse(text)).commands[0]!;
      expect(c.inner, text).toBeUndefined();
    }
  });

  it('uses the shell as the inner dialect', async () => {
    const doc = await parse("bash -c 'ls'", { dialect: 'sh' });
    expect(doc.commands[0]!.inner![0]!.name).toBe('ls');
  });
});

describe('command view: robustness', () => {
  it('does not crash on broken input and keeps what parsed', async () => {
    for (const text of ['', '# just a comment\n', 'if then fi', 'echo $(( 1 + ))', '((', '"', "'", 'a |', 'a &&', '} }', 'case', '<<', '$(']) {
      const doc = await parse(text);
      expect(Array.isArray(doc.commands)).toBe(true);
    }
    const doc = await parse('echo ok\nif then fi\nls\n');
    expect(names(doc.commands)).toEqual(['echo', 'ls']);
  });
});
