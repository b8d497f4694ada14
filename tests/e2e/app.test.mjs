// End-to-end tests of the real desktop app. They run in order, on one demo report.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  answerNextDialog, answers, axeViolations, closeApp, demoFile, fileHash, openApp, root, shot, startDriver,
  stopDriver, textOf, typeInto, waitForText,
} from './harness.mjs';

// The real published page when CI provides it beside the repository, else the team's own
// page in the same format: both are imported for real, with their own expected figures.
const seed = path.resolve(root, '../shared/seed/progress-report-2026-axis4.txt');
const page = fs.existsSync(seed)
  ? { file: seed, actions: { 14: '65%', 15: '13%', 16: '58%', 17: '27%' } }
  : { file: path.join(root, 'tests/fixtures/pages/en-full.txt'), actions: { 5: '55%', 6: '23%' } };

let browser;

before(async () => {
  await startDriver();
  browser = await openApp();
});

after(async () => {
  await closeApp(browser);
  stopDriver();
});

async function openEditor(testid) {
  await (await browser.$(`[data-testid="${testid}"] [data-testid="edit"]`)).click();
  const editor = await browser.$('[data-testid="editor"]');
  await editor.waitForDisplayed({ timeout: 5000 });
  return editor;
}

test('1. the app starts on the demo report: Action 14 at 65% and the header counts', async () => {
  await waitForText(browser, '[data-testid="action-progress-14"]', '65%');
  assert.equal(await textOf(browser, '[data-testid="counts"]'), '3 axes, 7 key actions and 25 objectives');
  assert.equal(await browser.getTitle(), 'Jalon');
  await shot(browser, '01-dashboard-en');
});

test('2. setting Objective 34 from 5 to 35 makes Action 14 70%, and it survives a restart', async () => {
  await openEditor('objective-34');
  await typeInto(browser, await browser.$('[data-testid="field-progress"]'), '35');
  await shot(browser, '02-editor');
  await (await browser.$('[data-testid="save"]')).click();
  await waitForText(browser, '[data-testid="action-progress-14"]', '70%');
  assert.equal(await textOf(browser, '[data-testid="objective-34"] [data-testid="objective-progress"]'), '35%');
  await browser.deleteSession();
  browser = await openApp();
  await waitForText(browser, '[data-testid="action-progress-14"]', '70%');
});

test('3. typing 150 shows an error at the field and leaves the file unchanged', async () => {
  const before = fileHash(demoFile);
  await openEditor('objective-34');
  await typeInto(browser, await browser.$('[data-testid="field-progress"]'), '150');
  await (await browser.$('[data-testid="save"]')).click();
  const error = await browser.$('[data-testid="error-progress"]');
  await error.waitForDisplayed({ timeout: 5000 });
  assert.match(await error.getText(), /0 to 100/);
  assert.equal(
    await (await browser.$('[data-testid="field-progress"]')).getAttribute('aria-invalid'),
    'true',
  );
  await shot(browser, '03-editor-error');
  await browser.keys(['Escape']);
  await (await browser.$('[data-testid="editor"]')).waitForExist({ reverse: true, timeout: 5000 });
  assert.equal(fileHash(demoFile), before, 'report file unchanged');
  assert.equal(await textOf(browser, '[data-testid="action-progress-14"]'), '70%');
});

async function objectivesOf(action) {
  return (await browser.$$(`[data-testid="action-${action}"] li.objective`)).length;
}

test('4. filter by axis; add an objective, delete it, undo the deletion', async () => {
  const filter = await browser.$('[data-testid="axis-filter"]');
  await filter.selectByVisibleText('Axis 4: A ministry information system built around its users');
  await waitForText(browser, '[data-testid="shown"]', '17 shown');
  assert.equal(await (await browser.$('[data-testid="axis-1"]')).isExisting(), false, 'axis 1 hidden');
  await shot(browser, '04-filtered');

  assert.equal(await objectivesOf(17), 3);
  await (await browser.$('[data-testid="add-objective-17"]')).click();
  await (await browser.$('[data-testid="editor"]')).waitForDisplayed({ timeout: 5000 });
  await browser.keys(['Escape']);
  await browser.waitUntil(async () => (await objectivesOf(17)) === 4, { timeoutMsg: 'objective added' });

  const added = (await browser.$$('[data-testid="action-17"] li.objective'))[3];
  await (await added.$('[data-testid="menu"]')).click();
  await (await added.$('[data-testid="delete"]')).click();
  const confirm = await browser.$('[data-testid="confirm-delete"] [data-testid="confirm"]');
  await confirm.waitForDisplayed({ timeout: 5000 });
  await shot(browser, '05-confirm-delete');
  await confirm.click();
  await browser.waitUntil(async () => (await objectivesOf(17)) === 3, { timeoutMsg: 'objective deleted' });

  await (await browser.$('[data-testid="undo"]')).click();
  await browser.waitUntil(async () => (await objectivesOf(17)) === 4, { timeoutMsg: 'deletion undone' });
  // The objective put back keeps its history: added, deleted, then added again by the undo.
  const restored = (await browser.$$('[data-testid="action-17"] li.objective'))[3];
  await (await restored.$('[data-testid="edit"]')).click();
  await (await browser.$('[data-testid="history"] summary')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="history-entry"]')).length === 3,
    { timeoutMsg: 'three changes of place in the history' });
  const story = await browser.execute(() => [...document.querySelectorAll('[data-testid="history-entry"]')]
    .map((r) => [...r.querySelectorAll('td')].slice(2).map((c) => c.textContent.replace(/\s+/g, ' ').trim()).join(' | ')));
  assert.deepEqual(story, ['Added | to Action 17', 'Deleted | New objective', 'Added | to Action 17'], story.join('\n'));
  await shot(browser, '04-history-of-a-restored-objective');
  await browser.keys(['Escape']);
  await (await browser.$('[data-testid="editor"]')).waitForExist({ reverse: true, timeout: 5000 });
  // Ctrl+Z outside a text field undoes too: here, the addition.
  await (await browser.$('[data-testid="shown"]')).click();
  await browser.keys(['Control', 'z']);
  await browser.waitUntil(async () => (await objectivesOf(17)) === 3, { timeoutMsg: 'addition undone' });
  await filter.selectByIndex(0);
  await waitForText(browser, '[data-testid="counts"]', '3 axes, 7 key actions and 25 objectives');
});

