import { describe, expect, it } from 'vitest';
import { outputsPerBlock, parseLesson, pointVariables } from './tour-lessons.js';

const lesson = [
  '# One',
  '```sh tour',
  'API=http://127.0.0.1:3000',
  'curl -s $API/products',
  '```',
  '<!-- expect: /"items":\\[/ -->',
  '<!-- expect: /total/i -->',
  '',
  '```sh',
  'npm run tail   # not run: follows forever',
  '```',
  '```sh tour',
  'echo hi',
  '```',
].join('\n');

describe('parseLesson', () => {
  it('finds the runnable blocks in order, each with its expectations', () => {
    const { blocks, threeBrokers } = parseLesson('x.md', lesson);
    expect(threeBrokers).toBe(false);
    expect(blocks.map((b) => b.code)).toEqual(['API=http://127.0.0.1:3000\ncurl -s $API/products\n', 'echo hi\n']);
    expect(blocks[0].expects).toEqual([/"items":\[/, /total/i]);
    expect(blocks[1].expects).toEqual([]);
  });
  it('reads whether a lesson needs the three-broker cluster', () => {
    expect(parseLesson('x.md', `<!-- tour: three brokers -->\n${lesson}`).threeBrokers).toBe(true);
  });
});

describe('pointVariables', () => {
  it('replaces only the named variables, quoted', () => {
    const code = 'API=http://127.0.0.1:3000\nOTHER=1\nAPI_KEY=$(cat .local/dev-api-key)\n';
    expect(pointVariables(code, { API: 'http://h:1', API_KEY: "it's" })).toBe(
      "API='http://h:1'\nOTHER=1\nAPI_KEY='it'\\''s'\n",
    );
  });
});

describe('outputsPerBlock', () => {
  it('splits at the block markers', () => {
    expect(outputsPerBlock('a\n@@tour-block-end@@\nb\n@@tour-block-end@@\n')).toEqual(['a\n', 'b\n', '']);
  });
});
