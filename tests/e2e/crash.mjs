// Crash trials (a script, not a test): the real app is killed with SIGKILL at a random moment
// while it saves edits and closes periods, N times (100 by default); after each kill the file
// must open, pass SQLite's integrity check, hold every edit the app had acknowledged, and every
// closed period's checksum must verify. Then the same for the CLI's JSON import and page
// merge, killed at random moments: the report is either as before or as after, never between.
// Run: xvfb-run -a node tests/e2e/crash.mjs [N] [app|cli]   (release binaries of this tree by
// default; both kinds of trial unless one is named)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
process.env.JALON_BIN ??= path.resolve(here, '../../target/release/jalon');
const cli = process.env.JALON_CLI ?? path.resolve(here, '../../target/release/jalon-cli');
const root = path.resolve(here, '../..');
const trials = Number(process.argv[2] ?? 100);
// "app", "cli" or both (the default).
const which = process.argv[3] ?? 'both';
const { home, openApp, startDriver, stopDriver } = await import('./harness.mjs');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const random = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo));

/** What SQLite and Jalon say of a file: integrity, checksums, and one objective's title. */
function inspect(file, objective) {
  const py = `import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("PRAGMA integrity_check").fetchone()[0])
row = c.execute("SELECT title FROM objective WHERE number = ?", (int(sys.argv[2]),)).fetchone()
print(row[0] if row else "")
print(c.execute("SELECT count(*) FROM period WHERE state = 'closed'").fetchone()[0])`;
  let out;
  try {
    out = execFileSync('python3', ['-c', py, file, String(objective)], { stdio: 'pipe' }).toString();
  } catch (e) {
    return { integrity: `unreadable: ${e.stderr?.toString().trim().split('\n').pop()}`, title: '', closed: 0, checksums: '' };
  }
  const [integrity, title, closed] = out.trim().split('\n');
  let checksums = 'ok';
  try {
    execFileSync(cli, ['periods', 'list', '--db', file], { stdio: 'pipe' });
  } catch (e) {
    checksums = e.stderr?.toString().trim() || 'failed';
  }
  return { integrity, title, closed: Number(closed), checksums };
}

function appPid() {
  return execFileSync('pgrep', ['-n', '-f', process.env.JALON_BIN]).toString().trim();
}

async function appTrial(file, i) {
  const b = await openApp([file]);
  await (await b.$('[data-testid="counts"]')).waitForExist({ timeout: 30000 });
  // In the page: save titles "crash N" one after the other, and close a period on the way;
  // each acknowledged save is recorded as it resolves.
  await b.execute(() => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    window.__acked = 0;
    (async () => {
      const view = await invoke('load');
      const o = view.report.axes[0].actions[0].objectives[0];
      const fields = { title: o.title, status: o.status, progress: o.progress, achievement: o.achievement,
        next_steps: o.next_steps, lead: o.lead, due_date: o.due_date, weight: o.weight, indicator: o.indicator };
      const base = Number(/crash (\d+)/.exec(o.title)?.[1] ?? 0);
      for (let n = base + 1; ; n++) {
        await invoke('update_objective', { id: o.id, fields: { ...fields, title: `crash ${n}` } });
        window.__acked = n;
        if (n === base + 5) {
          const checks = await invoke('close_checks');
          if (checks.next_label) await invoke('close_period', { nextLabel: checks.next_label, nextAsOf: checks.next_as_of });
        }
      }
    })();
  });
  await sleep(random(20, 600));
  const acked = await b.execute(() => window.__acked);
  process.kill(Number(appPid()), 'SIGKILL');
  await b.deleteSession().catch(() => {});
  const seen = inspect(file, 1);
  const onDisk = Number(/crash (\d+)/.exec(seen.title)?.[1] ?? 0);
  const ok = seen.integrity === 'ok' && seen.checksums === 'ok' && onDisk >= acked;
  if (!ok) console.log(`app trial ${i}: acked ${acked}, on disk ${onDisk}, ${JSON.stringify(seen)}`);
  return ok;
}

/** How the killed CLI runs ended: no file yet, the report before, after, or broken. */
let outcomes = {};

/** A CLI import killed after a random delay: the report is the one before or the one after. */
async function cliTrial(args, file, before, after, i) {
  const child = spawn(cli, args, { stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', r));
  await sleep(random(0, 25));
  child.kill('SIGKILL');
  await exited;
  if (!fs.existsSync(file)) {
    outcomes.none = (outcomes.none ?? 0) + 1;
    return before === null;
  }
  const seen = inspect(file, 1);
  const summary = (() => {
    try {
      return execFileSync(cli, ['summary', '--db', file, '--json']).toString();
    } catch {
      return null;
    }
  })();
  // A report the import created and did not fill yet is empty: the state before the import.
  const empty = summary !== null && JSON.parse(summary).strategy.objective_count === 0 && before === null;
  const ok = seen.integrity === 'ok' && seen.checksums === 'ok' && (summary === before || summary === after || empty);
  const kind = summary === after ? 'after' : summary === before || empty ? 'before' : 'broken';
  outcomes[kind] = (outcomes[kind] ?? 0) + 1;
  if (!ok) console.log(`cli trial ${i} (${args[0]}): ${JSON.stringify(seen)}, summary is ${summary === null ? 'unreadable' : 'neither before nor after'}`);
  return ok;
}

if (which !== 'cli') {
  const file = path.join(home, 'crash.jalon');
  fs.rmSync(file, { force: true });
  execFileSync(cli, ['generate', '--objectives', '2000', '--db', file]);
  await startDriver();
  let survived = 0;
  try {
    for (let i = 1; i <= trials; i++) if (await appTrial(file, i)) survived++;
  } finally {
    stopDriver();
  }
  console.log(`app: ${survived} of ${trials} kills survived (integrity, every acknowledged save, checksums)`);
}
if (which === 'app') process.exit(0);

// The CLI: a JSON document imported into a fresh report, and a page merged into the demo.
const demo = path.join(root, 'assets/demo/demo-report.json');
const page = path.join(root, 'tests/fixtures/pages/en-full.txt');
const base = path.join(home, 'base.jalon');
fs.rmSync(base, { force: true });
execFileSync(cli, ['import-json', demo, '--db', base], { stdio: 'ignore' });
const summaryOf = (f) => execFileSync(cli, ['summary', '--db', f, '--json']).toString();
const before = summaryOf(base);
const merged = path.join(home, 'merged.jalon');
fs.copyFileSync(base, merged);
execFileSync(cli, ['import-page', page, '--db', merged], { stdio: 'ignore' });
const after = summaryOf(merged);
for (const [name, make] of [
  ['import-json', (f) => ({ args: ['import-json', demo, '--db', f], before: null, after: before })],
  ['import-page', (f) => { fs.copyFileSync(base, f); return { args: ['import-page', page, '--db', f], before, after }; }],
]) {
  let ok = 0;
  outcomes = {};
  for (let i = 1; i <= trials; i++) {
    const f = path.join(home, `cli-${name}.jalon`);
    for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
    const t = make(f);
    if (await cliTrial(t.args, f, t.before, t.after, i)) ok++;
  }
  console.log(`cli ${name}: ${ok} of ${trials} kills survived (integrity, checksums, the report before or after); killed with ${JSON.stringify(outcomes)}`);
}