test('5. switching to French and back', async () => {
  const lang = await browser.$('[data-testid="language"]');
  await lang.selectByAttribute('value', 'fr');
  await waitForText(browser, '[data-testid="action-progress-14"]', '70\u00a0%');
  assert.equal(await textOf(browser, '[data-testid="counts"]'), '3 axes, 7 actions clés et 25 objectifs');
  assert.equal(await textOf(browser, '[data-testid="tab-dashboard"]'), 'Tableau de bord');
  await shot(browser, '06-dashboard-fr');
  await lang.selectByAttribute('value', 'en');
  await waitForText(browser, '[data-testid="action-progress-14"]', '70%');
});

test('6. importing the published page through the import command', async () => {
  answerNextDialog(page.file);
  await (await browser.$('.menu > summary')).click();
  await (await browser.$('[data-testid="import-page"]')).click();
  for (const [action, want] of Object.entries(page.actions)) {
    await waitForText(browser, `[data-testid="action-progress-${action}"]`, want);
  }
  await shot(browser, '07-after-import');
  await (await browser.$('[data-testid="tab-checks"]')).click();
  await (await browser.$('#checks-title')).waitForDisplayed();
  await shot(browser, '08-checks');
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
});

test('7. opening a file that is not a report says so and keeps the current report open', async () => {
  const notes = path.join(path.dirname(demoFile), 'notes.jalon');
  fs.writeFileSync(notes, 'just some notes\n');
  answerNextDialog(notes);
  await (await browser.$('.menu > summary')).click();
  await (await browser.$('[data-testid="open-report"]')).click();
  const message = await browser.$('[data-testid="message"]');
  await message.waitForDisplayed({ timeout: 5000 });
  assert.match(await message.getText(), /not a Jalon report/);
  assert.equal(fs.readFileSync(notes, 'utf8'), 'just some notes\n', 'the file is left alone');
  assert.equal(await textOf(browser, '.file-name'), 'Demo report.jalon', 'the report stays open');
  await shot(browser, '09-bad-file');
});

test('8. report details: a new title and the flat method', async () => {
  await waitForText(browser, '[data-testid="axis-progress-4"]', '40%');
  await (await browser.$('[data-testid="edit-report"]')).click();
  await (await browser.$('[data-testid="report-details"]')).waitForDisplayed({ timeout: 5000 });
  await typeInto(browser, await browser.$('#report-title'), 'Quarterly-review');
  await (await browser.$('#report-method')).selectByAttribute('value', 'flat');
  await shot(browser, '10-report-details');
  await (await browser.$('[data-testid="save-report"]')).click();
  await (await browser.$('[data-testid="report-details"]')).waitForExist({ reverse: true, timeout: 5000 });
  await waitForText(browser, '#strategy-title', 'Quarterly-review');
  // Flat: the 17 entries of axis 4 sum to 750, 750 / 17 = 44.1.
  await waitForText(browser, '[data-testid="axis-progress-4"]', '44%');
});

test('9. axe-core finds no serious or critical violation on the dashboard, editor and checks', async () => {
  assert.deepEqual(await axeViolations(browser), [], 'dashboard');
  await openEditor('objective-30');
  assert.deepEqual(await axeViolations(browser), [], 'editor');
  await browser.keys(['Escape']);
  await (await browser.$('[data-testid="editor"]')).waitForExist({ reverse: true, timeout: 5000 });
  await (await browser.$('[data-testid="tab-checks"]')).click();
  await (await browser.$('#checks-title')).waitForDisplayed();
  assert.deepEqual(await axeViolations(browser), [], 'checks panel');
});

/** The texts of an SVG's <text> elements, in order, whitespace trimmed. */
function svgTexts(svg) {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1].trim().replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

async function waitForFiles(files, timeout = 15000) {
  await browser.waitUntil(async () => files.every((f) => fs.existsSync(f)), {
    timeout, timeoutMsg: `files not written: ${files.filter((f) => !fs.existsSync(f)).join(', ')}`,
  });
}

test('10. charts: the axis-4 preview shows the dashboard figures; Export all writes the pack', async () => {
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  const action14 = await textOf(browser, '[data-testid="action-progress-14"]');
  await (await browser.$('[data-testid="tab-charts"]')).click();
  await (await browser.$('[data-testid="chart-strategy-axes"] svg')).waitForExist({ timeout: 10000 });
  await (await browser.$('[data-testid="chart-scope"]')).selectByAttribute('value', 'axis:4');
  await (await browser.$('[data-testid="chart-axis-4-actions"] svg')).waitForExist({ timeout: 10000 });
  const previewTexts = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="chart-axis-4-actions"] svg text')].map((t) => t.textContent.trim()));
  assert.ok(previewTexts.includes(action14), `preview shows Action 14 at ${action14}: ${previewTexts}`);
  assert.match(await textOf(browser, '[data-testid="chart-axis-4-actions"] [data-testid="alt-text"]'),
    new RegExp(`Action 14 ${action14}`));
  await shot(browser, '10-charts-axis-4');

  await (await browser.$('[data-testid="chart-format"]')).selectByAttribute('value', 'both');
  const dir = path.join(path.dirname(demoFile), 'slides-axis-4');
  fs.mkdirSync(dir, { recursive: true });
  answerNextDialog(dir);
  await (await browser.$('[data-testid="export-all-charts"]')).click();
  const stems = ['axis-4-actions', 'status-axis-4', 'trend-axis-4'];
  const expected = stems.flatMap((s) => [`${s}.png`, `${s}.svg`, `${s}.txt`]).sort();
  await waitForFiles(expected.map((f) => path.join(dir, f)));
  assert.deepEqual(fs.readdirSync(dir).sort(), expected);
  for (const s of stems) assert.deepEqual(pngSize(path.join(dir, `${s}.png`)), [1920, 1080], s);
  // What you see is what you export: the preview and the file hold the same texts.
  assert.deepEqual(svgTexts(fs.readFileSync(path.join(dir, 'axis-4-actions.svg'), 'utf8')), previewTexts);
  assert.match(fs.readFileSync(path.join(dir, 'axis-4-actions.txt'), 'utf8'), new RegExp(`Action 14 ${action14}`));
  await browser.waitUntil(
    async () => (await textOf(browser, '[data-testid="message"]'))?.includes(`9 files written to ${dir}.`),
    { timeout: 5000, timeoutMsg: 'no message about the 9 files' },
  );
});

