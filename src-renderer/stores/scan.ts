/**
 * What a scan does, wherever it came from (the keyboard-wedge path here, a
 * serial scanner through the core's `scan` event): a product goes into the
 * cart, a buyer's payment code into the payment, a receipt number to history.
 */
import { classifyScan } from '../../shared/scan/classify';
import { isWeighed } from '../../shared/units';
import { productByCode } from '../search';
import { useCart } from './cart';
import { useCheckout } from './checkout';
import { useEntry } from './entry';
import { useHistory } from './history';
import { useSession } from './session';
import { useStatus } from './status';
import { useUi } from './ui';

export function handleScan(raw: string): void {
  const code = raw.trim();
  const checkout = useCheckout.getState();
  const result = classifyScan(code);
  if (checkout.phase === 'paying') {
    if (result.kind === 'payment_code') {
      checkout.setMethod('payment_code');
      useCheckout.getState().setCode(result.code);
    } else useUi.getState().notify({ kind: 'error', key: 'scan.not_payment', params: { code } });
    return;
  }
  if (checkout.phase !== 'selling' || !useSession.getState().info?.cashier) return;
  if (result.kind === 'receipt_no') {
    useUi.getState().setScreen('history');
    useHistory.getState().setQuery(result.receipt_no);
    void useHistory.getState().load();
    return;
  }
  const product = productByCode(useSession.getState().index, code);
  if (!product) {
    useUi.getState().notify({
      kind: 'error',
      key: result.kind === 'payment_code' ? 'scan.payment_code_not_paying' : 'scan.unknown_product',
      params: { code },
    });
    return;
  }
  useUi.getState().clearNotice();
  if (useUi.getState().screen !== 'selling') useUi.getState().setScreen('selling');
  if (!isWeighed(product.unit)) return useCart.getState().addScanned(product);
  // A weighed product takes the scale's stable weight when there is one, else the keypad asks for it.
  const scale = useStatus.getState().devices?.scale;
  if (scale?.state === 'ready' && scale.weight.state === 'stable' && scale.weight.weight_g > 0) {
    useCart.getState().add(product, { kind: 'weight', gross_g: scale.weight.weight_g, tare_g: 0 });
    return;
  }
  useEntry.getState().open(product);
}

/** A code typed on the keyboard with no field focused, ended by Enter: taken when it is a product's code (else Enter keeps its meaning). */
export function handleKeyedCode(text: string): boolean {
  if (useCheckout.getState().phase !== 'selling' || !productByCode(useSession.getState().index, text))
    return false;
  handleScan(text);
  return true;
}

/**
 * A busy PC can stall a scanner's burst: the detector then sees only the
 * keys after the stall. When that tail is no product's code or payment code
 * but the keys typed just before it complete one, the whole code is meant.
 */
export function fullCode(code: string, burst: string): string {
  const index = useSession.getState().index;
  const known = (c: string): boolean =>
    productByCode(index, c) !== null || classifyScan(c).kind === 'payment_code';
  if (known(code) || !burst.endsWith(code)) return code;
  for (let n = burst.length; n > code.length; n--) {
    const c = burst.slice(-n);
    if (known(c)) return c;
  }
  return code;
}
