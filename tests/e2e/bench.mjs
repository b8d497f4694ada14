// Figures for the desktop app (a benchmark script, not a test): cold start to a painted
// dashboard, one objective save through IPC to refreshed percentages, memory of the app and its
// web process, and the same on a generated 5,000-objective report.
// Run: xvfb-run -a node tests/e2e/bench.mjs   (JALON_BIN defaults to target/release/jalon)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

process.env.JALON_BIN ??= path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../target/release/jalon');
const { home, openApp, root, startDriver, stopDriver } = await import('./harness.mjs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const fmt = (x) => `${x.toFixed(1)} ms`;

async function painted(browser) {
  await (await browser.$('[data-testid="counts"]')).waitForExist({ timeout: 60000 });
  await browser.execute(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function coldStart(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const b = await openApp(args);
    await painted(b);
    times.push(performance.now() - t0);
    await b.deleteSession();
  }
  return times;
}

/** Saves objective `number` `n` times through the same IPC call the editor uses. */
async function saves(browser, number, n) {
  return browser.execute(async (number, n) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const view = await invoke('load');
    const o = view.report.axes.flatMap((a) => a.actions).flatMap((a) => a.objectives).find((x) => x.number === number);
    const fields = { title: o.title, status: o.status, progress: o.progress, achievement: o.achievement,
      next_steps: o.next_steps, lead: o.lead, due_date: o.due_date, weight: o.weight, indicator: o.indicator };
    const times = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const saved = await invoke('update_objective', { id: o.id, fields: { ...fields, progress: (i * 7) % 101 } });
      if (saved.figures.objectives[o.id] !== (i * 7) % 101) throw new Error('figures not refreshed');
      times.push(performance.now() - t);
    }
    await invoke('update_objective', { id: o.id, fields });
    return times;
  }, number, n);
}

function memory() {
  const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const app = execFileSync('pgrep', ['-n', '-f', process.env.JALON_BIN]).toString().trim();
  const children = execFileSync('pgrep', ['-P', app]).toString().trim().split('\n').filter(Boolean);
  const web = children.map((pid) => ({ pid, name: fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), mb: rss(pid) }));
  return { app: rss(app), web };
}

/** Time from a scroll to the painted frame: `step` pixels at a time, or jumps across the page
 *  (dragging the scroll bar) when step is null. */
async function scrolling(browser, step) {
  return browser.execute(async (step) => {
    const main = document.querySelector('main');
    main.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const times = [];
    for (let i = 1; i <= 40; i++) {
      const t = performance.now();
      main.scrollTop = step === null ? (main.scrollHeight * i) / 41 : main.scrollTop + step;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      times.push(performance.now() - t);
    }
    return times;
  }, step);
}

await startDriver();
try {
  console.log(`binary: ${process.env.JALON_BIN}`);
  const demoStarts = await coldStart([], 5);
  console.log(`demo: cold start to painted dashboard (WebDriver session included), 5 runs: median ${fmt(median(demoStarts))}, max ${fmt(Math.max(...demoStarts))}`);
  let b = await openApp([]);
  await painted(b);
  const demoSaves = await saves(b, 34, 100);
  console.log(`demo: save one objective through IPC to refreshed figures, 100 saves: median ${fmt(median(demoSaves))}, p95 ${fmt(p95(demoSaves))}`);
  const m = memory();
  console.log(`demo: memory: app ${m.app.toFixed(0)} MB RSS; ${m.web.map((w) => `${w.name} ${w.mb.toFixed(0)} MB`).join(', ')}`);
  await b.deleteSession();

  const big = path.join(home, 'big.jalon');
  execFileSync(path.join(root, 'target/release/jalon-cli'), ['generate', '--objectives', '5000', '--db', big]);
  const bigStarts = await coldStart([big], 3);
  console.log(`5,000 objectives: start to painted dashboard, 3 runs: median ${fmt(median(bigStarts))}`);
  b = await openApp([big]);
  await painted(b);
  const bigSaves = await saves(b, 2500, 50);
  console.log(`5,000 objectives: save through IPC to refreshed figures, 50 saves: median ${fmt(median(bigSaves))}, p95 ${fmt(p95(bigSaves))}`);
  const pageDown = await scrolling(b, 800);
  console.log(`5,000 objectives: scroll by 800 px to painted frame, 40 steps: median ${fmt(median(pageDown))}, max ${fmt(Math.max(...pageDown))}`);
  const jumps = await scrolling(b, null);
  console.log(`5,000 objectives: jump across the page to painted frame, 40 jumps: median ${fmt(median(jumps))}, max ${fmt(Math.max(...jumps))}`);
  await b.execute(() => document.querySelector('[data-testid="action-250"]').scrollIntoView());
  await (await b.$('[data-testid="objective-2500"]')).waitForExist();
  const t0 = performance.now();
  await (await b.$('[data-testid="objective-2500"] [data-testid="edit"]')).click();
  await (await b.$('[data-testid="editor"]')).waitForDisplayed();
  console.log(`5,000 objectives: click Edit to editor shown (WebDriver round trips included): ${fmt(performance.now() - t0)}`);
  const mb = memory();
  console.log(`5,000 objectives: memory: app ${mb.app.toFixed(0)} MB RSS; ${mb.web.map((w) => `${w.name} ${w.mb.toFixed(0)} MB`).join(', ')}`);
  await b.deleteSession();
} finally {
  stopDriver();
}
