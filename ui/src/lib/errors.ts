// What to tell the reader when something failed: the shell's own localised words when it said
// why (docs/ipc.md, one error shape), otherwise a general apology in the reader's language.
import { BackendError } from '../backend';
import { t } from '../i18n.svelte';

export function errorMessage(e: unknown, fallback = 'error-unexpected'): string {
  return e instanceof BackendError && e.message ? e.message : t(fallback);
}
