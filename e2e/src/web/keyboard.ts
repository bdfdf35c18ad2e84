import type { Page } from '@playwright/test';

/** What the focused element is called: its accessible name or label, then its text (for the tab walk). */
export function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelledBy = element.getAttribute('aria-labelledby');
    const label =
      element.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null) ??
      '';
    return `${label} ${element.textContent ?? ''}`.replace(/\s+/g, ' ').trim();
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, as a keyboard user would: the walk
 * fails when the element is never reached, so a control taken out of the tab order breaks the test.
 */
export async function tabTo(page: Page, name: RegExp, { backwards = false, max = 60 } = {}) {
  const seen: string[] = [];
  for (let step = 0; step < max; step++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const description = await focusedDescription(page);
    if (name.test(description)) return description;
    seen.push(description);
  }
  throw new Error(`Tab never reached ${name}; it went through: ${seen.join(' | ')}`);
}