test('11. charts: one chart exports at a custom size through the save dialog; axe finds nothing serious', async () => {
  await (await browser.$('[data-testid="chart-format"]')).selectByAttribute('value', 'png');
  await (await browser.$('[data-testid="chart-size"]')).selectByAttribute('value', 'custom');
  await typeInto(browser, await browser.$('[data-testid="chart-width"]'), '1000');
  await typeInto(browser, await browser.$('[data-testid="chart-height"]'), '600');
  const target = path.join(path.dirname(demoFile), 'one-chart', 'axis four.png');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  answerNextDialog(target);
  await (await browser.$('[data-testid="chart-axis-4-actions"] [data-testid="export-chart"]')).click();
  await shot(browser, '11-charts-custom-size');
  await waitForFiles([target, target.replace(/\.png$/, '.txt')]).catch(async (e) => {
    await shot(browser, '11-failed');
    throw new Error(`${e.message}; message: ${await textOf(browser, '[data-testid="message"]').catch(() => '')}; answers left: ${fs.readFileSync(answers, 'utf8')}`);
  });
  assert.deepEqual(pngSize(target), [1000, 600]);
  assert.deepEqual(await axeViolations(browser), [], 'charts view');
  const font = await browser.execute(() => document.fonts.check('700 20px "Liberation Sans"'));
  assert.ok(font, 'the bundled chart font is loaded for the previews');
});

