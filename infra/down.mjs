// Stops the local Kafka brokers this project started (and nothing else).
import { stopKafka } from './kafka.mjs';

await stopKafka('dev');
await stopKafka('test');
await stopKafka('cluster');
await stopKafka('secure');
