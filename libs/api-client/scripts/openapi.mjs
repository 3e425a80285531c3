// The OpenAPI snapshots and the types generated from them, for libs/api-client:
// - `node scripts/openapi.mjs snapshot [api-service=URL] [product-consumer=URL]`: fetches /docs-json from
//   the running apps (npm start's by default), writes openapi/<app>.json, then generates as below;
// - `node scripts/openapi.mjs generate`: src/openapi-types/<app>.ts from the committed openapi/<app>.json
//   (openapi-typescript).
// The e2e suite fails when a live document differs from its snapshot, and this project's unit test
// when a generated file differs from what its snapshot generates: neither can rot unnoticed.
import { readFileSync, writeFileSync } from 'node:fs';
import { APPS, generatedTypes, snapshotPath, generatedPath, formatSnapshot } from './openapi-files.mjs';

const [command, ...args] = process.argv.slice(2);
if (command !== 'snapshot' && command !== 'generate') {
  console.error('usage: node scripts/openapi.mjs snapshot [api-service=URL] [product-consumer=URL] | generate');
  process.exit(2);
}

if (command === 'snapshot') {
  const urls = Object.fromEntries(args.map((arg) => arg.split('=')));
  for (const [app, defaultUrl] of Object.entries(APPS)) {
    const url = `${urls[app] ?? defaultUrl}/docs-json`;
    const response = await fetch(url).catch((error) => {
      throw new Error(`${app}: ${url} is not reachable (is the app running with DOCS_ENABLED?): ${error.message}`);
    });
    if (!response.ok) throw new Error(`${app}: ${url} answered ${response.status}`);
    writeFileSync(snapshotPath(app), await formatSnapshot(await response.json()));
    console.log(`${app}: wrote ${snapshotPath(app)} from ${url}`);
  }
}

for (const app of Object.keys(APPS)) {
  const document = JSON.parse(readFileSync(snapshotPath(app), 'utf8'));
  writeFileSync(generatedPath(app), await generatedTypes(document));
  console.log(`${app}: wrote ${generatedPath(app)}`);
}
