declare const STACK_LINT_VERSION: string | undefined;

const argv = process.argv.slice(2);
// `--version` answers before the linter (rules, parsers, config loading) is even loaded.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v') && typeof STACK_LINT_VERSION === 'string') {
  process.stdout.write(`${STACK_LINT_VERSION}\n`);
} else {
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    ...(process.stdin.isTTY && process.stdout.isTTY ? { ask } : {}),
  });
}

/** One line typed at the terminal. */
async function ask(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