test('12. periods: close the quarter, edit an objective, see the delta in the comparison; the closed quarter is read-only', async () => {
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  // The demo carries 2025-Q3 and 2025-Q4 closed: the dashboard compares against 2025-Q4.
  await (await browser.$('[data-testid="action-delta-14"]')).waitForExist({ timeout: 5000 });
  assert.match(await (await browser.$('[data-testid="action-delta-14"]')).getAttribute('aria-label'), /since 2025-Q4$/);
  const old = Number((await textOf(browser, '[data-testid="objective-34"] [data-testid="objective-progress"]')).replace('%', ''));
  const next = old === 90 ? 95 : 90;

  await (await browser.$('[data-testid="close-period"]')).click();
  const dialog = await browser.$('[data-testid="close-period-dialog"]');
  await dialog.waitForDisplayed({ timeout: 5000 });
  const confirm = await browser.$('[data-testid="confirm-close-period"]');
  await confirm.waitForEnabled({ timeout: 10000 });
  assert.equal(await (await browser.$('#next-label')).getValue(), '2026-Q2');
  await shot(browser, '12-close-period');
  assert.deepEqual(await axeViolations(browser), [], 'close period dialog');
  await confirm.click();
  await dialog.waitForExist({ reverse: true, timeout: 10000 });
  await browser.waitUntil(
    async () => (await textOf(browser, '[data-testid="message"]'))?.includes('2026-Q1 is closed; 2026-Q2 is open.'),
    { timeout: 5000, timeoutMsg: 'no message about the closing' },
  );
  const options = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="period-switcher"] option')].map((o) => o.textContent.trim()));
  assert.equal(options.length, 4, options.join(' | '));
  assert.match(options[3], /^2026-Q2 \(open/);

  // Edit Objective 34 in the new quarter.
  await openEditor('objective-34');
  await typeInto(browser, await browser.$('[data-testid="field-progress"]'), String(next));
  const achievement = await browser.$('#field-achievement');
  await achievement.click();
  await browser.keys(['Control', 'End']);
  for (const ch of ' Audit done') await browser.keys([ch]);
  await (await browser.$('[data-testid="save"]')).click();
  await (await browser.$('[data-testid="editor"]')).waitForExist({ reverse: true, timeout: 5000 });
  await waitForText(browser, '[data-testid="objective-34"] [data-testid="objective-delta"]', `▲ +${next - old}`);

  // The comparison view: 2026-Q1 against 2026-Q2 by default.
  await (await browser.$('[data-testid="tab-compare"]')).click();
  const row = '[data-testid="compare-objective-34"]';
  await (await browser.$(row)).waitForExist({ timeout: 10000 });
  await waitForText(browser, `${row} [data-testid="compare-delta"]`, `▲ +${next - old}`);
  assert.match(await textOf(browser, `${row} .figures`), new RegExp(`${old}% → ${next}%`));
  assert.equal(await textOf(browser, `${row} ins`), 'Audit done');
  assert.equal(await (await browser.$('[data-testid="compare-from"]')).getValue(), await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="period-switcher"] option')][2].value));
  await shot(browser, '12-compare');
  assert.deepEqual(await axeViolations(browser), [], 'compare view');
  // The added words are announced as such, in text that is not shown.
  const spoken = await browser.execute((sel) => {
    const ins = document.querySelector(sel);
    ins.scrollIntoView({ block: 'center' });
    const before = getComputedStyle(ins, '::before');
    return [before.content, before.position, ins.getBoundingClientRect().height > 0];
  }, `${row} ins`);
  assert.deepEqual(spoken, ['" [added: "', 'absolute', true]);
  await shot(browser, '12-compare-words');

  // The closed quarter: read-only on screen, and refused by the shell if asked anyway.
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  const q1 = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="period-switcher"] option')][2].value);
  await (await browser.$('[data-testid="period-switcher"]')).selectByAttribute('value', q1);
  await (await browser.$('[data-testid="read-only-banner"]')).waitForExist({ timeout: 5000 });
  await waitForText(browser, '[data-testid="objective-34"] [data-testid="objective-progress"]', `${old}%`);
  assert.equal(await (await browser.$$('[data-testid="edit"]')).length, 0, 'no Edit button on a closed period');
  await shot(browser, '12-closed-period');
  assert.deepEqual(await axeViolations(browser), [], 'a closed period, read-only');
  const refusal = await browser.execute(async () => {
    try {
      await window.__TAURI_INTERNALS__.invoke('update_objective', {
        id: 1, fields: { title: 'x', status: 'in_progress', progress: 1, achievement: '', next_steps: '', lead: '', due_date: '', weight: 1, indicator: null },
      });
      return 'accepted';
    } catch (e) {
      return `${e.code}: ${e.message}`;
    }
  });
  assert.match(refusal, /^read_only: period 2026-Q1 is closed/);

  // Back to the open quarter; the editor shows the objective's history.
  await (await browser.$('[data-testid="period-switcher"]')).selectByVisibleText(options[3]);
  await (await browser.$('[data-testid="read-only-banner"]')).waitForExist({ reverse: true, timeout: 5000 });
  await openEditor('objective-34');
  await (await browser.$('[data-testid="history"] summary')).click();
  await (await browser.$('[data-testid="history-entry"]')).waitForExist({ timeout: 5000 });
  const history = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="history-entry"]')].map((r) => r.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(history.some((h) => h.includes('2026-Q2') && h.includes(`${old}% → ${next}%`)), history.join('\n'));
  assert.ok(history.some((h) => h.includes('2026-Q1') && h.includes('Progress')), 'earlier edits are kept');
  await shot(browser, '12-history');
  await browser.keys(['Escape']);
  await (await browser.$('[data-testid="editor"]')).waitForExist({ reverse: true, timeout: 5000 });

  // The History tab: the open quarter's changes, each naming its objective. Over all periods,
  // the objective deleted in test 4 is still named, but no longer a link.
  await (await browser.$('[data-testid="tab-history"]')).click();
  await (await browser.$('[data-testid="journal-count"]')).waitForExist({ timeout: 5000 });
  const rows = () => browser.execute(() => [...document.querySelectorAll('[data-testid="history-entry"]')]
    .map((r) => [...r.querySelectorAll('td')].slice(1).map((c) => c.textContent.replace(/\s+/g, ' ').trim()).join(' | ')));
  const quarter = await rows();
  assert.ok(quarter.length > 0 && quarter.every((r) => r.startsWith('2026-Q2 | ')), quarter.join('\n'));
  assert.ok(quarter.includes(`2026-Q2 | Objective 34 | Progress | ${old}% → ${next}%`), quarter.join('\n'));
  assert.deepEqual(await axeViolations(browser), [], 'history tab');
  await shot(browser, '12-journal');
  await (await browser.$('[data-testid="journal-period"]')).selectByAttribute('value', 'all');
  await browser.waitUntil(async () => (await rows()).some((r) => r.endsWith('| Deleted | New objective')),
    { timeoutMsg: 'the objective deleted in test 4 is in the journal' });
  const all = await rows();
  assert.ok(all.some((r) => r.includes('| Strategy | Roll-up method | Mean of the levels below')),
    `the report details edited in test 8 are there too:\n${all.join('\n')}`);
  const deletedIsLinked = await browser.execute(() => [...document.querySelectorAll('[data-testid="history-entry"]')]
    .filter((r) => r.textContent.includes('Deleted')).some((r) => r.querySelector('[data-testid="history-go"]')));
  assert.equal(deletedIsLinked, false);
  await shot(browser, '12-journal-all');
  // In French, the same rows read in French.
  const lang = await browser.$('[data-testid="language"]');
  await lang.selectByAttribute('value', 'fr');
  await waitForText(browser, '#journal-title', 'Historique des modifications');
  assert.ok((await rows()).some((r) => r.includes('| Stratégie | Méthode de consolidation')), (await rows()).join('\n'));
  await shot(browser, '12-journal-fr');
  await lang.selectByAttribute('value', 'en');
  await waitForText(browser, '#journal-title', 'History of changes');
  // The newest row's objective (34) leads to its row on the dashboard.
  await (await browser.$('[data-testid="history-go"]')).click();
  await (await browser.$('[data-testid="tab-dashboard"][aria-current="page"]')).waitForExist({ timeout: 5000 });

  // The strategy trend has one point per period, oldest first.
  await (await browser.$('[data-testid="tab-charts"]')).click();
  await (await browser.$('[data-testid="chart-scope"]')).selectByAttribute('value', 'strategy');
  await (await browser.$('[data-testid="chart-trend-strategy"] svg')).waitForExist({ timeout: 10000 });
  const trend = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="chart-trend-strategy"] svg text')].map((t) => t.textContent.trim()));
  const labels = trend.filter((t) => /^20\d\d-Q\d$/.test(t));
  assert.deepEqual(labels, ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'], trend.join(' | '));
  await shot(browser, '12-trend');
});

