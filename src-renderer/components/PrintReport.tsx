import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';
import { useUi } from '../stores/ui';

/** Prints the Z report or a shift slip with the screen's figures (the core lays it out for the printer's paper). */
export function PrintReport({ what, testId }: { what: MethodInput<'report-print'>; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="secondary big"
      data-testid={testId}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void coreApi()
          ['report-print'](what)
          .then((r) => {
            setBusy(false);
            if (!r.ok) return useUi.getState().fail(r.error);
            useUi
              .getState()
              .notify(
                r.value.printed
                  ? { kind: 'info', key: 'report.printed' }
                  : { kind: 'error', key: 'report.print_waiting', detail: r.value.print_error ?? '' },
              );
          });
      }}
    >
      {t('report.print')}
    </button>
  );
}
