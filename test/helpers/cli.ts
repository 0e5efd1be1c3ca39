import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdin?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env,
    ...(stdin !== undefined ? { readStdin: async () => stdin } : {}),
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}