test('13. an earlier edition of the page is kept as a closed period, first in the switcher and the trend', async () => {
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  await (await browser.$('[data-testid="past-page"]')).click();
  const dialog = await browser.$('[data-testid="past-page-dialog"]');
  await dialog.waitForDisplayed({ timeout: 5000 });
  await typeInto(browser, await browser.$('#past-label'), '2025-Q2');
  // WebKitGTK's date field does not take typed digits reliably under WebDriver; the value is
  // set as the browser's own date picker would set it, with the input event it sends.
  await browser.execute(() => {
    const el = document.getElementById('past-as-of');
    el.value = '2025-06-30';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const before = fileHash(demoFile);
  answerNextDialog(page.file);
  await (await browser.$('[data-testid="choose-past-page"]')).click();
  await dialog.waitForExist({ reverse: true, timeout: 10000 }).catch(async (e) => {
    await shot(browser, '13-failed');
    throw new Error(`${e.message}: ${await textOf(browser, '[data-testid="past-page-dialog"]').catch(() => '')}`);
  });
  assert.notEqual(fileHash(demoFile), before, 'the period is written to the file');
  await browser.waitUntil(
    async () => /as period 2025-Q2\./.test((await textOf(browser, '[data-testid="message"]')) ?? ''),
    { timeout: 5000, timeoutMsg: 'no message about the kept edition' },
  );
  const options = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="period-switcher"] option')].map((o) => o.textContent.trim()));
  assert.equal(options.length, 5, options.join(' | '));
  assert.match(options[0], /^2025-Q2 \(closed /);
  await shot(browser, '13-earlier-edition');
  await (await browser.$('[data-testid="tab-charts"]')).click();
  await (await browser.$('[data-testid="chart-scope"]')).selectByAttribute('value', 'strategy');
  await browser.waitUntil(async () => (await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="chart-trend-strategy"] svg text')].map((t) => t.textContent.trim())
      .filter((t) => /^20\d\d-Q\d$/.test(t)).join(' '))) === '2025-Q2 2025-Q3 2025-Q4 2026-Q1 2026-Q2',
  { timeout: 10000, timeoutMsg: 'the trend does not start with the earlier edition' });
});

test('14. a French screen on an English report: warnings, checks, close findings and history all in French, then all in English', async () => {
  // The words that only the English sentences use, and those only the French ones do.
  const english = /\b(Objective|is Completed|is In progress|is Not started|went down|unchanged|the published page|Progress|Deleted|Added|Number)\b/;
  const french = /Objectif|Action \d+\u00a0:|la page|inchangées|a reculé|Avancement|Suppression|Ajout|Numéro|Axe|Action|Avancement publié|Titre|Statut|Stratégie|Méthode|Réalisations|Prochaines|Période|Données|Langue|Pilote|Échéance|Poids|Indicateur/;
  const texts = (selector) => browser.execute((sel) =>
    [...document.querySelectorAll(sel)].map((n) => n.textContent.replace(/[ \t\r\n]+/g, ' ').trim()), selector);
  const lang = await browser.$('[data-testid="language"]');
  await (await browser.$('[data-testid="tab-dashboard"]')).click();

  async function readAll(tag) {
    // The Checks tab: every warning on the report.
    await (await browser.$('[data-testid="tab-checks"]')).click();
    await (await browser.$('[data-testid="warning-text"]')).waitForExist({ timeout: 5000 });
    const warnings = await texts('[data-testid="warning-text"]');
    await shot(browser, `14-checks-${tag}`);
    // The Close period dialog: the pre-publication findings, then cancelled.
    await (await browser.$('[data-testid="tab-dashboard"]')).click();
    await (await browser.$('[data-testid="close-period"]')).click();
    const dialog = await browser.$('[data-testid="close-period-dialog"]');
    await dialog.waitForDisplayed({ timeout: 5000 });
    await (await browser.$('[data-testid="close-checks"] [data-testid="warning-text"]')).waitForExist({ timeout: 10000 });
    const findings = await texts('[data-testid="close-checks"] [data-testid="warning-text"]');
    await shot(browser, `14-close-findings-${tag}`);
    await browser.keys(['Escape']);
    await dialog.waitForExist({ reverse: true, timeout: 5000 });
    // The History tab over every period: the field and change cells.
    await (await browser.$('[data-testid="tab-history"]')).click();
    await (await browser.$('[data-testid="journal-period"]')).selectByAttribute('value', 'all');
    await (await browser.$('[data-testid="history-entry"]')).waitForExist({ timeout: 5000 });
    const history = await browser.execute(() => [...document.querySelectorAll('[data-testid="history-entry"]')]
      .map((r) => [...r.querySelectorAll('td')].slice(2).map((c) => c.textContent.replace(/[ \t\r\n]+/g, ' ').trim()).join(' | ')));
    await shot(browser, `14-history-${tag}`);
    return { warnings, findings, history };
  }

  await lang.selectByAttribute('value', 'fr');
  await waitForText(browser, '[data-testid="tab-dashboard"]', 'Tableau de bord');
  const fr = await readAll('fr');
  assert.ok(fr.warnings.length > 0 && fr.findings.length > 0 && fr.history.length > 0, JSON.stringify(fr));
  for (const t of [...fr.warnings, ...fr.findings]) {
    assert.match(t, french, `in French: ${t}`);
    assert.doesNotMatch(t, english, `no English left: ${t}`);
  }
  for (const row of fr.history) {
    const field = row.split(' | ')[1];
    assert.match(field, french, `the field is named in French: ${row}`);
    assert.doesNotMatch(field, english, `no English field name: ${row}`);
  }
  assert.ok(fr.findings.every((t) => !t.includes(' :')), 'French typography: a no-break space before ":"');

  await lang.selectByAttribute('value', 'en');
  await waitForText(browser, '[data-testid="tab-dashboard"]', 'Dashboard');
  const en = await readAll('en');
  assert.equal(en.warnings.length, fr.warnings.length, 'the same warnings');
  assert.equal(en.findings.length, fr.findings.length, 'the same findings');
  for (const t of [...en.warnings, ...en.findings]) {
    assert.doesNotMatch(t, /Objectif|inchangées|a reculé|la page publiée/, `in English: ${t}`);
  }
  assert.ok(en.findings.some((t) => /^Objective \d+/.test(t)), en.findings.join('\n'));
  for (const row of en.history) {
    assert.doesNotMatch(row.split(' | ')[1], /Avancement|Supprimé|Ajouté|Numéro|Méthode/, `in English: ${row}`);
  }
});

