/**
 * Keyboard movement between items: Alt+↓/↑ or PageDown/PageUp (next/previous item),
 * Ctrl+↓/↑ (next/previous field), Enter in an item's last input (next item; in an earlier
 * input, the next input of the same item).
 */
import type { KeyboardEvent } from 'react';

export function itemOf(el: Element | null): HTMLElement | null {
  return (el?.closest('[data-item-code]') as HTMLElement | null) ?? null;
}

/** Focus an item: its first enabled input, else the card itself; scrolled to the middle. */
export function focusItem(code: string): void {
  const card = document.querySelector<HTMLElement>(`[data-item-code="${CSS.escape(code)}"]`);
  if (!card) return;
  const first = card.querySelector<HTMLElement>('[data-nav]:not([disabled])');
  (first ?? card).focus();
  card.scrollIntoView({ block: 'center' });
}

/** The item to move to for this key press, or null to let the key through. */
export function navigationTarget(e: KeyboardEvent, order: string[], fieldOf: Map<string, string>): string | null {
  const card = itemOf(e.target as Element);
  const code = card?.dataset['itemCode'];
  if (!code) return null;
  const at = order.indexOf(code);
  const down = e.key === 'ArrowDown';
  const up = e.key === 'ArrowUp';
  if ((e.altKey && down) || (e.key === 'PageDown' && !e.ctrlKey)) return order[at + 1] ?? null;
  if ((e.altKey && up) || (e.key === 'PageUp' && !e.ctrlKey)) return order[at - 1] ?? null;
  if (e.ctrlKey && (down || up)) {
    const field = fieldOf.get(code);
    if (down) return order.slice(at + 1).find((c) => fieldOf.get(c) !== field) ?? null;
    // Previous field: its first item.
    const before = order.slice(0, at).reverse().find((c) => fieldOf.get(c) !== field);
    if (!before) return order[0] ?? null;
    const prevField = fieldOf.get(before);
    return order.find((c) => fieldOf.get(c) === prevField) ?? null;
  }
  if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey) {
    const target = e.target as HTMLElement;
    if (!target.matches('[data-nav]')) return null;
    const inputs = [...card.querySelectorAll<HTMLElement>('[data-nav]:not([disabled])')];
    const i = inputs.indexOf(target);
    if (i >= 0 && i < inputs.length - 1) {
      e.preventDefault();
      inputs[i + 1]?.focus();
      return null;
    }
    return order[at + 1] ?? null;
  }
  return null;
}
