import { Partitioners, type Message, type Producer, type ProducerRecord } from 'kafkajs';

/**
 * Sends through an idempotent producer that survives failures: it connects on first use (a broker
 * that is down at boot does not stop the app), and after any failed send it throws the producer
 * away and makes a new one. kafkajs keeps a failed producer's id and sequence numbers, which the
 * broker can then refuse for good (OUT_OF_ORDER_SEQUENCE_NUMBER, UNKNOWN_PRODUCER_ID); a new
 * producer id starts clean, and what the retry re-sends is a duplicate the consumer's version
 * check absorbs.
 */
export class ResilientProducer {
  private current?: Promise<Producer>;

  /**
   * @param partitionCount when given, each send goes out one partition at a time (see send); the
   *   partition of a keyed record is the one kafkajs' DefaultPartitioner would choose.
   */
  constructor(
    private readonly create: () => Producer,
    private readonly partitionCount?: (topic: string) => Promise<number>,
  ) {}

  /**
   * Sends the records, one request per partition, in order. kafkajs 2.2.4 can report a send that
   * spans several brokers as done when a partition's leader moved to a broker that had already
   * answered for other partitions: that partition's records are never re-sent (tulios/kafkajs#1798,
   * seen here losing an outbox event while a broker stopped). A send to one partition, hence one
   * broker, always re-sends to the new leader.
   */
  async send(record: ProducerRecord): Promise<void> {
    if (!this.partitionCount) return this.sendAsOne(record);
    const count = await this.partitionCount(record.topic);
    const partitionOf = Partitioners.DefaultPartitioner();
    const metadata = Array.from({ length: count }, (_, partitionId) => ({
      partitionId,
      leader: 0,
      replicas: [],
      isr: [],
      partitionErrorCode: 0,
    }));
    const byPartition = new Map<number, Message[]>();
    for (const message of record.messages) {
      const partition = message.partition ?? partitionOf({ topic: record.topic, partitionMetadata: metadata, message });
      const messages = byPartition.get(partition) ?? [];
      messages.push({ ...message, partition });
      byPartition.set(partition, messages);
    }
    for (const messages of byPartition.values()) await this.sendAsOne({ ...record, messages });
  }

  private async sendAsOne(record: ProducerRecord): Promise<void> {
    const used = (this.current ??= this.connect());
    try {
      await (await used).send({ ...record, acks: -1 });
    } catch (error) {
      if (this.current === used) await this.discard(); // not one a concurrent send made meanwhile
      throw error;
    }
  }

  /** Connects now instead of on the first send, so that send does not wait for it; a failure is left to that send. */
  async warmUp(): Promise<void> {
    const used = (this.current ??= this.connect());
    await used.catch(() => {
      if (this.current === used) this.current = undefined;
    });
  }

  async disconnect(): Promise<void> {
    await this.discard();
  }

  private async connect(): Promise<Producer> {
    const producer = this.create();
    try {
      await producer.connect();
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async discard(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    const producer = await current?.catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }
}