test('15. a report carrying SQL of its own is refused, left as it was, and the current report stays open', async () => {
  const planted = path.join(path.dirname(demoFile), 'planted.jalon');
  fs.rmSync(planted, { force: true });
  execFileSync(path.join(root, 'target/debug/jalon-cli'), ['generate', '--objectives', '20', '--db', planted]);
  // Another program adds a trigger that would zero every progress at the next import.
  execFileSync('python3', ['-c', `import sqlite3,sys
c = sqlite3.connect(sys.argv[1])
c.executescript("CREATE TRIGGER planted AFTER INSERT ON history BEGIN UPDATE objective SET progress = 0; END;")
c.close()`, planted]);
  const before = fileHash(planted);
  answerNextDialog(planted);
  await (await browser.$('.menu > summary')).click();
  await (await browser.$('[data-testid="open-report"]')).click();
  const message = await browser.$('[data-testid="message"]');
  await message.waitForDisplayed({ timeout: 5000 });
  await browser.waitUntil(async () => /schema/.test(await message.getText()), { timeout: 5000 });
  assert.match(await message.getText(), /its schema is not Jalon’s \(extra trigger planted\)/);
  assert.equal(fileHash(planted), before, 'the file is left byte for byte');
  assert.equal(await textOf(browser, '.file-name'), 'Demo report.jalon', 'the report stays open');
  await shot(browser, '15-planted-file');
});

test('16. Publish… writes the web page of the report on screen, which imports back; CSV for Excel through the save dialog', async () => {
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  const site = path.join(path.dirname(demoFile), 'published site');
  fs.rmSync(site, { recursive: true, force: true });
  answerNextDialog(site);
  await (await browser.$('.menu > summary')).click();
  await (await browser.$('[data-testid="publish"]')).click();
  const index = path.join(site, 'index.html');
  await waitForFiles([index]);
  await browser.waitUntil(async () => (await textOf(browser, '[data-testid="message"]'))?.includes(index),
    { timeout: 5000, timeoutMsg: 'no message naming the page' });
  await shot(browser, '16-published');
  const html = fs.readFileSync(index, 'utf8');
  assert.equal(html.match(/<h1>/g).length, 1);
  // The page reads back, through the CLI, as the report the app shows.
  const cli = path.join(root, 'target/debug/jalon-cli');
  const back = path.join(path.dirname(demoFile), 'published-back.jalon');
  fs.rmSync(back, { force: true });
  execFileSync(cli, ['import-page', index, '--db', back], { stdio: 'ignore' });
  const summary = JSON.parse(execFileSync(cli, ['summary', '--db', back, '--json'], { encoding: 'utf8' }));
  const action14 = summary.axes.flatMap((a) => a.actions).find((a) => a.number === 14);
  assert.equal(`${action14.progress}%`, await textOf(browser, '[data-testid="action-progress-14"]'));
  const counts = await textOf(browser, '[data-testid="counts"]');
  assert.ok(counts.endsWith(`and ${summary.strategy.objective_count} objectives`), `${counts} / ${summary.strategy.objective_count}`);

  const csv = path.join(path.dirname(demoFile), 'report.csv');
  fs.rmSync(csv, { force: true });
  answerNextDialog(csv);
  await (await browser.$('.menu > summary')).click();
  await (await browser.$('[data-testid="export-csv-excel"]')).click();
  await waitForFiles([csv]);
  const bytes = fs.readFileSync(csv);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for Excel');
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => /^\d+;/.test(l));
  assert.ok(lines.length >= 25, `${lines.length} objective rows`);
});

