// @ts-check
import { describe, expect, it } from 'vitest';
import { controlSocketPath, parseCommand, restartDelay } from './supervise.mjs';

describe('restartDelay', () => {
  const now = 1_000_000;
  it('waits the base after a first crash', () => {
    expect(restartDelay([now], now)).toBe(1000);
  });
  it('doubles with each crash in the last minute', () => {
    expect(restartDelay([now - 3000, now - 2000, now], now)).toBe(4000);
  });
  it('forgets crashes older than a minute', () => {
    expect(restartDelay([now - 120_000, now - 61_000, now], now)).toBe(1000);
  });
  it('never waits longer than the cap', () => {
    const loop = Array.from({ length: 20 }, (_, i) => now - i * 100);
    expect(restartDelay(loop, now, { baseMs: 1000, maxMs: 30_000 })).toBe(30_000);
  });
});

describe('parseCommand', () => {
  it('reads a verb and an app', () => {
    expect(parseCommand('stop product-consumer\n')).toEqual({ ok: true, verb: 'stop', app: 'product-consumer' });
  });
  it('lets status name no app', () => {
    expect(parseCommand('status')).toEqual({ ok: true, verb: 'status' });
  });
  it('names an unknown verb and says the usage', () => {
    const parsed = parseCommand('kill api-service');
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/unknown command "kill".*usage/) });
  });
  it('names an unknown app', () => {
    expect(parseCommand('restart consumer')).toMatchObject({ ok: false, error: expect.stringMatching(/"consumer"/) });
  });
  it('refuses extra words', () => {
    expect(parseCommand('stop api-service now')).toMatchObject({ ok: false, error: expect.stringMatching(/"now"/) });
  });
});

describe('controlSocketPath', () => {
  it('defaults under .local', () => {
    expect(controlSocketPath('/repo/', {})).toBe('/repo/.local/start.sock');
  });
  it('follows NKS_CONTROL_SOCKET', () => {
    expect(controlSocketPath('/repo/', { NKS_CONTROL_SOCKET: '/tmp/x.sock' })).toBe('/tmp/x.sock');
  });
});
