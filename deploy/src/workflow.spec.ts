import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runIn } from './tools.js';

const dir = `${repoRoot}.github/workflows`;
const workflows = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));

describe('GitHub Actions workflows', () => {
  it.each(workflows)('%s passes action-validator (the workflow schema)', (file) => {
    const { status, output } = runIn('npx', ['--no-install', 'action-validator', `${dir}/${file}`]);

    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('runs .ci/run as CI does here, and the suite against compose', () => {
    const ci = readFileSync(`${dir}/ci.yml`, 'utf8');

    expect(ci).toMatch(/run: bash \.ci\/run/);
    expect(ci).toMatch(/docker compose up -d --wait kafka api-db catalog-db/);
    expect(ci).toMatch(/KAFKA_BROKERS: localhost:9092/);
  });
});
