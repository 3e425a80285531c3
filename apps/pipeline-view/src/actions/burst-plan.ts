/** Products a burst writes to at most: enough to spread over the partitions, few enough to see versions climb. */
export const MAX_BURST_PRODUCTS = 5;

/**
 * How a burst of `writes` writes is spread: a few new products, then updates of them. Returns the
 * number of updates per new product (one lane each: its create, then its updates in order), so
 * the burst shows both new products and one product's versions 1, 2, 3… keeping their order.
 */
export function burstPlan(writes: number, products = MAX_BURST_PRODUCTS): number[] {
  const lanes = Math.min(writes, products);
  const updates = writes - lanes;
  return Array.from({ length: lanes }, (_, lane) => Math.floor(updates / lanes) + (lane < updates % lanes ? 1 : 0));
}
