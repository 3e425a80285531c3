// Stops the local Kafka broker this project started (and nothing else).
import { stopKafka } from './up.mjs';

await stopKafka();
