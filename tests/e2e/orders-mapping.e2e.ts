/**
 * The column dialog of the complaint tab in real Chromium on the sample street: an export whose
 * header the app does not know (Ticket, Opened, Type …) opens the dialog, the user maps its
 * columns and the orders come in; a second export with the same columns is imported with the
 * mapping remembered, without asking; "按列对应导入…" opens the dialog on demand, starting from
 * the columns found or remembered, and Esc imports nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, waitForDrawn } from './guarded-page.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/orders/', import.meta.url));
const UNKNOWN = `${FIXTURES}orders-unknown-header.csv`;
const GBK = `${FIXTURES}orders-gbk-gcj02.csv`;

test('maps the columns of an unknown export, then imports the same layout without asking', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDrawn(page);
  await page.getByTestId('tab-complaints').click();
  const count = page.getByTestId('orders-count');
  await expect(count).toHaveAttribute('data-value', /\d+/);
  const before = Number(await count.getAttribute('data-value'));

  // The header names none of 工单号, 受理时间, 二级分类: the dialog asks.
  await page.getByTestId('orders-file').setInputFiles(UNKNOWN);
  const dialog = page.getByTestId('orders-mapping');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('orders-mapping-column')).toHaveCount(8);
  await expect(dialog.getByTestId('orders-mapping-column').first()).toContainText('EN1 · EN2');
  await expect(dialog.getByLabel('Lon', { exact: true })).toHaveValue('lng');
  await expect(dialog.getByTestId('orders-mapping-missing')).toHaveText(
    '还需为必填字段选择列：工单号、受理时间、二级分类',
  );
  await expect(dialog.getByTestId('orders-mapping-import')).toBeDisabled();
  await expect(dialog.getByLabel('Ticket', { exact: true }).locator('option')).toContainText([
    '不导入',
    '工单号（必填）',
  ]);

  const choices = {
    Ticket: 'id',
    Opened: 'createdAt',
    Topic: 'category1',
    Type: 'category2',
    Where: 'address',
    Closed: 'closedAt',
  };
  for (const [column, field] of Object.entries(choices))
    await dialog.getByLabel(column, { exact: true }).selectOption(field);
  await expect(dialog.getByTestId('orders-mapping-missing')).toHaveText('');
  await dialog.getByTestId('orders-mapping-import').click();
  await expect(dialog).toHaveCount(0);

  const summaries = page.getByTestId('orders-import');
  await expect(summaries.nth(0)).toContainText(
    'orders-unknown-header.csv：6 行，导入 5 件，1 行无法读取，0 行重复，0 件未能定位',
  );
  await expect(summaries.nth(0)).toContainText('坐标 BD-09（百度），已转换为 WGS-84');
  await expect(count).toHaveAttribute('data-value', String(before + 5));

  // Another export with the same columns and new order numbers: no dialog, the same reading.
  const text = readFileSync(UNKNOWN, 'utf8').replaceAll('EN', 'EM');
  await page.getByTestId('orders-file').setInputFiles({
    name: 'orders-november.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await expect(summaries.nth(1)).toContainText(
    'orders-november.csv：6 行，导入 5 件，1 行无法读取，0 行重复，0 件未能定位',
  );
  await expect(dialog).toHaveCount(0);
  await expect(count).toHaveAttribute('data-value', String(before + 10));

  // On demand: the dialog starts from the remembered columns; Esc imports nothing.
  await page.getByTestId('orders-file-mapped').setInputFiles(UNKNOWN);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Ticket', { exact: true })).toHaveValue('id');
  await expect(dialog.getByLabel('Type', { exact: true })).toHaveValue('category2');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // On demand for a 12345 export below its title row: the columns found, in English on the switch.
  await page.getByTestId('language-switch').click();
  await page.getByTestId('orders-file-mapped').setInputFiles(GBK);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Map the columns of orders-gbk-gcj02.csv');
  await expect(dialog.getByLabel('工单编号', { exact: true })).toHaveValue('id');
  await expect(dialog.getByLabel('来电时间', { exact: true })).toHaveValue('createdAt');
  await expect(dialog.getByLabel('工单编号', { exact: true }).locator('option')).toContainText([
    'not imported',
    'order number (required)',
  ]);
  await expect(dialog.getByTestId('orders-mapping-import')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screenshots/orders-mapping.png' });
  await page.getByTestId('orders-mapping-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(summaries).toHaveCount(2);
  await expect(page.getByTestId('orders-file')).toBeEnabled();
});
