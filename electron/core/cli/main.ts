import { runCli } from './run';
import { promptHidden } from './secrets';

const chunks: Buffer[] = [];
const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  ...(process.stdin.isTTY ? { promptSecret: promptHidden } : {}),
});
process.exitCode = exitCode;