test('17. a contributor round: start it, import a filled workbook, accept one proposal, refuse another, resolve a conflict; the history names the round and the lead', async () => {
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  await (await browser.$('[data-testid="objective-1"]')).waitForExist({ timeout: 5000 });
  const before = Number((await textOf(browser, '[data-testid="objective-1"] [data-testid="objective-progress"]')).replace('%', ''));

  await (await browser.$('[data-testid="tab-round"]')).click();
  await (await browser.$('[data-testid="round-start"]')).click();
  const folder = path.join(path.dirname(demoFile), 'round out');
  fs.rmSync(folder, { recursive: true, force: true });
  answerNextDialog(folder);
  await (await browser.$('[data-testid="round-write"]')).click();
  const book = path.join(folder, 'Infrastructure office.xlsx');
  await waitForFiles([book, path.join(folder, 'Equipment unit.xlsx'), path.join(folder, 'No lead.xlsx')]);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="workbook-state"]')).length === 3,
    { timeout: 5000, timeoutMsg: 'the round is not listed' });
  assert.deepEqual(await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="workbook-state"]')].map((e) => e.textContent)), ['Issued', 'Issued', 'Issued']);

  // The officer moves Objective 1 after the workbooks went out: the lead's progress conflicts.
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  await openEditor('objective-1');
  await typeInto(browser, await browser.$('[data-testid="field-progress"]'), String(before + 1));
  await (await browser.$('[data-testid="save"]')).click();
  await waitForText(browser, '[data-testid="objective-1"] [data-testid="objective-progress"]', `${before + 1}%`);

  // The lead fills the unlocked cells, as openpyxl writes them.
  execFileSync('python3', ['-c', `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Objectives"]
ws["K2"] = ${before + 5}
ws["L2"] = "Every rural site is connected but two."
ws["M2"] = "Connect the last two rural sites."
ws["N2"] = "The supplier slipped by a month."
wb.save(sys.argv[1])
`, book]);

  await (await browser.$('[data-testid="tab-round"]')).click();
  answerNextDialog(book);
  await (await browser.$('[data-testid="round-import"]')).click();
  await (await browser.$('[data-testid="review"]')).waitForExist({ timeout: 5000 });
  const changes = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="change"]')].map((e) => `${e.dataset.field}:${e.classList.contains('conflict')}`));
  assert.deepEqual(changes, ['progress:true', 'achievement:false', 'next_steps:false']);
  assert.ok((await textOf(browser, '[data-testid="review"]')).includes('The supplier slipped by a month.'));
  await shot(browser, '17-review');
  assert.deepEqual(await axeViolations(browser), [], 'review screen');

  // Applying before the conflict has a choice is refused, and says which.
  await (await browser.$('[data-testid="review-apply"]')).click();
  await (await browser.$('[data-testid="review-problems"]')).waitForExist({ timeout: 5000 });
  await shot(browser, '17-review-refused');
  const refused = await browser.execute(() => document.querySelector('[data-testid="review-problems"]').textContent);
  assert.ok(refused.includes('Objective 1, Progress: choose between the report’s value and the lead’s'), refused);
  await (await browser.$('[data-testid="change"][data-field="progress"] input[value="take"]')).click();
  await (await browser.$('[data-testid="change"][data-field="next_steps"] input[value="refuse"]')).click();
  await (await browser.$('[data-testid="review-apply"]')).click();
  await browser.waitUntil(async () => (await textOf(browser, '[data-testid="message"]'))?.includes('Infrastructure office.xlsx: 1 objective updated'),
    { timeout: 5000, timeoutMsg: 'no message after applying' });
  await browser.waitUntil(async () => (await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="workbook-state"]')].map((e) => e.textContent))).includes('Imported'),
  { timeout: 5000, timeoutMsg: 'the workbook is not imported' });
  await shot(browser, '17-round-status');

  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  await waitForText(browser, '[data-testid="objective-1"] [data-testid="objective-progress"]', `${before + 5}%`);
  await (await browser.$('[data-testid="tab-history"]')).click();
  await (await browser.$('[data-testid="history-source"]')).waitForExist({ timeout: 5000 });
  const sourced = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="history-entry"]')]
      .filter((r) => r.querySelector('[data-testid="history-source"]'))
      .map((r) => r.textContent.replace(/\s+/g, ' ').trim()));
  assert.equal(sourced.length, 2, sourced.join('\n'));
  assert.ok(sourced.every((l) => /from round [0-9a-f]{8}, Infrastructure office/.test(l)), sourced.join('\n'));
  assert.ok(sourced.some((l) => l.includes('Achievement')), sourced.join('\n'));
  assert.ok(sourced.some((l) => l.includes(`Progress${before + 1}% → ${before + 5}%`)), sourced.join('\n'));
  assert.ok(!sourced.some((l) => l.includes('Next steps')), 'the refused next steps are not applied');
  await shot(browser, '17-history');
});

test('18. Export deck… writes the committee deck of the report on screen, read back by python-pptx, then on a template chosen once and remembered', async () => {
  await (await browser.$('[data-testid="tab-charts"]')).click();
  await (await browser.$('[data-testid="export-deck"]')).waitForExist({ timeout: 5000 });
  await (await browser.$('[data-testid="deck-detail"]')).click();
  const deck = path.join(path.dirname(demoFile), 'committee deck.pptx');
  fs.rmSync(deck, { force: true });
  answerNextDialog(deck);
  await (await browser.$('[data-testid="export-deck"]')).click();
  await waitForFiles([deck], 30000);
  await browser.waitUntil(async () => (await textOf(browser, '[data-testid="message"]'))?.includes('Deck written'),
    { timeout: 30000, timeoutMsg: 'no message after writing the deck' });
  await shot(browser, '18-deck-exported');
  assert.deepEqual(await axeViolations(browser), [], 'charts view with the deck form');
  const read = JSON.parse(execFileSync('python3', ['-c', `
import json, sys
from pptx import Presentation
p = Presentation(sys.argv[1])
print(json.dumps({"ratio": p.slide_width / p.slide_height, "titles": [s.shapes.title.text for s in p.slides]}))
`, deck], { encoding: 'utf8' }));
  assert.ok(Math.abs(read.ratio - 16 / 9) < 0.001, `16:9: ${read.ratio}`);
  // With a slide per key action: Action 14's is there, at the figure the dashboard shows.
  assert.ok(read.titles.some((t) => t.startsWith('Action 14 — ')), read.titles.join(' | '));
  assert.ok(read.titles[1] === 'Overview', read.titles.join(' | '));

  // The ministry's template, chosen once: the deck is built on its layouts, and the choice
  // is still there after the window reloads.
  const template = path.join(path.dirname(demoFile), 'ministry.potx');
  execFileSync('python3', ['-c', `
import sys, io, zipfile
from pptx import Presentation
from pptx.util import Inches
p = Presentation()
p.slide_width, p.slide_height = Inches(13.333), Inches(7.5)
buf = io.BytesIO()
p.save(buf)
zin = zipfile.ZipFile(buf)
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as zout:
    for name in zin.namelist():
        data = zin.read(name)
        if name == "[Content_Types].xml":
            data = data.replace(b"presentation.main+xml", b"template.main+xml")
        zout.writestr(name, data)
`, template]);
  answerNextDialog(template);
  await (await browser.$('[data-testid="deck-choose-template"]')).click();
  await waitForText(browser, '[data-testid="deck-template"]', 'ministry.potx');
  await browser.refresh();
  await (await browser.$('[data-testid="tab-charts"]')).click();
  await waitForText(browser, '[data-testid="deck-template"]', 'ministry.potx');
  const onTemplate = path.join(path.dirname(demoFile), 'deck on template.pptx');
  answerNextDialog(onTemplate);
  await (await browser.$('[data-testid="export-deck"]')).click();
  await waitForFiles([onTemplate], 30000);
  const layouts = JSON.parse(execFileSync('python3', ['-c', `
import json, sys
from pptx import Presentation
p = Presentation(sys.argv[1])
print(json.dumps({"layouts": len(p.slide_layouts), "used": sorted({s.slide_layout.name for s in p.slides})}))
`, onTemplate], { encoding: 'utf8' }));
  assert.equal(layouts.layouts, 11, "the template's layouts");
  assert.deepEqual(layouts.used, ['Title Only', 'Title Slide']);
  await shot(browser, '18-deck-template');
  // Both decks are validated against ISO/IEC 29500 with the CLI tests' (scripts/validate-test-decks.sh).
  const kept = path.join(root, 'target/test-decks');
  fs.mkdirSync(kept, { recursive: true });
  fs.copyFileSync(deck, path.join(kept, 'e2e-18-deck.pptx'));
  fs.copyFileSync(onTemplate, path.join(kept, 'e2e-18-deck-on-template.pptx'));
  fs.copyFileSync(template, path.join(kept, 'e2e-18-deck-on-template.pptx.template'));
});

