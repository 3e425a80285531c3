// @ts-check
// One readable line per record for `npm run tail` (pure, unit-tested in tail-format.spec.mjs): where it sits
// in the log (partition@offset), its key, and what it says — an event, an ack, a dead letter, or raw bytes.

const COLOR = { created: 32, updated: 36, deleted: 31, applied: 32, stale: 33, rejected: 31, dlq: 35, raw: 90 };

/**
 * @typedef {{ topic: string, partition: number, offset: string, key: string | null, value: string | null,
 *   headers: Record<string, string> }} TailRecord
 */

/** @param {string} text @param {number} code @param {boolean} color */
const paint = (text, code, color) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);

/**
 * @param {TailRecord} record
 * @param {{ color: boolean }} options
 */
export function formatRecord(record, { color }) {
  const where = `${record.topic} p${record.partition}@${record.offset}`;
  const key = `key=${record.key ?? '(none)'}`;
  const body = describe(record, color);
  return `${paint(where, 2, color)}  ${key}  ${body}`;
}

/** @param {TailRecord} record @param {boolean} color */
function describe(record, color) {
  if (record.headers['dlq-error-class'])
    return paint(
      `dead letter ${record.headers['dlq-error-class']}: ${record.headers['dlq-reason'] ?? ''}`,
      COLOR.dlq,
      color,
    );
  const parsed = parse(record.value);
  if (parsed && typeof parsed.type === 'string' && parsed.product) {
    const kind = /** @type {keyof typeof COLOR} */ (parsed.type.replace('product.', ''));
    const p = parsed.product;
    const what = `${parsed.type} v${parsed.version}`;
    return `${paint(what, COLOR[kind] ?? COLOR.raw, color)}  sku=${p.sku} name=${JSON.stringify(p.name)} price=${p.price} stock=${p.stock}`;
  }
  if (parsed && typeof parsed.status === 'string') {
    const status = /** @type {keyof typeof COLOR} */ (parsed.status);
    const reason = parsed.reason ? `  ${parsed.reason}` : '';
    return `${paint(`ack ${parsed.status}`, COLOR[status] ?? COLOR.raw, color)} v${parsed.version ?? '?'}${reason}`;
  }
  return paint(`raw ${JSON.stringify(record.value)}`, COLOR.raw, color);
}

/** @param {string | null} value @returns {any} */
function parse(value) {
  try {
    const parsed = value === null ? null : JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}
