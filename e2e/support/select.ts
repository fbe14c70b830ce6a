import type { Page } from "playwright-core";

/** Picks the option of the open Ant Design select that shows `text`, then closes the list. */
export async function pickOption(page: Page, text: string) {
  const option = page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text })
    .first();
  await option.waitFor({ timeout: 20_000 });
  await option.click();
  await page.keyboard.press("Escape");
}
