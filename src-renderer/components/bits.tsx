/** Small shared pieces: money with tabular figures, a command's button with its key. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../shared/money';
import { keyOf, runCommand, type CommandId } from '../commands';

export function Money({ fen, testId, className }: { fen: number; testId?: string; className?: string }) {
  return (
    <span className={`num ${className ?? ''}`} data-testid={testId}>
      {formatCny(fen)}
    </span>
  );
}

export function CommandButton({
  id,
  className,
  disabled,
  testId,
  children,
}: {
  id: CommandId;
  className?: string;
  disabled?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const key = keyOf(id);
  return (
    <button
      type="button"
      className={className ?? 'secondary'}
      disabled={disabled}
      data-testid={testId}
      onClick={() => runCommand(id)}
    >
      {children ?? t(labelOf(id))}
      {key && <kbd>{keyLabel(key)}</kbd>}
    </button>
  );
}

const KEY_LABELS: Record<string, string> = {
  Escape: 'Esc',
  Enter: 'Enter',
  Delete: 'Del',
  ArrowUp: '↑',
  ArrowDown: '↓',
};
export const keyLabel = (key: string): string => KEY_LABELS[key] ?? key;

const LABELS: Partial<Record<CommandId, string>> = { confirm: 'keypad.ok', cancel: 'commands.cancel' };
function labelOf(id: CommandId): string {
  if (LABELS[id]) return LABELS[id];
  if (id.startsWith('nav_')) return `nav.${id.slice(4)}`;
  if (id.startsWith('tender_')) return `pay.method_${id.slice(7)}`;
  if (id.startsWith('line_')) return `cart.${id.slice(5)}`;
  if (id === 'add_part') return 'pay.add_part';
  return `commands.${id}`;
}
