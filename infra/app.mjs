// @ts-check
// `npm run app -- start|stop|restart <app>` (or `status`): asks the running `npm start` to do it, through
// its control socket (see supervisor.mjs), and prints the answer.
import { connect } from 'node:net';
import { controlSocketPath, parseCommand } from './supervise.mjs';
import { repoRoot } from './run.mjs';

const text = process.argv.slice(2).join(' ');
const command = parseCommand(text);
if (!command.ok) {
  console.error(command.error);
  process.exit(2);
}
const path = controlSocketPath(repoRoot, process.env);
const socket = connect(path, () => socket.write(text + '\n'));
let reply = '';
socket.on('data', (chunk) => (reply += chunk));
socket.on('end', () => {
  process.stdout.write(reply);
  process.exit(reply.startsWith('error:') ? 1 : 0);
});
socket.on('error', (error) => {
  console.error(`npm start is not running (no control socket at ${path}): ${error.message}`);
  process.exit(1);
});
