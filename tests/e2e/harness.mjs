// Drives the real `jalon` binary through tauri-driver and WebKitWebDriver. Each run gets its own
// config and data folders (so the app starts on a fresh copy of the demo report) and a file of
// answers for the native dialogs, which WebDriver cannot drive.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { freePort, waitForPort } from './ports.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const binary = process.env.JALON_BIN ?? path.join(root, 'target/debug/jalon');
export const shots = path.join(root, 'target/e2e-screenshots');
const tauriDriver = process.env.TAURI_DRIVER ?? path.join(root, '.tools/bin/tauri-driver');

export const home = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-e2e-'));
export const answers = path.join(home, 'dialog-answers');
export const demoFile = path.join(home, 'data/org.jalon.desktop/Demo report.jalon');

let driver;
let port;

export async function startDriver() {
  if (!fs.existsSync(binary)) throw new Error(`no app binary at ${binary}: build it first`);
  if (!fs.existsSync(tauriDriver)) throw new Error(`no tauri-driver at ${tauriDriver}`);
  fs.mkdirSync(shots, { recursive: true });
  fs.writeFileSync(answers, '');
  port = await freePort();
  const nativePort = await freePort();
  driver = spawn(tauriDriver, ['--port', String(port), '--native-port', String(nativePort)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      JALON_TEST_DIALOG_ANSWERS: answers,
      LANG: 'C.UTF-8',
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
      NO_AT_BRIDGE: '1',
    },
  });
  await waitForPort(port, 'tauri-driver');
}

export function stopDriver() {
  driver?.kill();
  // An app the driver started must not outlive the tests: after a reload WebKitWebDriver may
  // not close it, and an orphan holds CI's run open.
  spawnSync('pkill', ['-f', binary]);
}

/** Ends a session, but waits at most 10 s for the driver's answer. */
export async function closeApp(browser) {
  if (!browser) return;
  await Promise.race([
    browser.deleteSession().catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, 10000).unref()),
  ]);
}

export async function openApp(args = []) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      'tauri:options': { application: binary, args },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  await browser.setWindowSize(1360, 900).catch(() => {});
  return browser;
}

/** Replaces a field's content by typing, as a person would. */
export async function typeInto(browser, el, text) {
  await el.click();
  await browser.keys(['Control', 'a']);
  await browser.keys(['Backspace']);
  // One action per character: in one action, a repeated character ("1000") arrives once.
  for (const ch of text) await browser.keys([ch]);
}

/** The text an element holds. Read from the DOM: WebDriver's visible text is empty for an
 *  element scrolled out of the content pane, which is not what these tests are about. */
async function domText(browser, selector) {
  return browser.execute((sel) => {
    const el = document.querySelector(sel);
    return el ? el.textContent.replace(/\s+/g, (m) => (m.includes('\u00a0') ? '\u00a0' : ' ')).trim() : null;
  }, selector);
}

export async function textOf(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout: 10000 });
  return domText(browser, selector);
}

export async function waitForText(browser, selector, want, timeout = 10000) {
  let last = '';
  await browser.waitUntil(
    async () => {
      last = (await domText(browser, selector)) ?? '<missing>';
      return last === want;
    },
    { timeout, timeoutMsg: `${selector}: wanted ${JSON.stringify(want)}, last saw ${JSON.stringify(last)}` },
  );
}

/** Photographs the app window from the X display. WebKitWebDriver's own screenshot call never
 *  answers on some views (a short page in a scrolling pane), so the display is used instead. */
export async function shot(browser, name) {
  // Let the last change paint before the picture.
  await browser.execute(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { width, height } = await browser.getWindowSize().catch(() => ({ width: 1360, height: 900 }));
  execFileSync('import', ['-window', 'root', '-crop', `${width}x${height}+0+0`, '+repage',
    path.join(shots, `${name}.png`)]);
}

/** The report file and its write-ahead log, hashed together. */
export function fileHash(file) {
  const h = createHash('sha256');
  for (const f of [file, `${file}-wal`]) {
    h.update(fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0));
  }
  return h.digest('hex');
}

export function answerNextDialog(p) {
  fs.appendFileSync(answers, `${p}\n`);
}

const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core inside the real webview; returns the serious and critical violations. */
export async function axeViolations(browser) {
  // Inject once per page.
  const present = await browser.execute(() => typeof window.__axe !== 'undefined');
  if (!present) await browser.execute(`${axeSource}\n;window.__axe = axe; return true;`);
  const result = await browser.execute(async () => {
    const r = await window.__axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    if (r.passes.length === 0) throw new Error('axe-core checked nothing');
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
