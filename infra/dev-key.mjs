// @ts-check
// `npm start`'s API key: made on the first run, kept in .local/dev-api-key (readable by its owner
// only), and given to the apps as a hash in API_KEYS. The key itself never enters an environment.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { log, repoRoot } from './run.mjs';

export const DEV_KEY_FILE = `${repoRoot}.local/dev-api-key`;

/**
 * 256 random bits, URL-safe, with a prefix that says what it is when it turns up somewhere (a log,
 * a paste, a secret scanner's rules).
 */
const newKey = (prefix = 'nks_dev_') => `${prefix}${randomBytes(32).toString('base64url')}`;

/**
 * The development key, made and saved if there is none yet (mode 600, and re-tightened if loosened).
 * @returns {string}
 */
function devKey() {
  if (!existsSync(DEV_KEY_FILE)) {
    mkdirSync(`${repoRoot}.local`, { recursive: true });
    writeFileSync(DEV_KEY_FILE, `${newKey()}\n`, { mode: 0o600, flag: 'wx' });
    log(`made a development API key in ${DEV_KEY_FILE}`);
  }
  chmodSync(DEV_KEY_FILE, 0o600);
  return readFileSync(DEV_KEY_FILE, 'utf8').trim();
}

/**
 * What the apps need for it: API_KEYS naming one key `dev` with every scope, by its SHA-256. With
 * API_KEYS already set, the user's keys win and nothing is made.
 * @returns {{ API_KEYS: string } | {}}
 */
export function devKeyEnv() {
  if (process.env.API_KEYS) return {};
  const sha256 = createHash('sha256').update(devKey()).digest('hex');
  return { API_KEYS: JSON.stringify([{ name: 'dev', scopes: ['products:write', 'admin'], sha256 }]) };
}

/**
 * Lines to print once the system is up: where the key is, and a curl to paste.
 * @param {string} apiPort
 * @returns {string[]}
 */
export function devKeyHint(apiPort) {
  if (process.env.API_KEYS) return ['  API keys      from API_KEYS (yours)'];
  return [
    `  API key       ${devKey()}   (kept in .local/dev-api-key)`,
    `  try it        curl -s localhost:${apiPort}/products -H "Authorization: Bearer $(cat .local/dev-api-key)" \\`,
    `                  -H 'content-type: application/json' -d '{"sku":"MUG-1","name":"Enamel mug","price":12.5,"stock":10}'`,
  ];
}

// `node infra/dev-key.mjs --new <name> [scope...]`: a fresh key for anywhere (staging, a colleague,
// a rotation), printed once with the API_KEYS entry to add for it. Nothing is written.
if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--new') {
  const [name = 'key', ...scopes] = process.argv.slice(3);
  const key = newKey('nks_');
  const sha256 = createHash('sha256').update(key).digest('hex');
  console.log(`key (give it to the client; it is not stored anywhere):\n  ${key}`);
  console.log(`API_KEYS entry (add it to the list the apps get):\n  ${JSON.stringify({ name, scopes, sha256 })}`);
}