test('19. Preview deck shows the slides the export writes, with their layouts; a slide opens large; another layout for the table slides is what the file then uses', async () => {
  // The template of test 18 is still chosen for this report.
  await (await browser.$('[data-testid="tab-charts"]')).click();
  await waitForText(browser, '[data-testid="deck-template"]', 'ministry.potx');
  await (await browser.$('[data-testid="deck-preview-button"]')).click();
  const thumbs = async () => browser.execute(() =>
    [...document.querySelectorAll('[data-testid="deck-slide"]')].map((b) => ({
      layout: b.getAttribute('data-layout'),
      label: b.getAttribute('aria-label'),
      drawn: b.querySelector('svg') !== null,
    })));
  await browser.waitUntil(async () => (await thumbs()).length > 0, { timeout: 30000, timeoutMsg: 'no slide in the preview' });
  const readDeck = (file) => JSON.parse(execFileSync('python3', ['-c', `
import json, sys
from pptx import Presentation
p = Presentation(sys.argv[1])
print(json.dumps([{"layout": s.slide_layout.name, "title": s.shapes.title.text} for s in p.slides]))
`, file], { encoding: 'utf8' }));
  const exportTo = async (name) => {
    const file = path.join(path.dirname(demoFile), name);
    fs.rmSync(file, { force: true });
    answerNextDialog(file);
    await (await browser.$('[data-testid="export-deck"]')).click();
    await waitForFiles([file], 30000);
    return readDeck(file);
  };
  // What the preview shows is what the file holds: as many slides, each on the same layout,
  // each labelled with the title the file has.
  const shown = await thumbs();
  const written = await exportTo('previewed deck.pptx');
  assert.equal(shown.length, written.length, JSON.stringify({ shown, written }));
  assert.deepEqual(shown.map((s) => s.layout), written.map((s) => s.layout));
  written.forEach((s, i) => assert.ok(shown[i].label.includes(s.title), `${shown[i].label} / ${s.title}`));
  assert.ok(shown.every((s) => s.drawn), 'every thumbnail is drawn');

  // A thumbnail opens the slide large, and Next goes on to the following one.
  await (await browser.$$('[data-testid="deck-slide"]'))[1].click();
  const large = await browser.$('[data-testid="deck-slide-large"]');
  await large.waitForDisplayed({ timeout: 5000 });
  assert.equal(await textOf(browser, '[data-testid="deck-slide-large"] h2'), `Slide 2 of ${written.length}`);
  await shot(browser, '19-deck-slide-large');
  assert.deepEqual(await axeViolations(browser), [], 'a slide shown large');
  await (await browser.$('[data-testid="deck-slide-next"]')).click();
  assert.equal(await textOf(browser, '[data-testid="deck-slide-large"] h2'), `Slide 3 of ${written.length}`);
  await (await browser.$('[data-testid="deck-slide-close"]')).click();
  await large.waitForDisplayed({ reverse: true, timeout: 5000 });

  // The table slides put on "Title and Content": the preview follows, and so does the file;
  // the other slides stay where Jalon put them.
  await (await browser.$('[data-testid="deck-layout-table"]')).selectByAttribute('value', 'Title and Content');
  await browser.waitUntil(async () => (await thumbs()).some((s) => s.layout === 'Title and Content'),
    { timeout: 30000, timeoutMsg: 'the preview did not follow the layout chosen' });
  await shot(browser, '19-deck-preview');
  const again = await exportTo('deck on title and content.pptx');
  assert.deepEqual((await thumbs()).map((s) => s.layout), again.map((s) => s.layout));
  again.forEach((s, i) => assert.equal(s.layout, /key actions/.test(written[i].title) ? 'Title and Content' : written[i].layout, s.title));
  const kept = path.join(root, 'target/test-decks');
  fs.mkdirSync(kept, { recursive: true });
  fs.copyFileSync(path.join(path.dirname(demoFile), 'deck on title and content.pptx'), path.join(kept, 'e2e-19-deck-on-layout.pptx'));
  fs.copyFileSync(path.join(path.dirname(demoFile), 'ministry.potx'), path.join(kept, 'e2e-19-deck-on-layout.pptx.template'));
});

test('20. a change the command line makes to the open report shows within 5 s, with a notice', async () => {
  await (await browser.$('[data-testid="tab-dashboard"]')).click();
  const file = await browser.execute(() => document.querySelector('.file-name')?.getAttribute('title'));
  assert.ok(file && fs.existsSync(file), `the open report is on disk: ${file}`);
  const title = 'Changed from the command line';
  assert.notEqual(await textOf(browser, '#strategy-title'), title);
  execFileSync(path.join(root, 'target/debug/jalon-cli'), ['details', '--db', file, '--title', title], { stdio: 'ignore' });
  const start = Date.now();
  await waitForText(browser, '#strategy-title', title, 5000);
  const seen = Date.now() - start;
  assert.ok(seen <= 5000, `shown after ${seen} ms`);
  const name = await textOf(browser, '.file-name');
  assert.equal(await textOf(browser, '[data-testid="message"] p'),
    `Another program changed ${name}: Jalon read it again. A form left open keeps what you typed.`);
  await shot(browser, '20-changed-outside');
  // The undo history was about the content before the change: it went with it.
  assert.equal(await (await browser.$('[data-testid="undo"]')).isEnabled(), false, 'the old history is gone');
});
