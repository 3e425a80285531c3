/**
 * What either HTTP app accepts at all, before any route looks at a request. A product is a few
 * hundred bytes (its 2,000-character description at most ~12 kB even if every character is
 * escaped as \uXXXX); anything far bigger or deeper is not a product, only work for the parser.
 */
export const INPUT_LIMITS = {
  /** Request bodies above this answer 413 before they are parsed. */
  maxBodyBytes: 64 * 1024,
  /** JSON nested deeper than this (objects and arrays) answers 400 before it is parsed. */
  maxJsonDepth: 16,
  /** Highest `page` of a list: far beyond any real page, low enough that the offset stays a safe integer. */
  maxPage: 10_000_000,
} as const;
