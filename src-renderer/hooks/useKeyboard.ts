/**
 * The keyboard: a scanner's fast burst ending in Enter is a scan (shared/scan/wedge,
 * IME-safe); the keypad takes digits; everything else is a command's shortcut.
 * Listens in the capture phase so a scan's Enter never reaches a focused button.
 */
import { useEffect } from 'react';
import { WEDGE_DEFAULTS, WedgeDetector } from '../../shared/scan/wedge';
import { commandFor } from '../commands';
import { useEntry } from '../stores/entry';
import { fullCode, handleKeyedCode, handleScan } from '../stores/scan';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Takes a scan's first characters back out of the text field they landed in. */
function untype(el: Element | null, n: number): void {
  if (n <= 0) return;
  if (useEntry.getState().target) return useEntry.getState().drop(n);
  if (!(el instanceof HTMLInputElement)) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(el, el.value.slice(0, Math.max(0, el.value.length - n)));
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Keys closer than this belong to one burst even when the wedge detector lost it to a stall of the PC. */
const LOOSE_GAP_MS = WEDGE_DEFAULTS.stallMsMax;

export function useKeyboard(): void {
  useEffect(() => {
    const wedge = new WedgeDetector();
    /** digits typed with no field focused: a code keyed in by hand, taken on Enter */
    let keyed = '';
    /** the current loose burst: its characters, and how many of them landed in a field or the keypad */
    let burst = { text: '', lastMs: -Infinity, landed: 0 };
    const onKey = (e: KeyboardEvent): void => {
      const printable = e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey && !e.isComposing;
      if (printable) {
        if (e.timeStamp - burst.lastMs > LOOSE_GAP_MS) burst = { text: '', lastMs: e.timeStamp, landed: 0 };
        burst.text = (burst.text + e.key).slice(-64);
        burst.lastMs = e.timeStamp;
      }
      const d = wedge.key({
        key: e.key,
        timeMs: e.timeStamp,
        isComposing: e.isComposing,
        keyCode: e.keyCode,
        modifier: e.ctrlKey || e.altKey || e.metaKey,
      });
      if (d.action === 'swallow') {
        e.preventDefault();
        e.stopImmediatePropagation();
        return;
      }
      if (d.action === 'scan') {
        e.preventDefault();
        e.stopImmediatePropagation();
        // A stall mid-burst leaves the detector only the tail: the loose burst may hold the whole code.
        const code = fullCode(d.code, burst.text);
        untype(document.activeElement, code === d.code ? d.typedChars : burst.landed);
        burst = { text: '', lastMs: -Infinity, landed: 0 };
        keyed = '';
        handleScan(code);
        return;
      }
      if (e.isComposing || e.keyCode === 229) return;
      const typing = document.activeElement !== null && TYPING.has(document.activeElement.tagName);
      const entry = useEntry.getState();
      if (!typing && !entry.target && /^[0-9A-Za-z]$/.test(e.key)) {
        keyed = (keyed + e.key).slice(-32);
        return;
      }
      if (e.key === 'Enter' && keyed.length >= 4 && !typing && !entry.target && handleKeyedCode(keyed)) {
        keyed = '';
        e.preventDefault();
        return;
      }
      if (e.key !== 'Shift') keyed = '';
      // The keypad is modal: its digits win over whatever field had focus before it opened.
      if (entry.target && (/^[0-9.]$/.test(e.key) || e.key === 'Backspace')) {
        e.preventDefault();
        entry.press(e.key === 'Backspace' ? '⌫' : e.key);
        if (printable) burst.landed++;
        return;
      }
      // Printable keys belong to the field being typed in; F-keys, Enter and Esc always work.
      if (typing && printable) burst.landed++;
      if (typing && !/^(F\d+|Enter|Escape)$/.test(e.key)) return;
      // Enter in a form's field submits that form (the sign-in PIN, a manager's PIN), not the screen's confirm command.
      if (typing && e.key === 'Enter' && document.activeElement?.closest('form')) return;
      const cmd = commandFor(e.key);
      if (cmd) {
        e.preventDefault();
        cmd.run();
      }
    };
    const onCompose = (e: CompositionEvent): void =>
      e.type === 'compositionstart' ? wedge.compositionStart() : wedge.compositionEnd();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('compositionstart', onCompose, true);
    window.addEventListener('compositionend', onCompose, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('compositionstart', onCompose, true);
      window.removeEventListener('compositionend', onCompose, true);
    };
  }, []);
}
