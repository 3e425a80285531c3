-- A row the relay cannot ever publish (its record is larger than product.events accepts) is parked: kept, never
-- retried, shown in product-producer's /health and metrics, and skipped so later rows keep flowing.
ALTER TABLE "outbox_events" ADD COLUMN "parked_at" TIMESTAMPTZ(3),
ADD COLUMN "park_reason" TEXT;

-- The relay scans rows neither published nor parked; parked ones are rare and looked up by this index.
CREATE INDEX "outbox_events_parked_idx" ON "outbox_events"("id") WHERE "parked_at" IS NOT NULL;
