import { describe, expect, it } from 'vitest';
import { dataRejectionReason } from './data-rejection.js';
import { sqlClient, sqlText } from './sql-client.js';

const tag = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strings, values });

describe('sqlClient', () => {
  it('sends each template value as a bind parameter, in order, never as text', async () => {
    const { strings, values } =
      tag`SELECT * FROM t WHERE id = ANY(${['a', "b'); DROP TABLE t; --"]}::uuid[]) AND v > ${3}`;
    expect(sqlText(strings)).toBe('SELECT * FROM t WHERE id = ANY($1::uuid[]) AND v > $2');
    const sent: { text: string; values: unknown[] }[] = [];
    const client = sqlClient({
      query: (async (text: string, params: unknown[]) => {
        sent.push({ text, values: params });
        return { rowCount: 2, rows: [{ id: 'a' }] };
      }) as never,
    });
    expect(await client.execute(strings, ...values)).toBe(2);
    expect(await client.query<{ id: string }>`SELECT id FROM t`).toEqual([{ id: 'a' }]);
    expect(sent).toEqual([
      { text: 'SELECT * FROM t WHERE id = ANY($1::uuid[]) AND v > $2', values },
      { text: 'SELECT id FROM t', values: [] },
    ]);
  });

  it("node-postgres' errors are classified as Prisma's: a data exception for good, a lost connection not", () => {
    const tooLong = Object.assign(new Error('value too long for type character varying(64)'), { code: '22001' });
    expect(dataRejectionReason(tooLong)).toBe(
      'database refused the event (SQLSTATE 22001): value too long for type character varying(64)',
    );
    expect(dataRejectionReason(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeNull();
    expect(dataRejectionReason(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBeNull();
  });
});
