// Frame gaps while the app works (a benchmark script, not a test): with a generated
// 10,000-objective report, the webview draws frames with requestAnimationFrame while one IPC
// call runs, and the longest time between two frames is printed for each call. A command that
// runs on the main thread stops the frames; one that runs off it does not.
// Run: xvfb-run -a node tests/e2e/frames.mjs   (JALON_BIN and JALON_CLI default to the release
// binaries of this tree; point them at another build to compare.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
process.env.JALON_BIN ??= path.resolve(here, '../../target/release/jalon');
const cli = process.env.JALON_CLI ?? path.resolve(here, '../../target/release/jalon-cli');
const { answerNextDialog, home, openApp, startDriver, stopDriver } = await import('./harness.mjs');

/** Runs one IPC call while counting frames; returns the call's time and the longest gap. */
async function gaps(browser, cmd, args) {
  return browser.execute(async (cmd, args) => {
    const frames = [];
    let running = true;
    const tick = (t) => {
      frames.push(t);
      if (running) requestAnimationFrame(tick);
    };
    // Two frames first, so that the loop is running when the call starts.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    requestAnimationFrame(tick);
    await new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    let error = null;
    try {
      window.__answer = await window.__TAURI_INTERNALS__.invoke(cmd, args);
    } catch (e) {
      error = e?.message ?? String(e);
    }
    const t1 = performance.now();
    // One more frame after the answer closes the last gap.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    running = false;
    const inside = frames.filter((t) => t >= t0 - 50);
    let longest = 0;
    for (let i = 1; i < inside.length; i++) longest = Math.max(longest, inside[i] - inside[i - 1]);
    // No frame at all during the call: the gap is the whole call.
    if (inside.filter((t) => t > t0 && t < t1).length === 0) longest = Math.max(longest, t1 - t0);
    // The answer's size, measured once the frames are counted.
    const bytes = JSON.stringify(window.__answer ?? null).length;
    return { call: t1 - t0, longest, frames: inside.length, error, bytes };
  }, cmd, args);
}

const settings = { width: 1920, height: 1080, format: 'svg', dark: false };
await startDriver();
try {
  console.log(`binary: ${process.env.JALON_BIN}`);
  const big = path.join(home, 'frames-10k.jalon');
  fs.rmSync(big, { force: true });
  execFileSync(cli, ['generate', '--objectives', '10000', '--db', big]);
  const b = await openApp([big]);
  await (await b.$('[data-testid="counts"]')).waitForExist({ timeout: 60000 });
  const out = path.join(home, 'frames-charts');
  fs.mkdirSync(out, { recursive: true });
  const calls = [
    ['close_checks', {}],
    ['close_period', { nextLabel: '2026-Q2', nextAsOf: '2026-06-30' }],
    ['load', {}],
    ['compare_periods', { from: 1, to: 2 }],
    ['chart_previews', { scope: { kind: 'strategy' }, settings }],
    ['chart_previews', { scope: { kind: 'axis', number: 1 }, settings }],
    ['export_charts', { scope: { kind: 'axis', number: 1 }, settings: { ...settings, format: 'png' }, title: 'x' }],
  ];
  for (const [cmd, args] of calls) {
    if (cmd === 'export_charts') answerNextDialog(out);
    const r = await gaps(b, cmd, args);
    console.log(`10,000 objectives: ${cmd.padEnd(16)} call ${r.call.toFixed(0).padStart(5)} ms, longest frame gap ${r.longest.toFixed(0).padStart(5)} ms, ${r.frames} frames, answer ${(r.bytes / 1e6).toFixed(2)} MB${r.error ? ` (error: ${r.error})` : ''}`);
  }
  await b.deleteSession();
} finally {
  stopDriver();
}
