// Cite the plan (issue 11): the Sources view gives each plan's reference in GB/T 7714 form (in
// Chinese, as printed, in either language), and a button copies it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSiteAndBrowser } from './helpers.mjs';

const env = useSiteAndBrowser();

// The same strings src/views/sources.rs's test expects: what each plan's text states, no more.
const REFERENCES = {
  pingdingshan: '平顶山市人民政府. 平顶山市“十四五”生态环境保护和生态经济发展规划（报审稿）[Z]. 2022-06.',
  zhengzhou: '郑州市人民政府办公厅. 郑州市“十四五”生态环境保护规划: 郑政办〔2022〕42号[Z]. 2022-05-12.',
  jiaozuo: '焦作市人民政府办公室. 焦作市“十四五”生态环境保护和生态经济发展规划: 焦政办〔2022〕77号[Z]. 2022-10-26.',
  jiyuan: '济源产城融合示范区管理委员会办公室. 济源示范区推动生态环境质量稳定向好三年行动计划（2023—2025年）: 济管办〔2024〕1号[Z]. 2024-01-17.',
  xingtai: '邢台市生态环境保护“十四五”规划[Z].',
};

for (const lang of ['zh', 'en']) {
  test(`Sources gives each plan's GB/T 7714 reference and copies it (${lang})`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.site.url).origin });
    const page = await context.newPage();
    await page.goto(`${env.site.url}?view=sources&lang=${lang}`);
    await page.waitForSelector('.about article.plan[data-city] .cite');
    const shown = await page.$$eval('.about article.plan[data-city]', (as) =>
      Object.fromEntries(as.map((a) => [a.dataset.city, [a.querySelector('.cite').textContent, a.querySelector('.cite').lang]])));
    assert.deepEqual(shown, Object.fromEntries(Object.entries(REFERENCES).map(([c, r]) => [c, [r, 'zh-CN']])));

    const button = '.about article.plan[data-city="xingtai"] button.copy-cite';
    assert.equal(await page.getAttribute(button, 'aria-label'), lang === 'zh' ? '复制引用：邢台市' : 'Copy the reference: Xingtai');
    await page.click(button);
    await page.waitForSelector(`${button}:text-is("${lang === 'zh' ? '已复制' : 'Copied'}")`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), REFERENCES.xingtai);
    // Only the copied one says so.
    assert.equal(await page.textContent('.about article.plan[data-city="jiaozuo"] button.copy-cite'), lang === 'zh' ? '复制' : 'Copy');
    await context.close();
  });
}
