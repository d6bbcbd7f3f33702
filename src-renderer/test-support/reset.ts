/** Puts every store back to its first state and the given core behind the transport: each test starts from nothing. */
import { setCoreApi } from '../transport/core-client';
import { useCart } from '../stores/cart';
import { useCheckout } from '../stores/checkout';
import { useEntry } from '../stores/entry';
import { useHistory } from '../stores/history';
import { useParked } from '../stores/parked';
import { usePaymentWait } from '../stores/payment-wait';
import { useSession } from '../stores/session';
import { useSettings } from '../stores/settings';
import { useSignOut } from '../stores/sign-out';
import { useShift } from '../stores/shift';
import { useStatus } from '../stores/status';
import { useUi } from '../stores/ui';
import { useSpeech } from '../speech/speech-store';
import { fakeCore, type FakeCore } from './fake-core';

export function freshTill(): FakeCore {
  const core = fakeCore();
  setCoreApi(core.api);
  sessionStorage.clear();
  useCart.getState().clear();
  useCheckout.getState().reset();
  useEntry.getState().cancel();
  useHistory.getState().reset();
  useParked.getState().reset();
  usePaymentWait.getState().reset();
  useSession.getState().reset();
  useSettings.getState().reset();
  useSignOut.getState().reset();
  useShift.getState().reset();
  useStatus.getState().reset();
  useUi.getState().reset();
  // jsdom has no audio: announcements are recorded in the store and go nowhere.
  useSpeech.getState().reset();
  useSpeech.getState().setSink(async () => {});
  return core;
}

/** Signs the fake core's cashier in and loads the session, as the sign-in screen would. */
export async function signedIn(core: FakeCore, pin = '1234'): Promise<void> {
  await core.api['cashier-signin']({ pin });
  await useSession.getState().load();
}
