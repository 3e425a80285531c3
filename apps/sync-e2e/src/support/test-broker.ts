import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { e2eEnv } from './env.js';

const infra = (file: string) => fileURLToPath(new URL(`../../../../infra/${file}`, import.meta.url));

/** What infra/env.mjs and infra/kafka.mjs tell about the local brokers (plain JavaScript, typed here). */
interface Infra {
  LOCAL_KAFKA: Record<string, { KAFKA_NODES: string; KAFKA_PORT: string }>;
  kafkaEnv: (profile: string) => Record<string, string>;
}

export interface LocalBroker {
  /** Stops the broker (a controlled shutdown) and resolves once its process is gone. */
  stop(): Promise<void>;
  /** Starts it again and resolves once it answers metadata requests (kafka.sh's readiness probe). */
  start(): Promise<void>;
}

/**
 * The single local broker the tests run against, driven by infra/kafka/kafka.sh: the one of the
 * infra profile whose port KAFKA_BROKERS names (as `npm test` started it), or the one the
 * environment describes to kafka.sh (KAFKA_NODES=1, KAFKA_PORT, KAFKA_HOME_DIR, as for the
 * three-broker suite). Null when neither is running here: nothing may stop a Kafka it did not start.
 */
export async function localBroker(): Promise<LocalBroker | null> {
  const { LOCAL_KAFKA, kafkaEnv } = (await Promise.all([
    import(pathToFileURL(infra('env.mjs')).href),
    import(pathToFileURL(infra('kafka.mjs')).href),
  ]).then(([env, up]) => ({ ...env, ...up }))) as Infra;
  const names = (port?: string) => e2eEnv.kafkaBrokers.join(',') === `127.0.0.1:${port}`;
  const profile = Object.keys(LOCAL_KAFKA).find(
    (name) => LOCAL_KAFKA[name].KAFKA_NODES === '1' && names(LOCAL_KAFKA[name].KAFKA_PORT),
  );
  const own = process.env.KAFKA_NODES === '1' && process.env.KAFKA_HOME_DIR && names(process.env.KAFKA_PORT);
  if (!profile && !own) return null;
  const env = own ? process.env : { ...process.env, ...kafkaEnv(profile ?? '') };
  const kafkaSh = (command: string) =>
    new Promise<void>((resolve, reject) =>
      execFile('bash', [infra('kafka/kafka.sh'), command], { env, timeout: 120_000 }, (error, _out, stderr) =>
        error ? reject(new Error(`kafka.sh ${command} failed: ${error.message}\n${stderr}`)) : resolve(),
      ),
    );
  // Running means: kafka.sh started it, from this checkout (it checks the pid and the config file).
  const running = await kafkaSh('status').then(
    () => true,
    () => false,
  );
  if (!running) return null;
  return { stop: () => kafkaSh('stop'), start: () => kafkaSh('start') };
}
