// 读一读 / Read aloud (issue 11): each view and each chart reads its summary with the browser's own
// speech synthesis, in the page's language, with pause and stop; a browser without a voice for the
// language says so. The speech API is a stub here that records what it is asked to say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useSiteAndBrowser } from './helpers.mjs';

const env = useSiteAndBrowser();

/** A speech synthesis that records: `voices` the languages it has, or null for none at all. */
function stub(voices) {
  return (langs) => {
    window.__speech = { spoken: [], calls: [] };
    if (langs === null) {
      // A browser without speech synthesis.
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      return;
    }
    let current = null;
    const synth = {
      getVoices: () => langs.map((lang) => ({ lang, name: lang })),
      speak(u) {
        window.__speech.spoken.push({ text: u.text, lang: u.lang });
        current = u;
      },
      pause: () => window.__speech.calls.push('pause'),
      resume: () => window.__speech.calls.push('resume'),
      cancel() {
        window.__speech.calls.push('cancel');
        const u = current;
        current = null;
        u?.onend?.(new Event('end'));
      },
      /** As a real voice does when it has read to the end. */
      finish() {
        const u = current;
        current = null;
        u?.onend?.(new Event('end'));
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  };
}

async function open(query, voices = ['zh-CN', 'en-US']) {
  const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
  await page.addInitScript(stub(voices), voices);
  await page.goto(`${env.site.url}${query}`);
  await page.waitForSelector('.view');
  return { page, errors };
}

const speech = (page) => page.evaluate(() => window.__speech);

test('a view reads its title and every chart\'s sentence in Chinese, with pause, resume and stop', async () => {
  const { page, errors } = await open('?lang=zh&city=jiaozuo&view=air');
  await page.waitForSelector('figure canvas[data-points]');
  const button = '.view-read button.speak';
  assert.equal(await page.getAttribute(button, 'aria-label'), '读一读：焦作市 · 空气');
  await page.click(button);
  const { spoken } = await speech(page);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'zh-CN');
  assert.ok(spoken[0].text.startsWith('焦作市 · 空气。'), spoken[0].text);
  const summaries = await page.$$eval('main canvas.chart', (cs) => cs.map((c) => c.getAttribute('aria-label')));
  assert.ok(summaries.length >= 2);
  for (const s of summaries) assert.ok(spoken[0].text.includes(s), `${s} is read`);

  assert.deepEqual(await page.$$eval('.view-read button', (bs) => bs.map((b) => b.textContent)), ['暂停', '停止']);
  await page.click('.view-read button:text-is("暂停")');
  assert.deepEqual(await page.$$eval('.view-read button', (bs) => bs.map((b) => b.textContent)), ['继续', '停止']);
  await page.click('.view-read button:text-is("继续")');
  await page.click('.view-read button:text-is("停止")');
  assert.deepEqual((await speech(page)).calls, ['cancel', 'pause', 'resume', 'cancel']);
  assert.deepEqual(await page.$$eval('.view-read button', (bs) => bs.map((b) => b.textContent)), ['读一读']);

  // Read to its end, the button is back.
  await page.click(button);
  await page.evaluate(() => window.speechSynthesis.finish());
  assert.deepEqual(await page.$$eval('.view-read button', (bs) => bs.map((b) => b.textContent)), ['读一读']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a chart reads its own sentence, in English on an English page; views without charts read their rows', async () => {
  const { page, errors } = await open('?lang=en&city=zhengzhou&view=overview');
  await page.waitForSelector('.card canvas[data-points]');
  const card = page.locator('.card').first();
  const summary = await card.locator('canvas').getAttribute('aria-label');
  await card.locator('.chart-actions button.speak').click();
  const { spoken } = await speech(page);
  assert.deepEqual(spoken, [{ text: summary, lang: 'en' }]);

  await page.click('.tabs a:text-is("Targets")');
  await page.waitForSelector('.view.targets');
  await page.click('.view-read button.speak');
  const targets = (await speech(page)).spoken.at(-1);
  assert.equal(targets.lang, 'en');
  assert.ok(targets.text.startsWith('Zhengzhou · Targets. '), targets.text);
  const firstRow = (await page.textContent('.targets-table tbody th')).trim();
  assert.ok(targets.text.includes(firstRow.split(' ')[0]), `${firstRow} in ${targets.text}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without a voice for the page\'s language, or without speech at all, the button says so', async () => {
  for (const [voices, query, message] of [
    [['en-US'], '?lang=zh&city=xingtai', '这个浏览器没有中文语音，无法朗读。'],
    [null, '?lang=en&city=xingtai&view=green', 'This browser has no English voice to read aloud with.'],
  ]) {
    const { page, errors } = await open(query, voices);
    await page.click('.view-read button.speak');
    assert.equal((await page.textContent('.view-read [role=status]')).trim(), message);
    if (voices) assert.deepEqual((await speech(page)).spoken, []);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
