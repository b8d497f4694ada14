// The published page in a real browser (Debian's Chromium, through ChromeDriver): axe-core
// finds no serious or critical violation, the filter by axis works without the script, the
// print version unfolds every text, the page looks the same with the network cut off, and the
// W3C validator (vnu) finds no error. Screenshots land in target/publish-screenshots/.
import { execFileSync, spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { remote } from 'webdriverio';
import { freePort, waitForPort } from './ports.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cli = process.env.JALON_CLI ?? path.join(root, 'target/debug/jalon-cli');
const shots = path.join(root, 'target/publish-screenshots');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-page-'));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Flags without which Chromium, on a machine with no network, keeps trying to reach Google.
const quiet = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--hide-scrollbars', '--force-device-scale-factor=1'];

function run(args) {
  return execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let driver;
const sessions = [];
let page;
let pageFr;

async function browser(extra = []) {
  const b = await remote({
    hostname: '127.0.0.1',
    port: driver.port,
    logLevel: 'error',
    capabilities: {
      browserName: 'chrome',
      'wdio:enforceWebDriverClassic': true,
      'goog:chromeOptions': {
        binary: chromium,
        args: [...quiet, '--window-size=1280,900', `--user-data-dir=${fs.mkdtempSync(path.join(work, 'profile-'))}`, ...extra],
      },
    },
  });
  sessions.push(b);
  return b;
}

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const db = path.join(work, 'demo.jalon');
  run(['import-json', path.join(root, 'assets/demo/demo-report.json'), '--db', db]);
  run(['publish', '--db', db, '--out', path.join(work, 'site')]);
  run(['publish', '--db', db, '--out', path.join(work, 'site-fr'), '--lang', 'fr']);
  page = path.join(work, 'site/index.html');
  pageFr = path.join(work, 'site-fr/index.html');
  const port = await freePort();
  const proc = spawn('chromedriver', [`--port=${port}`], { stdio: 'ignore' });
  driver = { port, proc };
  await waitForPort(port, 'chromedriver');
});

after(async () => {
  for (const s of sessions) await s.deleteSession().catch(() => {});
  driver?.proc.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

async function axe(b) {
  await b.execute(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return b.executeAsync((done) => {
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
      .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }))));
  });
}

test('axe-core finds nothing serious on the page, in English and in French', async () => {
  const b = await browser();
  for (const file of [page, pageFr]) {
    await b.url(pathToFileURL(file).href);
    const violations = await axe(b);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], `${file}: ${JSON.stringify(violations)}`);
    assert.equal(await b.execute(() => document.querySelectorAll('h1').length), 1);
  }
  await b.url(pathToFileURL(page).href);
  await b.saveScreenshot(path.join(shots, 'page-top.png'));
  // The script ran (its hash is in the page's policy): it marks the filter's current link.
  assert.equal(await b.execute(() => document.querySelector('nav.filter a[aria-current]')?.getAttribute('href')), '#axes');
});

test('the filter by axis is links: one axis alone shows, whatever the script does', async () => {
  const b = await browser(['--blink-settings=scriptEnabled=false']);
  await b.url(pathToFileURL(page).href + '#axis-2');
  const shown = await b.execute(() => [...document.querySelectorAll('section.axis')]
    .filter((s) => s.offsetParent !== null).map((s) => s.id));
  assert.deepEqual(shown, ['axis-2']);
  // Scripts are off in this browser: nothing marked the link.
  assert.equal(await b.execute(() => document.querySelectorAll('[aria-current]').length), 0);
  await b.execute(() => document.getElementById('axis-2').scrollIntoView());
  await b.saveScreenshot(path.join(shots, 'page-axis-2.png'));
});

test('with the network cut off the page looks the same, and it loads nothing', async () => {
  const online = await browser();
  await online.url(pathToFileURL(page).href);
  const a = await online.takeScreenshot();
  const offline = await browser(['--proxy-server=127.0.0.1:9', '--host-resolver-rules=MAP * ~NOTFOUND']);
  await offline.url(pathToFileURL(page).href);
  const b = await offline.takeScreenshot();
  assert.ok(a === b, 'the same pixels online and offline');
  const loaded = await offline.execute(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(loaded, []);
});

test('printing gives a clean report with every text unfolded', () => {
  const pdf = path.join(work, 'page.pdf');
  execFileSync(chromium, [...quiet, `--user-data-dir=${path.join(work, 'print-profile')}`,
    '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(page).href], { stdio: 'ignore' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  // Folded in the browser, the next steps are on paper.
  assert.match(text, /Finish the rural sites and measure the real bandwidth in class\./);
  assert.doesNotMatch(text, /Filter by axis/, 'the filter is not printed');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdf, path.join(shots, 'print')]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 4, `${pages} pages`);
});

test('the W3C validator finds no error in the page', () => {
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  // vnu exits non-zero and prints the errors when there are any.
  execFileSync('java', ['-jar', jar, '--errors-only', page, pageFr], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
});
