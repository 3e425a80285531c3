-- CreateTable
CREATE TABLE "product_sync_state" (
    "product_id" UUID NOT NULL,
    "replicated_version" INTEGER NOT NULL DEFAULT 0,
    "rejected_version" INTEGER,
    "rejection_reason" TEXT,
    "last_ack_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_sync_state_pkey" PRIMARY KEY ("product_id")
);

-- CreateIndex
CREATE INDEX "product_sync_state_last_ack_at_idx" ON "product_sync_state"("last_ack_at");
