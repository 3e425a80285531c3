-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(2000),
    "price" DECIMAL(12,2) NOT NULL,
    "stock" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "aggregate_id" UUID NOT NULL,
    "event_type" VARCHAR(64) NOT NULL,
    "version" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "products_sku_key" ON "products"("sku");

-- CreateIndex
CREATE INDEX "products_name_idx" ON "products"("name");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_event_id_key" ON "outbox_events"("event_id");

-- CreateIndex
CREATE INDEX "outbox_events_aggregate_id_version_idx" ON "outbox_events"("aggregate_id", "version");


-- Hand-written below: what Prisma's schema language cannot say.

-- The database, not only the API, refuses impossible products.
ALTER TABLE "products"
    ADD CONSTRAINT "products_price_non_negative" CHECK ("price" >= 0),
    ADD CONSTRAINT "products_stock_non_negative" CHECK ("stock" >= 0),
    ADD CONSTRAINT "products_version_positive" CHECK ("version" >= 1);

-- The relay only ever scans unpublished rows, in insert order.
CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events"("id") WHERE "published_at" IS NULL;

-- Wake the relay when an outbox row commits (NOTIFY is delivered at commit, never for a rolled-back insert).
CREATE FUNCTION "notify_outbox_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "outbox_events_notify"
    AFTER INSERT ON "outbox_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "notify_outbox_events"();
