import { DAY, FixedClock } from '@renkou/core';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { fileOffsetClock } from './offset-clock';

const dir = mkdtempSync(join(tmpdir(), 'renkou-clock-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('test-only offset clock (RENKOU_CLOCK_FILE)', () => {
  it('runs the base clock until the file names days ahead, and follows the file when it changes', () => {
    const file = join(dir, 'days');
    const base = new FixedClock('2026-03-02T02:00:00.000Z');
    const clock = fileOffsetClock(file, base);
    expect(clock.now().toISOString()).toBe('2026-03-02T02:00:00.000Z');
    writeFileSync(file, '2\n');
    expect(clock.now().getTime()).toBe(base.now().getTime() + 2 * DAY);
    writeFileSync(file, 'seven');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(clock.now().toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('is configured only when the variable is set', () => {
    expect(loadConfig({}).clockFile).toBeUndefined();
    expect(loadConfig({ RENKOU_CLOCK_FILE: '/tmp/days' }).clockFile).toBe('/tmp/days');
  });
});
