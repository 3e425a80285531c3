-- CreateTable
CREATE TABLE "catalog_products" (
    "id" UUID NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(2000),
    "price" DECIMAL(12,2) NOT NULL,
    "stock" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "replicated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalog_products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product_tombstones" (
    "product_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_tombstones_pkey" PRIMARY KEY ("product_id")
);

-- CreateIndex
CREATE INDEX "catalog_products_sku_idx" ON "catalog_products"("sku");

-- CreateIndex
CREATE INDEX "catalog_products_name_idx" ON "catalog_products"("name");


-- Hand-written: the replica refuses impossible rows too, so a bad event fails loudly instead of landing.
ALTER TABLE "catalog_products"
    ADD CONSTRAINT "catalog_products_price_non_negative" CHECK ("price" >= 0),
    ADD CONSTRAINT "catalog_products_stock_non_negative" CHECK ("stock" >= 0),
    ADD CONSTRAINT "catalog_products_version_positive" CHECK ("version" >= 1);
