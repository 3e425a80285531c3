import { existsSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { log, messageOf, run } from './run.mjs';

/**
 * Connects to the server's `postgres` database, starting a local cluster that is installed but stopped.
 * @param {string} databaseUrl
 * @param {boolean} mayStartLocal
 */
async function adminClient(databaseUrl, mayStartLocal) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      return client;
    } catch (error) {
      const refused = error instanceof Error && 'code' in error && error.code === 'ECONNREFUSED';
      if (!refused || attempt > 30) throw new Error(`PostgreSQL at ${url.host}: ${messageOf(error)}`);
      if (attempt === 1 && mayStartLocal) await startLocalCluster();
      await sleep(1000);
    }
  }
}

async function startLocalCluster() {
  if (!existsSync('/etc/postgresql')) return;
  for (const version of readdirSync('/etc/postgresql')) {
    log(`starting the local PostgreSQL ${version} cluster`);
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']).catch((e) => log(e.message));
  }
}

/**
 * Creates the database of each URL if it is missing, on that URL's own server.
 * @param {readonly string[]} urls
 * @param {{ mayStartLocal: boolean }} options
 */
export async function ensureDatabases(urls, { mayStartLocal }) {
  for (const databaseUrl of urls) {
    const client = await adminClient(databaseUrl, mayStartLocal);
    try {
      const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount === 0) {
        log(`creating database ${name}`);
        await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      }
    } finally {
      await client.end();
    }
  }
}

/**
 * Applies an app's Prisma migrations (Prisma 6's WASM engine: no download).
 * @param {string} appDir
 * @param {{ API_DATABASE_URL: string, CATALOG_DATABASE_URL: string }} env
 */
export async function migrate(appDir, env) {
  await run('npx', ['prisma', 'migrate', 'deploy'], { cwd: appDir, env });
}
