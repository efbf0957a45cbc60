import { chromium } from 'playwright-core';
const [,, url, out, width] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
const errs=[]; p.on('pageerror', e=>errs.push(e.message)); p.on('console', m=>m.type()==='error'&&errs.push(m.text()));
await p.goto(url); await p.waitForSelector('.view'); await p.waitForTimeout(800);
await p.screenshot({ path: out, fullPage: true });
console.log(errs.join('\n'));
await b.close();
