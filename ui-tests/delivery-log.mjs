// Drives the engine's delivery-log page in Debian's chromium: log in, filter, open a delivery, redeliver,
// see the new attempt. Env: BASE_URL, ADMIN_CLIENT_SECRET, ADMIN_USERNAME, ADMIN_PASSWORD, FLAKY_ENDPOINT, STEADY_ENDPOINT.
// Prints one JSON line with what it saw; exits non-zero (with the reason) on the first unmet expectation.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = name => {
  const value = process.env[name];
  if (!value) throw new Error(`missing env ${name}`);
  return value;
};
const base = env('BASE_URL');
const flaky = env('FLAKY_ENDPOINT');
const steady = env('STEADY_ENDPOINT');

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const profile = mkdtempSync(join(tmpdir(), 'orderhooks-chromium-'));
// a fresh profile (user data dir) per run; playwright takes it as launchPersistentContext's first argument
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const seen = {};
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(15000);
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));

  await page.goto(`${base}/ui/deliveries`);
  expect(await page.title() === 'orderhooks · deliveries', `unexpected title ${await page.title()}`);

  // a wrong password is refused and the app stays hidden
  await page.fill('#client-secret', env('ADMIN_CLIENT_SECRET'));
  await page.fill('#username', env('ADMIN_USERNAME'));
  await page.fill('#password', 'wrong-password');
  await page.click('#login-button');
  await page.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Login failed'));
  expect(await page.isHidden('#app'), 'app shown after a failed login');
  seen.failedLogin = await page.textContent('#message');

  await page.fill('#password', env('ADMIN_PASSWORD'));
  await page.click('#login-button');
  await page.waitForSelector('#app', { state: 'visible' });
  await page.waitForFunction(() => document.querySelectorAll('#deliveries tbody tr').length === 2);
  seen.allRows = await page.locator('#deliveries tbody tr').count();

  // breakers: one per webhook endpoint the sink has called
  await page.waitForFunction(() => document.querySelectorAll('#breakers tbody tr').length === 2);
  seen.breakers = await page.$$eval('#breakers tbody tr', rows => rows.map(r => [...r.cells].map(c => c.textContent)));

  // filter by endpoint, then by outcome
  await page.fill('#f-endpoint', flaky);
  await page.click('#apply');
  await page.waitForFunction(() => document.querySelector('#count').textContent === '(1)');
  await page.selectOption('#f-outcome', 'REJECTED');
  await page.click('#apply');
  await page.waitForFunction(() => document.querySelector('#count').textContent === '(1)');
  const row = page.locator('#deliveries tbody tr').first();
  seen.filteredRow = await row.locator('td').allTextContents();
  expect(seen.filteredRow[3] === flaky, `filtered row is for ${seen.filteredRow[3]}`);
  await page.fill('#f-endpoint', steady);
  await page.click('#apply');
  await page.waitForFunction(() => document.querySelector('#count').textContent === '(0)');
  await page.fill('#f-endpoint', flaky);
  await page.selectOption('#f-outcome', '');
  await page.click('#apply');
  await page.waitForFunction(() => document.querySelector('#count').textContent === '(1)');

  // open the delivery: fields, request bytes, response, attempts
  await page.locator('#deliveries tbody tr').first().click();
  await page.waitForSelector('#detail', { state: 'visible' });
  seen.deliveryID = await page.textContent('#d-id');
  seen.request = await page.textContent('#d-request');
  seen.response = await page.textContent('#d-response');
  seen.fields = await page.$$eval('#d-fields dt', dts => Object.fromEntries(dts.map(dt => [dt.textContent, dt.nextElementSibling.textContent])));
  await page.waitForFunction(() => document.querySelectorAll('#attempts tbody tr').length === 1);
  expect(await page.isEnabled('#redeliver'), 'redeliver is disabled for a dead-lettered delivery');

  // redeliver and see the new attempt
  await page.click('#redeliver');
  await page.waitForFunction(() => document.querySelectorAll('#attempts tbody tr').length === 2);
  seen.attempts = await page.$$eval('#attempts tbody tr', rows => rows.map(r => [...r.cells].map(c => c.textContent)));
  seen.message = await page.textContent('#message');
  await page.waitForFunction(() => document.querySelector('#count').textContent === '(2)');
  seen.pageErrors = pageErrors;
  expect(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  console.log(JSON.stringify(seen));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
