/** Where a reader starts to see the last `count` records of each partition (or all it holds, if fewer). */
export function tailOffsets(
  ends: { partition: number; low: string; high: string }[],
  count: number,
): { partition: number; offset: string }[] {
  return ends.map(({ partition, low, high }) => {
    const from = BigInt(high) - BigInt(count);
    return { partition, offset: (from > BigInt(low) ? from : BigInt(low)).toString() };
  });
}
