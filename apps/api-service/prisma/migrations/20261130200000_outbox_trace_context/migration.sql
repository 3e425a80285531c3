-- The W3C trace context of the request that made the change, so the relay can send it as the Kafka
-- record's `traceparent` header and the change can be followed from the HTTP request to the replica's ack.
ALTER TABLE "outbox_events" ADD COLUMN "traceparent" VARCHAR(55);
