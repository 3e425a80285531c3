/**
 * Where the local stack's databases are when nothing says otherwise: the apps' environment
 * defaults, the Prisma CLI's, and the infra scripts' `dev` profile. Here, in a lib that
 * `npm install` already compiles (for prisma.config.ts), so every one of them can load it.
 */
export const LOCAL_DATABASE_URLS = {
  /** api-service's own database; product-producer relays its outbox from there. */
  apiService: 'postgresql://postgres@127.0.0.1:5432/api_service',
  /** product-consumer's replica, product_catalog. */
  productCatalog: 'postgresql://postgres@127.0.0.1:5432/product_catalog',
} as const;
