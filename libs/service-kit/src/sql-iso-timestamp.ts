/**
 * SQL for a timestamp column as the text JavaScript's `toISOString()` gives, minus the `Z`
 * (UTC, milliseconds): the form the reconciliation fingerprints and the end-to-end comparisons
 * both read, so a row compares equal across api_service and product_catalog as plain text.
 */
export function sqlIsoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS')`;
}
