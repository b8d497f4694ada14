// The installed package, as an officer meets it: /usr/bin/jalon (JALON_BIN) opens a report
// given on its command line; a second launch with another report, from another folder, hands
// it to the open window and exits 0; Help → About gives the package's version. Run by
// scripts/package-test.sh, under a D-Bus session (the single-instance lock lives there).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { closeApp, home, openApp, root, shot, startDriver, stopDriver, textOf, waitForText } from './harness.mjs';

const binary = process.env.JALON_BIN;
const cli = path.join(root, 'target/debug/jalon-cli');
const version = process.env.JALON_PACKAGE_VERSION;
const reports = path.join(home, 'reports');
const other = path.join(home, 'elsewhere');
let browser;

/** The names of the X windows: the native title, which WebDriver does not read (its title is
 *  the page's). */
function windowNames() {
  return execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' });
}

function report(file) {
  execFileSync(cli, ['import-json', path.join(root, 'assets/demo/demo-report.json'), '--db', file], { stdio: 'ignore' });
}

before(async () => {
  assert.ok(binary && binary.startsWith('/usr/bin/'), `JALON_BIN is the installed binary, not ${binary}`);
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'a D-Bus session (dbus-run-session)');
  fs.mkdirSync(reports, { recursive: true });
  fs.mkdirSync(other, { recursive: true });
  report(path.join(reports, 'Quarter 3.jalon'));
  report(path.join(other, 'Quarter 4.jalon'));
  await startDriver();
  browser = await openApp([path.join(reports, 'Quarter 3.jalon')]);
});

after(async () => {
  await closeApp(browser);
  stopDriver();
});

test('the installed app opens the report named on its command line', async () => {
  await waitForText(browser, '.file-name', 'Quarter 3.jalon');
  assert.match(windowNames(), /"Quarter 3\.jalon — Jalon"/);
  await shot(browser, 'package-first-launch');
});

test('a second launch hands its report, relative to its own folder, to the open window and exits 0', async () => {
  const second = spawnSync(binary, ['Quarter 4.jalon'], {
    cwd: other,
    timeout: 30000,
    encoding: 'utf8',
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
      NO_AT_BRIDGE: '1',
    },
  });
  assert.equal(second.error, undefined, `the second launch ended by itself: ${second.error}`);
  assert.equal(second.status, 0, `the second launch exits 0 (stderr: ${second.stderr})`);
  await waitForText(browser, '.file-name', 'Quarter 4.jalon', 15000);
  assert.equal(await textOf(browser, '.file-name'), 'Quarter 4.jalon');
  assert.equal(
    await browser.execute(() => document.querySelector('.file-name')?.getAttribute('title')),
    path.join(other, 'Quarter 4.jalon'),
    'the path was resolved against the second launch\'s folder',
  );
  assert.match(windowNames(), /"Quarter 4\.jalon — Jalon"/);
  assert.doesNotMatch(windowNames(), /"Quarter 3\.jalon — Jalon"/, 'one window, not a second one');
  await shot(browser, 'package-handed-over');
});

test('Help → About gives the version the package carries, and the data folder', async () => {
  await (await browser.$('summary=Help')).click();
  await (await browser.$('[data-testid="about-open"]')).click();
  await (await browser.$('[data-testid="about"]')).waitForDisplayed({ timeout: 5000 });
  assert.equal(await textOf(browser, '[data-testid="about-version"]'), version);
  const text = await textOf(browser, '[data-testid="about"]');
  assert.match(text, /SIL Open Font License 1\.1/);
  assert.ok(text.includes(path.join(home, 'data/org.jalon.desktop')), text);
  await shot(browser, 'package-about');
});
